package importer

import (
	"regexp"
	"strings"
)

// Numbers the rules keep as claims but whose words leave room for doubt.
// Each is flagged rather than dropped: the doubt is a likelihood, and a
// reviewer settles it in one look.

var (
	// compressionShare is a compression ratio or rate: in percent it is
	// the share of the original size kept.
	compressionShare = regexp.MustCompile(`compression_(?:ratio|rate)`)
	// despiteBefore is a concession the number sits in: "despite using a
	// 60x smaller model": a condition, not what was achieved.
	despiteBefore = regexp.MustCompile(`\b(?:despite|notwithstanding|although|even\s+though)\b[^,;]*$`)
	// colonRatio is a ratio written a:b, which sets proportions more often
	// than it reports a result: "below a 3:1 ratio".
	colonRatio  = regexp.MustCompile(`^:[0-9]`)
	colonInside = regexp.MustCompile(`[0-9]\s*:\s*[0-9]`)
	// othersAfter is a number another system achieved: "the 3x achieved
	// by Gzip", "the 41% reported by prior work".
	othersAfter = regexp.MustCompile(`^\s*(?:[a-z-]+\s+)?(?:achieved|reported|obtained|attained|claimed)\s+by\b`)
	// beforeProcess is a share of the input taken away before the method
	// runs: "removing 80% of the data prior to distillation".
	beforeProcess = regexp.MustCompile(`\b(?:prior\s+to|before)\s+(?:[a-z-]+\s+){0,2}?[a-z]+(?:ing|ion)\b`)
	// parenDataSize is a size in a parenthesis that names data: "(Canterbury
	// Corpus, 152 KB)", "(enwik8, 100 MB)".
	parenDataSize = regexp.MustCompile(`\([^()]{1,40},\s*(?:~\s*)?$`)
)

// settingSparsity is a sparsity a result is measured at: "at extreme
// sparsities, including", "even at 95%".
var settingSparsity = regexp.MustCompile(`\b(?:at|even|under|with)\s+(?:[a-z-]+\s+){0,3}(?:sparsit(?:y|ies)\b[^;]{0,80}|[(]?\s*)$`)

// genericNames name only the kind of quantity, not what it is of.
var genericNames = map[string]bool{"size": true, "score": true, "rate": true}

// bareUnitNames are names that say what a unit measures and nothing more:
// "time" of what, the throughput of which stage? Flagged only: the rules
// before use them as names like any other.
var bareUnitNames = map[string]bool{"time": true, "speed": true, "speeds": true, "throughput": true, "memory": true}

// stageWord is a stage of a pipeline a speed-up can be of.
var stageWord = regexp.MustCompile(`\b(encod|decod|prefill|training|inference|generation|render|search|retriev)\w*`)

// stagesNamed counts the different stages a sentence names.
func stagesNamed(s string) int {
	seen := map[string]bool{}
	for _, m := range stageWord.FindAllStringSubmatch(s, -1) {
		seen[m[1]] = true
	}
	return len(seen)
}

// doubtNotes returns the review notes for a number whose words make it
// doubtful as a result of the paper's own method, or whose name says too
// little. sent is its sentence up to the number, post the rest, self the
// number, all lower case.
func doubtNotes(sent, post, self, metric string) []string {
	var notes []string
	if despiteBefore.MatchString(sent) {
		notes = append(notes, "in a concession ('despite ...'): probably a condition, not a result")
	}
	if colonRatio.MatchString(post) || colonInside.MatchString(self) {
		notes = append(notes, "a ratio written a:b: probably a proportion set, not a result")
	}
	if othersAfter.MatchString(post) {
		notes = append(notes, "a figure another system achieved ('achieved by ...'): probably not this paper's result")
	}
	if beforeProcess.MatchString(post) {
		notes = append(notes, "a share taken before the method runs ('prior to ...'): probably a setting")
	}
	if parenDataSize.MatchString(sent) {
		notes = append(notes, "a size beside a name in a parenthesis: probably the data's, not a result")
	}
	if genericNames[metric] {
		notes = append(notes, "the metric names only the kind of quantity: name what it is of")
	}
	if metric == "speedup" && stagesNamed(sent+" "+post) > 1 {
		notes = append(notes, "a speed-up in a sentence about several stages (encoding, decoding, prefill ...): name the one it is of")
	}
	if metric == "sparsity" && settingSparsity.MatchString(sent) {
		notes = append(notes, "a sparsity after 'at' or 'even': probably the setting a result is measured at, not a result")
	}
	if metric == "latency" && !strings.Contains(sent+post, "latenc") {
		notes = append(notes, "a time read as a latency, the abstract names none: name what it is of")
	}
	if bareUnitNames[metric] {
		notes = append(notes, "the metric is only what its unit measures: name what it is of (decoding time, inference speed ...)")
	}
	return notes
}
