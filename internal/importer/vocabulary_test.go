package importer

import (
	"flag"
	"os"
	"sort"
	"strings"
	"testing"
)

var updateVocabulary = flag.Bool("update", false, "rewrite measures.txt from the development sets")

// developmentSets are the labelled sets the vocabulary of measures is
// learned from: every set that has been read (docs/importer-labels.md).
// A held-out set joins this list only after its one measurement.
var developmentSets = []string{
	"testdata/abstracts_dev.yaml", "testdata/abstracts_fresh.yaml", "testdata/abstracts_heldout3.yaml",
	"testdata/abstracts_heldout4a.yaml", "testdata/abstracts_heldout4b.yaml",
	"testdata/abstracts_heldout5a.yaml", "testdata/abstracts_heldout5b.yaml",
	"testdata/abstracts_heldout6a.yaml", "testdata/abstracts_heldout6b.yaml",
	"testdata/abstracts_heldout7a.yaml", "testdata/abstracts_heldout7b.yaml",
	"testdata/abstracts_heldout8a.yaml", "testdata/abstracts_heldout8b.yaml",
	"testdata/abstracts_heldout9a.yaml", "testdata/abstracts_heldout9b.yaml",
	"testdata/abstracts_heldout10a.yaml", "testdata/abstracts_heldout10b.yaml",
	"testdata/abstracts_heldout11a.yaml", "testdata/abstracts_heldout11b.yaml",
	"testdata/abstracts_heldout12a.yaml", "testdata/abstracts_heldout12b.yaml",
	"testdata/abstracts_heldout13a.yaml", "testdata/abstracts_heldout13b.yaml", "testdata/abstracts_heldout13c.yaml",
	"testdata/abstracts_heldout14a.yaml", "testdata/abstracts_heldout14b.yaml", "testdata/abstracts_heldout14c.yaml",
	"testdata/abstracts_heldout15a.yaml", "testdata/abstracts_heldout15b.yaml", "testdata/abstracts_heldout15c.yaml",
	"testdata/abstracts_heldout16a.yaml", "testdata/abstracts_heldout16b.yaml", "testdata/abstracts_heldout16c.yaml",
	"testdata/abstracts_heldout17a.yaml", "testdata/abstracts_heldout17b.yaml", "testdata/abstracts_heldout17c.yaml",
	"testdata/abstracts_heldout18a.yaml", "testdata/abstracts_heldout18b.yaml", "testdata/abstracts_heldout18c.yaml",
	"testdata/abstracts_heldout19a.yaml", "testdata/abstracts_heldout19b.yaml", "testdata/abstracts_heldout19c.yaml",
	"testdata/abstracts_heldout20a.yaml", "testdata/abstracts_heldout20b.yaml", "testdata/abstracts_heldout20c.yaml",
	"testdata/abstracts_heldout21a.yaml", "testdata/abstracts_heldout21b.yaml", "testdata/abstracts_heldout21c.yaml",
	"testdata/abstracts_heldout22a.yaml", "testdata/abstracts_heldout22b.yaml", "testdata/abstracts_heldout22c.yaml",
	"testdata/abstracts_heldout23a.yaml", "testdata/abstracts_heldout23b.yaml", "testdata/abstracts_heldout23c.yaml",
	"testdata/abstracts_heldout24a.yaml", "testdata/abstracts_heldout24b.yaml", "testdata/abstracts_heldout24c.yaml",
	"testdata/abstracts_heldout25a.yaml", "testdata/abstracts_heldout25b.yaml", "testdata/abstracts_heldout25c.yaml",
	"testdata/abstracts_heldout26a.yaml", "testdata/abstracts_heldout26b.yaml", "testdata/abstracts_heldout26c.yaml",
	"testdata/abstracts_heldout27a.yaml", "testdata/abstracts_heldout27b.yaml", "testdata/abstracts_heldout27c.yaml",
	"testdata/abstracts_heldout28a.yaml", "testdata/abstracts_heldout28b.yaml", "testdata/abstracts_heldout28c.yaml",
	"testdata/abstracts_heldout29a.yaml", "testdata/abstracts_heldout29b.yaml", "testdata/abstracts_heldout29c.yaml",
	"testdata/abstracts_heldout30a.yaml", "testdata/abstracts_heldout30b.yaml", "testdata/abstracts_heldout30c.yaml",
	"testdata/abstracts_heldout31a.yaml", "testdata/abstracts_heldout31b.yaml", "testdata/abstracts_heldout31c.yaml",
	"testdata/abstracts_heldout32a.yaml", "testdata/abstracts_heldout32b.yaml", "testdata/abstracts_heldout32c.yaml",
	"testdata/abstracts_heldout33a.yaml", "testdata/abstracts_heldout33b.yaml", "testdata/abstracts_heldout33c.yaml",
	"testdata/abstracts_heldout34a.yaml", "testdata/abstracts_heldout34b.yaml", "testdata/abstracts_heldout34c.yaml",
	"testdata/abstracts_heldout35a.yaml", "testdata/abstracts_heldout35b.yaml", "testdata/abstracts_heldout35c.yaml",
	"testdata/abstracts_heldout36a.yaml", "testdata/abstracts_heldout36b.yaml", "testdata/abstracts_heldout36c.yaml",
	"testdata/abstracts_heldout37a.yaml", "testdata/abstracts_heldout37b.yaml", "testdata/abstracts_heldout37c.yaml",
	"testdata/abstracts_heldout38a.yaml", "testdata/abstracts_heldout38b.yaml", "testdata/abstracts_heldout38c.yaml",
	"testdata/abstracts_heldout39a.yaml", "testdata/abstracts_heldout39b.yaml", "testdata/abstracts_heldout39c.yaml",
	"testdata/abstracts_heldout40a.yaml", "testdata/abstracts_heldout40b.yaml", "testdata/abstracts_heldout40c.yaml",
	"testdata/abstracts_heldout41a.yaml", "testdata/abstracts_heldout41b.yaml", "testdata/abstracts_heldout41c.yaml",
	"testdata/abstracts_heldout42a.yaml", "testdata/abstracts_heldout42b.yaml", "testdata/abstracts_heldout42c.yaml",
	"testdata/abstracts_heldout43a.yaml", "testdata/abstracts_heldout43b.yaml", "testdata/abstracts_heldout43c.yaml",
	"testdata/abstracts_heldout44a.yaml", "testdata/abstracts_heldout44b.yaml", "testdata/abstracts_heldout44c.yaml",
	"testdata/abstracts_heldout45a.yaml", "testdata/abstracts_heldout45b.yaml", "testdata/abstracts_heldout45c.yaml",
	"testdata/abstracts_heldout46a.yaml", "testdata/abstracts_heldout46b.yaml", "testdata/abstracts_heldout46c.yaml",
	"testdata/abstracts_heldout47a.yaml", "testdata/abstracts_heldout47b.yaml", "testdata/abstracts_heldout47c.yaml",
	"testdata/abstracts_heldout48a.yaml", "testdata/abstracts_heldout48b.yaml", "testdata/abstracts_heldout48c.yaml",
	"testdata/abstracts_heldout49a.yaml", "testdata/abstracts_heldout49b.yaml", "testdata/abstracts_heldout49c.yaml",
	"testdata/abstracts_heldout50a.yaml", "testdata/abstracts_heldout50b.yaml", "testdata/abstracts_heldout50c.yaml",
	"testdata/abstracts_heldout51a.yaml", "testdata/abstracts_heldout51b.yaml", "testdata/abstracts_heldout51c.yaml",
	"testdata/abstracts_heldout52a.yaml", "testdata/abstracts_heldout52b.yaml", "testdata/abstracts_heldout52c.yaml",
	"testdata/abstracts_heldout53a.yaml", "testdata/abstracts_heldout53b.yaml", "testdata/abstracts_heldout53c.yaml",
	"testdata/abstracts_heldout54a.yaml", "testdata/abstracts_heldout54b.yaml", "testdata/abstracts_heldout54c.yaml",
	"testdata/abstracts_heldout55a.yaml", "testdata/abstracts_heldout55b.yaml", "testdata/abstracts_heldout55c.yaml",
	"testdata/abstracts_heldout56a.yaml", "testdata/abstracts_heldout56b.yaml", "testdata/abstracts_heldout56c.yaml",
	"testdata/abstracts_heldout57a.yaml", "testdata/abstracts_heldout57b.yaml", "testdata/abstracts_heldout57c.yaml",
	"testdata/abstracts_heldout58a.yaml", "testdata/abstracts_heldout58b.yaml", "testdata/abstracts_heldout58c.yaml",
	"testdata/abstracts_heldout59a.yaml", "testdata/abstracts_heldout59b.yaml", "testdata/abstracts_heldout59c.yaml",
	"testdata/abstracts_heldout60a.yaml", "testdata/abstracts_heldout60b.yaml", "testdata/abstracts_heldout60c.yaml",
	"testdata/abstracts_heldout61a.yaml", "testdata/abstracts_heldout61b.yaml", "testdata/abstracts_heldout61c.yaml",
	"testdata/abstracts_heldout63a.yaml", "testdata/abstracts_heldout63b.yaml", "testdata/abstracts_heldout63c.yaml",
	"testdata/abstracts_heldout62a.yaml", "testdata/abstracts_heldout62b.yaml", "testdata/abstracts_heldout62c.yaml",
	"testdata/abstracts_heldout64a.yaml", "testdata/abstracts_heldout64b.yaml", "testdata/abstracts_heldout64c.yaml",
	"testdata/abstracts_heldout65a.yaml", "testdata/abstracts_heldout65b.yaml", "testdata/abstracts_heldout65c.yaml",
	"testdata/abstracts_heldout66a.yaml", "testdata/abstracts_heldout66b.yaml", "testdata/abstracts_heldout66c.yaml",
	"testdata/abstracts_heldout67a.yaml", "testdata/abstracts_heldout67b.yaml", "testdata/abstracts_heldout67c.yaml",
	"testdata/abstracts_heldout68a.yaml", "testdata/abstracts_heldout68b.yaml", "testdata/abstracts_heldout68c.yaml",
	"testdata/abstracts_heldout69a.yaml", "testdata/abstracts_heldout69b.yaml", "testdata/abstracts_heldout69c.yaml",
	"testdata/abstracts_heldout70a.yaml", "testdata/abstracts_heldout70b.yaml", "testdata/abstracts_heldout70c.yaml",
	"testdata/abstracts_heldout71a.yaml", "testdata/abstracts_heldout71b.yaml", "testdata/abstracts_heldout71c.yaml",
	"testdata/abstracts_heldout72a.yaml", "testdata/abstracts_heldout72b.yaml", "testdata/abstracts_heldout72c.yaml",
	"testdata/abstracts_heldout74a.yaml", "testdata/abstracts_heldout74b.yaml", "testdata/abstracts_heldout74c.yaml",
	"testdata/abstracts_heldout73a.yaml", "testdata/abstracts_heldout73b.yaml", "testdata/abstracts_heldout73c.yaml",
	"testdata/abstracts_heldout75a.yaml", "testdata/abstracts_heldout75b.yaml", "testdata/abstracts_heldout75c.yaml",
	"testdata/abstracts_heldout76a.yaml", "testdata/abstracts_heldout76b.yaml", "testdata/abstracts_heldout76c.yaml",
	"testdata/abstracts_heldout77a.yaml", "testdata/abstracts_heldout77b.yaml", "testdata/abstracts_heldout77c.yaml",
	"testdata/abstracts_heldout78a.yaml", "testdata/abstracts_heldout78b.yaml", "testdata/abstracts_heldout78c.yaml",
	"testdata/abstracts_heldout79a.yaml", "testdata/abstracts_heldout79b.yaml", "testdata/abstracts_heldout79c.yaml",
	"testdata/abstracts_heldout80a.yaml", "testdata/abstracts_heldout80b.yaml", "testdata/abstracts_heldout80c.yaml",
	"testdata/abstracts_heldout81a.yaml", "testdata/abstracts_heldout81b.yaml",
	"testdata/abstracts_heldout82a.yaml", "testdata/abstracts_heldout82b.yaml", "testdata/abstracts_heldout82c.yaml",
	"testdata/abstracts_heldout83a.yaml", "testdata/abstracts_heldout83b.yaml", "testdata/abstracts_heldout83c.yaml",
	"testdata/abstracts_heldout84a.yaml", "testdata/abstracts_heldout84b.yaml", "testdata/abstracts_heldout84c.yaml",
	"testdata/abstracts_heldout85a.yaml", "testdata/abstracts_heldout85b.yaml", "testdata/abstracts_heldout85c.yaml",
	"testdata/abstracts_heldout86a.yaml", "testdata/abstracts_heldout86b.yaml", "testdata/abstracts_heldout86c.yaml",
	"testdata/abstracts_heldout87a.yaml", "testdata/abstracts_heldout87b.yaml", "testdata/abstracts_heldout87c.yaml",
	"testdata/abstracts_heldout88a.yaml", "testdata/abstracts_heldout88b.yaml", "testdata/abstracts_heldout88c.yaml",
	"testdata/abstracts_heldout89a.yaml", "testdata/abstracts_heldout89b.yaml", "testdata/abstracts_heldout89c.yaml",
	"testdata/abstracts_heldout90a.yaml", "testdata/abstracts_heldout90b.yaml", "testdata/abstracts_heldout90c.yaml",
	"testdata/abstracts_heldout91a.yaml", "testdata/abstracts_heldout91b.yaml", "testdata/abstracts_heldout91c.yaml",
	"testdata/abstracts_heldout92a.yaml", "testdata/abstracts_heldout92b.yaml", "testdata/abstracts_heldout92c.yaml",
	"testdata/abstracts_heldout93a.yaml", "testdata/abstracts_heldout93b.yaml", "testdata/abstracts_heldout93c.yaml",
	"testdata/abstracts_heldout94a.yaml", "testdata/abstracts_heldout94b.yaml", "testdata/abstracts_heldout94c.yaml",
	"testdata/abstracts_heldout95a.yaml", "testdata/abstracts_heldout95b.yaml", "testdata/abstracts_heldout95c.yaml",
	"testdata/abstracts_heldout96a.yaml", "testdata/abstracts_heldout96b.yaml", "testdata/abstracts_heldout96c.yaml",
	"testdata/abstracts_heldout97a.yaml", "testdata/abstracts_heldout97b.yaml", "testdata/abstracts_heldout97c.yaml",
	"testdata/abstracts_heldout98a.yaml", "testdata/abstracts_heldout98b.yaml", "testdata/abstracts_heldout98c.yaml",
	"testdata/abstracts_heldout99a.yaml", "testdata/abstracts_heldout99b.yaml", "testdata/abstracts_heldout99c.yaml",
	"testdata/abstracts_heldout100a.yaml", "testdata/abstracts_heldout100b.yaml", "testdata/abstracts_heldout100c.yaml",
	"testdata/abstracts_heldout101a.yaml", "testdata/abstracts_heldout101b.yaml", "testdata/abstracts_heldout101c.yaml",
	"testdata/abstracts_heldout102a.yaml", "testdata/abstracts_heldout102b.yaml", "testdata/abstracts_heldout102c.yaml",
	"testdata/abstracts_heldout103a.yaml", "testdata/abstracts_heldout103b.yaml", "testdata/abstracts_heldout103c.yaml",
	"testdata/abstracts_heldout104a.yaml", "testdata/abstracts_heldout104b.yaml", "testdata/abstracts_heldout104c.yaml",
	"testdata/abstracts_heldout105a.yaml", "testdata/abstracts_heldout105b.yaml", "testdata/abstracts_heldout105c.yaml",
	"testdata/abstracts_heldout106a.yaml", "testdata/abstracts_heldout106b.yaml", "testdata/abstracts_heldout106c.yaml",
	"testdata/abstracts_heldout107a.yaml", "testdata/abstracts_heldout107b.yaml", "testdata/abstracts_heldout107c.yaml",
	"testdata/abstracts_heldout108a.yaml", "testdata/abstracts_heldout108b.yaml", "testdata/abstracts_heldout108c.yaml",
	"testdata/abstracts_heldout109a.yaml", "testdata/abstracts_heldout109b.yaml", "testdata/abstracts_heldout109c.yaml",
	"testdata/abstracts_heldout110a.yaml", "testdata/abstracts_heldout110b.yaml", "testdata/abstracts_heldout110c.yaml",
	"testdata/abstracts_heldout111a.yaml", "testdata/abstracts_heldout111b.yaml", "testdata/abstracts_heldout111c.yaml",
	"testdata/abstracts_heldout112a.yaml", "testdata/abstracts_heldout112b.yaml", "testdata/abstracts_heldout112c.yaml",
	"testdata/abstracts_heldout113a.yaml", "testdata/abstracts_heldout113b.yaml", "testdata/abstracts_heldout113c.yaml",
	"testdata/abstracts_heldout114a.yaml", "testdata/abstracts_heldout114b.yaml", "testdata/abstracts_heldout114c.yaml",
	"testdata/abstracts_heldout115a.yaml", "testdata/abstracts_heldout115b.yaml", "testdata/abstracts_heldout115c.yaml",
	"testdata/abstracts_heldout116a.yaml", "testdata/abstracts_heldout116b.yaml", "testdata/abstracts_heldout116c.yaml",
	"testdata/abstracts_heldout117a.yaml", "testdata/abstracts_heldout117b.yaml", "testdata/abstracts_heldout117c.yaml",
	"testdata/abstracts_heldout118a.yaml", "testdata/abstracts_heldout118b.yaml", "testdata/abstracts_heldout118c.yaml",
	"testdata/abstracts_heldout119a.yaml", "testdata/abstracts_heldout119b.yaml", "testdata/abstracts_heldout119c.yaml",
	"testdata/abstracts_heldout120a.yaml", "testdata/abstracts_heldout120b.yaml", "testdata/abstracts_heldout120c.yaml",
	"testdata/abstracts_heldout121a.yaml", "testdata/abstracts_heldout121b.yaml", "testdata/abstracts_heldout121c.yaml",
	"testdata/abstracts_heldout122a.yaml", "testdata/abstracts_heldout122b.yaml", "testdata/abstracts_heldout122c.yaml",
	"testdata/abstracts_heldout123a.yaml", "testdata/abstracts_heldout123b.yaml", "testdata/abstracts_heldout123c.yaml",
	"testdata/abstracts_heldout124a.yaml", "testdata/abstracts_heldout124b.yaml", "testdata/abstracts_heldout124c.yaml",
	"testdata/abstracts_heldout125a.yaml", "testdata/abstracts_heldout125b.yaml", "testdata/abstracts_heldout125c.yaml",
	"testdata/abstracts_heldout126a.yaml", "testdata/abstracts_heldout126b.yaml", "testdata/abstracts_heldout126c.yaml",
	"testdata/abstracts_heldout127a.yaml", "testdata/abstracts_heldout127b.yaml", "testdata/abstracts_heldout127c.yaml",
	"testdata/abstracts_heldout128a.yaml", "testdata/abstracts_heldout128b.yaml", "testdata/abstracts_heldout128c.yaml",
	"testdata/abstracts_heldout129a.yaml", "testdata/abstracts_heldout129b.yaml", "testdata/abstracts_heldout129c.yaml",
	"testdata/abstracts_heldout130a.yaml", "testdata/abstracts_heldout130b.yaml", "testdata/abstracts_heldout130c.yaml",
	"testdata/abstracts_heldout131a.yaml", "testdata/abstracts_heldout131b.yaml", "testdata/abstracts_heldout131c.yaml",
	"testdata/abstracts_heldout132a.yaml", "testdata/abstracts_heldout132b.yaml", "testdata/abstracts_heldout132c.yaml",
	"testdata/abstracts_heldout133a.yaml", "testdata/abstracts_heldout133b.yaml", "testdata/abstracts_heldout133c.yaml",
	"testdata/abstracts_heldout134a.yaml", "testdata/abstracts_heldout134b.yaml", "testdata/abstracts_heldout134c.yaml",
	"testdata/abstracts_heldout135a.yaml", "testdata/abstracts_heldout135b.yaml", "testdata/abstracts_heldout135c.yaml",
	"testdata/abstracts_heldout136a.yaml", "testdata/abstracts_heldout136b.yaml", "testdata/abstracts_heldout136c.yaml",
}

// measureChangeWords end a labelled name without being part of the
// measure; measureSummaryWords start one.
var (
	measureChangeWords = map[string]bool{"reduction": true, "improvement": true, "gain": true, "drop": true,
		"loss": true, "increase": true, "decrease": true, "saving": true, "savings": true, "retention": true,
		"retained": true, "gap": true, "difference": true, "change": true, "boost": true, "degradation": true,
		"decline": true, "margin": true, "preserved": true, "recovery": true, "deficit": true, "impact": true}
	measureSummaryWords = map[string]bool{"average": true, "relative": true, "absolute": true, "overall": true, "mean": true,
		// comparatives say which way, not what: "higher throughput"
		"higher": true, "lower": true, "larger": true, "smaller": true, "more": true, "fewer": true, "less": true, "better": true}
	// notMeasures are labelled names that are words of any sentence: a
	// verb ("is", the inception score's abbreviation), or what is
	// measured on rather than a measure, or a qualifier of one ("semantic
	// accuracy", "zero-shot accuracy").
	notMeasures = map[string]bool{"is": true, "data": true, "task": true, "service": true, "metric": true,
		"operation": true, "gpu": true, "end to end": true, "bit": true, "bits": true, "entities": true,
		"frames": true, "long context": true, "input token": true, "generated token": true, "reasoning token": true,
		"semantic": true, "zero shot": true, "detection": true, "estimate": true, "oracle": true, "final": true, "math": true, "trial": true, "trials": true, "code": true, "water": true, "influence": true, "tasks": true, "few shot": true, "cross domain": true, "distillation": true, "whitespace": true, "point": true, "plug in": true, "aime24": true, "nli": true, "iteration": true, "apamal": true, "apamall": true, "query": true, "expert": true, "hellaswag": true,
		"understanding": true, "visual understanding": true, "benchmark": true, "noisy": true, "fusion": true, "percentage": true, "call": true, "calls": true, "iterations": true, "deviation": true, "tiling": true, "test samples": true, "labeled sample": true, "sampled points": true, "utility": true, "segment": true, "transfer": true, "gsm8k": true, "per": true, "consistency": true, "text classification": true, "update": true, "rollout": true, "wise": true, "unireditbench": true,
		"glue": true, "superglue": true, "long range arena": true, "plant segmentation": true, "constrained poem completion": true, "long chain thinking": true, "future audio context": true, "llm as a judge": true, "response token": true, "self consistency token": true, "alignment with human experts": true, "retain quality": true, "sensitivity and specificity": true, "target": true, "sieve": true, "labor": true, "tiif bench": true, "visionharm": true, "kommlu": true, "mvbench": true, "tempcompass": true, "coding": true, "action segmentation": true, "downstream": true, "hotpotqa": true, "ocr": true, "manual annotation": true, "decoder layers": true, "number of decoder layers": true, "calculation": true, "omission and commission error": true, "accuracy logs": true, "accuracy pixel": true,
		"annotations": true, "annotation data": true, "human annotations": true, "intermediate": true, "intermediates": true, "enumeration": true, "safety": true, "teacher selection": true, "llm as judge": true, "training examples": true, "arithmetic reasoning": true, "contextual understanding": true, "ragas": true, "ripple": true, "gpu resources": true, "qa accuracy": true, "active code": true, "geometric": true, "global mmlu": true, "labeled data": true, "training exchange": true, "think token": true, "trained token": true, "prompt": true, "shot": true, "number of shots": true, "domain": true, "actual": true, "repetition": true, "reversal": true, "compatibility": true, "linear probing": true, "manual curation": true, "zero shot classification": true, "evaluation examples": true, "probe examples": true, "target samples": true, "attempts": true, "stress": true, "mg": true, "derm": true, "calibration runs": true, "human reviewed reports": true, "llm api call": true, "sequential token": true, "tool exposure": true, "composite overall": true, "ir metric": true, "candidate search space": true, "channel measurement": true, "addition": true, "answer": true, "comparison": true, "separation": true, "input channel": true, "test point": true, "off diagonal answer": true, "discrimination": true, "bit flip": true, "agent call": true, "gradient steps": true, "optimization step": true, "domain separation": true, "raw sharded performance": true, "problem": true, "sampled problem": true, "overlap": true, "se": true, "active context": true, "ambiguous overlap region": true, "source domain knowledge": true, "cost weighted": true, "labelled data": true, "cloud model call": true, "top 1": true, "points": true, "ablation": true, "text": true, "harq": true, "math500": true, "aime2025": true, "mmeb": true, "parsglue": true, "t2i compbench": true, "edge": true, "current": true, "variance": true, "standard deviation": true, "risk": true, "commonsenseqa": true, "triviaqa": true, "fact": true, "rating": true, "gas": true, "reference image": true, "scienceqa": true, "vizwiz": true, "mm vet": true,
		"resolution": true, "noise": true, "question answering": true,
		"consensus": true, "prediction": true, "pareto": true, "marginal": true, "densification": true, "bad2": true, "bad3": true, "macro average": true,
		"recall@1": true, "survival rate": true, "generated tokens": true, "alignment": true,
		"net": true, "lead time": true, "action": true, "decoding": true, "preference": true}
)

// learnMeasures reads the measures of the labelled sets: each labelled
// metric name less its change and summary words, kept when the abstract
// writes it (so that it is a phrase of text, not a labeller's coinage),
// and not a speed-up, which the rules name.
func learnMeasures(t *testing.T, paths []string) []string {
	seen := map[string]bool{}
	for _, path := range paths {
		for _, p := range loadLabelled(t, path).Papers {
			text := " " + strings.Join(vocabWord.FindAllString(strings.ReplaceAll(strings.ToLower(p.Abstract), "-", " "), -1), " ") + " "
			for _, c := range p.Claims {
				for _, alt := range strings.Split(c.Metric, "|") {
					ws := strings.Split(strings.ToLower(alt), "_")
					for len(ws) > 0 && measureSummaryWords[ws[0]] {
						ws = ws[1:]
					}
					for len(ws) > 0 && measureChangeWords[ws[len(ws)-1]] {
						ws = ws[:len(ws)-1]
					}
					if len(ws) == 0 || strings.Contains(ws[len(ws)-1], "speedup") || len(ws) == 1 && (ws[0] == "value" || len(ws[0]) < 2) {
						continue
					}
					phrase := strings.Join(ws, " ")
					if notMeasures[phrase] {
						continue
					}
					if strings.Contains(text, " "+phrase+" ") || strings.Contains(text, " "+phrase+"s ") {
						seen[phrase] = true
					}
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// TestMeasureVocabulary checks that measures.txt is the vocabulary the
// development sets give, so that it cannot drift from them or take in a
// held-out set; -update rewrites it.
func TestMeasureVocabulary(t *testing.T) {
	want := "# The vocabulary of measures, learned from the labelled development sets by\n" +
		"# TestMeasureVocabulary (go test ./internal/importer -run TestMeasureVocabulary -update).\n" +
		strings.Join(learnMeasures(t, developmentSets), "\n") + "\n"
	if *updateVocabulary {
		if err := os.WriteFile("measures.txt", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if measuresFile != want {
		t.Errorf("measures.txt is not the vocabulary of the development sets; run go test ./internal/importer -run TestMeasureVocabulary -update")
	}
	for _, path := range developmentSets {
		if notYetMeasured(path) || strings.Contains(path, "second/") {
			t.Errorf("%s: a held-out set not yet measured is in the vocabulary's sources", path)
		}
	}
}

func TestVocabularyMeasure(t *testing.T) {
	tests := []struct {
		before, after, unit string
		want                string
	}{
		{"the policy keeps ", "% success rate on libero", "%", "success rate"},
		{"it lowers the kv cache hit rate by ", "%", "%", "kv cache hit rate"},
		{"nothing measured here ", " of it", "", ""},
		// A size in bytes is not a word error rate, a time not an accuracy.
		{"it shrinks the model to ", " gb while keeping the word error rate", "GB", ""},
		{"the peak memory falls to ", " gb while keeping the word error rate", "GB", "peak memory"},
		{"the encoder runs in ", " ms with the same accuracy", "ms", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(vocabularyMeasure(tt.before, tt.after, tt.unit), " "); got != tt.want {
			t.Errorf("vocabularyMeasure(%q, %q) = %q; want %q", tt.before, tt.after, got, tt.want)
		}
	}
}
