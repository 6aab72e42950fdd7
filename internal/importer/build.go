package importer

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/repro-harness/repro/harness/claim"
)

var (
	boundUpTo     = regexp.MustCompile(`(?:^|[^a-z])(?:up\s*-?\s*to|upto|as much as|as high as|as many as|a maximum of)\s*$`)
	boundUpToLow  = regexp.MustCompile(`(?:^|[^a-z])(?:as low as|as little as|as few as|down to)\s*$`)
	boundAtLeast  = regexp.MustCompile(`(?:^|[^a-z])(?:at least|over|more than|greater than|above|exceeding|in excess of|no less than|upwards of|beyond|geq|ge|>=|>)\s*$`)
	boundAtMost   = regexp.MustCompile(`(?:^|[^a-z])(?:less than|fewer than|lower than|under|below|at most|no more than|within|leq|le|<=|<|sub-|sub)\s*$`)
	boundAbout    = regexp.MustCompile(`(?:^|[^a-z])(?:nearly|almost|about|approximately|approx\.?|around|roughly|close to|circa|~)\s*$`)
	boundNoise    = regexp.MustCompile(`(?:^|\s)(?:a|an|the|only|just|even|impressive|minimal|mere|remarkable|significant|substantial|(?:by\s+)?(?:a\s+)?factor\s+of)\s*$`)
	listGap       = regexp.MustCompile(`^(?:[^.;:()]{0,60}|\s*\([^.;:()]{1,30}\)\s*)(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:from\s+)?$`)
	beatsPost     = regexp.MustCompile(`^\s*(?:(?:[a-z0-9@^-]+\s+){0,3}?(?:improvements?|gains?)\s+)?(?:over|against|compared\s+(?:to|with))\s+`)
	gainWord      = regexp.MustCompile(`\b(?:improvements?|gains?)\b`)
	improveBy     = regexp.MustCompile(`(?:^|\s)(?:improv\w*|increas\w*|boost\w*|gain\w*)\s+(?:[a-z0-9@^-]+\s+){0,3}?by\s*$`)
	beatsPre      = regexp.MustCompile(`(?:outperform\w*|surpass\w*|beat\w*|exceed\w*)\s+(.{1,80}?)\s+by\s*$`)
	contextFor    = regexp.MustCompile(`(?:^|\s)(?:for|on)\s+`)
	contextThan   = regexp.MustCompile(`(?:^|\s)(?:than|compared\s+(?:to|with)|vs\.?|versus|over|above|below)\s+`)
	changeMetric  = regexp.MustCompile(`_(?:improvement|gain|drop|loss|reduction)$`)
	reviewPercent = regexp.MustCompile(`accuracy|ndcg|precision|recall|score|f1|auc|map|performance`)
)

// aboutWord is a trailing word of approximation, dropped to see the bound
// it qualifies.
var aboutWord = regexp.MustCompile(`\s*(?:approximately|approx\.?|about|around|roughly|nearly|almost|~)\s*$`)

// boundBefore reads the bound from the words just before a number. The
// better direction is returned only when the words imply one ("as low as").
func boundBefore(pre string) (claim.Bound, string) {
	p := strings.TrimRight(pre, " +") // "up to +23%": the sign is not a bound
	for i := 0; i < 4; i++ {
		loc := boundNoise.FindStringIndex(p)
		if loc == nil || loc[0] == loc[1] {
			break
		}
		q := strings.TrimRight(p[:loc[0]], " ")
		if q == p {
			break
		}
		p = q
	}
	switch {
	case boundUpToLow.MatchString(p):
		return claim.UpTo, "lower"
	case boundUpTo.MatchString(p):
		return claim.UpTo, ""
	case boundAtMost.MatchString(p):
		return claim.AtMost, ""
	case boundAtLeast.MatchString(p) && !strings.HasSuffix(p, "->"):
		return claim.AtLeast, "" // "19.52GB -> 6.49GB" is a change, not a bound
	case boundAbout.MatchString(p):
		// "up to approximately 90x": the outer "up to" is the bound.
		if boundUpTo.MatchString(strings.TrimRight(aboutWord.ReplaceAllString(p, ""), " ")) {
			return claim.UpTo, ""
		}
		return claim.About, ""
	}
	return claim.Exact, ""
}

// build turns a kept mention with its quote span into claims (two or more
// for an "a/b" pair). prev is the claim before it in the same sentence.
func build(t *text, m mention, qa, qb int, prev *Claim, prevB int, sent [2]int) ([]Claim, bool) {
	sentStart, sentEnd := sent[0], sent[1]
	quote, off := t.quote(qa, qb)
	pre := t.lower[qa:m.a]
	post := t.lower[m.b:qb]
	// "an FID (lower is better) of 15.9": the aside says which way is
	// better; blanked (not cut, so offsets into pre hold) it leaves "an
	// FID of" for the rules that name the measure.
	statedBetter := ""
	if sb := statedBetterAside(pre); sb != nil {
		statedBetter = "higher"
		if w := pre[sb[2]:sb[3]]; w == "lower" || w == "smaller" {
			statedBetter = "lower"
		}
		pre = pre[:sb[0]] + strings.Repeat(" ", sb[4]-sb[0]) + pre[sb[4]:]
	}
	c := Claim{Quote: quote, Offset: off, Unit: m.unit}
	var reviews []string
	if m.review != "" {
		reviews = append(reviews, m.review)
	}

	var betterHint string
	switch {
	case m.isRange:
		c.Bound = claim.Range
		lo, hi := m.lo, m.hi
		c.Min, c.Max = &lo, &hi
	case m.bound != "":
		c.Bound = m.bound
	default:
		c.Bound, betterHint = boundBefore(t.lower[max(sentStart, m.a-80):m.a])
	}
	// "up to 2187x for meshes, 55x for point clouds": the bound of the
	// first number of a list holds for the rest.
	if c.Bound == claim.Exact && prev != nil && prev.Unit == c.Unit && prevB <= m.a &&
		(prev.Bound == claim.UpTo || prev.Bound == claim.AtLeast || prev.Bound == claim.AtMost || prev.Bound == claim.About) &&
		listGap.MatchString(t.lower[prevB:m.a]) {
		c.Bound = prev.Bound
		reviews = append(reviews, "bound '"+string(prev.Bound)+"' taken from the first number of the list")
	}

	if m.unit == "x" && strings.HasPrefix(post, " times ") {
		post = post[len(" times"):] // "55.4x times faster": the sign and the word say it twice
	}
	metric, sure := guessMetric(t.lower[m.a:m.b], pre, dropAcronyms(skipVersus(post)), m.unit)
	if sl := savedListMeasure(t.lower[sentStart:m.a], t.lower[m.b:sentEnd]); sl != "" {
		metric, sure = sl, true
	}
	if sv := sharedVerbMetric(t.lower[sentStart:m.a]); sv != "" {
		metric, sure = sv, true
	}
	if lv := listVerbBy.FindStringSubmatch(t.lower[sentStart:m.a]); lv != nil && !sure {
		// "reducing training time, memory usage, and FLOPs by about 50%
		// each": the verb changes every object of its list, the last one
		// named for the number.
		if ws, _ := nounPhrase(lv[2], 3); len(ws) > 0 {
			metric, sure = compound(ws, changeSuffix(lv[1])), true
		}
	}
	if dn := deltaNamed.FindStringSubmatch(t.lower[max(sentStart, m.a-60):m.a]); dn != nil {
		metric, sure = snake(dn[1])+"_change", true // "DINO Δ < 0.07": a change in DINO
	}
	if pm := pronounBy.FindStringSubmatch(pre); pm != nil && strings.HasPrefix(metric, pm[1]+"_") {
		// "other methods increase latency by 18%, while we can reduce it
		// by 9%": the pronoun stands for the last measured word before it.
		if ws := antecedent(t.lower[sentStart:m.a]); ws != nil {
			metric, sure = compound(ws, strings.TrimPrefix(metric, pm[1]+"_")), true
		}
	}
	if pm := parenMetric(t.lower[max(sentStart, m.a-200):m.a]); pm != "" && (!sure || strings.HasPrefix(pm, metric+"_")) {
		// "quality loss (under 0.5%)" is a quality_loss, not a quality.
		metric, sure = pm, true
	}
	metric, sure = refineMetric(t.lower[sentStart:m.a], t.lower[m.b:sentEnd], metric, sure)
	if ws := subjectFromTo(t.lower[sentStart:m.a]); ws != nil && (!sure || genericNames[metric]) {
		metric, sure = snake(ws...), true // "FID drops from 6.857 to 5.821"
	} else if ws := changeInFromTo(t.lower[sentStart:m.a]); ws != nil && (!sure || genericNames[metric]) {
		metric, sure = snake(ws...), true // "a drop in word error rate (from 6.07 to 3.01)"
	}
	if pf := passiveFromTo.FindStringSubmatch(t.lower[sentStart:m.a]); pf != nil && (!sure || genericNames[metric] || metric == "time") {
		// "Training time is reduced from 12 hours to 3.5 hours": the
		// subject is the measure, and the number its new level.
		if ws := subjectWords(pf[1]); len(ws) > 0 && isMetricPhrase(ws) {
			metric, sure = snake(ws...), true
		}
	}
	if prev != nil && sentStart <= prevB && prevB <= m.a && arrowBefore.MatchString(t.lower[max(sentStart, m.a-8):m.a]) && (!sure || genericNames[metric]) {
		// "a 3.01-fold reduction in peak VRAM (19.52GB -> 6.49GB)": the
		// level after the arrow is of the measure the change before it is in.
		if cs := changeSplit.FindStringSubmatch(prev.Metric); cs != nil {
			metric, sure = cs[1], true
		}
	}
	if metric == "error" {
		if me := modifiedError.FindStringSubmatch(t.lower[max(sentStart, m.a-60):m.a]); me != nil {
			// "an average trajectory error of 27 cm": the error is the
			// trajectory's; "average" and "low" say how much, not of what.
			var ws []string
			for _, w := range strings.Fields(me[1]) {
				if !errorAdjective[w] {
					ws = append(ws, w)
				}
			}
			metric = snake(append(ws, "error")...)
		}
	}
	if !sure {
		metric, sure = headMetric(t.lower[sentStart:m.a], t.lower[m.b:sentEnd], t.lower[m.a:m.b], m.unit, metric)
	}
	if !knownMetric(metric) {
		if um, note, ok := unnamedMetric(t.lower[sentStart:m.a], t.lower[m.b:sentEnd], m.unit, metric); ok {
			metric, sure = um, true
			if note != "" {
				reviews = append(reviews, note)
			}
		}
	}
	if cv := changeVerbObject.FindStringSubmatch(t.lower[sentStart:m.a]); cv != nil && knownMetric(metric) && m.unit != "x" {
		// "reduces perplexity over 1.2 points": the change of the verb's
		// object, not its level, when the name is the object alone.
		if ws, _ := nounPhrase(cv[2], 3); len(ws) > 0 && len(ws) == len(strings.Fields(cv[2])) && strings.Contains("_"+snake(ws...)+"_", "_"+metric+"_") {
			metric, sure = compound(ws, changeSuffix(cv[1])), true
		}
	}
	if dm := durationMetric(t.lower[sentStart:m.a], m.unit); dm != "" {
		metric, sure = dm, true // "trains in 3 hours, 5x faster ...": the time of training
	}
	if vo := verbObjectBare.FindStringSubmatch(t.lower[sentStart:m.a]); vo != nil && m.unit == "x" {
		metric, sure = compound(strings.Fields(vo[2]), changeSuffix(vo[1])), true // "boosts throughput 2.1 over"
	}
	if m.price && !sure {
		metric = "cost"
		if priceSaved.MatchString(post) {
			metric = "cost_saving" // "\$15.4M in annual savings": money saved, better large
		}
		if profitBefore.MatchString(t.lower[max(sentStart, m.a-50):m.a]) {
			metric = "profit" // "a profit of USD~146,000": money made, better large
		}
	}
	if m.unit == "bits" {
		if bw := bitWidthName.FindStringSubmatch(pre); bw != nil {
			metric = snake(strings.Fields(strings.ReplaceAll(bw[0], "-", " "))...)
		}
	}
	if !sure && m.unit == "%" && benchmarkAfter.MatchString(post) && scoreVerb.MatchString(t.lower[max(sentStart, m.a-60):m.a]) {
		// "achieves 71.3% on MMLU": a share on a benchmark is most often
		// its accuracy on it; a guess, so flagged.
		metric, sure = "accuracy", true
		if bn := benchmarkAfter.FindStringSubmatch(post); bn != nil && !determiners[bn[1]] {
			metric = snake(bn[1], "accuracy")
		}
		reviews = append(reviews, "metric guessed as accuracy from 'N% on <benchmark>': check it")
	}
	acronym := false
	if mc := measureColon(t.lower[max(sentStart, m.a-40):m.a]); mc != "" && m.unit == "" && !sure {
		metric, sure = mc, true // "(median concordance: 0.84": the measure the colon labels
	}
	if ac := strings.ToLower(scoreAcronymColon(t.s[max(sentStart, m.a-12):m.a])); ac != "" && (m.unit == "" || m.unit == "%" && isScore([]string{ac})) {
		metric, sure = ac, true // "IS: 304.4": the score the colon labels
	}
	if name := spelledAcronym(t.s[max(sentStart, m.a-80):m.a]); name != "" {
		// "Detection Failure Rate (DFR) = 5.3%", "Normalised Mean Error
		// (NME) = 5.37": the measure written out before its acronym.
		metric, sure = name, true
	}
	if ac := acronymOf.FindStringSubmatch(t.s[max(sentStart, m.a-20):m.a]); ac != nil && !knownMetric(metric) {
		// "an AO of 70.6% on GOT-10k": the measure is the acronym the
		// number is of.
		metric, sure, acronym = strings.ToLower(ac[1]), true, true
	}
	if sp := scoreParenBefore.FindStringSubmatch(t.s[max(sentStart, m.a-40):m.a]); sp != nil && m.unit == "" && parenClose.MatchString(post) && (sp[1] != "" || isScore([]string{strings.ToLower(sp[2])})) {
		// "higher EPA (0.335)": the level of the score before the
		// parenthesis; the comparative says it is good, not that it is a
		// change.
		metric, sure, acronym = snake(strings.ToLower(sp[2])), true, true
		if ns := namedScoreParen.FindStringSubmatch(t.lower[max(sentStart, m.a-40):m.a]); ns != nil && (metric == "score" || metric == "scores") {
			metric = snake(ns[1], "score") // "F1 score (average: 0.712)": the F1 score
		}
	}
	if ha := hitsAtOf.FindStringSubmatch(t.lower[max(sentStart, m.a-20):m.a]); ha != nil {
		metric, sure = ha[1]+"_at_"+ha[2], true // "Hit@10 of 0.680": a ranking score at a cut-off
	}
	if ac := asideAcronymOf.FindStringSubmatch(t.s[max(sentStart, m.a-60):m.a]); ac != nil && (m.unit == "" || m.unit == "%") && (metric == "" || metric == "value" || metric == "error" || !knownMetric(metric) || strings.Contains(metric, strings.ToLower(ac[1]))) {
		// "an endpoint error (EPE) of 0.963": the acronym the aside
		// gives names the measure more exactly than the words before it.
		metric, sure, acronym = strings.ToLower(ac[1]), true, true
	}
	if m.unit == "%" && (metric == "value" || !knownMetric(metric)) && benchParen.MatchString(t.s[max(sentStart, m.a-40):m.a]) && benchResult.MatchString(t.lower[sentStart:m.a]) && !changeNext.MatchString(post) {
		// (Not "LIBERO-LONG (11.8% improvement)": a change, not a level.)
		// "achieves state-of-the-art results on ImageNet-1K (60.1%),
		// ImageNette (87.2%)": a share beside a benchmark's name is most
		// often its accuracy; a guess, so flagged.
		metric, sure = "accuracy", true
		if ls := listedScoreParen(t.s[sentStart:m.a]); ls != "" {
			// "SYSU-CD (IoU 73.81%), WHUCD (92.05%)": the score the
			// list's first member names is the others' too.
			metric = ls
			reviews = append(reviews, "metric taken from the score an earlier member of the list names: check it")
		} else {
			reviews = append(reviews, "metric guessed as accuracy from '<benchmark> (N%)': check it")
		}
	}
	if !sure && m.unit == "%" && plusSigned.MatchString(t.lower[max(sentStart, m.a-2):m.a+1]) && signedOnBenchmark.MatchString(post) {
		// "+8.0% on CG-Bench": a signed gain on a benchmark is most often
		// a gain in its accuracy; a guess, so flagged.
		metric, sure = "accuracy_improvement", true
		if bn := signedOnBenchmark.FindString(post); bn != "" {
			if ws := strings.Fields(bn); len(ws) > 1 && !determiners[ws[len(ws)-1]] {
				metric = snake(ws[len(ws)-1], "accuracy_improvement") // "+1.73% on ChemTEB": the gain on it
			}
		}
		reviews = append(reviews, "metric guessed as an accuracy gain from '+N% on <benchmark>': check it")
	}
	if m.unit == "dB" {
		if dl := decibelsInAcronym.FindStringSubmatch(dropAcronyms(post)); dl != nil && !strings.Contains(dl[1], "psnr") {
			// "-37.22 dB in Normalized Mean Square Error (NMSE)": the
			// ratio in decibels the aside names, not a PSNR.
			metric, sure = dl[1], true
		}
	}
	if !sure {
		if ac := acronymAfterNumber.FindStringSubmatch(t.s[m.b:sentEnd]); ac != nil && !notMeasureAcronym[ac[1]] {
			// "58.79% MFU": an acronym right after the number names what
			// it measures, though the rules do not know it; flagged.
			metric, sure = strings.ToLower(ac[1]), true
			if m.unit == "x" && betterOf(metric) != "lower" {
				metric += "_improvement" // "up to 2x TPS": a rate multiplied
			}
			reviews = append(reviews, "metric named from the acronym after the number: check it")
		}
	}
	if gm, note := scoreGuess(t.lower[sentStart:sentEnd], t.lower[sentStart:m.a], post, metric, m.unit, sure); gm != "" {
		// The words around the number name a change but not its
		// measure: the score the sentence names, or accuracy for points.
		metric, sure = gm, true
		reviews = append(reviews, note)
	}
	if ws := raisedBeforeParen(t.lower[sentStart:m.a]); ws != nil {
		metric, sure = compound(ws, "improvement"), true // "boosts harmless rates on X (up to +21.7%)"
	} else if plusParenBefore.MatchString(t.lower[max(sentStart, m.a-8):m.a]) {
		if sp := scoreClosesParen.FindStringSubmatch(post); sp != nil && oneWordScore(sp[1]) {
			metric, sure = sp[1]+"_gain", true // "(+4.7% accuracy)": the score inside the parenthesis
		} else if name := plusParenName(t.lower[max(sentStart, m.a-80):m.a]); name != "" {
			metric, sure = name+"_gain", true // "88.5% accuracy (+1.6%p)": the gain in accuracy
		}
	}
	if plusSigned.MatchString(t.lower[max(sentStart, m.a-2):m.a+1]) && (m.unit == "%" || m.unit == "dB" || m.unit == "pp" || m.unit == "" && isScore(strings.Split(metric, "_"))) &&
		!changeSplit.MatchString(metric) && !bareChange[metric] && betterOf(metric) == "higher" {
		// "+1.3% PSNR", "a +0.8 dB gain": a signed number is a difference
		// from a baseline, and a plus on a score is a gain in it.
		metric = metric + "_improvement"
	}
	if m.first() < 0 && bdRate.MatchString(t.lower[sentStart:sentEnd]) && !strings.HasPrefix(metric, "bd_") {
		// "outperforms X by -14.8%, -15.2% in BD-rate": a negative number
		// in a sentence about BD-rate is the BD-rate, whatever verb
		// introduced it.
		metric, sure = "bd_rate", true
	}
	c.Metric = fixMetric(metric, m.unit)
	if sa := scoreAcronymName.FindStringSubmatch(t.lower[max(sentStart, m.a-30):m.a]); sa != nil && m.unit == "" {
		// "Fréchet Inception Distance (FID) from 10.83 to 3.58": the
		// acronym names the score whatever the words before it are.
		c.Metric, sure = sa[1], true
		switch sa[1] {
		case "is":
			c.Metric = "inception_score"
		case "rtf":
			c.Metric = "real_time_factor"
		}
	}
	if prev != nil && prevB <= m.a && levelAfterChange.MatchString(t.lower[prevB:m.a]) {
		if cs := changeSplit.FindStringSubmatch(prev.Metric); cs != nil && (cs[2] == "reduction" || cs[2] == "improvement" || cs[2] == "increase" || cs[2] == "decrease") && betterOf(cs[1]) != "" {
			// "reduces the average transmission latency by 96%, from
			// 0.944s to 0.053s": the new level of the measure just changed.
			c.Metric, sure = cs[1], true
		}
	}
	if (m.unit == "s" || m.unit == "ms") && !sure {
		if sp := speedOfTime.FindStringSubmatch(t.lower[max(sentStart, m.a-40):m.a]); sp != nil {
			// "an average inference speed of 0.57 seconds": a speed given
			// as a time is that time, better small.
			c.Metric = snake(sp[1], "time")
		}
	}
	if rt := retentionAfter.FindStringSubmatch(post); rt != nil && m.unit == "%" && (c.Metric == "" || c.Metric == "value" || !knownMetric(c.Metric)) {
		// "achieving 95.65% average retention": the share kept, named after it.
		c.Metric, sure = snake(strings.Fields(rt[1]+" retention")...), true
	}
	if pm := measureOpensParen.FindStringSubmatch(t.lower[max(sentStart, m.a-50):m.a]); pm != nil && !knownMetric(c.Metric) && improveWord.MatchString(t.lower[sentStart:m.a]) {
		// "improvements in both throughput (up to 75%) and end-to-end
		// latency (up to 39%)": the measure that opens the parenthesis
		// changes, the way the sentence says measures improve.
		var ws []string // the last words before "(", back to a word that is no part of a name
		for _, w := range slices.Backward(strings.Fields(pm[1])) {
			if npStop[w] || determiners[w] || preposition[w] || w == "both" || w == "and" || w == "or" || len(ws) == 3 {
				break
			}
			ws = append([]string{w}, ws...)
		}
		if len(ws) > 0 && isMetricPhrase(ws) {
			change := "improvement"
			if betterOf(snake(ws...)) == "lower" {
				change = "reduction"
			}
			c.Metric, sure = compound(ws, change), true
		}
	}
	if bc := bareDropAfter.FindStringSubmatch(post); bc != nil && m.unit == "%" && !dropOfAfter.MatchString(post) {
		if bc[1] == "decrease" {
			bc[1] = "drop" // a score's decrease is its drop, better small
		}
		// "accuracy (1% degradation)", "a 0.5% accuracy drop ..., and a 3x
		// speed-up with just a 2% drop": a drop that names no measure is
		// of the measure before its parenthesis, or of the last measure
		// the sentence saw drop.
		if mb := measureParen.FindStringSubmatch(t.lower[max(sentStart, m.a-40):m.a]); mb != nil && knownMetric(mb[1]) {
			c.Metric, sure = mb[1]+"_"+bc[1], true
		} else if ds := measureDrop.FindAllStringSubmatch(t.lower[sentStart:m.a], -1); len(ds) > 0 && knownMetric(ds[len(ds)-1][1]) {
			c.Metric, sure = ds[len(ds)-1][1]+"_"+bc[1], true
		} else if strings.Contains(t.lower[sentStart:sentEnd], "accuracy") {
			c.Metric, sure = "accuracy_"+bc[1], true // "with only a 0.6% drop ..., keeping accuracy"
		}
	}
	if prev != nil && m.unit == "%" && prevB <= m.a && relativeAfterLevel.MatchString(t.lower[prevB:m.a]) && strings.Contains(t.lower[sentStart:prevB], " from ") && knownMetric(prev.Metric) && !changeSplit.MatchString(prev.Metric) {
		// "AP@50 improves from 0.114 to 0.328 (+187%)": the relative
		// change of the level just given.
		if sign := t.lower[m.a-1]; sign == '+' && betterOf(prev.Metric) == "higher" || sign == '-' && betterOf(prev.Metric) == "lower" {
			c.Metric, sure = prev.Metric+"_improvement", true
			if sign == '-' {
				c.Metric = prev.Metric + "_reduction"
			}
		}
	}
	if (c.Metric == "reduction" || baselineNamed.MatchString(c.Metric)) && marginBy.MatchString(t.lower[sentStart:m.a]) {
		// "outperforms other pruning methods by up to 7.1%",
		// "outperforming balanced-tree baselines by 12-33%": a margin over
		// baselines that names no measure is an improvement, never a
		// reduction nor one of the baselines; what improves is to be named.
		c.Metric = "improvement"
	}
	if m.unit == "%" && (c.Metric == "improvement" || c.Metric == "gain") {
		// "mAP50:95 results of 0.531 and 0.679 ..., demonstrating 2.4% and
		// 1.8% improvements over the baseline": a gain named by nothing,
		// in a sentence that gives a score's levels, is a gain in it.
		if sw := scoreWordNumbered.FindAllStringSubmatch(t.lower[sentStart:m.a], -1); sw != nil {
			c.Metric = sw[len(sw)-1][1] + "_improvement"
			reviews = append(reviews, reviewFromSentenceScore)
		}
	}
	if c.Metric == "reduction" && prev != nil && prev.Unit == c.Unit && strings.HasSuffix(prev.Metric, "_reduction") && prevB <= m.a && m.a-prevB < 300 {
		// "... with a 6.10x step reduction ..., WINO+ ... with a 6.83x
		// reduction": a reduction that names nothing, soon after one that
		// does in the same sentence and unit, is more of the same.
		c.Metric = prev.Metric
		reviews = append(reviews, "a reduction named by the one before it: check it")
	}
	if bareChange[c.Metric] {
		reviews = append(reviews, reviewBareChange)
	}
	inList := prev != nil && prev.Unit == c.Unit && prevB <= m.a && listGap.MatchString(t.lower[prevB:m.a])
	// scoreAfterNumber is a score named right after the number ("1.08
	// minADE", "+6.68 mIoU"), read once for the rules below.
	scoreAfterNumber := postScore.FindStringSubmatch(post)
	pn := inNamedMeasure.FindStringSubmatch(t.s[m.b:sentEnd])
	if pn == nil {
		// "by 0.65% on Dice, 0.63% on IoU, 1% on NSD": "on" a score, not
		// a dataset ("2% on ImageNet" stays the list's measure).
		pn = onNamedScore.FindStringSubmatch(t.s[m.b:sentEnd])
	}
	if pn != nil && inList && changeSplit.MatchString(prev.Metric) {
		// "by 19.3% in Dynamic Degree, 8.7% in VisionReward": each member
		// of the list changes the measure it names.
		c.Metric = snake(strings.Fields(strings.ToLower(pn[1]))...) + "_" + changeSplit.FindStringSubmatch(prev.Metric)[2]
	} else if lm := inMeasureLower.FindStringSubmatch(t.s[m.b:sentEnd]); lm != nil && inList && changeSplit.MatchString(prev.Metric) && isMetricPhrase(firstNouns(lm[1])) {
		// "increases of 0.34% in user watch time, 8.1% in interaction
		// rate and 0.162% in overall user retention": each member changes
		// the measure it names, written in lower case (a name in capitals
		// is inNamedMeasure's).
		// A gain in each: a reduction of what is better small ("1.6x in
		// latency and 4.7x in energy efficiency"); a drop stays a drop.
		ws, change := firstNouns(lm[1]), changeSplit.FindStringSubmatch(prev.Metric)[2]
		switch name := snake(ws...); {
		case change == "reduction" && !lowerIsBetter(name) && betterOf(name) != "lower":
			change = "improvement"
		case (change == "improvement" || change == "increase" || change == "gain") && lowerIsBetter(name):
			change = "reduction"
		}
		c.Metric = compound(ws, change)
	} else if sa := scoreAfterNumber; sa != nil && inList && changeSplit.MatchString(prev.Metric) && !strings.Contains(sa[1], " ") {
		// "improves 1.6% mAP50:95 on TT100K-night and 1.3% mAP50": each
		// member is a change of the score named right after it.
		c.Metric = snake(sa[1]) + "_" + changeSplit.FindStringSubmatch(prev.Metric)[2]
	} else if !sure && inList && prev.Metric != "" {
		c.Metric = prev.Metric
		if !knownMetric(c.Metric) && c.Metric != "" {
			reviews = append(reviews, reviewNoMetric) // the list's first member was not named either
		}
	} else if !sure && prev != nil && prev.Unit == c.Unit && prevB <= m.a && knownMetric(prev.Metric) && settingAfter.MatchString(t.lower[m.b:sentEnd]) && !namedLevel(t.lower[max(sentStart, m.a-60):m.a]) {
		// (Not "a final score of 1.8 under the target setting": a level
		// the words before it name.)
		// "up to 1.66x end-to-end speedup on L40S (rho=8), and 1.78x on RTX
		// 3090": a number followed only by its setting repeats the
		// measure of the number before it in the sentence.
		c.Metric = prev.Metric
		st := ""
		if timeWord.MatchString(c.Metric) {
			st = stageTime(t.lower[prevB:m.a], "time")
		}
		cs := changeSplit.FindStringSubmatch(prev.Metric)
		it := inTaskAfter.FindStringSubmatch(t.s[m.b:sentEnd]) // in the text's own case: "in CSJ" names a data set
		switch {
		case st != "" && st != "time":
			c.Metric = st // "encodes in 230ms and decodes in 150ms": a stage of its own
		case cs != nil && it != nil:
			// "an improvement of 2.7-4.4% in fine-tuning and up to 5.9% in
			// transfer learning": a change in the task it names.
			if ws, _ := nounPhrase(it[1], 3); len(ws) > 0 {
				c.Metric = compound(ws, cs[2])
			}
		default:
			reviews = append(reviews, reviewFromPrevious)
		}
	}
	if prev != nil && sentStart <= prevB && prevB <= m.a && !changeSplit.MatchString(c.Metric) {
		gap := t.lower[prevB:m.a]
		if lm := reducedListMember.FindStringSubmatch(gap); lm != nil && strings.HasSuffix(prev.Metric, "_reduction") {
			// "reducing GMACs by up to 89.09%, parameters up to 82.02%,
			// and energy up to 9.6x": each member names what the verb
			// reduces, whatever its unit.
			if ws, _ := nounPhrase(lm[1], 2); len(ws) > 0 && isMetricPhrase(ws) {
				c.Metric = compound(ws, "reduction")
				reviews = dropAll(reviews, reviewFromClause, reviewFromVocabulary, reviewNoMetric)
			}
		} else if cs := changeSplit.FindStringSubmatch(prev.Metric); lm != nil && cs != nil && c.Unit == prev.Unit && strings.HasSuffix(lm[0], " by ") {
			// "with PSNR increasing by 40%, SSIM by 10%, and Dice by 16%":
			// each member after the first is the same change of its own
			// measure.
			if ws, _ := nounPhrase(lm[1], 2); len(ws) > 0 && isMetricPhrase(ws) {
				c.Metric = compound(ws, cs[2])
				reviews = dropAll(reviews, reviewFromClause, reviewFromVocabulary, reviewNoMetric)
			}
		}
		if c.Metric == "reduction" && appositive(gap) && reductionAfter.MatchString(post) {
			// "consuming merely 5.6 mJ, which is a 33% reduction", "8 MB of
			// memory, 13x less than STFPM (95 MB), 48x less than RD4AD": a
			// reduction set beside a level is of the level's measure, and
			// the next member of its list too.
			named := c.Metric
			switch {
			case strings.HasSuffix(prev.Metric, "_reduction"):
				named = prev.Metric
			case knownMetric(prev.Metric) && !genericNames[prev.Metric] && !changeSplit.MatchString(prev.Metric):
				named = prev.Metric + "_reduction"
			}
			if named != c.Metric {
				c.Metric = named
				reviews = append(dropAll(reviews, reviewBareChange), reviewFromPrevious)
			}
		}
	}
	if cw := compressionWord(t.lower[sentStart:m.a]); cw != "" {
		c.Metric = cw // "adjusted compression rate of around 18%": rate, as written
	}
	if cl := changeListBefore.FindStringSubmatch(t.lower[sentStart:m.a]); cl != nil && isScore(strings.Split(c.Metric, "_")) && !changeMetric.MatchString(c.Metric) {
		// "a drop of 2.6% in GenEval score and 7% in HPSv2 score": each
		// member is a change of its own score.
		c.Metric = snake(c.Metric, changeSuffixScore(cl[1]))
		reviews = append(reviews, "change taken from the first member of the list: check it")
	}
	if !knownMetric(c.Metric) || genericNames[c.Metric] || competitorObject(t.lower[sentStart:m.a], c.Metric) {
		if cm, ok := clauseMeasure(t.lower[max(0, sentStart-400):sentStart], t.lower[sentStart:m.a], t.lower[m.b:sentEnd], m.unit, c.Metric); ok {
			c.Metric = cm
			reviews = append(dropAll(reviews, reviewNoMetric, reviewBareChange), reviewFromClause)
		}
	}
	if c.Metric == "score" || strings.HasPrefix(c.Metric, "score_") {
		if ns := namedScore.FindStringSubmatch(t.lower[max(sentStart, m.a-60):m.a]); ns != nil && !determiners[ns[1]] {
			c.Metric = snake(ns[1], c.Metric) // "a VBench score of 83.4", "VBench scores within 0.3%"
		}
	}
	if sloShare.MatchString(t.lower[max(sentStart, m.a-40):m.a]) && sloAfter.MatchString(post) {
		c.Metric = "slo_attainment" // "while meeting 99% of SLOs"
	}
	c.Metric = dropNames(c.Metric, t.s[sentStart:sentEnd])
	if m.unit == "x" && fasterBy.MatchString(t.lower[max(sentStart, m.a-60):m.a]) {
		c.Metric = "speedup" // "is faster by a factor of 2"
	}
	if keptShare.MatchString(t.lower[max(sentStart, m.a-40):m.a]) && m.unit == "%" && isScore(strings.Split(c.Metric, "_")) && !changeSplit.MatchString(c.Metric) && !strings.HasSuffix(c.Metric, "_retained") {
		c.Metric += "_retention" // "preserves 99.4% performance on GenEval"
	}
	if m.unit == "count" && strings.Contains(t.lower[m.a:m.b], "-step") {
		c.Metric = "steps" // "a 7-step generation"
	}
	if arrow := arrowAfter.FindStringSubmatch(post); arrow != nil {
		// "FID drops from 6.857 to 5.821 (15%↓)": an arrow gives the way
		// the measure of the clause moved.
		change := "improvement"
		if arrow[1] == "↓" {
			change = "reduction"
		}
		if ws := arrowInMeasure(post[len(arrow[0]):]); len(ws) > 0 {
			c.Metric = compound(ws, change) // "3.89%↑ in Noisy, 4.53%↑ in GSR": each names its own
		} else if ws := clauseSubjectMeasure(t.lower[sentStart:m.a]); len(ws) > 0 {
			c.Metric = compound(ws, subjectChange(ws, change))
		}
	}
	if en := errorNamedBefore.FindStringSubmatch(t.lower[max(sentStart, m.a-30):m.a]); m.other != "" && en != nil {
		// "an MAE of 468.9 W", "(MAE: 23.78 W/m2)": an error counted in
		// the unit of what it is the error of; the error is the measure.
		c.Metric = en[1]
	} else if dn := distanceNamedBefore.FindStringSubmatch(t.lower[max(sentStart, m.a-70):m.a]); lengthOrAngle(m.other) && dn != nil {
		// "an Average Surface Distance of 1.80 mm", "landmark TRE as low
		// as 1.12 mm": a distance the abstract names is the measure.
		c.Metric = snake(strings.Fields(strings.Trim(dn[1], " "))...)
	} else if lengthOrAngle(m.other) {
		if strings.HasPrefix(m.other, "deg") || m.other == "°" {
			// "a 1.84-degree mean error": an error in degrees is an angle.
			switch c.Metric {
			case "error", "mean_error":
				c.Metric = strings.TrimSuffix(c.Metric, "error") + "angular_error"
			}
		}
		if betterOf(c.Metric) == "" {
			c.Metric = "error"
		}
	} else if want := otherMetric(m.other); m.other != "" && !strings.HasSuffix(c.Metric, want) {
		c.Metric = want // "8.4 TOPS/W" is an energy efficiency, "27 TOPS/mm2" an area efficiency
		if want == "frequency" {
			if fw := frequencyOf.FindStringSubmatch(t.lower[max(sentStart, m.a-40):m.a]); fw != nil {
				c.Metric = snake(fw[1], "frequency") // "an inference frequency of 25 Hz"
			}
		}
	}
	if name := canonicalMetric(snake(m.levelOf)); m.levelOf != "" && (!strings.Contains(c.Metric, name) || changeSplit.MatchString(c.Metric)) {
		// "achieves ECE 0.043 ..., reducing ECE by 69.7%": the score named
		// right before the level, not a change the clause speaks of.
		c.Metric = name
		reviews = dropAll(reviews, reviewFromClause, reviewFromVocabulary, reviewFromPrevious, reviewNoMetric, reviewBareChange)
	}
	if pm := parenListMeasure(t.lower[sentStart:m.a], m.unit); pm != nil {
		// "preserves task success on simulation benchmarks (85.5%
		// RoboTwin 2.0, 95.7% LIBERO)": each level in the parenthesis is
		// of the measure before it, not of the benchmark after it.
		c.Metric = snake(pm...)
	}
	if m.other != "" && otherMetric(m.other) == "energy" && c.Metric == "energy" {
		// "0.9 GWh/day", "energy per query of 0.34 Wh": energy is counted
		// per day or per item.
		if strings.HasSuffix(m.other, "/day") {
			c.Metric = "energy_per_day"
		} else if ep := energyPer.FindStringSubmatch(t.lower[max(sentStart, m.a-40):m.a] + " " + post); ep != nil {
			c.Metric = "energy_per_" + ep[1]
		}
	}
	if sr := shareReduced.FindStringSubmatch(post); sr != nil {
		if ws, _ := nounPhrase(sr[1], 3); len(ws) > 0 {
			c.Metric = compound(ws, "reduction") // "72% of the bit rate was reduced"
		}
	}
	if so := shareOfOriginal.FindStringSubmatch(post); so != nil && m.unit == "%" {
		if ws, _ := nounPhrase(phraseEnd.ReplaceAllString(so[1], ""), 3); len(ws) > 0 && lowerIsBetter(snake(singular(ws)...)) {
			c.Metric = snake(singular(ws)...) // "under 20% of the original communication cost"
			if genericOriginal[c.Metric] {
				// "shrinking the KV cache memory footprint to 25% of its
				// original size": the share left of what the verb shrank.
				pre := t.lower[sentStart:m.a]
				if k := strings.LastIndexAny(pre, ",;:("); k >= 0 {
					pre = pre[k+1:]
				}
				if lv := preToLevel.FindStringSubmatch(strings.TrimRight(toQualifier.ReplaceAllString(pre, ""), " ")); lv != nil && changeDown.MatchString(lv[1]) {
					if ows, _ := nounPhrase(countOf.ReplaceAllString(lv[2], ""), 4); len(ows) > 0 {
						c.Metric = compound(ows, "share")
					}
				} else if ps := passiveDownTo.FindStringSubmatch(strings.TrimRight(toQualifier.ReplaceAllString(pre, ""), " ")); ps != nil {
					// "embeddings can be reduced to as little as 0.1% of
					// their original size"
					if ows := subjectWords(ps[1]); len(ows) > 0 {
						c.Metric = compound(append(singular(ows[len(ows)-1:]), "size"), "share") // the subject's head noun
					}
				}
			}
		}
	}
	c.Metric = ownChange(c.Metric, post)
	costIncrease := false
	if oc := onlyMoreCost.FindStringSubmatch(post); oc != nil && (onlyBeforeLevel.MatchString(t.lower[max(sentStart, m.a-10):m.a]) ||
		prev != nil && prevB <= m.a && prev.Metric == snake(oc[1])+"_increase" && listGap.MatchString(t.lower[prevB:m.a])) {
		// "with only 8% more FLOPs": the price paid, an increase in a
		// cost, better small (forced below); and so are the later
		// members of its list ("... and 9% more FLOPs").
		c.Metric = snake(oc[1]) + "_increase"
		costIncrease = true
	}
	if relativeAfter.MatchString(post) && changeSplit.MatchString(c.Metric) && !strings.HasPrefix(c.Metric, "relative_") {
		c.Metric = "relative_" + c.Metric // "(15.04% relative) on MATH-500": a relative change, said so
	} else if ac := absoluteChangeBefore.FindStringSubmatch(t.lower[max(sentStart, m.a-40):m.a]); ac != nil && relativeAfter.MatchString(post) {
		c.Metric = "relative_" + ac[1] // "up to 11% absolute improvement (83% relative)": the same gain, relative
	}
	if verbDownBy.MatchString(t.lower[max(sentStart, m.a-60):m.a]) {
		// "the computational load is reduced by more than 19%": the verb
		// right before "by" says which way the measure moved.
		if cs := changeSplit.FindStringSubmatch(c.Metric); cs != nil && (cs[2] == "improvement" || cs[2] == "gain" || cs[2] == "increase") {
			c.Metric = cs[1] + "_reduction"
		}
	}
	forced := ""
	if costIncrease {
		forced = "lower"
	}
	// The change word the number's own phrase writes is kept as written
	// ("energy improvement up to 24.4%" stays an energy_improvement).
	ownWords := t.lower[max(sentStart, m.a-40):m.a] + " " + t.lower[m.b:min(sentEnd, m.b+40)]
	c.Metric, forced = changeOfMeasure(c.Metric, m.unit, ownWords, t.lower[max(sentStart, m.a-40):m.a])
	c.Metric = canonicalMetric(c.Metric)
	if sp := namedSpeedBefore.FindStringSubmatch(t.lower[max(sentStart, m.a-50):m.a]); m.unit == "FPS" && sp != nil && !speedAdjective[sp[1]] {
		// "an inference speed of 1.9 FPS", "processing speed of 25.48
		// FPS": the speed the sentence names, not frames per second.
		c.Metric = sp[1] + "_speed"
	}
	if c.Metric == "real_time" && (m.unit == "ms" || m.unit == "s") {
		// "can run in real-time ($\leq$ 30ms)": the time each answer
		// takes, a latency.
		c.Metric = "latency"
	}
	if strings.HasPrefix(c.Metric, "bd_rate") && m.first() < 0 {
		// "BD-Rate reductions of -12.24%": written with its sign, a BD-rate
		// is better the lower it is, whatever the noun says.
		forced = "lower"
	}
	if nm, nb := namedNearby(t.lower[sentStart:m.a], t.lower[max(0, m.a-30):m.a], post, m.unit, c.Metric, t.lower[m.a] == '-' || m.a > 0 && t.lower[m.a-1] == '+'); nm != "" {
		c.Metric, forced = nm, nb
		reviews = dropAll(reviews, reviewFromClause, reviewFromVocabulary, reviewNoMetric, reviewBareChange, reviewBetterGuessed)
	}
	if cp := bareChangeParen(c.Metric, t.lower[sentStart:m.a]); cp != nil {
		// "a significant reduction (up to 10x) in token usage": the change
		// named around the parenthesis, past the end of the quote.
		if in := parenCloseIn.FindStringSubmatch(t.lower[m.b:sentEnd]); in != nil {
			if ws, _ := nounPhrase(in[1], 3); len(ws) > 0 {
				c.Metric, forced = compound(ws, changeSuffix(cp[1])), "higher"
			}
		}
	}
	if strings.HasSuffix(c.Metric, "bd_rate") && m.first() > 0 && t.lower[m.a] != '-' && marginList.MatchString(t.lower[sentStart:m.a]) {
		// "surpassing DiffC by 29.92%, 19.33%, and 20.89% in DISTS
		// BD-Rate": a margin over another codec, written positive, is
		// the rate saved; larger is better.
		forced = "higher"
	}
	if prev != nil && sentStart <= prevB && prevB <= m.a && prev.Unit == c.Unit && knownMetric(prev.Metric) && !changeSplit.MatchString(prev.Metric) {
		if pc := changeAfterPair.FindStringSubmatch(t.lower[prevB:m.a]); pc != nil {
			// "accuracy ... increases from 83.2% to 89.4%, marking a
			// substantial improvement of 6.2%": the change of the level
			// just given.
			up := !strings.HasPrefix(pc[1], "reduc") && !strings.HasPrefix(pc[1], "drop") && !strings.HasPrefix(pc[1], "decreas")
			c.Metric, forced = directedChange(prev.Metric, up)
			reviews = dropAll(reviews, reviewFromClause, reviewFromVocabulary, reviewNoMetric, reviewBareChange, reviewBetterGuessed)
		} else if wi := whichIsThan.FindStringSubmatch(post); wi != nil && whichIsBefore.MatchString(t.lower[prevB:m.a]) {
			// "an accuracy of 98.56%, which is only 0.09% lower than the
			// teacher model": the level's gap to the other, as a change of
			// that level.
			up := wi[1] == "higher" || wi[1] == "more" || wi[1] == "greater" || wi[1] == "larger" || wi[1] == "above"
			c.Metric, forced = directedChange(prev.Metric, up)
			reviews = dropAll(reviews, reviewFromClause, reviewFromVocabulary, reviewNoMetric, reviewBareChange, reviewBetterGuessed)
		}
	}
	if m.unit == "" && m.other == "" && benchLevelBefore.MatchString(t.lower[sentStart:m.a]) {
		if ob := benchOnAfter.FindStringSubmatch(post); ob != nil {
			// "obtaining 64.7 on OSWorld-G, 40.2 on UI-Vision": each level
			// is the score on its own benchmark.
			c.Metric = snake(ob[1])
			reviews = dropAll(reviews, reviewFromVocabulary, reviewFromClause)
		}
	}
	if strings.HasPrefix(m.review, "a rating out of") {
		if rp := ratedParen.FindStringSubmatch(t.lower[sentStart:m.a]); rp != nil {
			// "coherence (8.1/10) and creativity (7.9/10)": each rating is
			// of the quality named before its parenthesis.
			c.Metric = snake(strings.Fields(rp[1])...)
			reviews = dropAll(reviews, reviewFromVocabulary, reviewFromClause)
		} else if rf := ratedFor.FindStringSubmatch(post); rf != nil {
			// "rated it 4.3/5 for accuracy and 4.6/5 for efficiency": each
			// rating is of the quality named after "for".
			c.Metric = rf[1] + "_rating"
			reviews = dropAll(reviews, reviewFromVocabulary, reviewFromClause, reviewNoMetric, reviewBetterGuessed)
		}
	}
	if m.unit == "x" && timesIn.MatchString(post) && !changeSplit.MatchString(c.Metric) && !strings.HasSuffix(c.Metric, "speedup") && !strings.Contains(c.Metric, "compression") {
		// "4.7x in energy efficiency", "1.6x in latency": a change counted
		// in times, up for what is better large, down for a cost.
		switch betterOf(c.Metric) {
		case "higher":
			c.Metric += "_improvement"
		case "lower":
			c.Metric += "_reduction"
			forced = "higher"
		}
	}
	if !changeSplit.MatchString(c.Metric) && strings.Contains(t.lower[max(sentStart, m.a-24):m.a], "(") {
		// "increases throughput (by 1.9x)": the verb before the
		// parenthesis says how its object changed.
		if pb := parenByChange.FindStringSubmatch(t.lower[sentStart:m.a]); pb != nil {
			if ws, _ := nounPhrase(pb[2], 4); len(ws) > 0 && isMetricPhrase(ws) {
				c.Metric = compound(ws, changeSuffix(pb[1]))
			}
		}
	}
	scoreDifference := m.unit == "%" || m.unit == "pp" || m.unit == "points" || m.unit == "dB" || m.unit == ""
	if withinBefore.MatchString(t.lower[max(sentStart, m.a-24):m.a]) && (ofAfter.MatchString(post) || scoreDifference) && !changeSplit.MatchString(c.Metric) && !strings.HasSuffix(c.Metric, "_gap") && betterOf(c.Metric) != "" && c.Metric != "value" {
		// "WER within 2% of offline Whisper", "within 0.2% accuracy of",
		// "to within 0.01 PPL": how far from another's figure, a gap in
		// the measure named, better small.
		c.Metric += "_gap"
		forced = "lower"
	}
	bareGap := c.Metric == "" && scoreDifference && m.unit != "dB" && withinBefore.MatchString(t.lower[max(sentStart, m.a-24):m.a])
	if bareGap && ofAfter.MatchString(post) {
		// "stays within 2% of LLMs": a gap to the figure named after
		// "of", before any measure near it names the number.
		c.Metric, forced = "performance_gap", "lower"
		reviews = append(reviews, reviewBareGap)
	}
	if cs := changeSplit.FindStringSubmatch(c.Metric); cs != nil && m.unit == "%" {
		if pi := percentIn.FindStringSubmatch(post); pi != nil {
			// "reduces complexity by 73% in inference time": the change
			// is in what follows "in", when that is a measure.
			if ws, _ := nounPhrase(pi[1], 3); len(ws) > 0 && isMetricPhrase(ws) && snake(ws...) != cs[1] {
				c.Metric = canonicalMetric(compound(ws, cs[2]))
			}
		}
	}
	if si := speedupIn.FindStringSubmatch(post); si != nil && c.Metric == "speedup" && m.unit == "x" && (si[2] != "" || spedUpProcess.MatchString(si[1]) && !notProcess[si[1]]) {
		// "40x faster in inference time", "a 120x speedup in total
		// evaluation time": what is sped up is named after "in".
		c.Metric = snake(si[1], "speedup")
	}
	if c.Unit == "bits" && bitsPerByte.MatchString(t.lower[m.a:min(sentEnd, m.b+8)]) {
		c.Metric = "bits_per_byte"
	}
	if gb := gapBefore.FindStringSubmatch(t.lower[max(sentStart, m.a-60):m.a]); c.Metric == "" && gb != nil && !determiners[gb[1]] {
		c.Metric = snake(gb[1], gb[2]) // "a precision discrepancy as low as 3%"
	}
	if c.Metric == "time" {
		if tb := takesBefore.FindStringSubmatch(t.lower[sentStart:m.a]); tb != nil && !determiners[tb[1]] && !stopSubject[tb[1]] {
			// "decoding takes 12 ms": the time of what takes it.
			c.Metric = snake(tb[1], "time")
		}
	}
	if strings.HasSuffix(c.Metric, "_reduction") && !lengthOrTime.MatchString(c.Metric) && shortenBy.MatchString(t.lower[max(sentStart, m.a-80):m.a]) {
		// "shortens CoT by 42.1%": what is shortened is a length.
		c.Metric = strings.TrimSuffix(c.Metric, "_reduction") + "_length_reduction"
	}
	if (m.unit == "s" || m.unit == "ms" || m.unit == "min" || m.unit == "h") && !timeWord.MatchString(c.Metric) &&
		betterOf(c.Metric) == "higher" && !changeSplit.MatchString(c.Metric) {
		// "generating high-quality assets in under one second": a time
		// is not named by a quality; what the words before say is only
		// that it is a time.
		c.Metric = "time"
	}
	if c.Metric == "time" || c.Metric == "latency" {
		c.Metric = stageTime(t.lower[max(sentStart, m.a-90):m.a], c.Metric)
		if pu := perItemAfter.FindStringSubmatch(post); pu != nil {
			c.Metric += "_per_" + pu[1] // "63 s per token": a time per item
		}
	}
	if m.tokensUsed {
		// "trained on only 40 billion unique tokens": the training data
		// the method needs; "5B retraining tokens" says which training.
		c.Metric = "training_tokens"
		if tw := tokensWord.FindStringSubmatch(t.lower[m.b:min(sentEnd, m.b+30)]); tw != nil {
			c.Metric = tw[1] + "_tokens"
		}
		if stepsNext.MatchString(t.lower[m.b:min(sentEnd, m.b+30)]) {
			c.Metric = "training_steps" // "only requires 1K training steps"
		}
	}
	if m.unit == "count" && (contextLengthNear.MatchString(t.lower[max(sentStart, m.a-60):min(sentEnd, m.b+30)])) && !changeSplit.MatchString(c.Metric) {
		// "up to 380K context tokens", "a context length of up to 1
		// million": the length of context reached.
		c.Metric = "context_length"
		if strings.Contains(t.lower[max(sentStart, m.a-60):min(sentEnd, m.b+30)], "sequence length") {
			c.Metric = "sequence_length"
		}
	}
	if (c.Metric == "time" || strings.HasPrefix(c.Metric, "time_per_")) && runtimeBefore.MatchString(t.lower[max(sentStart, m.a-40):m.a]) {
		// "an EdgeTPU runtime of just 3.8ms", "runs in 0.019s", "runs 6ms
		// per frame": how long one inference runs.
		name := "runtime"
		if runsIn.MatchString(t.lower[max(sentStart, m.a-40):m.a]) {
			name = "latency"
		}
		c.Metric = name + strings.TrimPrefix(c.Metric, "time")
	}
	if c.Metric == "time" && m.unit == "ms" && !timeAlone.MatchString(t.lower[sentStart:sentEnd]) {
		// Milliseconds that nothing names are a latency: 25 of the 27
		// labelled claims in ms name one. "runtime" and "real-time" do not
		// name the time of something.
		c.Metric = "latency"
	}
	if unnamed := !knownMetric(c.Metric) || genericNames[c.Metric]; (unnamed || unitNames[c.Metric]) && !acronym {
		// The vocabulary of measures learned from the labelled abstracts,
		// nearest to the number in its clause, names a number no rule
		// named, and says which a name the unit alone gave ("time",
		// "size") is: "inference time", "model size".
		before, after := clauseAround(t.lower[sentStart:m.a], t.lower[m.b:sentEnd])
		ms := vocabularyMeasure(before, after, m.unit)
		switch {
		case ms == nil:
		case unitNames[c.Metric] && len(ms) > 1 && ms[len(ms)-1] == c.Metric:
			c.Metric = snake(ms...)
			reviews = append(reviews, reviewFromVocabulary)
		case unnamed:
			change := ""
			if bareChange[c.Metric] {
				change = c.Metric
			} else if cc := changeCue.FindStringSubmatch(before); cc != nil {
				change = changeSuffix(cc[1])
			} else if oc := changeNounAfterVocab.FindStringSubmatch(after); oc != nil {
				change = changeSuffix(oc[1])
			}
			if change == "" {
				c.Metric = snake(ms...)
			} else {
				c.Metric = compound(ms, change)
			}
			reviews = append(dropAll(reviews, reviewNoMetric, reviewBareChange), reviewFromVocabulary)
		}
	}
	if m.unit == "%" && levelAtComputeAfter.MatchString(t.lower[m.b:sentEnd]) && (c.Metric == "" || c.Metric == "value" || strings.Contains(c.Metric, "macs") || strings.Contains(c.Metric, "flops")) {
		// "77.4% at 1.2 GMACs": a level reported at a compute budget is
		// most often an accuracy; a guess, so flagged.
		c.Metric = "accuracy"
		reviews = append(dropAll(reviews, reviewFromVocabulary, reviewBetterGuessed), "a level at a compute budget, read as accuracy: check it")
	}
	if (c.Metric == "size" || c.Metric == "size_reduction") && modelWord.MatchString(t.lower[sentStart:sentEnd]) && !otherSized.MatchString(t.lower[sentStart:sentEnd]) {
		// "7x smaller than SDXL", "the quantized model (1.22MB)": in a
		// sentence about a model and nothing else that has a size, the
		// size is the model's.
		if c.Metric == "size" {
			reviews = append(reviews, "a size read as the model's, the sentence being about a model: check it")
		}
		c.Metric = "model_" + c.Metric
	}
	if m.unit == "dB" && strings.HasPrefix(c.Metric, "db_") {
		c.Metric = strings.TrimPrefix(c.Metric, "db_") // "(+5.38 dB over MeanCache)": the unit is no part of the name
		if bareChange[c.Metric] {
			c.Metric = "psnr_" + c.Metric
		}
	}
	// (Also a margin over other methods that the clause named by what
	// they are, "outperforms existing quantization methods by over 4 dB".)
	clauseMargin := m.unit == "dB" && slices.Contains(reviews, reviewFromClause) && marginBy.MatchString(t.lower[sentStart:m.a])
	if m.unit == "dB" && (bareChange[c.Metric] || c.Metric == "" || c.Metric == "value" || c.Metric == "psnr" || clauseMargin) && !otherDecibels.MatchString(t.lower[sentStart:sentEnd]) {
		// "outperforms PFT by up to 0.22dB": decibels that nothing names
		// are a PSNR (24 of the 29 labelled claims in dB), unless the
		// sentence names another ratio in decibels.
		gain := gainNext.MatchString(t.lower[m.b:sentEnd]) || gainBy.MatchString(t.lower[sentStart:m.a]) ||
			c.Metric != "psnr" && gainCue.MatchString(t.lower[sentStart:m.a])
		switch {
		case bareChange[c.Metric]:
			c.Metric = "psnr_" + c.Metric
		case gain:
			c.Metric, forced = "psnr_improvement", "higher"
		default:
			c.Metric = "psnr"
		}
		reviews = dropAll(reviews, reviewNoMetric, reviewBareChange, reviewFromClause)
		if clauseMargin {
			reviews = append(reviews, "decibels of a margin over other methods, read as PSNR: check it")
		}
	}
	if (c.Metric == "ratio" || c.Metric == "") && m.unit == "x" && compressWord.MatchString(t.lower[sentStart:sentEnd]) {
		// "compresses deltas ... with up to 133x, and ... with up to
		// 400x": a ratio in a sentence about compressing is a compression ratio.
		c.Metric = "compression_ratio"
		reviews = dropAll(reviews, reviewNoMetric)
	}
	if priorWorkChange.MatchString(c.Metric) {
		// "improves baseline methods by an average of 5.1%": the methods
		// are what is improved on, not a measure; the margin is in their
		// performance.
		c.Metric = "performance_" + priorWorkChange.FindStringSubmatch(c.Metric)[1]
		reviews = dropAll(reviews, reviewFromClause)
		reviews = append(reviews, "a margin over other methods with no measure named, read as performance: check it")
	}
	if m.isRange && !knownMetric(c.Metric) && beatenFrom.MatchString(t.lower[sentStart:m.a]) {
		// "outperforms existing state-of-the-art techniques from 5% to
		// 20%": margins in no measure named, as below.
		c.Metric = "performance_improvement"
		reviews = dropAll(reviews, reviewNoMetric, reviewBetterGuessed)
		reviews = append(reviews, "a margin over other methods with no measure named, read as performance: check it")
	}
	if m.review == reviewBeatenMargin && !scoreStem.MatchString(c.Metric) {
		// "outperforms the state-of-the-art 2-bit baselines by 11.27":
		// no score is named, and "2-bit" or "quantization" is not one.
		c.Metric = "performance_improvement"
		reviews = dropAll(reviews, reviewFromClause, reviewFromVocabulary, reviewNoMetric, reviewBareChange)
		reviews = append(reviews, "a margin over other methods with no measure named, read as performance: check it")
	}
	if c.Metric == "performance_improvement" && m.unit == "%" {
		if sr := scoreRightAfter.FindStringSubmatch(strings.TrimLeft(post, " ")); sr != nil {
			// "surpassing existing methods by 19.5%-49.7% accuracy": the
			// score right after the margin is what improves.
			c.Metric = canonicalMetric(sr[1]) + "_improvement"
		}
	}
	if (c.Metric == "performance_improvement" || c.Metric == "improvement") && prev != nil && sentStart <= prevB && prevB <= m.a && prev.Unit == c.Unit &&
		isScore(strings.Split(prev.Metric, "_")) && !changeSplit.MatchString(prev.Metric) && !strings.HasSuffix(prev.Metric, "_gap") && !genericNames[prev.Metric] &&
		marginBy.MatchString(t.lower[prevB:m.a]) {
		// "achieves 92.2% IoU in drivable area segmentation, outperforming
		// its closest competitor by 0.7%": a margin that names no measure,
		// right after the method's level, is in the level's measure.
		c.Metric = prev.Metric + "_improvement"
		reviews = append(dropAll(reviews, reviewFromClause, reviewFromVocabulary, reviewNoMetric, reviewBareChange, "a margin over other methods with no measure named, read as performance: check it"), reviewFromPrevious)
	}
	if m.unit == "x" && m.timesWord && !verbByThe.MatchString(t.lower[sentStart:m.a]) {
		// (Not "reducing by 2 to 3 times the energy consumption": the
		// verb's object, named beside the number.)
		if tm := timesTheMeasure.FindStringSubmatch(post); tm != nil {
			// "only 0.014 times the parameters of YOLOv8": the ratio of
			// the method's measure to another's, better small.
			ws, _ := nounPhrase(tm[1], 4)
			if k := strings.IndexByte(tm[1], '('); k >= 0 {
				// "the computational cost (FLOPs)", "the size (in terms
				// of parameters)": the parenthesis says what is counted.
				ws = lastWords(strings.Trim(tm[1][k:], "()"), 1)
			}
			c.Metric, forced = compound(ws, "ratio"), "lower"
			reviews = dropAll(reviews, reviewFromClause, reviewFromVocabulary, reviewNoMetric, reviewBetterGuessed)
		}
	}
	if sa := scoreAfterNumber; sa != nil && m.unit == "" && !strings.Contains(sa[1], " ") && !strings.Contains("_"+c.Metric+"_", "_"+snake(sa[1])+"_") && !changeSplit.MatchString(c.Metric) {
		// "a 0.32 collision rate and 1.08 minADE": a bare level is of the
		// score named right after it, not of the list's first member.
		c.Metric = snake(sa[1])
		reviews = dropAll(reviews, reviewFromPrevious, reviewFromClause, reviewFromVocabulary, reviewNoMetric)
	}
	if ck := cutoffScoreAfter.FindStringSubmatch(post); ck != nil && (m.unit == "" || m.unit == "%") && !changeSplit.MatchString(c.Metric) && (c.Metric == snake(ck[1]) || c.Metric == snake(ck[1])+"_"+ck[2] || !strings.HasPrefix(c.Metric, snake(ck[1]))) {
		// "reaches 45.6% Hit@5", "0.61 Recall@10": a ranking score at a
		// cut-off, named right after its level (a bare "pass" or
		// "recall" takes its cut-off; "map50" already has it).
		c.Metric, forced = snake(ck[1])+"_at_"+ck[2], "higher"
		if ck[3] != "" {
			c.Metric += "_" + ck[3] // "43.33% Pass@1 accuracy"
		}
		reviews = dropAll(reviews, reviewsOfGuessedName...)
	}
	if sa := scoreAfterNumber; sa != nil && !strings.Contains(sa[1], " ") && (changeByEnd.MatchString(t.lower[max(sentStart, m.a-60):m.a]) || plusSigned.MatchString(t.lower[max(sentStart, m.a-2):min(sentEnd, m.a+1)]) ||
		beatsByEnd.MatchString(t.lower[sentStart:m.a])) {
		// "improves the student model by +6.68 mIoU", "boosts downstream
		// object detection by 16.3 mAP", "+19.7% NDS", "surpassing VAR by
		// 0.5 and DiT by 0.2 rFID": the score named right after the
		// amount is what changes, not the verb's object.
		suffix := "improvement"
		if cv := changeByEnd.FindStringSubmatch(t.lower[max(sentStart, m.a-60):m.a]); cv != nil && changeDown.MatchString(cv[1]) {
			suffix = "reduction"
		}
		c.Metric = snake(sa[1], suffix)
		reviews = dropAll(reviews, reviewFromClause, reviewFromVocabulary, reviewNoMetric, reviewBetterGuessed, "metric named from the acronym after the number: check it")
	}
	if m.unit == "count" {
		if tp := tokensPerItem.FindStringSubmatch(post); tp != nil {
			// "spends 127k tokens per bug": a cost, better small.
			c.Metric, forced = snake("tokens", "per", tp[1]), "lower"
		}
		if oo := outOfAfter.FindStringIndex(post); oo != nil {
			// "outperforms on 4 out of 5 commonsense reasoning benchmarks":
			// the count of benchmarks improved on.
			if ws, _ := nounPhrase(strings.TrimLeft(post[oo[1]:], " "), 4); len(ws) > 0 {
				c.Metric, forced = snake(ws[len(ws)-1], "improved"), "higher"
				reviews = dropAll(reviews, reviewFromClause, reviewFromVocabulary, reviewNoMetric, reviewBetterGuessed)
			}
		}
	}
	if timeUnits[m.unit] {
		if te := timeError.FindStringSubmatch(t.lower[max(sentStart, m.a-40):m.a]); te != nil {
			// "median RMSE is 22.75 min": an error of a forecast counted
			// in minutes, not a time taken.
			c.Metric, forced = snake(strings.Fields(te[1])...), "lower"
			reviews = dropAll(reviews, "the metric is only what its unit measures: name what it is of (decoding time, inference speed ...)")
		}
	}
	if c.Metric == "speedup" {
		if sp := speedupInStage.FindStringSubmatch(post); sp != nil {
			// "a 3.9 speedup in the forward pass", "a 2.4x speed-up in
			// decoding": the speed-up of that stage.
			c.Metric = snake(strings.Fields(sp[1])...) + "_speedup"
		}
	}
	if m.unit == "%" && shareOfParams.MatchString(post) {
		if uv := paramsUsedBy.FindStringSubmatch(t.lower[max(sentStart, m.a-50):m.a]); uv != nil {
			// "using only 6% of the parameters", "training only less than
			// 1% of the total parameters": the share of the parameters
			// the method needs, better small.
			c.Metric, forced = "parameter_share", "lower"
			if strings.HasPrefix(uv[1], "train") || strings.HasPrefix(uv[1], "tun") || strings.HasPrefix(uv[1], "updat") || strings.Contains(shareOfParams.FindString(post), "trainable") {
				c.Metric = "trainable_parameter_share"
			}
			reviews = dropAll(reviews, reviewFromClause, reviewFromVocabulary, reviewNoMetric, reviewBetterGuessed)
		}
	}
	if m.unit == "%" && !changeSplit.MatchString(c.Metric) {
		if rt := rateInPercent.FindStringSubmatch(t.lower[max(sentStart, m.a-50):m.a]); rt != nil && raiseVerb.MatchString(t.lower[sentStart:m.a]) {
			// "improves training efficiency beyond 20% and inference
			// throughput over 15%": a throughput is never a percentage,
			// so the share is its gain.
			c.Metric = compound(strings.Fields(rt[1]), "improvement")
			reviews = dropAll(reviews, reviewFromClause, reviewFromVocabulary, reviewNoMetric)
		}
	}
	if c.Metric == "reduction" && fewerThanAfter.MatchString(t.lower[m.b:sentEnd]) {
		// "using only 0.4M parameters, over 800x fewer than recent
		// ViT-based methods": fewer of what the sentence counted last.
		if rs := resourceBefore.FindAllStringSubmatch(t.lower[sentStart:m.a], -1); rs != nil {
			c.Metric = singular([]string{rs[len(rs)-1][1]})[0] + "_reduction"
			reviews = dropAll(reviews, reviewBareChange)
		}
	}
	if m.fraction && strings.HasPrefix(m.review, "a rating out of") {
		if rn := ratingName.FindStringSubmatch(t.lower[max(sentStart, m.a-40):m.a]); rn != nil {
			c.Metric, forced = snake(strings.Fields(rn[1])...), "higher" // "a fluency of 4.2/5": the rating of fluency
			reviews = dropAll(reviews, reviewFromPrevious, reviewFromVocabulary, reviewFromClause, reviewNoMetric)
		}
	}
	if !knownMetric(c.Metric) || c.Metric == "value" {
		if ci := changeInParen.FindStringSubmatch(t.lower[max(sentStart, m.a-160):m.a]); ci != nil {
			// "moderate declines in both SE quality (up to 4.4%) and
			// faithfulness (up to 2.38%)": the change the sentence
			// announces, of the measure that opens the parenthesis.
			if ws := strings.Fields(ci[2]); len(ws) > 0 && !npStop[ws[len(ws)-1]] {
				c.Metric = compound(ws, changeSuffix(ci[1]))
				forced = betterOf(c.Metric) // a reduction is better large, a decline small
				reviews = dropAll(reviews, reviewNoMetric, reviewBetterGuessed)
			}
		}
	}
	if m.unit == "%" && isScore(strings.Split(c.Metric, "_")) && !changeSplit.MatchString(c.Metric) && !strings.HasSuffix(c.Metric, "_retention") && !strings.HasSuffix(c.Metric, "_retained") &&
		improvesByBefore.MatchString(t.lower[max(sentStart, m.a-40):m.a]) {
		c.Metric += "_improvement" // "improves an average of 11.0% F-score": the score's gain, not its level
	}
	if am := acronymAsideFromTo.FindStringSubmatch(t.s[max(sentStart, m.a-120):m.a]); am != nil {
		// "HOTA (a measure of overall tracking accuracy) increases from
		// 62.3% to 63.4%": the acronym is the measure; the aside explains it.
		c.Metric = strings.ToLower(am[1])
		if b := betterOf(c.Metric); b != "" {
			forced = b
		}
		reviews = dropAll(reviews, reviewFromPrevious, reviewFromVocabulary, reviewFromClause, reviewNoMetric)
	}
	if m.unit == "" && plusSigned.MatchString(t.lower[max(sentStart, m.a-2):min(sentEnd, m.a+1)]) {
		if sn := scoreNameAfter.FindString(t.s[m.b:min(sentEnd, m.b+30)]); sn != "" {
			// "by +0.031 ImageReward": the change of the score named after it.
			c.Metric, forced = strings.ToLower(strings.TrimSpace(sn))+"_improvement", "higher"
			reviews = dropAll(reviews, reviewFromPrevious, reviewFromVocabulary, reviewFromClause, reviewNoMetric)
		}
	}
	if m.unit == "" {
		if bs := bareScoreName.FindStringSubmatch(t.lower[max(sentStart, m.a-30):m.a]); bs != nil {
			// "Dice 0.9549, HD95 5.14": the score named right before the level.
			c.Metric = snake(strings.Fields(strings.ReplaceAll(bs[1], "@", "_at_"))...)
			reviews = dropAll(reviews, reviewFromPrevious, reviewFromVocabulary, reviewFromClause, reviewNoMetric)
			forced = betterOf(c.Metric)
		}
	}
	if name := signedChangeOf(t, max(sentStart, m.a-30), m.a, m.unit); name != "" {
		// "(LPIPS +0.095)", "(RADS accuracy +53%, NLI +60%)": a signed
		// change of the score or task named right before it.
		c.Metric, forced = name+"_improvement", "higher"
		reviews = dropAll(reviews, reviewsOfGuessedName...)
	}
	if ea := meanErrorBefore.FindStringSubmatch(t.lower[max(sentStart, m.a-60):m.a]); ea != nil && (m.unit == "" || m.unit == "%") {
		// "a Mean Absolute Error of 2.8167": the error by its usual
		// acronym, not "absolute_error" (the "mean" is part of the name).
		acr := "m"
		if ea[1] != "" {
			acr = "rm"
		}
		switch {
		case strings.HasPrefix(ea[2], "abs") && ea[3] != "":
			acr += "ape"
		case strings.HasPrefix(ea[2], "abs"):
			acr += "ae"
		default:
			acr += "se"
		}
		c.Metric, forced = acr, "lower"
		reviews = dropAll(reviews, reviewsOfGuessedName...)
	}
	if ns := namedScoreOf.FindStringSubmatch(t.lower[max(sentStart, m.a-50):m.a]); ns != nil && (m.unit == "" || m.unit == "%") && !changeSplit.MatchString(c.Metric) && !changeWordNear.MatchString(t.lower[max(sentStart, m.a-50):m.a]) {
		// "0.88 recall, and an F1-score of 0.91", "a testing accuracy of
		// 95.61% surpassing the performance of ...": a level of the score
		// named right before it, not the list's or the clause's measure.
		named := ns[1]
		if q, rest, ok := strings.Cut(named, " "); ok && (praiseWord[q] || determiners[q] || npStop[q]) {
			named = rest // "a remarkable accuracy of": praise, not which accuracy
		}
		if name := snake(strings.Fields(strings.ReplaceAll(named, "-", " "))...); !strings.Contains(c.Metric, name) {
			c.Metric, forced = name, "higher"
			reviews = dropAll(reviews, reviewsOfGuessedName...)
		}
	}
	if ws := jointScoresBefore(t.lower[max(sentStart, m.a-80):m.a]); ws != nil && (m.unit == "%" || m.unit == "") {
		// "sensitivity and specificity exceeding 93%", "accuracy,
		// sensitivity and specificity of 97.79%": one level the scores
		// share, named by all of them.
		c.Metric = snake(ws...)
		reviews = dropAll(reviews, reviewsOfGuessedName...)
	}
	if m.unit == "" && rSquaredBefore.MatchString(t.lower[max(sentStart, m.a-40):m.a]) {
		c.Metric, forced = "r2", "higher"
		reviews = dropAll(reviews, reviewsOfGuessedName...)
	}
	if near := t.lower[max(sentStart, m.a-30):m.a]; m.unit == "" && (correlationAt(t.lower[sentStart:sentEnd], near) || correlationAfter.MatchString(post)) {
		c.Metric, forced = correlationName(near, post), "higher"
		reviews = dropAll(reviews, reviewsOfGuessedName...)
	}
	if name := writtenOutScore(t.lower[max(sentStart, m.a-50):m.a]); name != "" {
		// "an area under the curve of 0.987": the AUC, written out.
		c.Metric, forced = name, "higher"
		reviews = dropAll(reviews, reviewsOfGuessedName...)
	}
	if c.Metric == "time" {
		if act := activityBefore(t.lower[sentStart:m.a]); act != "" {
			// "the compression is finished within 60 seconds", "performing
			// edits in under 0.2 seconds": the time of the work the
			// sentence names last before the number.
			c.Metric, forced = act+"_time", "lower"
		}
	}
	if tk := topKAfter.FindStringSubmatch(post); tk != nil && m.unit == "%" && !changeSplit.MatchString(c.Metric) && !strings.HasPrefix(c.Metric, "top") {
		// "84.5% Top-1 on ImageNet": the top-1 accuracy, named after it.
		c.Metric, forced = "top"+tk[1]+"_accuracy", "higher"
		reviews = dropAll(reviews, reviewsOfGuessedName...)
	}
	if ca := changeRightAfter.FindStringSubmatch(post); ca != nil && !changeSplit.MatchString(c.Metric) {
		// The number is the change in the measure the clause names, not
		// its level: a gain in a score ("up to 22.9% (IoU) improvement"),
		// a cut in a cost ("fewer overall FLOPs (22% reduction ...)").
		switch better := betterOf(c.Metric); {
		case ca[1] != "" && better == "higher" && isScore(strings.Split(c.Metric, "_")):
			c.Metric, forced = c.Metric+"_improvement", "higher"
		case ca[1] == "" && better == "lower":
			c.Metric, forced = c.Metric+"_reduction", "higher"
		}
	}
	if m.unit == "%" && (c.Metric == "improvement" || c.Metric == "gain") && onlyAccuracy(t.lower) {
		// "surpassing the state-of-the-art by +6.6% on CIFAR-10" in an
		// abstract whose one score is accuracy: a gain in accuracy.
		c.Metric = "accuracy_" + c.Metric
		reviews = append(reviews, reviewOnlyScore)
	}
	if m.first() < 0 && m.unit == "%" && t.lower[m.a] == '-' && signedAfterWord.MatchString(t.lower[max(sentStart, m.a-13):m.a]) {
		// "with -8.6% token usage", "with -42% average generation
		// length": a signed change of the cost named right after it;
		// it falls, and falling is the point.
		if ws, _ := nounPhrase(strings.TrimLeft(post, " "), 3); len(ws) > 0 && !changeSplit.MatchString(snake(ws...)) {
			c.Metric, forced = snake(ws...)+"_change", "lower"
			reviews = dropAll(reviews, reviewsOfGuessedName...)
		}
	}
	if m.unit == "" && writtenWithPlus(t, m) && !changeSplit.MatchString(c.Metric) && !bareChange[c.Metric] && betterOf(c.Metric) != "lower" {
		// "+0.017 quality", "improves F1 on each backbone (mean +16.7)": a
		// number written with its plus sign is a gain in the measure named
		// beside it, or else in the score the sentence names.
		name := c.Metric
		if sw := lastScoreWord.FindAllString(t.lower[sentStart:m.a], -1); name == "" && sw != nil {
			name = sw[len(sw)-1]
			reviews = append(reviews, reviewFromSentenceScore)
		}
		if name != "" {
			c.Metric, forced = name+"_improvement", "higher"
		}
	}
	if bareGap && c.Metric == "" {
		// "keeps the degradation within 1.5%.": how far from another's
		// figure, still named by nothing, is a gap in performance.
		c.Metric, forced = "performance_gap", "lower"
		reviews = append(reviews, reviewBareGap)
	}
	if c.Metric == "" && strings.HasPrefix(m.review, "a rating out of") {
		c.Metric, forced = "rating", "higher" // "rated our approach 4.14/5.0": a rating of nothing named
	}
	if c.Metric == "" {
		c.Metric = "value"
		if m.unit == "x" {
			c.Metric = "ratio"
		}
		reviews = append(reviews, reviewNoMetric)
	}
	rg := relativeGainBefore.FindStringSubmatch(t.lower[sentStart:m.a])
	if rg == nil {
		rg = relativeGainAfter.FindStringSubmatch(post)
	}
	if rg != nil && (c.Metric == "value" || c.Metric == "performance_improvement" || c.Metric == "performance_gain" || bareChange[c.Metric]) && m.unit == "%" {
		// "relative gains of up to 13% on ALFWorld", "an 8.1% average
		// relative gain over": a gain naming no measure is named as the
		// sentence says it, relative; what changes is still unnamed.
		c.Metric, forced = "relative_"+rg[1], "higher"
		reviews = append(dropAll(reviews, reviewNoMetric, reviewBareChange, reviewBetterGuessed), reviewBareChange)
	}
	c.Better = betterHint
	if cs := changeSplit.FindStringSubmatch(c.Metric); m.scoreChange && cs != nil && changeDownWord[cs[2]] {
		// "a 0.26 decrease on DPG": a score that falls drops.
		c.Metric, forced = cs[1]+"_drop", "lower"
	}
	if forced != "" {
		c.Better = forced
	}
	if sizeComparative.MatchString(strings.TrimLeft(post, " ")) && (strings.HasSuffix(c.Metric, "_size_increase") || strings.HasSuffix(c.Metric, "_length_increase")) {
		c.Better = "higher" // "supports 8x larger batch sizes": a capability, more is better
	}
	if lv := preToLevel.FindStringSubmatch(strings.TrimRight(pre, " ")); lv != nil && c.Better == "" && sure && !upToEnd.MatchString(pre) {
		// "reduces X to N" wants N low; "raises X to N" wants it high;
		// a measure with a known direction keeps it ("improves FID from
		// 12.3 to 8.1": lower is better whatever the verb).
		c.Better = "higher"
		if b := betterOf(c.Metric); b != "" && !changeSplit.MatchString(c.Metric) {
			c.Better = b
		} else if strings.HasPrefix(lv[1], "reduc") || strings.HasPrefix(lv[1], "lower") || strings.HasPrefix(lv[1], "decreas") ||
			strings.HasPrefix(lv[1], "cut") || strings.HasPrefix(lv[1], "shrink") || strings.HasPrefix(lv[1], "compress") || strings.HasPrefix(lv[1], "narrow") {
			c.Better = "lower"
		}
	}
	if c.Unit == "bits" && c.Better == "" {
		c.Better = "lower" // a bit-width that is the result: fewer bits is the point
	}
	switch {
	case c.Unit == "rank":
		c.Better = "lower"
	case c.Unit == "count" && c.Better == "":
		c.Better = "higher"
		if betterOf(c.Metric) == "lower" || hasKeyword(c.Metric, "step") || onlyBefore.MatchString(pre) || asFewAs.MatchString(pre) {
			c.Better = "lower" // "only 3 epochs of training", "in 4 steps", "just 23 tokens": fewer is the point
		}
	case c.Better == "" && inList && c.Metric == prev.Metric:
		c.Better = prev.Better
	case c.Better == "":
		c.Better = betterOf(c.Metric)
	}
	if statedBetter != "" {
		c.Better = statedBetter
	}
	if c.Unit == "FPS" && c.Better == "lower" && statedBetter == "" {
		c.Better = "higher" // "a real-time inference rate of 25 frames per second": frames a second, more is better, whatever "time" the name holds
	}
	if c.Better == "" && (c.Metric == "kv_cache" || strings.HasSuffix(c.Metric, "_kv_cache")) && (c.Unit == "GB" || c.Unit == "MB") {
		c.Better = "lower" // "a bounded KV cache of just 4 GB": its size, better small
	}
	if c.Better == "" && errorAcronym(t.s[sentStart:sentEnd], c.Metric) {
		c.Better = "lower" // "37.0% CoER", "an MNAE of 9.64%": an error rate or a mean error by its acronym
	}
	if c.Better == "" {
		c.Better = "higher"
		reviews = append(reviews, reviewBetterGuessed)
	}

	// "2.8% accuracy improvements over SOTA", "outperforms X by 3%": the
	// number is a margin over a baseline.
	if c.Bound == claim.Exact {
		if loc := beatsPost.FindStringIndex(post); loc != nil && (gainWord.MatchString(post[:loc[1]]) || improveBy.MatchString(pre)) {
			if b := phraseSpan(t, m.b+loc[1], sentEnd); b != "" {
				c.Bound, c.Baseline = claim.Beats, b
			}
		} else if sm := beatsPre.FindStringSubmatchIndex(pre); sm != nil {
			if b := phraseSpan(t, qa+sm[2], qa+sm[3]); b != "" {
				c.Bound, c.Baseline = claim.Beats, b
			}
		} else if gainAfter.MatchString(post) || gainAfter.MatchString(t.lower[m.b:min(sentEnd, m.b+60)]) {
			// "outperforms several baselines, achieving 2.17% accuracy
			// gains": a margin over the baselines named before.
			from := max(sentStart, m.a-300)
			if sm := outperformObj.FindStringSubmatchIndex(t.lower[from:m.a]); sm != nil {
				if b := phraseSpan(t, from+sm[2], from+sm[3]); b != "" {
					c.Bound, c.Baseline = claim.Beats, b
				}
			}
		}
	}
	c.Context = context(t, m.b, qb, c.Baseline != "")
	if c.Unit == "%" && reviewPercent.MatchString(c.Metric) && changeMetric.MatchString(c.Metric) {
		reviews = append(reviews, reviewRelativeOrAbsolute)
	}

	if len(m.vals) > 1 {
		reviews = append(reviews, "one of a pair 'a/b' in the abstract, paired in order: check which setting each is for")
	}
	if c.Unit == "%" && compressionShare.MatchString(c.Metric) && !changeSplit.MatchString(c.Metric) && !strings.HasSuffix(c.Metric, "_gain") {
		// (A change in a compression ratio, "215% compression ratio
		// improvement", is a change, better large.)
		// A compression ratio in times is original over compressed; in
		// percent it is the share of the original kept, better small.
		c.Better = "lower"
		reviews = append(reviews, "a compression ratio in %: read as the share of the original size kept (lower is better): check it")
	}
	reviews = append(reviews, doubtNotes(t.lower[sentStart:m.a], t.lower[m.b:sentEnd], t.lower[m.a:m.b], c.Metric)...)
	c.Review = strings.Join(reviews, "; ")
	if m.isRange {
		return []Claim{c}, sure
	}
	names := pairNames(t.lower[max(sentStart, m.a-80):m.a], len(m.vals))
	if names == nil {
		names = pairNamesAfter(post, len(m.vals), c.Metric)
	}
	out := make([]Claim, 0, len(m.vals))
	for k, v := range m.vals {
		ci := c
		v := v
		ci.Value = &v
		if names != nil {
			// "encoding/decoding speed at 125/112 fps": each member
			// measures the member of the pair of words in its place.
			ci.Metric = names[k]
		}
		out = append(out, ci)
	}
	return out, sure
}

// settingAfter is a number followed by the setting it is for, not by
// what it measures: "1.78x on RTX 3090", "1.20-1.40x via the fallback".
var settingAfter = regexp.MustCompile(`^\s*(?:on|for|at|with|via|in|under|when|using)\s`)

// knownMetric reports whether a claim's metric names something measured.
func knownMetric(metric string) bool {
	return metric != "" && metric != "value" && metric != "ratio" && !bareChange[metric]
}

const (
	reviewBareChange         = "the metric names a change but not what changes: name it"
	reviewNoMetric           = "metric not recognized: name it"
	reviewBareGap            = "a gap to another's figure that names no measure: name it"
	reviewOnlyScore          = "metric taken from the one score the abstract names: check it"
	reviewBetterGuessed      = "better direction guessed"
	reviewFromVocabulary     = "metric named from the vocabulary of measures (a measure near the number in its clause): check it"
	reviewFromClause         = "metric named from the clause (the object of its verb, or what the sentence compares on): check it"
	reviewFromPrevious       = "metric taken from the previous number of the sentence"
	reviewFromSentenceScore  = "metric taken from the score the sentence names: check it"
	reviewPointsAsAccuracy   = "a change in points with no measure named, read as accuracy: check it"
	reviewRelativeOrAbsolute = "a change in a percentage score: relative (%) or absolute (pp)?"
	reviewBeatenMargin       = "a margin over other methods without a unit, in the score's own unit: check the unit"
)

// reviewsOfGuessedName are the reviews of a name guessed from the words
// around a number, dropped when a rule reads the name the abstract gives.
var reviewsOfGuessedName = []string{reviewFromPrevious, reviewFromVocabulary, reviewFromClause, reviewNoMetric, reviewBetterGuessed}

var (
	// timeError is an error measure whose level a time unit gives.
	timeError = regexp.MustCompile(`\b((?:median\s+|mean\s+|average\s+)?(?:rmse|mae|mape|absolute\s+error|error))\s+(?:is|was|are|were|of)\s+(?:about\s+|only\s+|approximately\s+|just\s+)?$`)
	// tokensPerItem is a count of tokens per item, after the number.
	tokensPerItem = regexp.MustCompile(`^\s*tokens?\s+per\s+([a-z]+)`)
	// speedupInStage is a speed-up "in" the stage it is of, after the
	// number.
	speedupInStage = regexp.MustCompile(`^\s*(?:speed-?ups?|speed\s+ups?)\s+(?:in|for|during)\s+(?:the\s+)?((?:forward|backward)\s+pass|first-token\s+generation|decoding|prefill(?:ing)?|encoding|training|inference|generation|sampling|rendering|attention|data\s+loading)\b`)
	// changeByEnd is a verb of change, its object and "by" right before
	// an amount: "improves the student model by +".
	changeByEnd = regexp.MustCompile(`\b(improv\w*|boost\w*|increas\w*|rais\w*|lift\w*|enhanc\w*|outperform\w*|surpass\w*|exceed\w*|beat\w*|reduc\w*|lower\w*|decreas\w*|cut\w*)\s+(?:[a-z0-9@.-]+\s+){0,6}?by\s+(?:up\s+to\s+|over\s+|about\s+|nearly\s+|more\s+than\s+)?\+?\s*$`)
	// shareOfParams is a share "of the parameters" after a number;
	// paramsUsedBy is a verb that uses, needs or trains that share.
	shareOfParams = regexp.MustCompile(`^\s*of\s+(?:(?:the|its|their)\s+)?(?:[a-z0-9-]+'s\s+)?(?:total\s+|original\s+|full\s+|model\s+)?(?:trainable\s+)?parameters\b`)
	paramsUsedBy  = regexp.MustCompile(`\b(us\w*|requir\w*|need\w*|with|train\w*|tun\w*|updat\w*)\s+(?:(?:only|just|merely|less\s+than|fewer\s+than|under|around|about|approximately|roughly|at\s+most|no\s+more\s+than)\s+)*$`)
	// rateInPercent is a rate right before a percentage ("inference
	// throughput over 15%"); raiseVerb is a verb that raises it.
	rateInPercent = regexp.MustCompile(`(?:^|[\s,(])((?:[a-z][a-z-]*\s+){0,2}?(?:throughput|speed|fps))\s+(?:(?:by|over|beyond|of)\s+)?(?:about\s+|over\s+|up\s+to\s+|nearly\s+|more\s+than\s+)?$`)
	raiseVerb     = regexp.MustCompile(`\b(?:improv|increas|boost|enhanc|rais|accelerat)\w*\b`)
	// modifiedError is "an average trajectory error of", whose modifiers
	// name what the error is of; errorAdjective are those that do not.
	modifiedError  = regexp.MustCompile(`\b(?:an?|the|its|their)\s+((?:[a-z][a-z-]*\s+){1,2})error\s+of\s+(?:about\s+|only\s+|just\s+|approximately\s+|nearly\s+|under\s+|below\s+|less\s+than\s+)?$`)
	errorAdjective = map[string]bool{"average": true, "low": true, "lower": true, "overall": true, "small": true, "smaller": true, "final": true, "minimal": true, "negligible": true, "mean": true}
	// scoreStem is a word that names a score in a metric name.
	scoreStem     = regexp.MustCompile(`(?:^|_)(?:accuracy|score|f1|bleu|rouge|psnr|ssim|fid|lpips|map\d*|miou|auc|em|cider|perplexity|ppl|wer|cer|success|rate|performance|quality|reward|recall|precision)(?:_|$)`)
	speedUps      = regexp.MustCompile(`speed_ups?\b`)
	efficientWord = regexp.MustCompile(`(^|_)efficient(_|$)`)
	// effectiveWord and accurateWord are adjectives a comparison names a
	// measure by, last in the name ("effective accuracy" keeps its
	// words); the measure is the noun.
	effectiveWord = regexp.MustCompile(`(^|_)effective(_gain|_improvement|_increase|$)`)
	accurateWord  = regexp.MustCompile(`(^|_)accurate(_gain|_improvement|_increase|$)`)
	bareChange    = map[string]bool{"improvement": true, "gain": true, "reduction": true, "loss": true, "drop": true, "change": true, "saving": true}
	upToEnd       = regexp.MustCompile(`(?:^|\W)(?:up|down|close|equal|amounting)\s+to\s*$`)
	bitWidthName  = regexp.MustCompile(`(?:(?:average|effective|mean)\s+)?bit[- ]?(?:length|width)s?`)
	gainAfter     = regexp.MustCompile(`^\s*(?:,\s*(?:and\s+)?[0-9.]+%\s*)*(?:,?\s*(?:and\s+)?[0-9.]+%\s*)?(?:[a-z0-9@-]+\s+){0,2}?(?:gains?|improvements?)\b`)
	outperformObj = regexp.MustCompile(`(?:outperform\w*|surpass\w*|beat\w*|exceed\w*)\s+([^,;]{3,80}?)\s*,\s*(?:achiev\w*|yield\w*|obtain\w*|with|by)\b[^;]*$`)
)

// fixMetric makes a metric name agree with its unit: a frame rate is in
// frames per second ("real-time capability with 14 FPS"), a bit count is a bit
// width; and "compute-efficient" measures efficiency.
func fixMetric(metric, unit string) string {
	metric = efficientWord.ReplaceAllString(metric, "${1}efficiency$2")    // not "dice_coefficient"
	metric = effectiveWord.ReplaceAllString(metric, "${1}effectiveness$2") // "15.5 times more cost-effective"
	metric = accurateWord.ReplaceAllString(metric, "${1}accuracy$2")       // "2x more accurate"
	metric = speedUps.ReplaceAllString(metric, "speedup")                  // "speed-ups"
	switch unit {
	case "FPS":
		if metric == "speed" || strings.HasPrefix(metric, "real_time_") || metric != "" && !containsAny(metric, "throughput", "fps", "speed", "rate", "frame", "bandwidth") {
			// "a speed of 343 FPS", "real-time inference at 37.0 FPS",
			// "real-time speeds of 1048 FPS": frames per second, what
			// most labels and papers call such a rate.
			return "fps"
		}
	case "tokens/s", "MB/s", "GB/s", "bps":
		if metric != "" && !containsAny(metric, "throughput", "fps", "speed", "rate", "frame", "token", "bandwidth") {
			return "throughput"
		}
	case "bits":
		if metric == "" || !strings.Contains(metric, "bit") {
			return "bit_width"
		}
	case "FLOPs":
		if metric != "" && !strings.Contains(metric, "flop") && !changeSplit.MatchString(metric) {
			return "flops" // "with 2.45 GFLOPs": what the unit counts
		}
	case "ms", "s", "min", "h":
		if containsAny(metric, "memory", "flops", "parameter", "storage") && !containsAny(metric, "time", "latency") {
			// "reduces attention memory and E2E latency from 4,918 ms to
			// 127 ms": a duration is no memory; the sentence's other measure.
			return "latency"
		}
	case "params":
		if metric != "" && !strings.Contains(metric, "param") && !changeSplit.MatchString(metric) {
			return "parameters" // "reduces the size of the U-Net from 1.4 billion to 0.7 billion parameters": what the unit counts
		}
	case "x":
		if metric == "throughput" || strings.HasSuffix(metric, "_throughput") {
			return metric + "_improvement" // "up to 17.89x throughput over AD": a ratio of throughputs
		}
	}
	if (unit == "GB" || unit == "MB" || unit == "KB" || unit == "TB") && metric != "" && metric != "value" && betterOf(metric) == "" && !changeSplit.MatchString(metric) {
		return metric + "_size" // "compressing the backbone from 14.3 GB to 2.7 GB": its size
	}
	if unit == "params" && strings.HasPrefix(metric, "parameters_") && !changeSplit.MatchString(metric) {
		return "parameters" // "with as few as 400 million parameters rival ...": the count, not what follows
	}
	if unit == "%" && rankK.MatchString(metric) {
		return "rank1_accuracy" // "83.2% Rank-1": the share of queries whose first match is right
	}
	return metric
}

// phraseSpan returns the original text of the noun phrase that starts at
// normalized offset from, stopping before limit: a baseline or a context.
func phraseSpan(t *text, from, limit int) string {
	if from >= limit || from >= len(t.lower) {
		return ""
	}
	if limit > len(t.lower) {
		limit = len(t.lower)
	}
	if limit-from > 300 {
		limit = from + 300 // a phrase is a few words; keep the work bounded
	}
	frag := t.lower[from:limit]
	// Allow "in" and "of" inside a baseline: "the autoencoders used in
	// state-of-the-art latent diffusion models".
	end := len(frag)
	for _, stop := range []string{",", ";", ":", ". ", " in terms of", " on ", " by ", " across ", " while ", " with ", " for ", " when ", " at ", " and achieve", " and reduc", " whereas ", " which ", " that "} {
		if k := strings.Index(frag, stop); k >= 0 && k < end {
			end = k
		}
	}
	frag = strings.TrimRight(frag[:end], " .")
	if words(frag) == 0 || words(frag) > 12 {
		if words(frag) > 12 {
			fs := strings.Fields(frag)
			frag = strings.Join(fs[:12], " ")
		} else {
			return ""
		}
	}
	k := strings.Index(t.lower[from:], frag)
	if k < 0 {
		return ""
	}
	q, _ := t.quote(from+k, from+k+len(frag))
	return strings.TrimSpace(q)
}

// context returns the setting a number is for: "for textured meshes",
// else what it is compared with: "vs prior state-of-the-art approaches".
func context(t *text, b, qb int, haveBaseline bool) string {
	post := t.lower[b:qb]
	if loc := contextFor.FindStringIndex(post); loc != nil {
		if p := phraseSpan(t, b+loc[1], qb); p != "" {
			return p
		}
	}
	if haveBaseline {
		return ""
	}
	if loc := contextThan.FindStringIndex(post); loc != nil {
		if p := phraseSpan(t, b+loc[1], qb); p != "" {
			return "vs " + p
		}
	}
	return ""
}

var (
	// subjectVerbBy: "inference speeds are observed to improve by".
	subjectVerbBy = regexp.MustCompile(`([a-z0-9@-]+(?:\s+[a-z0-9@-]+){0,3}?)\s+(?:(?:is|are|was|were|can\s+be|could\s+be|will\s+be)\s+)?(?:(?:observed|shown|found|reported|expected|measured|estimated)\s+)?(?:to\s+)?(improv\w*|increas\w*|boost\w*|ris(?:e|es|ing)|grow\w*|reduc\w*|decreas\w*|drop\w*|fall\w*|declin\w*)\s+by\s+(?:up\s+to\s+|over\s+|about\s+|nearly\s+|approximately\s+|roughly\s+|only\s+)?$`)
	// passiveTimes is a passive change right before a ratio, without
	// "by": "processing time was reduced 15-fold".
	passiveTimes = regexp.MustCompile(`([a-z0-9@-]+(?:\s+[a-z0-9@-]+){0,3}?)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(improv\w*|increas\w*|boost\w*|reduc\w*|decreas\w*|cut|lowered|accelerat\w*)\s+(?:up\s+to\s+|over\s+|about\s+|nearly\s+|approximately\s+|roughly\s+)?$`)
	// measuredWithin: "maintaining accuracy within 2-5% of full-precision
	// baselines" is an accuracy gap.
	measuredWithin = regexp.MustCompile(`([a-z0-9-]+)\s+(?:to\s+)?within\s+(?:about\s+|only\s+|just\s+)?$`)
	ofReference    = regexp.MustCompile(`^\s*(?:%|x|pp|points?)?\s*(?:absolute\s+|relative\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:full|original|dense|uncompressed|unpruned|unquantized|baseline|fp16|fp32|bf16|teacher|reference|uncompressed)`)
	// inMeasured: "55% and 92% in the DSP utilization".
	inMeasured = regexp.MustCompile(`^\s*(?:%|x|pp|points?)?\s*(?:(?:relative|absolute|average|overall|mean)\s+)?(?:(reductions?|savings?|decreases?|cuts?|improvements?|gains?|increases?)\s+)?(?:in|on)\s+(?:the\s+|terms\s+of\s+)?([a-z][a-z0-9@ -]*)`)
	// changeCue is the change a clause is about, for a number whose own
	// words say only what is measured.
	changeCue = regexp.MustCompile(`\b(reductions?|savings?|decreases?|cuts?|drops?|loss(?:es)?|degradations?|declines?|improvements?|gains?|increases?|boosts?|speed-?ups?|reduc\w*|lower\w*|decreas\w*|cut\w*|sav(?:e|es|ed|ing)|improv\w*|increas\w*|boost\w*|enhanc\w*)\b[^.;]*$`)
)

// refineMetric names a number from the words around it when the first
// guess is a bare change ("reduction") or nothing sure: the measured noun
// after "in" ("92% in the DSP utilization"), the subject of the verb
// ("inference speeds are observed to improve by"), or the gap in
// "accuracy within 2% of the full-precision model". sent is the sentence
// up to the number, post the rest of it, both lower case.
func refineMetric(sent, post, metric string, sure bool) (string, bool) {
	if sure && !bareChange[metric] {
		return metric, sure
	}
	if mw := measuredWithin.FindStringSubmatch(sent); mw != nil && ofReference.MatchString(post) && isMetricPhrase([]string{mw[1]}) {
		return compound([]string{mw[1]}, "gap"), true
	}
	if sm := subjectVerbBy.FindStringSubmatch(sent); sm != nil {
		if kept := subjectWords(sm[1]); len(kept) > 0 && isMetricPhrase(kept) {
			return compound(kept, subjectChange(kept, sm[2])), true
		}
	}
	if sp := scorePoints.FindStringSubmatch(post); sp != nil {
		// "more than +8 BERTScore points in grounding".
		change := ""
		if plusBefore.MatchString(sent) {
			change = "improvement"
		} else if cm := changeCue.FindStringSubmatch(sent); cm != nil {
			change = changeSuffix(cm[1])
		}
		if change == "" {
			return snake(sp[1]), true
		}
		return compound([]string{sp[1]}, change), true
	}
	if im := inMeasured.FindStringSubmatch(post); im != nil {
		ws, _ := nounPhrase(im[2], 3)
		// "25% savings in GPU-hours": a change noun right after the number
		// makes what follows "in" its measure, unless it is a data set.
		named := im[1] != "" && len(ws) > 0 && !dataSetIn(im[2])
		if len(ws) > 0 && (named || isMetricPhrase(ws) || strings.HasSuffix(ws[len(ws)-1], "utilization") || strings.HasSuffix(ws[len(ws)-1], "usage")) {
			change := ""
			if im[1] != "" {
				change = changeSuffix(im[1])
			} else if bareChange[metric] {
				change = metric
			} else if plusBefore.MatchString(sent) {
				change = "improvement" // "up to +23% in downstream task performance"
			} else if cm := changeCue.FindStringSubmatch(sent); cm != nil {
				change = changeSuffix(cm[1])
			}
			if change == "" {
				return snake(ws...), true
			}
			return compound(ws, change), true
		}
	}
	return metric, sure
}

var (
	plusBefore  = regexp.MustCompile(`\+\s*$`)
	scorePoints = regexp.MustCompile(`^\s*([a-z][a-z0-9-]*score)\s+(?:points?|pts)\b`)
)

// subjectChange is the suffix for a subject that changes: a cost that
// drops is reduced ("energy consumption drops by 30%": a reduction, and
// more is better), a score that drops is a drop.
func subjectChange(subject []string, verb string) string {
	suffix := changeSuffix(verb)
	if suffix == "drop" && betterOf(snake(subject...)) == "lower" {
		return "reduction"
	}
	if suffix == "reduction" && betterOf(snake(subject...)) == "higher" {
		return "drop" // "performance decreases by 5.5%": a score that falls drops
	}
	return suffix
}

// changeSuffix is the metric suffix a change word stands for.
func changeSuffix(w string) string {
	switch {
	case strings.HasPrefix(w, "sav"):
		return "saving"
	case strings.HasPrefix(w, "speed") || strings.HasPrefix(w, "accelerat"):
		return "speedup"
	case strings.HasPrefix(w, "reduc") || strings.HasPrefix(w, "lower") || strings.HasPrefix(w, "decreas") || strings.HasPrefix(w, "cut") ||
		strings.HasPrefix(w, "shorten") || strings.HasPrefix(w, "shrink") || strings.HasPrefix(w, "trim"):
		return "reduction"
	case strings.HasPrefix(w, "drop") || strings.HasPrefix(w, "fall") || strings.HasPrefix(w, "declin") ||
		strings.HasPrefix(w, "loss") || strings.HasPrefix(w, "degrad"):
		return "drop"
	}
	return "improvement"
}

var (
	// listTail is what stands between a number and the noun the list it
	// opens is about: "1.83x (8B) and 8.93x (70B) speedups".
	listTail = regexp.MustCompile(`^(?:\s*\([^()]{1,20}\))?(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)[0-9][0-9.]*\s*(?:x|%)?(?:\s*\([^()]{1,20}\))?)*`)
	// gapBefore is a gap in a measure right before the number.
	gapBefore = regexp.MustCompile(`\b([a-z][a-z0-9-]*)\s+(difference|gap|deviation|discrepancy|error)\s+(?:of\s+)?(?:as\s+(?:low|small|little)\s+as\s+|only\s+|just\s+|about\s+|below\s+|under\s+|less\s+than\s+|within\s+)?$`)
	// keptShare is a verb of keeping right before a share: "preserves".
	keptShare = regexp.MustCompile(`\b(?:preserv\w*|retain\w*|maintain\w*|keep\w*|kept|recover\w*)\s+(?:up\s+to\s+|over\s+|about\s+|around\s+|approximately\s+|roughly\s+|nearly\s+|more\s+than\s+|at\s+least\s+|an\s+average\s+of\s+|on\s+average\s+)?$`)
	// arrowBefore is the arrow of a change right before its new level:
	// "19.52GB -> 6.49GB" (normalize spells "$\to$" and "→" so).
	arrowBefore = regexp.MustCompile(`->\s*[~]?$`)
	// arrowAfter is an arrow right after a number: "(15%↓)".
	arrowAfter = regexp.MustCompile(`^\s*(↓|↑)`)
	// arrowIn is the measure an arrow after a number moved in: "↑ in
	// GSR under strong noise".
	arrowIn = regexp.MustCompile(`^\s*in\s+(?:the\s+)?([a-z0-9@-]+(?:\s+[a-z0-9@-]+)?)`)
	// verbDownBy is a verb of reduction right before "by".
	verbDownBy = regexp.MustCompile(`\b(?:reduc|cut|lower|decreas|shorten|shrink|shrunk|sav)\w*\s+by\s+(?:more\s+than\s+|up\s+to\s+|about\s+|over\s+|nearly\s+|approximately\s+|an\s+average\s+of\s+)?$`)
	// timesIn is "in" and a measure after a ratio.
	timesIn = regexp.MustCompile(`^\s*(?:x\s*)?in\s+(?:the\s+|terms\s+of\s+)?[a-z]`)
	// shareReduced is a share of a measure that a passive verb removed:
	// "72% of the bit rate was reduced".
	shareReduced = regexp.MustCompile(`^\s*%?\s*of\s+(?:the\s+|its\s+|their\s+)?([a-z][a-z0-9 -]{0,40}?)\s+(?:was|were|is|are|can\s+be|could\s+be|has\s+been|have\s+been)\s+(?:reduced|saved|cut|removed|eliminated|pruned)\b`)
	// shareOfOriginal is a share of the original amount of a cost: what is
	// left of it.
	shareOfOriginal = regexp.MustCompile(`^\s*%?\s*of\s+(?:the\s+|its\s+|their\s+)?(?:original|baseline|full|dense|uncompressed)\s+([a-z][a-z0-9 -]{0,40})`)
	// fasterBy is a speed-up stated as a comparative and its amount.
	fasterBy = regexp.MustCompile(`\bfaster\s+by\s+(?:a\s+factor\s+of\s+)?(?:up\s+to\s+|about\s+|over\s+|nearly\s+|roughly\s+|approximately\s+)?$`)
	// namedScore is the name of a score right before the word: "a VBench
	// score of".
	namedScore = regexp.MustCompile(`\b([a-z][a-z0-9-]*)\s+scores?\s+(?:of\s+|within\s+|below\s+|under\s+)?(?:about\s+|only\s+|just\s+|up\s+to\s+)?$`)
	// sloShare and sloAfter are a share of service-level objectives met.
	sloShare = regexp.MustCompile(`\b(?:meet\w*|attain\w*|satisf\w*|achiev\w*)\s+(?:over\s+|up\s+to\s+|about\s+|nearly\s+|more\s+than\s+)?$`)
	sloAfter = regexp.MustCompile(`^\s*(?:%\s*)?of\s+(?:the\s+|its\s+|their\s+)?(?:[a-z-]+\s+)?(?:slos?|service[- ]level\s+objectives?)\b`)
	// properName is a name a paper gives a model or a method, written in
	// mixed case ("HunyuanVideo", "FlashVid", "LLaMA"); a score written so
	// ("BERTScore") is a measure, not a name.
	properName    = regexp.MustCompile(`\b[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*\b|\b[A-Z]{2,}[a-z]+[A-Za-z0-9]*\b`)
	passiveFromTo = regexp.MustCompile(`((?:[a-z0-9@-]+\s+){1,4}?)(?:is|are|was|were|gets?|got|has\s+been|have\s+been)\s+(?:reduc|lower|decreas|cut|shr|shorten|improv|increas|rais|boost)\w*\s+from\s+[^;]{1,40}?\s+to\s*$`)
	// possessive is a name in the possessive before a measure, whose
	// measure it is: "improves GPT-4o-mini's zero-shot accuracy from".
	possessive = regexp.MustCompile(`[a-z0-9@.-]+(?:'s|’s)\s+`)
	// fromToLevel is a verb of change, its object and a "from A to" before
	// the new level. The object may hold its acronym: "raising the mean
	// reciprocal rank (MRR) from 0.818 to", "improving the average Exact
	// Match (EM) score from 0.392 to".
	fromToLevel = regexp.MustCompile(`\b(?:reduc|lower|decreas|cut|shrink|improv|increas|rais|boost|lift|enhanc)\w*\s+((?:[a-z0-9@.'’-]+\s+){1,4}?(?:\([a-z0-9@.'’ -]{1,16}\)\s+(?:[a-z0-9@.'’-]+\s+)?)?)from\s+[^;]{1,40}?\s+to\s*$`)
	// objectAcronym is the acronym in parentheses in an object: "the
	// average exact match (em) score".
	objectAcronym = regexp.MustCompile(`\s*\([^()]*\)\s*`)
	// lastScoreWord is a score a gap can be in.
	lastScoreWord = regexp.MustCompile(`\b(?:accuracy|perplexity|psnr|ssim|bleu|rouge|f1|wer|fid|map(?:50|75)?|miou|quality|performance)\b`)
	// ratioParenWord is the change that opens a parenthesis of ratios.
	ratioParenWord = regexp.MustCompile(`(speed-?ups?|accelerations?|compression\s+ratios?)\s*\(\s*(?:e\.g\.?,?\s*|i\.e\.?,?\s*|up\s+to\s+|about\s+|over\s+|nearly\s+)?$`)
	// durationOf is a duration after the verb whose time it is:
	// "converging in about 20 seconds".
	durationOf = regexp.MustCompile(`\b([a-z]+?)(?:ing|es|s|ed)\s+(?:(?:a|an|the|its|their)\s+(?:[a-z0-9.-]+\s+){0,3}?)?(?:in|within|after)\s+(?:about\s+|only\s+|just\s+|under\s+|less\s+than\s+|approximately\s+|roughly\s+|around\s+|nearly\s+)?$`)
)

// durationNouns are the activities a duration is commonly the time of,
// by the stem of their verb.
var durationNouns = map[string]string{
	"converg": "convergence", "train": "training", "fine-tun": "fine_tuning", "finetun": "fine_tuning",
	"calibrat": "calibration", "quantiz": "quantization", "compress": "compression", "prun": "pruning",
	"search": "search", "process": "processing", "generat": "generation", "encod": "encoding", "decod": "decoding",
	"render": "rendering", "transcrib": "transcription", "retriev": "retrieval", "compil": "compilation", "index": "indexing",
	// "produces 3D meshes in 1.2 seconds": producing the output is generating it.
	"produc": "generation", "synthesiz": "synthesis",
}

// durationStems is durationNouns' keys in a fixed order.
var durationStems = func() []string {
	var ks []string
	for k := range durationNouns {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}()

// headMetric names a number whose own words did not: the noun a list of
// numbers is about, the change that opens the parenthesis it sits in, or
// the activity a duration measures. sent is the sentence up to the number,
// post the rest of it, self the number.
func headMetric(sent, post, self, unit, metric string) (string, bool) {
	if loc := listTail.FindStringIndex(post); loc != nil && loc[1] > 0 {
		if mm, ok := guessMetric(self, sent, post[loc[1]:], unit); ok && knownMetric(mm) {
			return mm, true
		}
	}
	if ws := fromToObject(sent); len(ws) > 0 && isMetricPhrase(ws) {
		// "lifts accuracy from 52% (zero-shot) to 81%": the verb's object
		// is what the new level measures.
		return snake(ws...), true
	}
	if withinEnd.MatchString(sent) && ofReference.MatchString(post) {
		// "reaches 65.3% accuracy, within 1% of FP16": a gap in the
		// score the sentence last named.
		if sw := lastScoreWord.FindAllString(sent, -1); sw != nil {
			return compound([]string{sw[len(sw)-1]}, "gap"), true
		}
	}
	if rp := ratioParenWord.FindStringSubmatch(sent); rp != nil {
		if strings.HasPrefix(rp[1], "compression") {
			return "compression_ratio", true
		}
		return "speedup", true
	}
	return metric, false
}

// durationMetric names a duration after the verb whose time it is
// ("converging in about 20 seconds", "trains in 3 hours"), or "".
func durationMetric(sent, unit string) string {
	if unit != "s" && unit != "min" && unit != "h" && unit != "ms" {
		return ""
	}
	d := durationOf.FindStringSubmatch(sent)
	if d == nil {
		return ""
	}
	for _, k := range durationStems {
		if strings.HasPrefix(d[1], k) || strings.HasPrefix(k, d[1]) && len(d[1]) >= 4 {
			return durationNouns[k] + "_time"
		}
	}
	return ""
}

var (
	// acronymAfterNumber is an acronym right after a number, ending its
	// phrase: "58.79% MFU", "0.91 AUROC on".
	acronymAfterNumber = regexp.MustCompile(`^\s*([A-Z][A-Z0-9]{1,5})(?:\s*$|\s*[,;.)]|\s+(?:on|in|for|at|and|with|while|over|across|compared|than|of)\b)`)
	// signedOnBenchmark is "on" a benchmark's name after a signed number,
	// whatever follows: "+2.4% on VideoMME (Long) over ReKV".
	signedOnBenchmark = regexp.MustCompile(`^\s*on\s+(?:the\s+)?[a-z0-9-]*[a-z][a-z0-9-]*\b`)
	// benchmarkAfter is a benchmark named right after a number.
	benchmarkAfter = regexp.MustCompile(`^\s*(?:on|for)\s+(?:the\s+)?([a-z0-9-]*[a-z][a-z0-9-]*)(?:\s+benchmark)?\s*(?:$|[,;.)]|and\b|,)`)
	// scoreVerb is a verb that reports a score.
	scoreVerb = regexp.MustCompile(`\b(?:achiev\w*|attain\w*|reach\w*|obtain\w*|scor\w*|record\w*)\s+(?:an?\s+)?(?:average\s+(?:of\s+)?)?(?:up\s+to\s+|about\s+|nearly\s+|over\s+)?(?:[0-9.]+%\s+(?:on\s+[a-z0-9-]+\s*)?(?:,\s*|and\s+)+)*$`)
)

// recoveryAfter is a recovery named right after a number: "+4.7%
// recovery".
var recoveryAfter = regexp.MustCompile(`^\s*(?:[a-z-]+\s+)?recover(?:y|ies)\b`)

// scoreGuess names a number whose words give a change but not what
// changes, from the rest of its sentence: a recovery is of the score the
// sentence names ("matching baseline accuracy (e.g., +4.7% recovery)"),
// and a change in percentage points with no measure named is in accuracy
// ("7.6 percentage points higher than the strongest baseline"). It
// returns "" when it has no guess, else the name and a review note.
func scoreGuess(sent, pre, post, metric, unit string, sure bool) (string, string) {
	if recoveryAfter.MatchString(post) && !strings.Contains(metric, "recovery") {
		if sw := lastScoreWord.FindAllString(sent, -1); sw != nil {
			return sw[len(sw)-1] + "_recovery", reviewFromSentenceScore
		}
	}
	if (unit == "pp" || unit == "points") && (bareChange[metric] || metric == "") {
		suffix := "improvement"
		if metric == "reduction" || metric == "loss" || metric == "drop" || downNounList.MatchString(pre) {
			suffix = "drop" // "performance drops of 1.6 and 2.5 points"
		}
		if sw := lastScoreWord.FindAllString(sent, -1); sw != nil {
			return sw[len(sw)-1] + "_" + suffix, reviewFromSentenceScore
		}
		return "accuracy_" + suffix, reviewPointsAsAccuracy
	}
	return "", ""
}

// scoreWordNumbered is a score's name, with the threshold some write after
// it ("mAP50:95", "AP@0.5"), before a level of it.
// namedScoreOf is a score named right before its level: "an F1-score
// of", "a testing accuracy of"; changeNounBefore marks a change of it
// instead ("an improvement in accuracy of"), as changeWordNear says.
var (
	// praiseWord qualifies a score by how good it is, not by which score
	// it is: "a remarkable accuracy of", "the highest F1 score of" (or by
	// how it was summed up: "a mean accuracy of").
	praiseWord = map[string]bool{"high": true, "higher": true, "highest": true, "best": true, "new": true, "good": true, "strong": true,
		"competitive": true, "remarkable": true, "impressive": true, "outstanding": true, "excellent": true, "superior": true, "record": true,
		"peak": true, "maximum": true, "max": true, "final": true, "state-of-the-art": true, "sota": true, "near-perfect": true, "perfect": true,
		"notable": true, "considerable": true, "significant": true, "solid": true, "promising": true, "exceptional": true, "robust": true,
		// An average is the same score's, as the abstract gives it again
		// without the word ("a mean accuracy of 69.43% ... accuracy
		// declines from 69.43%").
		"mean": true, "average": true, "avg": true}
	namedScoreOf   = regexp.MustCompile(`\b(?:an?|the|its|our)\s+((?:[a-z][a-z0-9-]*\s+)?(?:f1[\s-]?scores?|accuracy|precision|recall|auc|auroc|miou|dice(?:\s+score)?))\s+of\s+(?:about\s+|approximately\s+|around\s+|nearly\s+|over\s+|up\s+to\s+)?$`)
	changeWordNear = regexp.MustCompile(`\b(?:improvements?|gains?|increases?|drops?|reductions?|decreases?|loss|degradation|boosts?|declines?)\b`)
)

// reductionAfter is the word of a reduction right after its number: "13x
// less", "33% reduction", "22% lower".
var reductionAfter = regexp.MustCompile(`^\s*(?:times\s+)?(?:less|lower|smaller|fewer|reductions?|decreases?|cheaper)\b`)

// appositive reports whether the words between two numbers of a sentence
// set the second beside the first: a comma or a parenthesis, no other
// clause ("8 MB of memory, 13x less", "(1.45M, 51.8% lower", "16.3 MB
// storage, i.e., 32 times less").
func appositive(gap string) bool {
	g := strings.ReplaceAll(gap, "i.e.", "")
	return len(g) <= 60 && !strings.ContainsAny(g, ".;:") && strings.ContainsAny(g, ",(")
}

// meanErrorBefore is a mean error written out before its level: "a mean
// absolute error of", "root mean squared error (RMSE) of", "mean absolute
// percentage error:".
var meanErrorBefore = regexp.MustCompile(`\b(root[\s-]+)?mean[\s-]+(absolute|squared?)[\s-]+(percentage[\s-]+)?errors?\s*(?:\([a-z]+\)\s*)?(?:of|=|:|is|was|at)?\s*(?:only\s+|just\s+|about\s+|approximately\s+|around\s+|below\s+|under\s+)?$`)

// signedNameBefore is a name in capitals, maybe with a score after it,
// right before a signed change: "NLI +", "RADS accuracy +", "N-staging +".
var signedNameBefore = regexp.MustCompile(`(?:^|[\s(,;])((?:[A-Z][A-Z0-9]+|[A-Z]-[a-z]+)(?:\s+(?:accuracy|score|f1|recall|precision))?)\s+\+\s?$`)

// signedScoreBefore is a score's name right before a signed change of it:
// "(LPIPS +", "PSNR +".
var signedScoreBefore = regexp.MustCompile(`\b(lpips|ssim|psnr|fid|fvd|dice|miou|map|auc|bleu|f1|ndcg|mrr|clip\s*score)\s*\+\s?$`)

// signedChangeOf is the score or task named in t.s[from:a] right before a
// signed change of it, snake-cased ("(LPIPS +0.095)" lpips, "NLI +60%"
// nli), or "". A score in lower case is read for a level without a unit
// only; a name in capitals for a share or points too.
func signedChangeOf(t *text, from, a int, unit string) string {
	if unit == "" {
		if ss := signedScoreBefore.FindStringSubmatch(t.lower[from:a]); ss != nil {
			return snake(strings.Fields(ss[1])...)
		}
	}
	if unit != "" && unit != "%" && unit != "pp" {
		return ""
	}
	if sn := signedNameBefore.FindStringSubmatch(t.s[from:a]); sn != nil {
		return snake(strings.Fields(strings.ToLower(strings.ReplaceAll(sn[1], "-", " ")))...)
	}
	return ""
}

// aucOf, correlationCoefficientOf and iouOf are a score written out
// before its level: "an area under the curve of", "area under the ROC
// curve (AUC) of", "a Pearson correlation coefficient of", "Matthews
// Correlation Coefficient (MCC) of", "intersection over union = ", "mean
// intersection over union (mIoU) of"; iccOf an intraclass correlation,
// written out or as "ICC", before its level.
var (
	aucOf                    = regexp.MustCompile(`\barea\s+under\s+(?:the\s+)?(?:roc\s+)?curve\s*(?:\(au[a-z]*\)\s*)?(?:of|=|:)\s*(?:about\s+|over\s+|nearly\s+)?$`)
	correlationCoefficientOf = regexp.MustCompile(`\b(matthews\s+)?(?:pearson\s+|spearman\s+|kendall\s+)?(?:'s\s+)?(?:rank\s+)?correlation\s+coefficients?\s*(?:\([a-z]+\)\s*)?(?:of|=|:|is|was)\s*(?:about\s+|over\s+|nearly\s+)?$`)
	iccOf                    = regexp.MustCompile(`(?:\bintraclass\s+correlation(?:\s+coefficients?)?\s*(?:\(icc\)\s*)?|(?:^|[\s(,;])iccs?\s*)(?:of\s+|=\s*|:\s*)?(?:about\s+|over\s+|nearly\s+)?$`)
	iouOf                    = regexp.MustCompile(`\b(mean\s+)?intersection[\s-]+over[\s-]+union\s*(?:\(m?iou\)\s*)?(?:of|=|:)\s*(?:about\s+|over\s+|nearly\s+)?$`)
)

// writtenOutScore returns the short name of a score written out at the end
// of near, before its level ("auc", "correlation", "mcc", "iou", "miou"),
// or "".
func writtenOutScore(near string) string {
	if aucOf.MatchString(near) {
		return "auc"
	}
	if ic := iccOf.FindString(near); ic != "" {
		// "(ICC 0.71 vs 0.63)", "intraclass correlation coefficient (ICC)
		// 0.84": how far two readings agree, named as written.
		if !strings.Contains(ic, "icc") {
			return "intraclass_correlation"
		}
		return "icc"
	}
	if cc := correlationCoefficientOf.FindStringSubmatch(near); cc != nil {
		if cc[1] != "" {
			return "mcc"
		}
		return "correlation"
	}
	if io := iouOf.FindStringSubmatch(near); io != nil {
		if io[1] != "" {
			return "miou"
		}
		return "iou"
	}
	return ""
}

// topKAfter is a top-k accuracy named right after its level: "84.5%
// Top-1", "76.2% top-5 accuracy".
var topKAfter = regexp.MustCompile(`^\s*(?i:top)[\s-]?([15])\b`)

// changeRightAfter is a word of change right after the number, maybe
// after the score's name in parentheses: "6.1% improvement", "22.9% (IoU)
// improvement" (the gain captured), "(22% reduction", "15% decrease".
var changeRightAfter = regexp.MustCompile(`^\s*(?:\([^()]{1,20}\)\s*)?(?:relative\s+|absolute\s+)?(?:(improvements?|gains?)|reductions?|decreases?|savings?|cuts?)\b`)

// cutoffScoreAfter is a ranking score at a cut-off written right after a
// level: "Hit@5", "Recall@10", "nDCG@20", "Pass@1".
var cutoffScoreAfter = regexp.MustCompile(`^\s*(hits?|recall|precision|ndcg|mrr|map|acc|accuracy|success|pass|r|p)\s*@\s*([0-9]+)\b(?:\s+(accuracy|rate|score)\b)?`)

// anyScoreNamed is any score an abstract may report, to tell an abstract
// whose one score is accuracy from one that names several.
var anyScoreNamed = regexp.MustCompile(`\b(?:accurac(?:y|ies)|top-?[15]|m?ap(?:@?[0-9.:]+)?|f1|f-(?:score|measure)|dice|dsc|m?iou|bleu|rouge\S*|psnr|ssim|lpips|fid|auc|auroc|success rates?|error rates?|wer|cer|perplexity|precision|recall|pass@\S+|win rates?|exact match|ndcg\S*|mrr|mae|rmse|mse|kappa|correlation|vbench|score)\b`)

// onlyAccuracy reports whether accuracy is the one score an abstract names
// ("top-1 accuracy" counts as accuracy).
func onlyAccuracy(lower string) bool {
	found := false
	for _, s := range anyScoreNamed.FindAllString(lower, -1) {
		switch {
		case strings.HasPrefix(s, "accurac"):
			found = true
		case strings.HasPrefix(s, "top"):
		default:
			return false
		}
	}
	return found
}

var scoreWordNumbered = regexp.MustCompile(`\b(accuracy|psnr|ssim|bleu|f1|map|miou|auc|ap)(?:[0-9@:.-]*[0-9])?\s+(?:scores?\s+|results?\s+|values?\s+)?(?:of\s+)?[0-9]`)

// downNounList is a noun of decline before a list of numbers that ends
// with the one at hand: "drops of 1.6 and".
var downNounList = regexp.MustCompile(`\b(?:drops?|decreases?|loss(?:es)?|degradations?|declines?)\s+(?:of\s+)?(?:(?:only\s+)?[0-9][0-9.]*\s*(?:%|points?)?\s*(?:,\s*|and\s+|or\s+)+)*(?:only\s+)?$`)

var (
	// bdRate names a rate saving measured as a signed Bjontegaard delta.
	bdRate = regexp.MustCompile(`\bbd-?\s?(?:rates?|br|psnr)\b|\bbjontegaard\b|ntegaard\s+delta`)
	// changeBefore is the word before a signed change: "by -3%", "a
	// change of -0.4", "delta -2%".
	downBy       = regexp.MustCompile(`\b(?:reduc|cut|lower|decreas|shrink|sav|narrow|drop|fall|declin)\w*\s+(?:[a-z0-9@-]+\s+){0,4}?by\s*$`)
	changeBefore = regexp.MustCompile(`(?:\bby|\bchanges?\s+of|\bdelta|\bdifference\s+of|\bof)\s*$`)
)

// signed reports whether a minus sign before a number is its sign: in a
// sentence about BD-rate (where negative is the saving) or after the word
// that introduces a change ("by -14.8%"), not a dash between clauses.
func signed(sent, pre string) bool {
	if bdRate.MatchString(sent) {
		return true
	}
	// "cuts cost by -12%": the verb already says which way; the sign
	// repeats it. "accuracy drops of only -2.94%, -1.42%, and -1.72%":
	// the labels keep a signed drop as written.
	return changeBefore.MatchString(pre) && !downBy.MatchString(pre) || signedDrop.MatchString(pre)
}

// signedDrop is a drop written with its sign, or a later member of a list
// of them: "a Top-1 degradation of only -1.06%", "drops of only -2.94%,
// -1.42%, and".
var signedDrop = regexp.MustCompile(`\b(?:drops?|degradations?|declines?)\s+(?:of\s+)?(?:only\s+|just\s+|merely\s+|a\s+mere\s+)?(?:-[0-9.]+\s*\\?%?\$?\s*,\s*(?:and\s+)?)*$`)

var (
	// sentenceRatio is the last noun of a sentence that says what its
	// ratios measure: "speedups vs. FP16 of up to 3.6x ..., and of 6x".
	sentenceRatio = regexp.MustCompile(`\b(speed-?ups?|accelerat\w*|compression\s+ratios?)\b`)
	// ratioQualifier is what a ratio is for, written right after it:
	// "6x layer-wise", "4x end-to-end".
	ratioQualifier = regexp.MustCompile(`^\s*([a-z0-9]+(?:-[a-z0-9]+)+)\b`)
	// changeVerbObject is a verb of change and its object right before a
	// number, with no "by": "reduces expert activation over 20%".
	changeVerbObject = regexp.MustCompile(`\b(reduc\w*|lower\w*|decreas\w*|cut\w*|sav(?:e|es|ed|ing)|improv\w*|increas\w*|boost\w*)\s+((?:[a-z0-9-]+\s+){0,2}?[a-z0-9-]+)\s+(?:by\s+)?(?:over|beyond|more\s+than|up\s+to|about|nearly|around|approximately|almost|roughly)?\s*$`)
	// retainedMeasure is a verb of keeping and the measure it keeps, before
	// the numbers that say how much: "retains most of the teacher's
	// capability: 70% to 91% in English".
	retainedMeasure = regexp.MustCompile(`\b(?:retain\w*|preserv\w*|recover\w*|maintain\w*|keep\w*)\s+[^,;:.]{0,60}?\b(capabilit(?:y|ies)|abilit(?:y|ies)|performance|accuracy|quality)\b[^;:]{0,80}:[^;:]*$`)
)

// unnamedMetric names a number whose own words do not say what it
// measures, from the sentence around it: a ratio in a sentence about
// speed-ups ("of 6x layer-wise" is a layer_wise_speedup), a ratio after a
// verb of acceleration ("accelerates the model ... by more than 2x"), the
// object of a verb of change with no "by", and a share of a measure kept
// that a colon introduces. ok is false when none applies.
func unnamedMetric(sent, post, unit, metric string) (name, note string, ok bool) {
	const fromSentence = "metric taken from a word of the sentence, not next to the number: check it"
	if unit == "x" {
		base := ""
		if all := sentenceRatio.FindAllStringSubmatch(sent, -1); all != nil {
			w := all[len(all)-1][1]
			switch {
			case strings.HasPrefix(w, "compression"):
				base = "compression_ratio"
			default:
				base = "speedup"
			}
		}
		if base != "" && bareChange[metric] {
			return compound([]string{base}, metric), fromSentence, true // "a 1.4x improvement" of the speed-up
		}
		if base != "" {
			if q := ratioQualifier.FindStringSubmatch(post); q != nil && !npStop[q[1]] {
				return compound([]string{q[1]}, base), fromSentence, true
			}
			return base, fromSentence, true
		}
	}
	if unit == "%" || unit == "x" {
		if cv := changeVerbObject.FindStringSubmatch(sent); cv != nil {
			if ws, _ := nounPhrase(cv[2], 3); len(ws) > 0 && len(ws) == len(strings.Fields(cv[2])) {
				return compound(ws, changeSuffix(cv[1])), "", true
			}
		}
	}
	if unit == "%" {
		if rm := retainedMeasure.FindStringSubmatch(sent); rm != nil {
			return compound([]string{rm[1]}, "retained"), fromSentence, true
		}
	}
	return "", "", false
}

// slashedNoun is a pair of words and the noun they share: "encoding/decoding
// speed", "prefill/decode latency".
var slashedNoun = regexp.MustCompile(`\b([a-z][a-z-]*(?:/[a-z][a-z-]*)+)\s+([a-z][a-z-]*)\b`)

// pairNames names the members of an "a/b" pair of numbers from the last
// pair of words with as many members before them, or returns nil.
func pairNames(pre string, n int) []string {
	if n < 2 {
		return nil
	}
	all := slashedNoun.FindAllStringSubmatch(pre, -1)
	if all == nil {
		return nil
	}
	sm := all[len(all)-1]
	parts := strings.Split(sm[1], "/")
	if len(parts) != n || npStop[sm[2]] || !isMetricPhrase([]string{sm[2]}) {
		return nil
	}
	out := make([]string, n)
	for k, p := range parts {
		out[k] = snake(p, sm[2])
	}
	return out
}

// slashedAfter is a pair of measures right after an "a/b" pair of
// numbers, a few words on: "2.5%/2.7% improvements to PSNR/MS-SSIM",
// "86.5%/76.5% mDice/mIoU".
// spacedSlash is a slash with a space either side, as in "precision /
// recall / F1".
var spacedSlash = regexp.MustCompile(` / `)

var slashedAfter = regexp.MustCompile(`^\s*(?:[a-z-]+\s+){0,3}?([a-z0-9-]+(?:/[a-z0-9-]+)+)(?:\s|[,.;)]|$)`)

// pairNamesAfter names the members of an "a/b" pair of numbers from a pair
// of measures after them, each taking the change the claim's name gives
// (metric), or returns nil.
func pairNamesAfter(post string, n int, metric string) []string {
	sm := slashedAfter.FindStringSubmatch(spacedSlash.ReplaceAllString(post, "/"))
	if n < 2 || sm == nil {
		return nil
	}
	parts := strings.Split(sm[1], "/")
	if len(parts) != n {
		return nil
	}
	for _, p := range parts {
		if !isMetricPhrase([]string{p}) {
			return nil
		}
	}
	out := make([]string, n)
	for k, p := range parts {
		out[k] = snake(p)
		if cs := changeSplit.FindStringSubmatch(metric); cs != nil {
			out[k] = snake(p, cs[2])
		}
	}
	return out
}

// changeSuffixScore is the suffix for a change of a score: a fall is a
// drop, a rise an improvement.
func changeSuffixScore(w string) string {
	if strings.HasPrefix(w, "gain") || strings.HasPrefix(w, "improv") || strings.HasPrefix(w, "increas") {
		return "improvement"
	}
	return "drop"
}

// acronymAside is an acronym in parentheses after the words it abbreviates:
// "time-to-first-token (ttft) speedup" names a ttft speedup.
var acronymAside = regexp.MustCompile(`^((?:\s*[a-z0-9-]+){1,5})\s*\(\s*([a-z][a-z0-9-]{1,9})\s*\)`)

// dropAcronyms puts the acronym an aside gives in place of the words it
// abbreviates (the last words before it whose initials spell it), at the
// start of the words after a number, so that the acronym and the words
// after it name the measure together, as readers name it ("ttft_speedup").
// Words before those ("faster", "in") stay.
func dropAcronyms(post string) string {
	loc := acronymAside.FindStringSubmatchIndex(post)
	if loc == nil {
		return post
	}
	words, acr := strings.Fields(post[loc[2]:loc[3]]), post[loc[4]:loc[5]]
	for k := len(words) - 1; k >= 0; k-- {
		if initials(words[k:], true) == acr || initials(words[k:], false) == acr {
			return " " + strings.Join(append(words[:k:k], acr), " ") + post[loc[1]:]
		}
	}
	return post
}

// initials spells the first letters of words and of their hyphenated
// parts, with or without the small words ("to", "of") among them.
func initials(words []string, small bool) string {
	var b strings.Builder
	for _, w := range words {
		for _, part := range strings.Split(w, "-") {
			if part == "" || !small && (part == "to" || part == "of" || part == "and" || part == "the") {
				continue
			}
			b.WriteByte(part[0])
		}
	}
	return b.String()
}

// dropNames removes from the name of a speed-up the parts that are the
// names of models or methods in the sentence ("FlashVid accelerates
// HunyuanVideo by 2.6x" is a speedup, not a hunyuanvideo_speedup): a
// model is what is sped up, never what is measured. Other names keep such
// words, since scores are written the same way (VBench, GenEval).
func dropNames(metric, sent string) string {
	if !strings.HasSuffix(metric, "_speedup") {
		return metric
	}
	names := map[string]bool{}
	for _, n := range properName.FindAllString(sent, -1) {
		if !strings.HasSuffix(strings.ToLower(n), "score") {
			names[strings.ToLower(n)] = true
		}
	}
	if len(names) == 0 {
		return metric
	}
	var kept []string
	for _, p := range strings.Split(metric, "_") {
		if !names[p] {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return metric
	}
	return strings.Join(kept, "_")
}

// clauseSubjectMeasure is the first measured word of the clause before a
// number ("fid" in "while fid drops from 6.857 to 5.821 ("), or nil.
func clauseSubjectMeasure(before string) []string {
	clause := before
	if k := strings.LastIndexAny(clause, ",;"); k >= 0 {
		clause = clause[k+1:]
	}
	if k := strings.LastIndex(clause, " while "); k >= 0 {
		clause = clause[k+len(" while "):]
	}
	for _, w := range strings.Fields(clause) {
		w = strings.Trim(w, "()")
		if w != "" && isMetricPhrase([]string{w}) {
			return []string{w}
		}
	}
	return nil
}

// intransitiveFromTo is a measure that moves by itself from one level to
// another, up to the new level: "FID drops from 6.857 to".
var intransitiveFromTo = regexp.MustCompile(`([a-z0-9@-]+(?:\s+[a-z0-9@-]+)?)\s+(?:drops?|dropped|falls?|fell|decreases?|decreased|declines?|declined|improves?|improved|rises?|rose|increases?|increased|goes|went|grows?|grew)\s+from\s+[^;]{1,40}?\s+to\s+(?:only\s+|just\s+)?$`)

// subjectFromTo is the measure of an intransitive change from A to B
// before a number, or nil.
func subjectFromTo(before string) []string {
	sf := intransitiveFromTo.FindStringSubmatch(before)
	if sf == nil {
		return nil
	}
	ws := subjectWords(sf[1])
	if len(ws) == 0 || !isMetricPhrase(ws) {
		return nil
	}
	return ws
}

// jointScores is a list of one-word scores joined by "and" right before
// the bound or "of" of the level they share.
var jointScores = regexp.MustCompile(`(?:^|[\s(])((?:[a-z0-9-]+,\s+)*[a-z0-9-]+,?\s+and\s+[a-z0-9-]+)\s+(?:of|exceeding|above|over|reaching|(?:greater|higher|more)\s+than|>|≥)\s+(?:about\s+|over\s+|up\s+to\s+|approximately\s+)?$`)

// jointScoresBefore is the scores of such a list at the end of pre
// ("sensitivity and specificity exceeding": sensitivity, specificity), or
// nil when a member is not a score.
func jointScoresBefore(pre string) []string {
	js := jointScores.FindStringSubmatch(pre)
	if js == nil {
		return nil
	}
	var ws []string
	for _, w := range strings.Fields(strings.ReplaceAll(js[1], ",", " ")) {
		if w == "and" {
			continue
		}
		if !oneWordScore(w) {
			return nil
		}
		ws = append(ws, w)
	}
	return ws
}

// countedFromTo reports whether pre, the sentence up to a number, moves
// things counted in the plural "from A to" the number, by a verb before
// them ("reduces average attempts from 4.10 to") or after them ("reports
// decreased from 192 to"), things no measure names.
func countedFromTo(pre string) bool {
	ws := fromToObject(pre)
	if ws == nil {
		if sf := intransitiveFromTo.FindStringSubmatch(pre); sf != nil && !sweepAs.MatchString(pre) {
			ws = subjectWords(sf[1])
		}
	}
	if len(ws) == 0 || isMetricPhrase(ws) || containsAny(pre[max(0, len(pre)-90):], "flop", "param", "byte") {
		return false // (GFLOPs and parameters are counted in their own units)
	}
	// A plural is what singular changes ("attempts", not "loss" or "status").
	last := ws[len(ws)-1]
	return singular([]string{last})[0] != last
}

// sweepAs is a setting swept "as" it grows: "accuracy increases as
// in-context demonstrations grow from 8 to 1,024".
var sweepAs = regexp.MustCompile(`\bas\s+[^,;]{1,60}\s+(?:grows?|increases?|rises?|decreases?|goes|varies|vary)\s+from\s+[^;]{1,40}?\s+to\s*$`)

// yearLike reports whether v could be a year ("from 2019 to 2023").
func yearLike(v float64) bool {
	return v == math.Trunc(v) && v >= 1900 && v <= 2100
}

// changeNounAfterVocab is a change noun in the words after a number.
var changeNounAfterVocab = regexp.MustCompile(`^[^,;()]{0,40}?\b(reductions?|savings?|decreases?|drops?|improvements?|gains?|increases?|enhancements?)\b`)

// clauseAround cuts the text before and after a number to the number's
// clause: from the last comma, semicolon, colon or opening parenthesis
// before it, to the first after it.
func clauseAround(before, after string) (string, string) {
	cut := ",;:("
	if strings.HasSuffix(strings.TrimRight(before, " "), "(") {
		// "success rate high (89%)": the parenthesis gives the amount of
		// what precedes it.
		before = strings.TrimSuffix(strings.TrimRight(before, " "), "(")
		cut = ",;:"
	}
	if k := strings.LastIndexAny(before, cut); k >= 0 {
		before = before[k+1:]
	}
	if k := strings.IndexAny(after, ",;:)"); k >= 0 {
		after = after[:k]
	}
	return before, after
}

// unitNames are the names a unit alone gives a number (unitMetric).
// parenByChange is a verb of change, its object and "(by" before the
// number: "increases throughput (by 1.9x)".
var parenByChange = regexp.MustCompile(`\b(increas\w*|improv\w*|boost\w*|rais\w*|reduc\w*|lower\w*|cut\w*|decreas\w*)\s+((?:the\s+)?[a-z][a-z0-9 -]{0,40}?)\s*\(\s*by\s+(?:up\s+to\s+|about\s+|over\s+)?$`)

// relativeGainBefore and relativeGainAfter are a gain called relative
// that names no measure, before the number or a list it leads ("relative
// gains of up to 13% on ALFWorld and 11%") or after it ("an 8.1% average
// relative gain over"; not "relative improvement in pass rate").
var (
	relativeGainBefore = regexp.MustCompile(`\brelative\s+(gain|improvement)s?\s+(?:of\s+)?(?:up\s+to\s+|about\s+|around\s+|approximately\s+|nearly\s+|over\s+|more\s+than\s+)?(?:[0-9.]+\\?%[^.;0-9]{0,30}?(?:,\s*|\s+and\s+)){0,3}$`)
	relativeGainAfter  = regexp.MustCompile(`^\s*\\?%?\)?\s*(?:average\s+)?relative\s+(gain|improvement)s?\b(?:\s+(?:over|compared|against|across|on|than)\b|\s*[),;.]|\s*$)`)
)

// namedDistance is a distance an abstract names as its measure, in a
// length: "average surface distance", "Hausdorff distance", "landmark TRE".
const namedDistance = `(?:average\s+|mean\s+)?(?:symmetric\s+)?(?:surface|hausdorff)\s+distance|(?:landmark\s+)?tre|assd|asd`

// distanceNamedBefore is a distance named right before a level in a length
// the spec has no unit for: "a Hausdorff Distance of", "landmark TRE as low
// as", "(ASSD) from 0.71 mm to".
var distanceNamedBefore = regexp.MustCompile(`\b(` + namedDistance + `)s?\s+(?:\([a-z0-9]{2,6}\)\s+)?(?:of\s+|=\s*|:\s*|as\s+low\s+as\s+|from\s+[0-9.]+\s*(?:mm|cm)?\s+to\s+)?(?:only\s+|about\s+|~\s*)?$`)

// namedSpeedBefore is a speed named by the word before it, right before a
// frame rate: "an inference speed of", "the inference speed reaches";
// speedAdjective are words that say how fast, not what runs.
var (
	namedSpeedBefore = regexp.MustCompile(`(?:^|[^a-z-])([a-z]+)\s+speeds?\s+(?:of|reach(?:es|ed)?|at|is|was)\s+(?:up\s+to\s+|about\s+|over\s+|~\s*)?$`)
	speedAdjective   = map[string]bool{"a": true, "an": true, "the": true, "maximum": true, "max": true, "average": true, "mean": true, "high": true, "higher": true, "fast": true, "remarkable": true, "peak": true, "top": true, "its": true, "their": true, "our": true, "interactive": true}
)

// scoreClosesParen is one word and the parenthesis's end right after a
// signed change: "(+4.7% accuracy)".
var scoreClosesParen = regexp.MustCompile(`^\s*([a-z][a-z0-9-]*)\s*\)`)

// ratedFor is what a rating is of, after it: "4.3/5 for accuracy".
var ratedFor = regexp.MustCompile(`^\s*(?:\.0)?\s*for\s+([a-z]+)\b`)

// ofAfter is "of" right after a number: "within 2% of the teacher".
var ofAfter = regexp.MustCompile(`^\s*(?:points?\s+|pp\s+)?of\b`)

// listVerbBy is a verb of change whose objects are a comma list before
// one "by": "reducing training time, memory usage, and FLOPs by about".
var listVerbBy = regexp.MustCompile(`\b(reduc\w*|lower(?:s|ed|ing)?|cut(?:s|ting)?|decreas\w*|improv\w*|increas\w*|boost\w*)\s+(?:[a-z0-9-]+\s+){1,3}?(?:[a-z0-9-]+,\s+(?:[a-z0-9-]+\s+){0,2}?)+(?:and\s+|or\s+)((?:[a-z0-9-]+\s+){1,3}?)by\s+(?:about\s+|up\s+to\s+|nearly\s+|over\s+|approximately\s+|roughly\s+|~)?$`)

// marginBy and baselineNamed are a margin over baselines ("outperforms
// other pruning methods by up to") and a name made of the baselines' words.
var (
	reducedListMember = regexp.MustCompile(`^[^.;:()]{0,60}?,\s*(?:and\s+)?(?:the\s+|its\s+)?((?:[a-z-]+\s+)?[a-z-]+)\s+(?:by\s+up\s+to|up\s+to|by)\s+$`)
	changeAfterPair   = regexp.MustCompile(`^[^.;:()0-9]{0,40},\s*(?:marking|achieving|representing|yielding|giving|reflecting)\s+(?:an?\s+)?(?:[a-z]+\s+)?(?:absolute\s+|relative\s+)?(improvement|gain|increase|boost|reduction|drop|decrease)s?\s+of\s+(?:about\s+|nearly\s+|over\s+|up\s+to\s+)?$`)
	marginList        = regexp.MustCompile(`\b(?:outperform\w*|surpass\w*|beat(?:s|ing)?)\s+[^.;:]{0,60}?\bby\s+(?:up\s+to\s+|over\s+|about\s+)?(?:[0-9.]+\s*%\s*,\s*)*(?:[0-9.]+\s*%\s*,?\s*and\s+)?$`)
	whichIsBefore     = regexp.MustCompile(`^[^.;:()0-9]{0,40}\bwhich\s+is\s+(?:only\s+|just\s+|about\s+|nearly\s+|roughly\s+)?$`)
	whichIsThan       = regexp.MustCompile(`^\s*(lower|less|smaller|below|higher|more|greater|larger|above)\s+than\b`)
	marginBy          = regexp.MustCompile(`\b(?:outperform\w*|surpass\w*|beat(?:s|ing)?|exceed\w*)\s+[^,;:]{0,60}?\s+by\s+(?:up\s+to\s+|about\s+|over\s+|nearly\s+|around\s+|an?\s+average\s+of\s+)?$`)
	baselineNamed     = regexp.MustCompile(`(?:^|_)(?:methods?|baselines?|approaches|sota)_(?:reduction|improvement|gain)$`)
)

// bareDropAfter, measureParen and measureDrop name a drop that names no
// measure: "1% degradation)", after "accuracy (", or after an earlier
// "accuracy drop" in the sentence.
var (
	bareDropAfter = regexp.MustCompile(`^\s*(drop|loss|degradation|decline|decrease)\b`)
	dropOfAfter   = regexp.MustCompile(`^\s*(?:drop|loss|degradation|decline|decrease)s?\s+(?:in|of|on)\s`)
	measureParen  = regexp.MustCompile(`\b([a-z][a-z0-9-]*)(?:\s+(?:drop|loss|degradation|decline|decrease))?\s*\(\s*$`)
	measureDrop   = regexp.MustCompile(`\b([a-z][a-z0-9-]*)\s+(?:drop|loss|degradation|decline|decrease)s?\b`)
)

// scoreAcronymName is the acronym of scoreAcronymOf (extract.go), kept.
var scoreAcronymName = regexp.MustCompile(`\((ssim|psnr|rtf|fid|rfid|gfid|lpips|map|miou|wer|cer|auc|is)\)\s+(?:of|above|below|under|over|=|:|from\s+[0-9][0-9.]*\s+to)\s*$`)

// rankK is a retrieval rank named as a measure: "Rank-1".
var rankK = regexp.MustCompile(`^rank_?1$`)

// levelAfterChange is what lies between a change and the new level that
// restates it: "by 96%, from 0.944s to ".
var levelAfterChange = regexp.MustCompile(`^\s*,\s*from\s+[~$]?[0-9][0-9.,]*\s*[a-z%]*\s+to\s+(?:just\s+|only\s+|about\s+)?[~$]?$`)

// relativeAfterLevel is what lies between a level and its relative
// change in parentheses: "0.328 (+".
var relativeAfterLevel = regexp.MustCompile(`^\s*\(\s*[+-]$`)

// acronymOf is a measure's acronym right before "of" and the number: "an
// AO of", "a CER of".
var acronymOf = regexp.MustCompile(`\b(?:[Aa]n?|[Tt]he)\s+([A-Z][A-Z0-9]{1,5})\s+of\s+$`)

// speedOfTime is a speed named before "of" and a time; retentionAfter is a
// share kept named right after the number.
var (
	speedOfTime    = regexp.MustCompile(`\b([a-z]+)\s+speed\s+of\s+(?:about\s+|only\s+|just\s+|~\s*)?$`)
	retentionAfter = regexp.MustCompile(`^\s*((?:average|mean|performance|accuracy)?)\s*retention(?:\s*$|\s+(?:on|in|of|across|over|for|while|and|with|at|compared)\b|\s*[,;.)])`)
)

// measureOpensParen is a measure right before the parenthesis that holds
// its change: "throughput (up to", "end-to-end latency (".
var (
	measureOpensParen = regexp.MustCompile(`([a-z][a-z0-9 -]{0,40}?)\s*\(\s*(?:up\s+to\s+|about\s+|over\s+|nearly\s+|~\s*)?$`)
	improveWord       = regexp.MustCompile(`\b(?:improv\w*|gains?|boost\w*|enhanc\w*)\b`)
)

// benchParen is a benchmark's name, capitalised, right before the
// parenthesis that holds a share: "ImageNet-1K (", "ImageWoof (".
var benchResult = regexp.MustCompile(`\b(?:achiev\w*|attain\w*|reach\w*|obtain\w*|scor\w*|results?\s+on)\b`)

// scorePercentParen is a parenthesis holding a score's name and a share:
// "(IoU 73.81%)".
var scorePercentParen = regexp.MustCompile(`\(\s*([A-Za-z][A-Za-z0-9@-]{0,12})\s+[0-9][0-9.]*\s*%\s*\)`)

// listedScoreParen is the score the last such parenthesis before a
// number names ("SYSU-CD (IoU 73.81%), WHUCD (": iou), or "".
func listedScoreParen(before string) string {
	all := scorePercentParen.FindAllStringSubmatch(before, -1)
	if len(all) == 0 {
		return ""
	}
	name := strings.ToLower(all[len(all)-1][1])
	if !oneWordScore(name) {
		return ""
	}
	return snake(name)
}

var benchParen = regexp.MustCompile(`(?:^|[\s,;])[A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*\s*\(\s*$`)

// priceSaved is an amount of money saved, named after it.
// profitBefore is money made named before an amount: "a profit of",
// "average profit of USD".
var profitBefore = regexp.MustCompile(`\b(?:profits?|revenues?|earnings|(?:total|net)\s+results?)\s+(?:of\s+)?(?:about\s+|approximately\s+|over\s+)?(?:usd|eur|gbp|us)?\s*[$~≈]?\s*$`)

var priceSaved = regexp.MustCompile(`^\s*(?:in\s+)?(?:(?:annual|yearly|monthly|total|cost)\s+)*savings?\b`)

// tokensWord is the kind of training a count of tokens is of.
var tokensWord = regexp.MustCompile(`^[}$\s]*(retraining|pretraining|distillation)\s+tokens\b`)

// stepsNext is "steps" after a count of training stressed as few.
var stepsNext = regexp.MustCompile(`^[}$\s]*(?:training\s+)?steps\b`)

// contextLengthNear names a count as a length of context.
var contextLengthNear = regexp.MustCompile(`\b(?:context|sequence)\s+(?:lengths?|tokens|windows?)\b`)

// runtimeBefore and runsIn are a time a model runs for, named just
// before the number: "a runtime of just 3.8ms", "runs in 34.0 ms".
var (
	runtimeBefore = regexp.MustCompile(`\b(?:runtimes?\s+(?:of\s+)?|runs?\s+(?:in\s+)?)(?:just\s+|only\s+|about\s+|around\s+|under\s+)?$`)
	runsIn        = regexp.MustCompile(`\bruns?\s+(?:in\s+)?(?:just\s+|only\s+|about\s+|around\s+|under\s+)?$`)
	timeAlone     = regexp.MustCompile(`(?:^|[^a-z-])times?\b`)
)

// frequencyOf is what a frequency is of, right before the number:
// "inference frequency of", "control frequency from".
var frequencyOf = regexp.MustCompile(`\b([a-z][a-z-]+)\s+(?:frequency|rate)\s+(?:of\s+|to\s+|at\s+)?(?:up\s+to\s+|about\s+|over\s+)?$`)

// percentIn is "in" a measure right after a share: "by 73% in inference
// time".
var percentIn = regexp.MustCompile(`^\s*in\s+(?:terms\s+of\s+)?(?:the\s+)?([a-z][a-z0-9 -]{0,40})`)

// speedupIn is a speed-up followed by what it is in: "faster in inference
// time", "acceleration in decoding throughput".
var speedupIn = regexp.MustCompile(`^\s*(?:faster|speed-?ups?|accelerations?)\s+in\s+(?:the\s+)?(?:cumulative\s+|total\s+|overall\s+|end-to-end\s+|average\s+)?([a-z][a-z0-9-]*)(\s+(?:time|latency|throughput|speed|runtime))?\b`)

// spedUpProcess is a noun of a process sped up: "inference", "decoding".
var spedUpProcess = regexp.MustCompile(`(?:ing|tion|ence)$`)

// notProcess are such nouns that say where, not what: "in addition".
var notProcess = map[string]bool{"addition": true, "comparison": true, "expectation": true, "conjunction": true, "isolation": true}

// shortenBy is a verb of shortening, its object and "by" before the
// number; lengthOrTime is a name that already says what is shortened.
var (
	shortenBy    = regexp.MustCompile(`\bshort(?:en|ens|ened|ening)\s+(?:the\s+|its\s+|their\s+)?[a-z0-9 -]{1,40}?\s+by\s+(?:up\s+to\s+|about\s+|over\s+|an\s+average\s+of\s+)?$`)
	lengthOrTime = regexp.MustCompile(`(?:^|_)(?:length|lengths|time|latency|duration|token|tokens|steps?)(?:_|$)`)
)

// perItemAfter is an item a time is counted per, right after the number:
// "48 ms per token", "2ms/step".
var perItemAfter = regexp.MustCompile(`^\s*(?:/|per\s+)(` + perItems + `)s?\b`)

// perItems are the items a time or an energy is counted per.
const perItems = `token|step|image|frame|query|request|sample|iteration|batch|video|inference`

// stageVerb is a verb of a pipeline's stage: "encodes", "decoded". Its
// stems are keys of durationNouns, which names the stage.
var stageVerb = regexp.MustCompile(`\b(encod|decod|render|train|generat|process|transcrib|retriev|compil|index|produc|synthesiz)(?:es|s|ed|e)\b`)

// percentileBefore is a percentile right before a time: "(90th
// percentile: 142ms)", "p99 of".
var percentileBefore = regexp.MustCompile(`\b(?:(\d{2}(?:\.\d)?)(?:th)?[- ]percentile|p(\d{2}(?:\.\d)?))\b[^0-9.;]{0,20}$`)

// stageTime names a time by the stage whose verb is nearest before it
// ("encodes 12MP images as fast as 230ms" is an encoding time) or by the
// percentile it is ("90th percentile: 142ms" is a p90 latency); near is
// the text right before the number.
func stageTime(near, metric string) string {
	if pm := percentileBefore.FindStringSubmatch(near); pm != nil {
		return "p" + strings.ReplaceAll(pm[1]+pm[2], ".", "_") + "_latency"
	}
	if nt := namedTime.FindStringSubmatch(near); nt != nil {
		return snake(nt[1], nt[2]) // "an inference time of 28 ms": the time is named
	}
	// The verb must govern the number: none of "(", "," or ";" between.
	if i := strings.LastIndexAny(near, "(,;"); i >= 0 {
		near = near[i+1:]
	}
	if vs := stageVerb.FindAllStringSubmatch(near, -1); vs != nil {
		return durationNouns[vs[len(vs)-1][1]] + "_" + metric
	}
	return metric
}

// raisedParen is a verb that raises a measure, its object and the rest of
// the clause, then a parenthesis that opens with a signed number: "boosts
// harmless rates on safety benchmarks (up to +".
var raisedParen = regexp.MustCompile(`\b(?:improv|boost|rais|increas|enhanc|lift)\w*\s+([^(),;]{1,80}?)\s*\(\s*(?:up\s+to\s+|over\s+|about\s+|~\s*)?\+\s*$`)

// raisedBeforeParen returns the measure a signed number in a parenthesis
// is the gain of: the object of the verb before the parenthesis, when it
// names a measure ("the success rate on LIBERO (+4.2%)"), or nil.
func raisedBeforeParen(sent string) []string {
	if !strings.HasSuffix(strings.TrimRight(sent, " \t\n\f\r"), "+") {
		return nil // the regular expression ends with the sign
	}
	rp := raisedParen.FindStringSubmatch(sent)
	if rp == nil {
		return nil
	}
	ws, _ := nounPhrase(rp[1], 4)
	if len(ws) == 0 {
		return nil
	}
	if last := ws[len(ws)-1]; !isMetricPhrase(ws) && last != "rate" && last != "rates" {
		return nil
	}
	return ws
}

// statedBetterParen is an aside after a measure that says which way is
// better, right before the number's "of": "an FID (lower is better) of".
var statedBetterParen = regexp.MustCompile(`\s*\(\s*(lower|higher|smaller|larger)\s+is\s+better\s*\)(\s*(?:of|=|:|is|was)?\s*(?:only\s+|just\s+|about\s+)?)$`)

// inNamedMeasure is a measure named with capitals right after a number:
// "8.7% in VisionReward", "16.7% in Instruction Following".
// inTaskAfter is the task a change is "in", after the number.
var inTaskAfter = regexp.MustCompile(`^\s*(?:%\s*)?in\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})`)

// bareChangeParen is the change noun opening the parenthesis a number
// sits in ("a significant reduction (up to 10x) in"), for a change that
// names nothing yet; nil otherwise. The cheap test comes first: it runs for
// every claim.
func bareChangeParen(metric, before string) []string {
	if !bareChange[metric] {
		return nil
	}
	return changeParenIn.FindStringSubmatch(before)
}

// firstNouns is the noun phrase at the start of a fragment, up to four
// words.
func firstNouns(frag string) []string {
	ws, _ := nounPhrase(frag, 4)
	return ws
}

// inMeasureLower is "in" and a measure named in lower case up to the end
// of a list member.
var inMeasureLower = regexp.MustCompile(`^\s*(?:\\?%\s*)?in\s+((?:[a-z-]+\s+){0,3}?[a-z-]+)(?:\s*[,;.(]|\s+and\b|\s*$)`)

// onNamedScore is a score named after "on" right after a member of a
// list of changes: "0.63% on IoU".
var onNamedScore = regexp.MustCompile(`^\s*(?:\\?%\s*)?on\s+((?i:dice|iou|miou|nsd|hd95|map|auc|f1|psnr|ssim|lpips|bleu|accuracy|ap|dsc|mae|rmse))\b`)

var inNamedMeasure = regexp.MustCompile(`^\s*(?:\\?%\s*)?in\s+([A-Z][A-Za-z0-9-]*(?:\s+[A-Z][A-Za-z0-9-]*){0,3})\b`)

// onlyMoreCost is "more" and a cost right after a number that "only"
// stresses as small: "only 8% more FLOPs". onlyBeforeLevel is that "only".
var (
	onlyMoreCost    = regexp.MustCompile(`^\s*(?:\\?%)?\$?\s*more\s+(flops|parameters|params|memory|latency|compute|computation|energy|inference\s+time|training\s+time)\b`)
	onlyBeforeLevel = regexp.MustCompile(`\b(?:only|just|merely)\s+\$?$`)
)

// absoluteChangeBefore is an absolute change and the parenthesis that
// gives it again as a relative one: "11% absolute improvement (".
var absoluteChangeBefore = regexp.MustCompile(`\babsolute\s+(improvement|gain|increase|reduction|decrease)s?\s*\(\s*$`)

// relativeAfter is "relative" right after a change: "(15.04% relative)".
var relativeAfter = regexp.MustCompile(`^\s*relative\b(?:\s*\)|\s+(?:gain|improvement|increase|reduction)\b)`)

// keptOnParen is a verb that keeps or reaches a measure on benchmarks, the
// parenthesis that lists them open before the number: "preserves task
// success on simulation benchmarks (85.5% RoboTwin 2.0, ".
var keptOnParen = regexp.MustCompile(`\b(?:preserv|maintain|keep|retain|achiev|reach|attain)\w*\s+(?:the\s+|its\s+|high\s+|strong\s+)?([a-z][a-z -]{1,40}?)\s+(?:on|across|in)\s+[^()0-9]{0,60}\(\s*(?:[0-9][0-9.]*\s*%\s*[^(),;]{1,30},\s*)*$`)

// parenListMeasure returns the measure a percentage inside such a
// parenthesis is of, or nil.
func parenListMeasure(sent, unit string) []string {
	if unit != "%" || !strings.Contains(sent, "(") {
		return nil
	}
	kp := keptOnParen.FindStringSubmatch(sent)
	if kp == nil {
		return nil
	}
	ws, _ := nounPhrase(kp[1], 3)
	if len(ws) == 0 || !isMetricPhrase(ws) && ws[len(ws)-1] != "success" {
		return nil
	}
	return ws
}

// energyPer is energy counted per item, around the number: "energy per
// query of", "12 mJ per inference".
var energyPer = regexp.MustCompile(`\bper\s+(` + perItems + `)\b`)

// statedBetterAside is statedBetterParen's match in pre, or nil.
func statedBetterAside(pre string) []int {
	if !strings.Contains(pre, "better") {
		return nil
	}
	return statedBetterParen.FindStringSubmatchIndex(pre)
}

// namedTime is a time or latency its stage names right before the
// number: "an inference time of", "end-to-end latency below".
var namedTime = regexp.MustCompile(`\b(inference|training|execution|processing|encoding|decoding|generation|rendering|response|search|retrieval|compilation|analysis|solve|solving|prefill|end-to-end|wall-clock|run)\s+(time|latency)\s+(?:of\s+|is\s+|was\s+|:\s*)?(?:only\s+|just\s+|about\s+|around\s+|under\s+|below\s+|less\s+than\s+|approximately\s+)?$`)

// takesBefore is a subject that takes a time: "decoding takes 12 ms".
var takesBefore = regexp.MustCompile(`\b([a-z][a-z0-9-]+)\s+(?:only\s+|now\s+)?(?:takes|took|requires|needs)\s+(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|under\s+|less\s+than\s+)?$`)

// stopSubject are words before "takes" that are not what takes the time.
var stopSubject = map[string]bool{"it": true, "which": true, "that": true, "this": true, "method": true, "approach": true, "model": true, "and": true,
	"design": true, "system": true, "framework": true, "accelerator": true, "pipeline": true, "chip": true, "implementation": true}

// notMeasureAcronym are acronyms after a number that name hardware or a
// setting, not a measure: "4 GPUs" is not a measure called "gpu".
var notMeasureAcronym = map[string]bool{"GPU": true, "GPUS": true, "CPU": true, "NPU": true, "TPU": true, "FPGA": true,
	"SOC": true, "LLM": true, "LLMS": true, "RAM": true, "SRAM": true, "DRAM": true, "HBM": true, "AI": true, "ML": true}

// plusSigned is a plus sign written right before a number: "+1.3%".
var plusSigned = regexp.MustCompile(`(?:^|[\s(])\+\s?[0-9]`)

var unitNames = map[string]bool{"time": true, "size": true, "latency": true, "memory": true, "throughput": true, "speed": true, "fps": true}

// activities are the kinds of work whose duration a sentence gives, keyed
// by the stems that name them ("generating", "generation", "generates").
var activities = []struct{ stem, name string }{
	{"generat", "generation"}, {"edit", "editing"}, {"compress", "compression"}, {"analy", "analysis"},
	{"search", "search"}, {"distill", "distillation"}, {"train", "training"}, {"render", "rendering"},
	{"reconstruct", "reconstruction"}, {"quantiz", "quantization"}, {"calibrat", "calibration"},
	{"fine-tun", "fine_tuning"}, {"finetun", "fine_tuning"}, {"optimiz", "optimization"}, {"convert", "conversion"},
	{"conversion", "conversion"}, {"synthes", "synthesis"}, {"process", "processing"}, {"pruning", "pruning"}, {"prune", "pruning"},
}

// activityWord is a word that may name a kind of work.
var activityWord = regexp.MustCompile(`[a-z][a-z-]+`)

// activityBefore is the work named last before a duration in its sentence,
// or "".
func activityBefore(before string) string {
	words := activityWord.FindAllString(before, -1)
	for i := len(words) - 1; i >= 0; i-- {
		for _, a := range activities {
			if strings.HasPrefix(words[i], a.stem) {
				return a.name
			}
		}
	}
	return ""
}

// otherDecibels names a ratio in decibels other than a PSNR.
var otherDecibels = regexp.MustCompile(`\b(?:snr|sdr|si-sdr|sndr|sinr|snri|sdri|noise|signal|db/|dbm)\b`)

// benchLevelBefore is a verb of result and perhaps earlier levels "on" a
// benchmark, before a bare level ("obtaining 64.7 on OSWorld-G, 40.2 on
// UI-Vision, and"); benchLevelVerbEnd the verb alone, before the first
// level; benchOnAfter the benchmark after a level.
var (
	benchLevelBefore  = regexp.MustCompile(`\b(?:obtain\w*|achiev\w*|reach\w*|attain\w*|scor\w*)\s+(?:[0-9]+\.[0-9]+\s+on\s+[a-z0-9.-]+\s*(?:,\s*(?:and\s+)?|\s+and\s+))*$`)
	benchLevelVerbEnd = regexp.MustCompile(`\b(?:obtain\w*|achiev\w*|reach\w*|attain\w*|scor\w*)\s+$`)
	benchOnAfter      = regexp.MustCompile(`^\s*on\s+([a-z][a-z0-9.-]*[a-z0-9])`)
)

// ratedParen is the quality a rating in parentheses is of: "grammatical
// correctness (".
var ratedParen = regexp.MustCompile(`(?:^|[\s,])((?:[a-z]{4,}\s+)?[a-z]{4,})\s*\(\s*$`)

// levelAtComputeAfter is "at" and a count of operations after a level.
var levelAtComputeAfter = regexp.MustCompile(`^\s*\)?\s*at\s+[0-9][0-9.]*\s*[gmt]?(?:macs|flops)\b`)

// hitsAtOf is a ranking score at a cut-off right before "of" and the
// number: "Hit@10 of".
var hitsAtOf = regexp.MustCompile(`\b(hits?|recall|ndcg|precision|mrr|pass)@([0-9]+)\s+of\s+$`)

// asideAcronymOf is a measure's words, its acronym in an aside, and "of"
// right before the number: "an endpoint error (EPE) of".
// changeNext is a noun of change right after a number.
var changeNext = regexp.MustCompile(`^\s*(?:improvements?|gains?|increases?|reductions?|drops?|decreases?)\b`)

var asideAcronymOf = regexp.MustCompile(`[a-z]\s*\(([A-Z][A-Z0-9]{1,5})\)\s+of\s+(?:about\s+|only\s+|just\s+|approximately\s+)?$`)

// errorNamedBefore is an error's name right before its level: "an MAE of",
// "RMSE:", "MAE 0.81 days".
var errorNamedBefore = regexp.MustCompile(`\b(mae|rmse|mse|mape|nrmse)\s*(?:of|:|=)?\s*(?:about\s+|only\s+|just\s+)?$`)

// decibelsInAcronym is "in" and an acronym that dropAcronyms put in place
// of the words its aside spelled, after a level in decibels: " in nmse and".
var decibelsInAcronym = regexp.MustCompile(`^\s*in\s+([a-z][a-z0-9-]{1,9})\s*(?:$|[,;.)]|and\b|with\b|at\b|on\b)`)

// gainNext is a word of gain right after a number: "0.15 dB of gain".
var gainNext = regexp.MustCompile(`^\s*(?:db\s*)?(?:of\s+)?(?:gains?|improvements?)\b`)

// gainBy is a gain given as what a score rises by: "outperforms PFT by up
// to 0.22dB", "increases the PSNR by an average of 1 dB".
var gainBy = regexp.MustCompile(`\b(?:improv\w*|increas\w*|boost\w*|rais\w*|outperform\w*|surpass\w*|exceed\w*|beat\w*)\b[^,;]*\bby\s+(?:up\s+to\s+|about\s+|around\s+|approximately\s+|over\s+|more\s+than\s+|an?\s+average\s+of\s+|on\s+average\s+)?$|\b(?:improvements?|gains?)\s+of\s+(?:up\s+to\s+|about\s+|over\s+)?(?:[0-9.]+\s*db\s*(?:,\s*|\s+and\s+|,\s*and\s+))*$`)

// gainCue is a word of gain before a number: "a gain of", "improves ... by".
var gainCue = regexp.MustCompile(`\b(?:gains?|improv\w*|boost\w*|outperform\w*|surpass\w*|higher|better)\b[^,;]*$`)

// modelWord is a word that says a sentence is about a model's size.
var modelWord = regexp.MustCompile(`\b(?:models?|parameters?|#params?|students?|networks?|weights)\b`)

// otherSized names a thing other than a model that has a size: a cache,
// a memory, a file, a data set.
var otherSized = regexp.MustCompile(`\b(?:cache|kv|memory|footprint|file|files|checkpoints?|storage|dataset|data|embeddings?|index|indexes|vectors?|bitstream|activations?|images?|videos?|point\s+clouds?|meshes|scenes?)\b`)

// genericOriginal are the words "of its original ..." ends with that say
// only the kind of quantity, not what it is of.
var genericOriginal = map[string]bool{"size": true, "footprint": true, "count": true, "number": true, "amount": true, "length": true}

// toQualifier is a qualifier between "to" and a number: "to under 10%".
var toQualifier = regexp.MustCompile(`\s+(?:under|below|about|around|approximately|roughly|nearly|only|just|as\s+little\s+as|less\s+than)\s*$`)

// passiveDownTo is a subject reduced "to" a level: "embeddings can be
// reduced to".
var passiveDownTo = regexp.MustCompile(`([a-z][a-z0-9 -]{1,40}?)\s+(?:can\s+be|could\s+be|is|are|was|were|be|been|get|gets)\s+(?:reduced|cut|shrunk|compressed|lowered|decreased)\s+to$`)

// phraseEnd is where a noun phrase after "of the original" ends: "size
// with almost no degradation" names a size.
var phraseEnd = regexp.MustCompile(`\s(?:with|while|and|at|on|in|for|when|without|by|across|under)\b.*$`)

// countOf is "the number of" before what is counted: "the number of
// tokens" names tokens.
var countOf = regexp.MustCompile(`\b(?:the\s+)?(?:number|count|amount)\s+of\s+`)

// fewerThanAfter is "fewer" or "less" right after a ratio, then "than":
// what is fewer is named before it. resourceBefore is a resource counted
// in the sentence.
var (
	fewerThanAfter = regexp.MustCompile(`^\s*(?:x\s+)?(?:fewer|less)\s+than\b`)
	resourceBefore = regexp.MustCompile(`\b(parameters|params|tokens|flops|macs|layers|experts|samples|steps)\b`)
)

// compressWord is a word of compressing.
var compressWord = regexp.MustCompile(`\bcompress\w*`)

// priorWorkChange is a change named after the methods it is over.
var priorWorkChange = regexp.MustCompile(`^(?:baseline|existing|prior|previous|other|competing|conventional)_(?:method|approach|model|baseline|work|system|technique)s?_(improvement|gain)$`)

// ratingName is what a rating is of: "a fluency of", "a cultural relevance of".
var ratingName = regexp.MustCompile(`\b(?:an?|the|its|their)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)\s+(?:score\s+)?of\s+$`)

// changeInParen is a change "in" one or more measures, each with its
// amount in a parenthesis: "declines in both SE quality (up to 4.4%) and
// faithfulness (up to".
var changeInParen = regexp.MustCompile(`\b(declines?|drops?|degradations?|decreases?|reductions?|losses|gains?|improvements?|increases?)\s+in\s+(?:both\s+)?(?:(?:[^;.]|\.[0-9]){0,120}?(?:\)\s*,?\s*(?:and\s+)?))?((?:[a-z-]+\s+){0,2}[a-z-]+)\s*\(\s*(?:up\s+to\s+|about\s+|over\s+|nearly\s+)?$`)

// improvesByBefore is a verb of gain right before a percentage, perhaps
// averaged: "improves an average of", "boosts".
var improvesByBefore = regexp.MustCompile(`\b(?:improv(?:e|es|ed|ing)|boost(?:s|ed|ing)?)\s+(?:an?\s+average\s+of\s+|by\s+(?:an?\s+average\s+of\s+)?)?$`)

// acronymAsideFromTo is a measure's acronym, an aside explaining it, and a
// verb of change "from A to": the number is the acronym's new level.
var acronymAsideFromTo = regexp.MustCompile(`\b([A-Z][A-Z0-9]{1,6})\s*\([^()]{3,80}\)\s+(?:increases?|increased|rises?|rose|improves?|improved|drops?|dropped|decreases?|decreased|falls?|fell)\s+from\s+[^;]{1,30}?\s+to\s*$`)

// arrowInMeasure is the measure named by "in" after an arrow, up to two
// words and never past a preposition, or nil.
func arrowInMeasure(post string) []string {
	ai := arrowIn.FindStringSubmatch(post)
	if ai == nil {
		return nil
	}
	var ws []string
	for _, w := range strings.Fields(ai[1]) {
		if preposition[w] || w == "and" || w == "under" || w == "across" {
			break
		}
		ws = append(ws, w)
	}
	return ws
}

// namedScoreParen is a score named by the word before "score", then the
// parenthesis of its level: "f1 score (average: ".
var namedScoreParen = regexp.MustCompile(`\b([a-z0-9-]+)\s+scores?\s*\([^()]*$`)

// errorAcronym says the metric is an acronym written in capitals in the
// sentence whose last letters name an error: an error rate ("CoER",
// "CVER", "WER") or a mean error ("MNAE", "RMSE", "MAPE").
func errorAcronym(sentence, metric string) bool {
	if !errorAcronymName.MatchString(metric) {
		return false
	}
	for _, w := range acronymWord.FindAllString(sentence, -1) {
		if strings.ToLower(w) == metric {
			return true
		}
	}
	return false
}

var (
	errorAcronymName = regexp.MustCompile(`^[a-z]{1,4}(?:er|ae|se|ape)$`)
	acronymWord      = regexp.MustCompile(`\b[A-Z][A-Za-z]{0,3}[A-Z]{2,3}\b`)
)

// acronymAfterName is a measure written out, its acronym in parentheses
// and a colon or an equals sign right before the level.
var acronymAfterName = regexp.MustCompile(`((?:[A-Za-z][A-Za-z-]*\s+){1,5})\(([A-Z]{2,6})\)\s*[:=]\s*\$?\s*$`)

// spelledAcronym returns the written-out name of a measure given with its
// acronym before a level ("Failure Rate (FR) = 12.5%": failure_rate), when
// the initials of the words before the parenthesis spell the acronym.
func spelledAcronym(before string) string {
	am := acronymAfterName.FindStringSubmatch(before)
	if am == nil {
		return ""
	}
	ws := strings.Fields(strings.ToLower(am[1]))
	n := len(am[2])
	if len(ws) < n {
		return ""
	}
	ws = ws[len(ws)-n:]
	acr := strings.ToLower(am[2])
	for i, w := range ws {
		if w[0] != acr[i] {
			return ""
		}
	}
	return snake(ws...)
}
