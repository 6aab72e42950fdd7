package importer

import (
	"regexp"
	"strings"
)

// An abstract usually moves from the problem and what others did to what
// the paper does and what it achieves. The tests here place a number in
// that movement from the words of its clause, rather than from a list of
// phrases that name prior work: a number that comes before the paper says
// what it contributes, or that sits in a concessive or instrumental clause
// whose subject is not the paper's, is background, not a result.

var (
	// contribution opens the part of an abstract about the paper's own
	// work: "we propose", "this paper introduces", "we present X".
	contribution = regexp.MustCompile(`\b(?:we|this\s+(?:paper|work|study|article)|in\s+this\s+(?:paper|work))\b[^.;]{0,60}?\b(?:propose|proposes|introduce|introduces|present|presents|develop|develops|design|designs|devise|devises|put\s+forward|puts\s+forward)\b`)
	// ownMarker is a word that makes a clause the paper's own.
	ownMarker = regexp.MustCompile(`\b(?:we|our|ours|this\s+(?:paper|work|study)|the\s+proposed|proposed\s+(?:method|approach|framework))\b`)
	// concessiveOpen is a clause that concedes something before the main
	// clause: "While X enables 4x ..., Y", "Although X reaches ...".
	concessiveOpen = regexp.MustCompile(`^\s*(?:while|whereas|although|though|even\s+though)\s+([^,;]*)$`)
	// instrumental is what a result is obtained by or owed to: "by
	// leveraging the 12x advantage of", "thanks to the 3x bandwidth of".
	instrumental = regexp.MustCompile(`\b(?:by\s+(?:leveraging|exploiting|utilizing|utilising|harnessing|using)|thanks\s+to|owing\s+to|due\s+to|because\s+of)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[a-z-]+\s+){0,2}?$`)
	// conditionOpen is a prepositional phrase that opens a sentence and
	// states the condition of its main clause: "With only 25% of the
	// tokens, X achieves ...", "Under 50% sparsity, ...".
	conditionOpen = regexp.MustCompile(`^\s*(?:with|using|under|at|keeping|retaining)\s+(?:only\s+|just\s+|merely\s+|a\s+|an\s+|the\s+)?$`)
	// evenUnder is a condition stressed with "even": "even under up to
	// 7x acceleration", "even at 90% sparsity". "Under" names a load that
	// is endured; "at" may also state how far the result holds, which
	// some readers keep as a claim, so it is only flagged.
	evenUnder = regexp.MustCompile(`(?:^|\W)even\s+(under|at|with|for)\s+(?:a\s+|an\s+)?(?:[a-z-]+\s+)?(?:up\s+to\s+|over\s+|about\s+|nearly\s+)?$`)
	// settingRange is a range of a setting the method supports: "a
	// continuous sparsity ratio between 0% and 50%".
	settingRange = regexp.MustCompile(`\b(?:sparsity|compression|pruning|bit-?width|quantization)?\s*(?:ratios?|rates?|levels?|budgets?|sparsit(?:y|ies)|bit-?widths?)\s+(?:between|from|in\s+the\s+range(?:\s+of)?|ranging\s+from)\s*$`)
)

// contributionStart is the offset of the first sentence that says what
// the paper contributes, or -1 when no sentence does.
func contributionStart(lower string, sents [][2]int) int {
	for _, s := range sents {
		if contribution.MatchString(lower[s[0]:s[1]]) {
			return s[0]
		}
	}
	return -1
}

// background weighs whether the number at a is background rather than a
// result of the paper. It is when its sentence comes before the paper says
// what it contributes and has no word of the paper's own or of its
// results. A concessive clause opening the sentence ("While X enables 4x
// ...,") whose subject is not the paper's is background when it has a word
// of prior or general knowledge or no word of a result; when it has only
// the words of a result the evidence is mixed, and the number is kept with
// a note (doubt).
func background(lower string, sent [2]int, a, contrib int) (drop bool, doubt string) {
	whole := lower[sent[0]:sent[1]]
	if contrib >= 0 && sent[0] < contrib && !ownMarker.MatchString(whole) && !resultReport.MatchString(whole) {
		return true, ""
	}
	pre := lower[sent[0]:a]
	if cm := concessiveOpen.FindStringSubmatch(pre); cm != nil {
		clause := strings.TrimSpace(cm[1])
		// "While achieving 2x ...": a gerund has the main clause's subject.
		first := strings.Fields(clause)
		if len(first) > 0 && strings.HasSuffix(first[0], "ing") && !ingAdjective[first[0]] || ownMarker.MatchString(clause) {
			return false, ""
		}
		clause += " " + lower[a:min(sent[1], a+60)]
		if backgroundWord.MatchString(clause) || !resultWord.MatchString(clause) {
			return true, ""
		}
		return false, "in a concessive clause ('while X enables ...') whose subject is not the paper's: check that it is a result of this paper"
	}
	return false, ""
}

// ingAdjective are words in -ing that describe a noun rather than open a
// gerund clause: "While existing methods ...".
var ingAdjective = map[string]bool{"existing": true, "emerging": true, "leading": true, "competing": true, "prevailing": true,
	"remaining": true, "increasing": true, "growing": true, "underlying": true, "promising": true, "pioneering": true, "outstanding": true}

var (
	// resultReport is a sentence that reports results, whoever its
	// subject: "Experiments show ...".
	resultReport = regexp.MustCompile(`\b(?:experiments?|experimental|results?|evaluations?|empirical(?:ly)?|benchmarks?\s+show)\b`)
	// backgroundWord is a word of prior or general knowledge.
	backgroundWord = regexp.MustCompile(`\b(?:existing|prior|previous|conventional|current|standard|typical(?:ly)?|traditional|known|usually|often|generally|commonly|widely|popular|state-of-the-art|sota|baselines?|hardware)\b`)
	// resultWord is a word of a measured outcome.
	resultWord = regexp.MustCompile(`\b(?:reduc\w*|speed-?ups?|faster|accelerat\w*|improv\w*|gains?|sav\w*|lower|higher|fewer|smaller|compress\w*|accuracy|latency|throughput|memory|perplexity)`)
)

// openingCondition reports whether the number at a sits in a phrase that
// opens its sentence and is closed by a comma before the main clause:
// "With only 25% visual tokens, X achieves ...".
func openingCondition(lower string, sent [2]int, a, b int) bool {
	if !conditionOpen.MatchString(lower[sent[0]:a]) {
		return false
	}
	rest := lower[b:sent[1]]
	k := strings.IndexByte(rest, ',')
	if k < 0 || k > 60 {
		return false
	}
	// The phrase holds no verb of its own before the comma.
	return !resultNoun.MatchString(rest[:k]+" ") && !strings.ContainsAny(rest[:k], "0123456789")
}

// Ratios whose "x" the listing lost (docs/importer-labels.md): a bare
// number is a ratio when the change right after it is one that is
// counted in times, or when it sits in a parenthesis that such a change
// opens.
var (
	// lostTimes is a bare number, or a list of them, right before a change
	// counted in times: "1.3 and 3 speed-ups", "4 memory reduction".
	lostTimes = regexp.MustCompile(`^(?:\s*(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+)[0-9.]+)*\s+(?:[a-z-]+\s+){0,2}?(?:speed-?ups?|accelerations?|compression|reductions?|savings?)\b`)
	// ratioParen is a parenthesis of examples after a ratio-valued change:
	// "significant speedups (e.g., 2.86 on ...)".
	ratioParen = regexp.MustCompile(`(?:speed-?ups?|accelerations?|compression\s+ratios?)\s*\(\s*(?:e\.g\.?,?\s*|i\.e\.?,?\s*|up\s+to\s+|about\s+|over\s+|nearly\s+)?$`)
	// changeParen is a verb of change, its object, and a parenthesis that
	// gives the amount: "reduces the latency of RT requests (up to 74.2%)".
	changeParen = regexp.MustCompile(`\b(reduc\w*|lower\w*|cut\w*|decreas\w*|shrink\w*|improv\w*|increas\w*|boost\w*|enhanc\w*|rais\w*|lift\w*|accelerat\w*)\s+((?:[a-z0-9@'-]+\s+|\([a-z0-9 -]{1,20}\)\s*){1,8}?)\(\s*(?:up\s+to\s+|over\s+|about\s+|nearly\s+|by\s+|approximately\s+)?$`)
	parenClose  = regexp.MustCompile(`^\s*\)`)
	// changeNounAfter is a change right after a number's unit: "FLOPs
	// reduction".
	changeNounAfter = regexp.MustCompile(`^\s*(?:reductions?|savings?|decreases?|speed-?ups?|accelerations?)\b`)
	// resourceAlongside is a resource a method uses while it achieves
	// something else: "while using only 64 bytes of shared memory".
	resourceAlongside = regexp.MustCompile(`(?:^|\W)(?:while|when)\s+(?:using|requiring|needing|consuming|occupying)\s+(?:only\s+|just\s+|merely\s+)?$`)
)

// lostTimesBefore reports whether post (the text after a bare number)
// makes the number a ratio whose x was lost; a change in a score ("a
// 12.31 reduction in WER") keeps the score's own unit.
func lostTimesBefore(post string) bool {
	return lostTimes.MatchString(post) && !scoreChangeAfter.MatchString(post) && !scoreInAfter.MatchString(strings.TrimPrefix(strings.TrimLeft(post, " "), "reduction"))
}

// parenAfterChange reports whether pre ends in a parenthesis that gives
// the amount of the change a verb and its object state before it.
func parenAfterChange(pre string) bool {
	return changeParen.MatchString(pre)
}

// bareFLOPs reports whether a number's unit is "FLOPs" with no magnitude
// prefix ("4.55 FLOPs", not "4.55 GFLOPs").
func bareFLOPs(span string) bool {
	k := strings.LastIndex(span, "flop")
	return k > 0 && !isASCIILetter(span[k-1])
}
