package importer

import (
	"regexp"
	"strings"
)

// The last resort of metric naming: a number whose own words and the
// rules before name no measure, or only a bare change ("improvement"),
// takes it from the clause it sits in. A verb of change names what
// changes through its object ("reduces response length by an average of
// 28%"); a verb of comparison has a competitor as its object ("outperforming
// gzip by 3.1x"), so the measure is what the sentence is about; failing
// both, the nearest measured word of the clause. Each name found so is
// flagged, since it comes from words away from the number.

var (
	// clauseChangeBy is a verb of change, its object and the "by" that
	// introduces the amount, anywhere before the number in its sentence:
	// "reduces the memory footprint by an average of 33.54% on GPUs and".
	clauseChangeBy = regexp.MustCompile(`\b(reduc\w*|lower\w*|decreas\w*|cut(?:s|ting)?|shrink\w*|sav(?:e|es|ed|ing)|improv\w*|increas\w*|boost\w*|rais\w*|enhanc\w*|lift\w*|shorten\w*|compress\w*)\s+((?:[a-z0-9@/$'-]+\s+){0,4}?[a-z0-9@/$'-]+)\s+by\b`)
	// parenOfChange is a measure and its change word right before a
	// parenthesis of levels: "memory footprint reduction (e.g., from".
	parenOfChange = regexp.MustCompile(`((?:[a-z0-9-]+\s+){1,3}?)(?:reductions?|savings?|decreases?|increases?|improvements?)\s*\(\s*(?:e\.g\.,?\s*|i\.e\.,?\s*)?(?:from\s+[^()]*?\s+to\s*)?$`)
	// kindOfChangeAfter is a kind of change written right after the number:
	// "86.2% relative improvement".
	kindOfChangeAfter = regexp.MustCompile(`^\s*(relative|absolute)\s+(improvement|gain|reduction|increase|decrease|drop|speedup)s?\b`)
	// changeNounBefore is a noun phrase ending in a change word right
	// before the number, with the word that relates them: "the mIoU drop
	// below", "an accuracy loss of only".
	changeNounBefore = regexp.MustCompile(`((?:[a-z0-9@-]+\s+){1,3}(?:drop|decrease|loss|degradation|decline|reduction|saving|gain|improvement|increase)s?)\s+(?:of|below|under|within|at\s+most|less\s+than|by)\s+(?:only\s+|just\s+|about\s+|around\s+)?$`)
	// gapBreak is what ends the reach of a verb's "by" before the number:
	// a parenthesis, another verb in -ing ("while preserving accuracy
	// (74.9%"), or a named score.
	gapBreak = regexp.MustCompile(`[()]|\b[a-z]{3,}ing\b|\b(?:accuracy|perplexity|score|quality|performance)\b`)
	// parenAfterMeasure is a measured word and the parenthesis that opens
	// right after it, before the number.
	parenAfterMeasure = regexp.MustCompile(`\b([a-z][a-z0-9-]*)\s*\(\s*$`)
	// nounAfter is a noun phrase right after a share, not a preposition
	// or a verb: "0.1% pre-training tokens".
	nounAfter = regexp.MustCompile(`^\s*((?:[a-z][a-z0-9-]*\s+){0,2}[a-z][a-z0-9-]*s)\b`)
	// clauseBeatsBy is a verb of comparison and the "by" after its
	// object, a competitor: "outperforming gzip by", "surpassing X (~1.11
	// bpb) by", "exceeds those of A, B and C by margins of".
	clauseBeatsBy = regexp.MustCompile(`\b(?:outperform\w*|surpass\w*|exceed\w*|beat(?:s|ing)?|outpac\w*)\b[^;]{0,120}?\bby\b`)
	// specificScore is a named score, preferred to a generic word of
	// quality when the sentence says what it compares.
	specificScore = regexp.MustCompile(`\b(accuracy|perplexity|psnr|ssim|bleu|rouge|f1|wer|fid|miou|map|auc|ndcg|recall|precision)\b`)
	// genericScore is a word of quality that stands for a score named
	// earlier: "This performance exceeds ...".
	genericScore = regexp.MustCompile(`\b(performance|quality|results?)\b`)
	// processWord is a process the sentence is about, named by its verb
	// or noun: "while compressing below the entropy bounds".
	// A rate in bits per symbol measures compression.
	processWord = regexp.MustCompile(`\b(compress\w*|quantiz\w*|prun\w*|decod\w*|encod\w*|retriev\w*|bits\s+per\s+(?:byte|character|pixel)|bpb|bpc|bpp)\b`)
	// anaphoricOpen is a sentence that opens by pointing back: "This
	// performance", "These gains".
	anaphoricOpen = regexp.MustCompile(`^\s*(?:this|these|such|the)\s+(?:performance|results?|gains?|improvements?|quality)\b`)
)

// processNouns are the nouns of the processes processWord finds, by stem.
var processNouns = []struct{ stem, noun string }{
	{"compress", "compression"}, {"quantiz", "quantization"}, {"prun", "pruning"},
	{"decod", "decoding"}, {"encod", "encoding"}, {"retriev", "retrieval"},
	{"bits", "compression"}, {"bpb", "compression"}, {"bpc", "compression"}, {"bpp", "compression"},
}

// clauseMeasure names a number from its sentence when metric names no
// measure. before is the abstract up to the sentence, sent the sentence up
// to the number, both lower case. ok is false when the clause names none.
func clauseMeasure(before, sent, rest, unit, metric string) (string, bool) {
	if pc := parenOfChange.FindStringSubmatch(sent); pc != nil {
		// "77% memory footprint reduction (e.g., from 15.8 GB to 3.2 GB)":
		// the levels in the parenthesis measure what the change is of.
		if ws, _ := nounPhrase(pc[1], 4); len(ws) > 0 && !npStop[ws[0]] {
			return snake(singular(ws)...), true
		}
	}
	if ra := kindOfChangeAfter.FindStringSubmatch(rest); ra != nil {
		// "a 86.2% relative improvement": the kind of change written
		// after the number.
		return ra[1] + "_" + ra[2], true
	}
	if cn := changeNounBefore.FindStringSubmatch(sent); cn != nil {
		// "keeping the mIoU drop below 3%": the number's own phrase names
		// a change and what changes; a drop there beats any verb of gain
		// elsewhere in the sentence.
		if ws, _ := nounPhrase(cn[1], 4); len(namingWords(ws)) > 1 {
			return snake(singular(namingWords(ws))...), true
		}
	}
	if pm := parenAfterMeasure.FindStringSubmatch(sent); pm != nil && isMetricPhrase([]string{pm[1]}) {
		// "while keeping accuracy (81.2% vs. 80.9%)": a level in a
		// parenthesis right after the measure it is the level of.
		return pm[1], true
	}
	if unit == "%" || unit == "x" || unit == "pp" || unit == "points" || unit == "" {
		if all := clauseChangeBy.FindAllStringSubmatchIndex(sent, -1); all != nil {
			sm := all[len(all)-1]
			verb, obj := sent[sm[2]:sm[3]], sent[sm[4]:sm[5]]
			// The object must be the verb's, not a comparison's: no
			// verb of comparison between the change and the number.
			if !clauseBeatsBy.MatchString(sent[sm[0]:]) && !gapBreak.MatchString(sent[sm[1]:]) {
				if ws, _ := nounPhrase(obj, 4); len(ws) > 0 && !npStop[ws[0]] {
					return compound(ws, changeSuffix(verb)), true
				}
			}
		}
	}
	if loc := clauseBeatsBy.FindAllStringIndex(sent, -1); loc != nil {
		topic := sentenceTopic(before, sent[:loc[len(loc)-1][0]])
		if topic == "" {
			topic = sentenceProcess(sent + rest)
		}
		if topic != "" {
			suffix := "gain"
			if bareChange[metric] && metric != "improvement" {
				suffix = metric
			}
			return compound([]string{topic}, suffix), true
		}
	}
	if ws := antecedent(clauseOf(sent)); ws != nil && !genericScore.MatchString(ws[0]) {
		if bareChange[metric] {
			return compound(ws, metric), true
		}
	}
	if (metric == "" || metric == "value") && unit == "%" {
		// "less than 0.1% pre-training tokens": a share of what the noun
		// after it counts.
		if na := nounAfter.FindStringSubmatch(rest); na != nil {
			if ws, _ := nounPhrase(na[1], 3); len(ws) > 0 && !npStop[ws[0]] && !determiners[ws[0]] {
				return snake(ws...), true
			}
		}
	}
	return "", false
}

// sentenceTopic is the measure a sentence compares on, from the words
// before its verb of comparison: a named score, a process ("compressing"
// is compression), or, for a sentence that points back ("This performance
// exceeds"), the last named score of the sentence before.
func sentenceTopic(before, head string) string {
	if s := specificScore.FindAllString(head, -1); s != nil {
		return s[len(s)-1]
	}
	if anaphoricOpen.MatchString(head) {
		prev := before
		if k := strings.LastIndex(strings.TrimRight(prev, " .\n"), ". "); k >= 0 {
			prev = prev[k:]
		}
		if s := specificScore.FindAllString(prev, -1); s != nil {
			return s[len(s)-1]
		}
	}
	if p := processWord.FindString(head); p != "" {
		return processNoun(p)
	}
	return ""
}

// sentenceProcess is the process a whole sentence is about, for a
// comparison whose words before the verb name none: "Nacrith achieves
// 0.918 bpb--outperforming gzip by 3.1x, ..., while compressing below ...".
func sentenceProcess(sent string) string {
	if p := processWord.FindString(sent); p != "" {
		return processNoun(p)
	}
	return ""
}

func processNoun(w string) string {
	for _, pn := range processNouns {
		if strings.HasPrefix(w, pn.stem) {
			return pn.noun
		}
	}
	return ""
}

// competitorObject reports whether metric was read from the object of a
// verb of comparison right before the number ("outperforming CMIX v21 by
// 44%" read as v21_improvement): the object is a competitor, not a measure.
func competitorObject(sent, metric string) bool {
	if !beatsByEnd.MatchString(sent) {
		return false
	}
	head := strings.Split(metric, "_")[0]
	return head != "" && strings.Contains(sent[max(0, len(sent)-40):], head) && !isMetricPhrase([]string{head})
}

// beatsByEnd is a verb of comparison earlier in the sentence and a "by"
// right before the number, perhaps after a list of competitors: "outperforming
// gzip by 3.1x, bzip2 by 2.5x, CMIX v21 by".
var beatsByEnd = regexp.MustCompile(`\b(?:outperform\w*|surpass\w*|exceed\w*|beat(?:s|ing)?|outpac\w*)\b[^;]{0,200}\bby\s*$`)

// clauseOf is the last clause of a sentence fragment: what follows its
// last comma, semicolon or colon.
func clauseOf(sent string) string {
	if k := strings.LastIndexAny(sent, ",;:"); k >= 0 {
		return sent[k+1:]
	}
	return sent
}

var (
	// topOne and passAtK are spellings of the same measure: "top-1",
	// "top 1" and "top1"; "pass@1" and "pass at 1".
	topOne  = regexp.MustCompile(`(^|_)top_([0-9]+)(_|$)`)
	passAtK = regexp.MustCompile(`(^|_)pass_([0-9]+)(_|$)`)
	// "Recall@1", "nDCG@10", "Hit@5": a retrieval measure at a cut-off,
	// written with "at" as the labels and papers spell it out.
	// "word error rate", "character error rate": WER and CER, as the
	// labels and most papers write them.
	errorRateName = regexp.MustCompile(`(^|_)(w|c)(?:ord|haracter)_error_rate(_|$)`)
	// "computationally efficient": the adverb names the efficiency,
	// "computational efficiency".
	adverbOfEfficiency = regexp.MustCompile(`(^|_)([a-z]+al)ly_efficien`)
	// apAtIoU is a detector's precision at an IoU threshold, written as
	// the labels write it: "mAP@50" is map50, "AP@50-95" ap50_95.
	apAtIoU    = regexp.MustCompile(`(^|_)(m?ap)_(50|75)((?:_95)?(?:_|$))`)
	measureAtK = regexp.MustCompile(`(^|_)(recall|precision|hit|hits|ndcg|map|mrr|success|pass)_([0-9]+)(_|$)`)
	// flopsName is FLOPs spelled out.
	flopsName = regexp.MustCompile(`(^|_)floating_point_operations?(?:_per_second)?(_|$)`)
	// bdRateName is the Bjontegaard delta rate, however spelled.
	bdRateName = regexp.MustCompile(`(^|_)(?:bjontegaard_delta_(?:bit_?)?rate|bd_bit_?rate)(_|$)`)
	// preTraining is "pre-training", written as one word in names.
	preTraining = regexp.MustCompile(`(^|_)pre_training`)
	// preFilling is "pre-filling" written with its hyphen: one stage,
	// "prefilling", as the labels and most abstracts write it.
	preFilling = regexp.MustCompile(`(^|_)pre_fill(ing)?(_|$)`)
	// timeToFirstToken and timePerOutputToken are the serving latencies
	// spelled out: TTFT and TPOT, as the labels and most abstracts name them.
	timeToFirstToken   = regexp.MustCompile(`(^|_)time_to_first_tokens?(_|$)`)
	timePerOutputToken = regexp.MustCompile(`(^|_)time_per_output_tokens?(_|$)`)
)

// verbInName is a verb that reports a result or moves a measure ("attains",
// "results show", "cuts"), which a rule can take into a name along with the
// measure; it is never part of one.
var verbInName = regexp.MustCompile(`^(?:attain|obtain|achieve|deliver|yield|provide|offer|bring|give|reach|enable|exhibit|observe|see|find|show|demonstrate|indicate|reveal|confirm|report|cut|reduce|lower|decrease|improve|increase|boost|raise)s?$`)

// canonicalMetric spells common measures one way (top1, pass_at_1,
// pretraining), so that one measure has one name whichever way the
// abstract wrote it.
// sizeOnlyChange is a change named only by a word of its size.
var sizeOnlyChange = regexp.MustCompile(`^(?:maximum|maximal|notable|consistent|significant|substantial|remarkable|considerable|reaching|marked|impressive)_(improvement|gain|reduction|saving|speedup|increase)$`)

// errorScoreName is a distance or error "score" whose plain name the
// measure is known by ("fid_score" is the FID).
// gapBetween is a gap or difference named with the two things it lies
// between, which are not part of the measure's name.
var gapBetween = regexp.MustCompile(`(gap|difference)_between(?:_[a-z0-9]+)*?(_reduction|_improvement|_increase|_drop)?$`)

var errorScoreName = regexp.MustCompile(`(^|_)(` + distanceScores + `|rmse|mae|mse|mape|wer|cer)_scores?$`)

func canonicalMetric(metric string) string {
	// "attains_bd_rate_saving", "results_show_accuracy_improvement": the
	// verb that reported the measure, and what came before it, are not
	// part of its name.
	parts := strings.Split(metric, "_")
	for k := len(parts) - 2; k >= 0; k-- {
		if verbInName.MatchString(parts[k]) {
			metric = strings.Join(parts[k+1:], "_")
			break
		}
	}
	metric = strings.Replace(metric, "mean_average_precision", "map", 1) // "a mean Average Precision of 90.3 percent"
	if sz := sizeOnlyChange.FindStringSubmatch(metric); sz != nil {
		metric = sz[1] // "maximum gains of 5.59%", "improvements reaching up to 57.58%": how large, not of what
	}
	if strings.HasSuffix(metric, "_lift") {
		metric = strings.TrimSuffix(metric, "_lift") + "_improvement" // "+13 to +37 pp cache hit-rate lift"
	}
	metric = bdRateName.ReplaceAllString(metric, "${1}bd_rate${2}")
	metric = flopsName.ReplaceAllString(metric, "${1}flops${2}")
	metric = topOne.ReplaceAllString(metric, "${1}top${2}${3}")
	metric = passAtK.ReplaceAllString(metric, "${1}pass_at_${2}${3}")
	metric = apAtIoU.ReplaceAllString(metric, "${1}${2}${3}${4}")
	metric = measureAtK.ReplaceAllString(metric, "${1}${2}_at_${3}${4}")
	metric = errorRateName.ReplaceAllString(metric, "${1}${2}er${3}")
	metric = adverbOfEfficiency.ReplaceAllString(metric, "${1}${2}_efficien")
	metric = preTraining.ReplaceAllString(metric, "${1}pretraining")
	metric = preFilling.ReplaceAllString(metric, "${1}prefill${2}${3}")
	metric = timeToFirstToken.ReplaceAllString(metric, "${1}ttft${2}")
	metric = timePerOutputToken.ReplaceAllString(metric, "${1}tpot${2}")
	metric = errorScoreName.ReplaceAllString(metric, "${1}${2}") // "FID scores of 1.58": the FID, better small, not a score better large
	metric = gapBetween.ReplaceAllString(metric, "${1}${2}")     // "the accuracy gap between greedy and sampled decoding": a gap, not its ends
	return metric
}

// bitsPerByte is a rate in bits per byte, however written.
var bitsPerByte = regexp.MustCompile(`bits\s+per\s+byte|\bbpb\b`)

// dropAll removes the notes drop from reviews.
func dropAll(reviews []string, drop ...string) []string {
	var out []string
	for _, r := range reviews {
		keep := true
		for _, d := range drop {
			if r == d {
				keep = false
			}
		}
		if keep {
			out = append(out, r)
		}
	}
	return out
}

// writtenCompression is a compression rate, ratio or factor named before
// its number with the word the abstract uses: "an adjusted compression
// rate of around".
var writtenCompression = regexp.MustCompile(`((?:[a-z-]+\s+){0,2}?)compression\s+(rate|ratio|factor)\s+of\s+(?:about\s+|around\s+|approximately\s+|roughly\s+|nearly\s+|only\s+|just\s+)?$`)

// compressionWord keeps the word a compression figure is written with,
// and its qualifiers, or returns "".
func compressionWord(sent string) string {
	wc := writtenCompression.FindStringSubmatch(sent)
	if wc == nil {
		return ""
	}
	var ws []string
	for _, w := range strings.Fields(wc[1]) {
		if npStop[w] || determiners[w] || summaryWord[w] || ownVerb.MatchString(w) {
			ws = ws[:0]
			continue
		}
		ws = append(ws, w)
	}
	return snake(append(ws, "compression", wc[2])...)
}

// changeListBefore is a change named before a list whose members each
// give their score: "a drop of 2.6% in GenEval score and".
var changeListBefore = regexp.MustCompile(`\b(drops?|decreases?|loss(?:es)?|degradations?|declines?|gains?|improvements?|increases?)\s+of\s+(?:[0-9][0-9.]*\s*(?:%|points?)?\s+in\s+[a-z0-9 -]{1,40}?\s*(?:,\s*|and\s+|,\s*and\s+))+$`)

// changeSplit is a name made of a measure and the change it undergoes.
var changeSplit = regexp.MustCompile(`^(.+)_(improvement|gain|increase|drop|loss|decrease|decline|reduction)$`)

// changeOfMeasure names a change by what it does to its measure, so that
// one change has one name whichever word the abstract used (the better
// direction is returned when the name alone would mislead, else ""):
//
//   - a gain in speed counted in times is a speed-up: "8.5x improvements
//     in generation speed" is a generation_speedup;
//   - a gain in a measure that is better small (latency, cost, memory) is
//     its reduction: "improves decode latency by 1.81x";
//   - a drop in a measure that is better small is its reduction too, which
//     is better large: "a 29.4% length drop";
//   - a reduction of a score is a drop, which is better small: "reducing
//     AP50 by only 2.7%".
func changeOfMeasure(metric, unit, ownWords, before string) (string, string) {
	cs := changeSplit.FindStringSubmatch(metric)
	if cs == nil {
		if unit == "x" && (metric == "speed" || strings.HasSuffix(metric, "_speed")) {
			return metric + "up", "higher" // "at up to 2.8x the speed of": a speed-up
		}
		return metric, ""
	}
	stem, change := gapBetween.ReplaceAllString(cs[1], "${1}"), cs[2]
	up := change == "improvement" || change == "gain" || change == "increase"
	if (unit == "h" || unit == "min" || unit == "s" || unit == "ms") && !timeWord.MatchString(stem) && !up {
		// "shortens training by 40 GPU hours": a change in time, of training.
		return stem + "_time_" + change, ""
	}
	switch {
	case up && unit == "x" && processStage[stem[strings.LastIndexByte(stem, '_')+1:]]:
		// "boosts training by up to 62.7x": a process made n times faster.
		return stem + "_speedup", "higher"
	case up && unit == "x" && timeMeasure.MatchString(stem):
		// A time or a speed that improves N times is sped up N times:
		// "a two-order-of-magnitude gain in pruning time" is a pruning
		// speed-up.
		return snake(timeMeasure.ReplaceAllString(stem, ""), "speedup"), "higher"
	case up && betterOf(stem) == "lower" && increaseWord.MatchString(before) && !favourWord.MatchString(before):
		// "increases WikiText perplexity by 16%", "increases latency by
		// 5%": a measure better small that rises is a cost, said so.
		return stem + "_increase", "lower"
	case change == "improvement" && writtenChange.MatchString(ownWords):
		return metric, "" // the abstract's own word
	case (change == "improvement" || change == "drop" || change == "loss" || change == "decline") && lowerIsBetter(stem):
		return stem + "_reduction", "higher"
	case change == "reduction" && (isScore(strings.Split(stem, "_")) || hasKeyword(stem, "throughput") || hasKeyword(stem, "accuracy")) && betterOf(stem) == "higher":
		return metric, "lower"
	}
	return metric, ""
}

// increaseWord is a verb or noun of rising; favourWord one of improving
// or lowering, which says a rise is not what the number measures.
var (
	increaseWord = regexp.MustCompile(`\b(?:increas\w*|rais(?:e|es|ed|ing)|grow\w*|grew|ris(?:e|es|ing)|rose)\b`)
	favourWord   = regexp.MustCompile(`\b(?:improv\w*|reduc\w*|lower\w*|decreas\w*|cut\w*|sav\w*|speed\w*|faster|boost\w*|accelerat\w*)\b`)
)

// writtenChange is a noun of improvement written next to the number.
var writtenChange = regexp.MustCompile(`\bimprovements?\b`)

// timeWord is a word of a name that says it measures a time.
var timeWord = regexp.MustCompile(`(?:^|_)(?:time|times|latency|runtime|duration|hours?|seconds?|minutes?|delay|ttft|tpot|wall_clock)(?:_|$)`)

// longerIsBetter are lengths a method wants long: a speculative decoder's
// acceptance length, a model's context length.
var longerIsBetter = regexp.MustCompile(`(?:^|_)(?:(?:acceptance|accepted|accept|context)_lengths?|watch_time)$`)

// timeMeasure is the word of a name that says it measures time or speed.
var timeMeasure = regexp.MustCompile(`(?:^|_)(?:speed|latency|time|runtime)$`)

// lowerIsBetter reports whether a measure is one a method wants small: a
// latency, a cost, a length; not a change or a score.
func lowerIsBetter(stem string) bool {
	if changeSplit.MatchString(stem) || isScore(strings.Split(stem, "_")) || longerIsBetter.MatchString(stem) || strings.HasSuffix(stem, "batch_size") {
		return false
	}
	for _, w := range []string{"latency", "cost", "memory", "time", "energy", "length", "flops", "footprint", "overhead", "size", "storage", "power", "consumption", "usage"} {
		if stem == w || strings.HasSuffix(stem, "_"+w) {
			return true
		}
	}
	return false
}

var (
	// ownChangeAfter is the change a number's own phrase names after it:
	// "0.3 perplexity increase", "a 1.2% accuracy drop".
	ownChangeAfter = regexp.MustCompile(`^\s*(?:%|x|points?|pp)?\s*((?:[a-z0-9@-]+\s+){1,3}?)(increase|drop|loss|degradation|decline|decrease|reduction|gain|improvement|saving)s?\b`)
	// doubleChange is a name that took a second change word, the other way
	// round: "recall_drop_improvement".
	// A reduction of a loss is a measure of its own ("perplexity_loss_reduction").
	doubleChange = regexp.MustCompile(`_(?:drop|degradation|decline|decrease)(_(?:gain|improvement))$`)
)

// leadingSummary are words of summary before a measure: "relative WER".
var leadingSummary = regexp.MustCompile(`^\s*(?:(?:relative|absolute|average|overall|mean)\s+)+`)

// changeDown and changeUp sort change words by the way they move.
var changeDownWord = map[string]bool{"drop": true, "loss": true, "degradation": true, "decline": true, "decrease": true, "reduction": true, "saving": true}

// ownChange lets the change word of the number's own phrase win over the
// one a verb further away suggested: "achieve ... with only 0.3 perplexity
// increase" is a perplexity increase, whatever "achieve" made of it. A
// name with two change words keeps the first.
func ownChange(metric, post string) string {
	if dc := doubleChange.FindStringSubmatchIndex(metric); dc != nil {
		metric = metric[:dc[2]]
	}
	oc := ownChangeAfter.FindStringSubmatch(post)
	cs := changeSplit.FindStringSubmatch(metric)
	if oc != nil && cs == nil {
		// "an 11% relative WER increase": the measure and its change
		// right after the number win over a name without a change.
		// The words must be one noun phrase: "speedup with negligible
		// loss" is a speed-up, and the loss is of something else.
		frag := strings.TrimSpace(leadingSummary.ReplaceAllString(oc[1], ""))
		if ws, end := nounPhrase(frag, 3); len(ws) > 0 && end == len(frag) && isMetricPhrase(ws) {
			return compound(ws, oc[2])
		}
	}
	if oc == nil || cs == nil {
		return metric
	}
	if changeDownWord[oc[2]] == changeDownWord[cs[2]] && oc[2] != "increase" {
		return metric
	}
	ws, _ := nounPhrase(leadingSummary.ReplaceAllString(oc[1], ""), 3)
	if len(ws) == 0 || !isMetricPhrase(ws) {
		return metric
	}
	return compound(ws, oc[2])
}

// namingWords drops from a phrase the words that never name a measure:
// articles, the verb that reported it, and how it was summarised ("an
// average improvement" names only an improvement).
func namingWords(ws []string) []string {
	var out []string
	for _, w := range ws {
		if determiners[w] || summaryWord[w] || verbInName.MatchString(w) || w == "an" {
			continue
		}
		out = append(out, w)
	}
	return out
}
