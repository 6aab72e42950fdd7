package importer

import (
	"regexp"
	"strings"
)

// npStop ends a noun phrase.
var npStop = map[string]bool{
	"than": true, "compared": true, "over": true, "for": true, "on": true, "in": true, "at": true, "throughout": true,
	"with": true, "while": true, "by": true, "under": true, "to": true, "from": true, "and": true,
	"or": true, "of": true, "vs": true, "vs.": true, "versus": true, "against": true, "without": true,
	"when": true, "across": true, "which": true, "that": true, "is": true, "are": true, "was": true,
	"were": true, "as": true, "per": true, "thus": true, "making": true, "using": true, "via": true,
	"relative": true, "whereas": true, "but": true, "into": true, "after": true, "before": true,
	"during": true, "if": true, "can": true, "could": true, "be": true, "been": true, "being": true,
	"may": true, "might": true, "will": true, "would": true, "should": true, "must": true, "has": true,
	"have": true, "had": true, "along": true, "do": true, "does": true, "did": true, "where": true, "up": true, "only": true, "even": true, "than.": true,
}

// perUnit are the units of time a rate is counted per.
var perUnit = map[string]bool{"second": true, "sec": true, "minute": true, "hour": true, "query": true, "request": true,
	// Rates of energy, money and work: "tokens per joule", "energy per
	// token", "cost per image".
	"joule": true, "watt": true, "dollar": true, "token": true, "image": true, "frame": true, "sample": true}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "our": true, "this": true,
	"these": true, "those": true, "all": true, "both": true, "each": true, "his": true, "her": true,
	"such": true, "any": true, "overall": true,
}

var npToken = regexp.MustCompile(`\([a-z0-9-]+\)|[a-z0-9@^'+_-]+|[^a-z0-9@^'+_\s-]`)

// nounPhrase reads the noun phrase at the start of the lower-case fragment
// frag, at most max words. A parenthesised acronym names the phrase:
// "time to first token (ttft)" is "ttft". It returns the words and the
// byte offset just past the last one.
// percentileName is a percentile written as a name: "p95", "p99.9".
var percentileName = regexp.MustCompile(`^p[0-9]{2}(?:\.[0-9])?$`)

func nounPhrase(frag string, max int) ([]string, int) {
	var ws []string
	end := 0
	started := false
	toks := npToken.FindAllStringIndex(frag, -1)
	for i := 0; i < len(toks); i++ {
		w := frag[toks[i][0]:toks[i][1]]
		if strings.HasPrefix(w, "(") && len(w) > 2 {
			if len(ws) > 0 && !percentileName.MatchString(strings.Trim(w, "()")) {
				return []string{strings.Trim(w, "()")}, toks[i][1]
			}
			if len(ws) > 0 {
				break // "tail latency (P95)": the percentile qualifies the measure, it does not name it
			}
			continue
		}
		if !isAlnum(w[0]) {
			break
		}
		if i+2 < len(toks) && frag[toks[i+1][0]:toks[i+1][1]] == "/" && isAlnum(frag[toks[i+2][0]]) {
			i += 2 // "SDXL/Flux generation latency": alternatives, not the measure
			continue
		}
		if !started && determiners[w] {
			continue
		}
		if (w == "number" || w == "amount" || w == "fraction" || w == "proportion") && i+1 < len(toks) && frag[toks[i+1][0]:toks[i+1][1]] == "of" {
			i++
			continue
		}
		if w == "per" && len(ws) > 0 && i+1 < len(toks) && perUnit[frag[toks[i+1][0]:toks[i+1][1]]] {
			// "tokens generated per second": a rate, named with its unit.
			ws = append(ws, w, frag[toks[i+1][0]:toks[i+1][1]])
			end = toks[i+1][1]
			break
		}
		if w == "of" && len(ws) == 1 && headOfObject[ws[0]] {
			// "the size of the KV cache": the measure is the object's. A
			// measure already qualified, "the computation costs of
			// on-device personalization", is named by its own words.
			if obj, oe := nounPhrase(frag[toks[i][1]:], 3); len(obj) > 0 {
				return append(singular(obj), ws...), toks[i][1] + oe
			}
		}
		if npStop[w] {
			break
		}
		started = true
		ws = append(ws, w)
		end = toks[i][1]
		if len(ws) == max {
			// "Tera Floating-Point Operations Per Second (TFLOPs)": an
			// acronym a few words on names the whole phrase.
			for k := i + 1; k < len(toks) && k <= i+6; k++ {
				t := frag[toks[k][0]:toks[k][1]]
				if strings.HasPrefix(t, "(") && len(t) > 2 {
					return []string{strings.Trim(t, "()")}, toks[k][1]
				}
				if !isAlnum(t[0]) && t != "-" || npStop[t] && t != "per" {
					break
				}
			}
			break
		}
	}
	return ws, end
}

// headOfObject are measures that belong to the object after "of": "the
// size of the KV cache" is the KV cache's size.
var headOfObject = map[string]bool{"size": true, "length": true, "footprint": true, "cost": true, "costs": true,
	"usage": true, "consumption": true, "latency": true, "overhead": true, "volume": true, "rate": true}

// snake turns words into a metric name: "query latency" -> "query_latency".
func snake(ws ...string) string {
	var b strings.Builder
	sep := false
	for _, w := range ws {
		for _, c := range []byte(strings.ToLower(w)) {
			if isAlnum(c) {
				if sep && b.Len() > 0 {
					b.WriteByte('_')
				}
				sep = false
				b.WriteByte(c)
			} else {
				sep = true
			}
		}
		sep = true
	}
	s := b.String()
	if len(s) > 48 {
		s = s[:48]
		if k := strings.LastIndexByte(s, '_'); k > 0 {
			s = s[:k]
		}
	}
	if s != "" && isDigit(s[0]) {
		s = "m_" + s
	}
	return strings.Trim(s, "_")
}

// wellFormed makes a name a spec accepts out of one the rules left
// malformed: a later rule may cut "m_" off a name that began with a digit
// ("removes 0% of '000" named "000_reduction"), and a draft must decode.
func wellFormed(name string) string {
	if metricPattern.MatchString(name) {
		return name
	}
	if name = snake(name); metricPattern.MatchString(name) {
		return name
	}
	return "value"
}

// singular drops a plural "s" from the last word, for compound names:
// "inference costs" + saving -> inference_cost_saving.
func singular(ws []string) []string {
	if len(ws) == 0 {
		return ws
	}
	out := append([]string(nil), ws...)
	w := out[len(out)-1]
	switch {
	case processorPlural.MatchString(w):
		out[len(out)-1] = w[:len(w)-1] // gpus -> gpu, not a Latin "-us"
	case strings.HasSuffix(w, "flops") || w == "gops" || w == "tops" || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is") || len(w) <= 3 || keywordWithS[w]:
		// A measure whose name ends in "s" ("lpips", "crps") is no plural.
	case strings.HasSuffix(w, "ies"):
		out[len(out)-1] = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "tches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "sses"):
		out[len(out)-1] = w[:len(w)-2] // batches -> batch, boxes -> box
	case strings.HasSuffix(w, "s"):
		out[len(out)-1] = w[:len(w)-1]
	}
	return out
}

// dropOwners drops the owner of a measure and the words before it: "the
// original model's accuracy" names an accuracy; whose it is is the
// reference, not part of the name.
func dropOwners(ws []string) []string {
	for k := len(ws) - 2; k >= 0; k-- {
		if strings.HasSuffix(ws[k], "'s") || strings.HasSuffix(ws[k], "’s") {
			return ws[k+1:]
		}
	}
	return ws
}

// changeNounWord is a noun of change that ends a phrase.
var changeNounWord = regexp.MustCompile(`^(?:gains?|improvements?|increases?|reductions?|savings?|speedups?|speed-ups?)$`)

// keywordWithS are the names in metricKeywords that end in "s".
var keywordWithS = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range metricKeywords {
		if strings.HasSuffix(k.word, "s") {
			m[k.word] = true
		}
	}
	return m
}()

// processorPlural is the plural of a processor's acronym: GPUs, NPUs.
var processorPlural = regexp.MustCompile(`^[a-z]?[cgnt]pus$`)

func compound(ws []string, suffix string) string {
	ws = dropOwners(ws)
	if len(ws) == 0 || allSummary(ws) {
		return suffix // "an 18.3% relative improvement in mIoU": named later from what follows
	}
	// Keep the suffix: it says what kind of change the number is.
	head := snake(singular(ws)...)
	if limit := 47 - len(suffix); len(head) > limit && limit > 0 {
		head = head[:limit]
		if k := strings.LastIndexByte(head, '_'); k > 0 {
			head = head[:k]
		}
	}
	return snake(head, suffix)
}

var (
	postLess   = regexp.MustCompile(`^(lower|less|lesser|reduced|smaller|fewer|shorter|decreased|cheaper)\b\s*(.*)`)
	postFaster = regexp.MustCompile(`^(?:faster|quicker|speed-?ups?|speed ups?|accelerations?)\b`)
	postMore   = regexp.MustCompile(`^(?:more|higher|greater|larger|better|bigger|longer|increased)\s+(.*)`)
	// sizeComparative is a thing made larger or longer: "larger batch
	// sizes", "longer feasible context".
	sizeComparative = regexp.MustCompile(`^(larger|bigger|longer)\s+(.*)`)
	postSpeedup     = regexp.MustCompile(`^([a-z0-9 -]*?)\s*\b(?:speed\s?-?ups?|accelerations?)\b`)
	postRatio       = regexp.MustCompile(`^((?:[a-z0-9-]+\s+)*?)(?:ratios?|rates?|factors?)\b`)
	netChange       = regexp.MustCompile(`^(?:net|overall)\s+((?:reductions?|decreases?|drops?|improvements?|gains?|increases?)\s+(?:in|of)\s)`)
	changeInTotal   = regexp.MustCompile(`^((?:reductions?|decreases?|drops?|improvements?|gains?|increases?)\s+(?:in|of)\s+)(?:the\s+)?total\s+`)
	postReduct      = regexp.MustCompile(`^([a-z0-9@^ -]*?)\s*\b(reductions?|savings?|decreases?|cuts?)\b`)
	postLoss        = regexp.MustCompile(`^([a-z0-9@^ -]*?)\s*\b(?:loss|losses|drops?|degradation|declines?)\b`)
	postDropIn      = regexp.MustCompile(`^(?:reductions?|decreases?|drops?|declines?|degradation)\s+(?:in\s+terms\s+of|in|of)\s+(.*)`)
	postGainIn      = regexp.MustCompile(`^(?:improvements?|gains?|increases?|boosts?)\s+(?:in\s+terms\s+of|in|of|on)\s+(.*)`)
	postGain        = regexp.MustCompile(`^([a-z0-9@^ -]*?)\s*\b(?:improvements?|gains?|boosts?|increases?|lifts?)\b`)
	postOf          = regexp.MustCompile(`^of\s+(.*)`)
	// withinBefore is "within" before a number, an "only", a "just", an
	// "about" or a LaTeX dollar between them: "within only 0.30", "within
	// ~0-3", "within $0.53\%$". The number is how far from another's figure.
	withinBefore = regexp.MustCompile(`\bwithin\s*(?:(?:only|just)\s*)?(?:(?:~|about|approximately|roughly)\s*)?\$?\s*$`)
	changeInOf   = regexp.MustCompile(`\b(reductions?|decreases?|drops?|loss|losses|degradation|improvements?|increases?|gains?|savings?)\s+(?:in|of)\s+([a-z0-9 -]{1,40}?)\s+(?:\([a-z0-9-]{1,10}\)\s+)?of$`)
	// passiveLevel is a measure said to be cut to a level: "the time cost
	// is reduced to".
	passiveLevel = regexp.MustCompile(`\b([a-z-]+(?:\s+[a-z-]+){0,2})\s+(?:is|are|was|were)\s+(?:further\s+)?(?:reduced|lowered|decreased|cut)\s+to$`)
	// listThenOriginal is the rest of a list of shares, then what they
	// are shares of: " and 99.5% of X's original performance".
	listThenOriginal = regexp.MustCompile(`^(?:(?:,\s*|\s*(?:,\s*)?(?:and|or)\s+)[0-9][0-9.]*\s*%)*\s*of\s+[^.;]{0,60}?\boriginal\s+([a-z]+)`)
	termsOfMeasure   = regexp.MustCompile(`^in\s+terms\s+of\s+(?:the\s+)?([a-z0-9-]+(?:\s+[a-z0-9-]+){0,5}?)\s*(?:$|[,;.(]|\b(?:over|than|compared|against|across|while|with|and|when|on|for|at|[a-z]+ing)\b)`)
	postIn           = regexp.MustCompile(`^(?:in|on)\s+(.*)`)
	preSpeedsUp      = regexp.MustCompile(`(?:speeds?|speeding|sped)\s+up\s+(.*?)\s+by$`)
	preSpeedsUpBare  = regexp.MustCompile(`(?:(?:speeds?|speeding|sped)\s+up|accelerat\w*)\s+((?:[a-z0-9-]+\s+){0,2}?[a-z0-9-]+)$`)
	compressedBare   = regexp.MustCompile(`\bcompress(?:es|ed|ing)?(?:\s+[a-z0-9-]+){0,3}$`)
	preAccel         = regexp.MustCompile(`\baccelerat(?:e|es|ed|ing)\s+(.*?)\s+by$`)
	preCompress      = regexp.MustCompile(`compress\w*\s+(.*?)\s+by$`)
	preReduce        = regexp.MustCompile(`(?:narrow\w*|clos(?:e|es|ed|ing)|reduc\w*|lower\w*|decreas\w*|cut\w*|shrink\w*|sav\w*|eliminat\w*|prun\w*|remov\w*|shorten\w*|trim\w*|minimi\w*|slash\w*)\s+(.*?)\s+by$`)
	preImprove       = regexp.MustCompile(`(?:improv\w*|increas\w*|boost\w*|enhanc\w*|rais\w*|lift\w*|outperform\w*|surpass\w*|beat\w*|exceed\w*)\s+(.*?)\s+by$`)
	preGenericBy     = regexp.MustCompile(`([a-z-]+)\s+(.*?)\s+by$`)
	preRatioOf       = regexp.MustCompile(`((?:[a-z0-9-]+\s+){0,3})(ratios?|rates?|factors?|gains?)\s+of$`)
	preLossOf        = regexp.MustCompile(`((?:[a-z0-9-]+\s+){1,3})(?:loss|losses|drops?|degradation)\s+of$`)
	trailingAcronym  = regexp.MustCompile(`\(([a-z][a-z0-9-]*)\)\s*$`)
	preVerbBy        = regexp.MustCompile(`(?:^|\s)(?:improv\w*|increas\w*|boost\w*|gain\w*|rises?|grows?)\s+by$`)
	preBeat          = regexp.MustCompile(`(?:outperform\w*|surpass\w*|beat\w*|exceed\w*)\s+(.*?)\s+by$`)
	postAbove        = regexp.MustCompile(`^(?:above|higher than|better than|ahead of)\b`)
	// "3.2% under 50% sparsity", "a final score of 1.8 under the target
	// mobile INT8 deployment setting": a condition, not a comparison.
	underSetting    = regexp.MustCompile(`^under\s+(?:(?:a|an)\s+[0-9]|[0-9]|(?:the\s+|a\s+|an\s+)?(?:[a-z0-9-]+\s+){0,4}?(?:settings?|conditions?|constraints?|budgets?|scenarios?|regimes?|setups?|configurations?|defaults?|workloads?)\b)`)
	postBelow       = regexp.MustCompile(`^(?:below|lower than|under)\b`)
	removedAfter    = regexp.MustCompile(`\b(?:pruned|removed|dropped|discarded|eliminated|skipped|merged|evicted)\b`)
	preSave         = regexp.MustCompile(`(?:saving|saves|save|saved)$`)
	saveList        = regexp.MustCompile(`(?:saving|saves|save|saved)\s+(?:[0-9][0-9.]*\s*(?:x|×|%)?\s*,\s*(?:and\s*)?|[0-9][0-9.]*\s*(?:x|×|%)?\s+and\s*)+$`)
	numberListAfter = regexp.MustCompile(`^(?:\s*,?\s*(?:and\s+)?[0-9][0-9.]*\s*(?:x|×|%))+\s*`)
	withinEnd       = regexp.MustCompile(`\bwithin\s*$`)
	originalOf      = regexp.MustCompile(`^of\s+(?:the\s+|its\s+)?(?:original|baseline|full|dense|uncompressed|unpruned|full-precision)\b`)
	preRecover      = regexp.MustCompile(`(?:regain\w*|recover\w*|restor\w*)\s*$`)
	gerundEnd       = regexp.MustCompile(`(?:^|\s)((?:prun|remov|compress|quantiz|skipp|evict|merg|sav|reduc|elimina?t)\w*ing)$`)
	preRetain       = regexp.MustCompile(`(?:regain\w*|retain\w*|recover\w*|preserv\w*|maintain\w*|keep\w*|match\w*|achiev\w*|reach\w*)\s*$`)
	preRemove       = regexp.MustCompile(`(?:^|\s)(?:eliminat\w*|remov\w*|prun\w*|drop\w*|discard\w*|reduc\w*|cut\w*|sav\w*|skip\w*|compress\w*|merg\w*)\s*$`)
	preUse          = regexp.MustCompile(`(?:us\w*|utiliz\w*|activat\w*|requir\w*|need\w*|consum\w*|process\w*|attend\w*|only|just)\s*$`)
	boundWords      = regexp.MustCompile(`(?:\s|^)(?:up\s*-?\s*to|upto|as much as|as high as|as many as|as low as|as little as|as few as|down to|a maximum of|at least|at most|over|beyond|more than|greater than|above|exceeding|in excess of|no less than|upwards of|less than|fewer than|lower than|under|below|no more than|within|nearly|almost|about|approximately|approx\.?|around|roughly|close to|only|just|an impressive|impressive|a minimal|minimal|a|an|the|geq|leq|>=|<=|>|<|~|\(?e\.g\.,?)\s*$`)
	parenOpen       = regexp.MustCompile(`\(\s*(?:up\s+to|over|about|nearly|approximately|around|roughly|at\s+least|at\s+most|under|below|less\s+than|within|only|just|~|>|<|>=|<=)?\s*$`)
	subjectOf       = regexp.MustCompile(`((?:[a-z0-9@-]+\s+){1,3})of\s+(?:[a-z0-9@-]+\s+){1,4}?(?:is\s+|are\s+)?(?:drop\w*|fall\w*|fell|declin\w*|decreas\w*|reduc\w*|improv\w*|increas\w*|ris\w*|rose|grow\w*)\s+by\s+(?:up\s+to\s+|over\s+|about\s+|nearly\s+|approximately\s+|roughly\s+|only\s+)?$`)
	dropVerb        = regexp.MustCompile(`^(?:drop\w*|fall\w*|fell|declin\w*)$`)
	preToLevel      = regexp.MustCompile(`\b(reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|decreas(?:e|es|ed|ing)|cut(?:s|ting)?|shrink(?:s|ing)?|shrunk|compress(?:es|ed|ing)?|narrow(?:s|ed|ing)?|improv(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|boost(?:s|ed|ing)?|limit(?:s|ed|ing)?|keep(?:s|ing)?|kept)\s+(.*?)\s+to(?:\s+(?:just|only|merely|under|below|within|less\s+than))?$`)
	preChangeBy     = regexp.MustCompile(`(.*?)\s*\b(?:changes?|changed|changing|varies|varied|shifts?|shifted|differs?)\s+by$`)
	postInOf        = regexp.MustCompile(`^(?:in|of)\s+(.*)`)
	// preposition ends the words a name could be made of.
	preposition = map[string]bool{"with": true, "of": true, "for": true, "in": true, "on": true, "at": true, "by": true, "to": true, "from": true, "over": true}
	// degreeWord says how large a change is, never what changes: "a
	// substantial energy reduction".
	degreeWord       = map[string]bool{"substantial": true, "significant": true, "remarkable": true, "notable": true, "considerable": true, "dramatic": true, "marked": true, "massive": true, "huge": true, "impressive": true, "modest": true, "slight": true, "minor": true, "marginal": true, "large": true, "small": true}
	measureChangeIs  = regexp.MustCompile(`\b([a-z0-9@-]+(?:\s+[a-z0-9@-]+){0,2})\s+(reductions?|savings?|decreases?|drops?|improvements?|gains?|increases?)\s+(?:was|is|were|are|reached|amounted\s+to|amounts\s+to)$`)
	preChangeOf      = regexp.MustCompile(`(loss|losses|drops?|decreases?|declines?|degradation|increases?|gains?|improvements?|changes?|reductions?|savings?|speed-?ups?|accelerations?)\s+of$`)
	rangeOpener      = regexp.MustCompile(`\s*\b` + rangingWords + `?\s*(?:from|between)\s*$`)
	parenComparative = regexp.MustCompile(`\b(higher|lower|more|less|fewer|greater|better|larger|smaller|shorter|faster|reduced|improved|increased)\s+([a-z0-9@ -]+?)(?:\s+(?:across|on|in|for|over|than|of|with|at|under)\b[^()]*)?\s*$`)
	losingBefore     = regexp.MustCompile(`(?:^|\s)(?:los(?:e|es|ing|t)|sacrific\w*|dropp?(?:ing|s)?|giv(?:e|es|ing)\s+up)\s*$`)
	lossOn           = regexp.MustCompile(`^(?:[a-z0-9@^ -]*?)\b(?:loss|losses|drops?|degradation|declines?)\s+(?:on|in)\s+(.*)`)
	trailingChange   = regexp.MustCompile(`((?:[a-z0-9@-]+\s+){1,3})(improvements?|gains?|benefits?|increases?|boosts?|reductions?|savings?|decreases?|speed-?ups?|accelerations?|drops?|losses|loss|degradation)$`)
	scoreRightAfter  = regexp.MustCompile(`^(?:[a-z0-9-]+\s+)?(ppl|perplexity|accuracy|bleu|rouge(?:-[l12])?|psnr|ssim|fid|f1|em|map|miou|wer|cer)\b`)
	ratioHead        = regexp.MustCompile(`^\s+(?:ratios?|rates?|factors?)\b`)
	rSquared         = regexp.MustCompile(`(?:(?:^|[^a-z0-9])r(?:\^\{?2\}?|2|²|[- ]squared)|coefficient\s+of\s+determination)\s*(?:=|of|:|is|≈|~)?$`)
	realTimeFactor   = regexp.MustCompile(`\breal[- ]?time\s+factors?\s*(?:\(rtf\)\s*)?(?:of|is|was|:|=)?$`)
	factorOf         = regexp.MustCompile(`(?:\s|^)(?:by\s+)?(?:a\s+)?factor(?:\s+of)?\s*$`)
)

var (
	// The first object may be followed by others, each with its own "by
	// N": "reducing latency by 5.2x, TTFT by 3.62x, and TBT by".
	sharedVerbBy = regexp.MustCompile(`\b(reduc\w*|cut\w*|lower\w*|decreas\w*|shrink\w*|improv\w*|increas\w*|boost\w*)\s+(?:[a-z0-9@-]+\s+){1,6}?by\s+` + byAmount + pairedAmount + comparedTail + `(?:\s*,\s*(?:[a-z0-9@-]+\s+){1,3}?by\s+` + byAmount + `)*\s*,?\s+(?:and\s+)?((?:[a-z0-9@-]+\s+){1,3}?)by$`)
	ownVerb      = regexp.MustCompile(`\b(?:reduc|cut|lower|decreas|shrink|improv|increas|boost|achiev|speed|accelerat|deliver|yield|rais|enhanc)\w*`)
	// trailingQualifier is a bound word between "by" and the number.
	trailingQualifier = regexp.MustCompile(`\s+(?:up\s+to|about|nearly|over|approximately|roughly|around|almost)\s*$`)
	changeDown        = regexp.MustCompile(`^(?:reduc|cut|lower|decreas|shrink)`)
	marginVerb        = regexp.MustCompile(`\b(?:outperform\w*|surpass\w*|beat\w*|exceed\w*|improv\w*)\s+(?:[a-z0-9@-]+\s+){0,7}?by$`)
	marginScore       = regexp.MustCompile(`^(?:points?\s+)?(?:for|in|on)\s+(?:the\s+)?((?:[a-z0-9-]+\s+){0,3}?(?:accuracy|score|f1|bleu|rouge|em|performance|quality))\b`)
	budgetCount       = regexp.MustCompile(`^(epochs?|training\s+steps?|steps?|iterations?|gpu\s+hours?)\b`)
	countBy           = regexp.MustCompile(`\s+by(?:\s+an?\s+average\s+of)?$`)
)

// byAmount is the amount after "by": a number or a range, with its unit.
// pairedAmount is the second of a pair an amount may come in: "reduces
// TTFT by 92% and 52%, and TPOT by ...", one per baseline.
const pairedAmount = `(?:\s+and\s+[0-9][0-9.,]*\s*(?:%|x|×|pp)?)?`

// comparedTail is what an amount is compared with, before the next
// member of a list: "reduces latency by up to 45% compared to edge
// execution, and energy consumption by ...".
const comparedTail = `(?:\s+(?:compared\s+(?:to|with)|relative\s+to|over|against|versus|vs\.?)\s+[^,;.()]{1,60}?)?`

const byAmount = `(?:up\s+to\s+|about\s+|nearly\s+|over\s+)?[0-9][0-9.,]*\s*(?:%|x|×|pp)?(?:\s*(?:-|–|to)\s*[0-9][0-9.,]*\s*(?:%|x|×|pp)?)?`

// metricKeywords name what a phrase measures, with the better direction.
var metricKeywords = []struct {
	word, better string
}{
	{"collision", "lower"}, {"minade", "lower"}, {"minfde", "lower"}, // before "rate": a collision rate is better small
	{"watch", "higher"}, {"interaction", "higher"}, // before "time" and "rate": engagement is better large
	{"hallucination", "lower"}, {"false_negative", "lower"}, {"false_positive", "lower"}, {"degeneration", "lower"}, {"miss_rate", "lower"}, // rates of failures
	{"teds", "higher"}, {"jaccard", "higher"}, {"mrr", "higher"}, {"hit_at", "higher"}, {"pass_at", "higher"}, {"apbox", "higher"}, {"apmask", "higher"}, {"fvd", "lower"}, {"rfvd", "lower"}, {"crps", "lower"}, {"f_measure", "higher"}, {"nmse", "lower"}, {"evm", "lower"}, {"acpr", "lower"}, {"aclr", "lower"}, {"epe", "lower"}, // a power amplifier's distortion, in dB below the signal
	{"hter", "lower"}, {"acer", "lower"}, {"apcer", "lower"}, {"bpcer", "lower"}, {"ece", "lower"}, // spoofing error rates; expected calibration error
	{"c_index", "higher"}, {"coefficient_of_determination", "higher"}, // a survival model's concordance; R^2 written out
	{"exploitability", "lower"}, {"spectral_angle", "lower"}, {"rrmse", "lower"}, // a strategy's loss to a best response; the angle between two spectra; a relative RMSE
	{"musiq", "higher"}, {"clipiqa", "higher"}, {"maniqa", "higher"}, {"niqe", "lower"}, {"brisque", "lower"}, // no-reference image quality
	{"accuracy", "higher"}, {"precision", "higher"}, {"recall", "higher"}, {"psnr", "higher"},
	{"ssim", "higher"}, {"auc", "higher"}, {"bleu", "higher"}, {"rouge", "higher"}, {"f1", "higher"},
	{"miou", "higher"}, {"map", "higher"}, {"ndcg", "higher"}, {"throughput", "higher"}, {"speedup", "higher"},
	{"speed", "higher"}, {"sparsity", "higher"}, {"compression", "higher"}, {"score", "higher"},
	{"quality", "higher"}, {"fps", "higher"}, {"efficiency", "higher"}, {"performance", "higher"},
	{"ratio", "higher"}, {"latency", "lower"}, {"memory", "lower"}, {"error", "lower"}, {"failure", "lower"}, {"exceedance", "lower"}, {"nme", "lower"}, {"false_alarm", "lower"}, {"fpr", "lower"}, {"size", "lower"},
	{"bitrate", "lower"}, {"bit_rate", "lower"}, {"perplexity", "lower"}, {"ppl", "lower"}, {"time", "lower"},
	{"cost", "lower"}, {"fid", "lower"}, {"lpips", "lower"}, {"wer", "lower"}, {"cer", "lower"},
	{"parameter", "lower"}, {"params", "lower"}, {"flops", "lower"}, {"storage", "lower"}, {"bpp", "lower"},
	{"rank", "lower"}, {"macs", "lower"}, {"ttft", "lower"}, {"tpot", "lower"}, {"tbt", "lower"},
	{"ap", "higher"}, {"dice", "higher"}, {"mdice", "higher"}, {"dsc", "higher"}, {"iou", "higher"}, {"sensitivity", "higher"}, {"specificity", "higher"}, {"cider", "higher"}, {"meteor", "higher"}, {"spice", "higher"}, {"chrf", "higher"}, {"sndr", "higher"}, {"snr", "higher"}, {"sdr", "higher"}, {"sdri", "higher"}, {"mos", "higher"}, {"dnsmos", "higher"}, {"vmaf", "higher"}, {"auroc", "higher"}, {"auprc", "higher"}, {"aupr", "higher"}, {"satisfaction", "higher"}, {"attainment", "higher"}, {"utilization", "higher"}, {"utilisation", "higher"}, {"mape", "lower"}, {"hd95", "lower"}, {"eer", "lower"}, {"acceptance", "higher"}, {"mae", "lower"}, {"mse", "lower"}, {"rmse", "lower"}, {"assd", "lower"}, {"medae", "lower"}, {"der", "lower"}, {"kappa", "higher"}, {"qwk", "higher"}, {"icc", "higher"}, {"slowdown", "lower"}, {"ncc", "higher"}, {"rvd", "lower"}, {"r2", "higher"}, {"rtf", "lower"}, {"real_time_factor", "lower"}, {"bd_rate", "lower"}, {"per_second", "higher"}, {"epoch", "lower"}, {"energy", "lower"}, {"gap", "lower"}, {"power", "lower"}, {"overhead", "lower"}, {"footprint", "lower"}, {"runtime", "lower"}, {"inception_score", "higher"}, {"rfid", "lower"}, {"gfid", "lower"}, {"training_tokens", "lower"}, {"retraining_tokens", "lower"}, {"pretraining_tokens", "lower"}, {"distillation_tokens", "lower"},
}

// betterOf guesses the better direction from a metric name, or "".
func betterOf(metric string) string {
	if base, ok := strings.CutSuffix(metric, "_increase"); ok && base != "" {
		// "a 0.3% increase in validation loss": an increase is as good as
		// what increases.
		if b := betterOf(base); b != "" {
			return b
		}
		if strings.HasSuffix(base, "complexity") {
			return "lower" // "a 7% encoder complexity increase": a cost
		}
	}
	// A share removed or won back is better large: "parameter_pruning",
	// "performance_recovery".
	for _, suf := range []string{"_reduction", "_saving", "_speedup", "_acceleration", "_gain", "_benefit", "_improvement", "_retained", "_retention", "_ratio", "_pruning", "_removal", "_eviction", "_recovery"} {
		if strings.HasSuffix(metric, suf) || metric == strings.TrimPrefix(suf, "_") {
			return "higher"
		}
	}
	if metric == "batch_size" || strings.HasSuffix(metric, "_batch_size") {
		return "higher" // the requests served at once: a capacity, not a size to shrink
	}
	for _, suf := range []string{"_drop", "_loss", "_fraction", "_share", "_size", "_gap", "_difference", "_change", "_degradation", "_decline", "_deficit", "_deviation", "_distance"} {
		if strings.HasSuffix(metric, suf) || metric == suf[1:] {
			return "lower"
		}
	}
	if hasKeyword(metric, "utilization") || hasKeyword(metric, "utilisation") || hasKeyword(metric, "reuse") {
		return "higher" // "memory utilization", "memory reuse rate": the share of a resource put to use
	}
	for _, k := range metricKeywords {
		if hasKeyword(metric, k.word) {
			return k.better
		}
	}
	return ""
}

// hasKeyword reports whether a snake_case name contains the keyword as one
// of its parts (plural allowed), or as the start of a part for keywords of
// five letters or more: "top_1_accuracy" has accuracy, "answers" has no wer.
func hasKeyword(name, word string) bool {
	for _, part := range strings.Split(name, "_") {
		if part == word || part == word+"s" || len(word) >= 5 && strings.HasPrefix(part, word) {
			return true
		}
		if strings.HasSuffix(part, "ies") && singular([]string{part})[0] == word {
			return true // "accuracies", "latencies": a plural in -ies
		}
		if rest, ok := strings.CutPrefix(part, word); ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
			return true // "map50", "ap75": a score at a threshold
		}
		if strings.Contains(word, "_") && strings.Contains(name, word) {
			return true
		}
	}
	return false
}

// pronounBy is a verb whose object is a pronoun: "we can reduce it by".
var pronounBy = regexp.MustCompile(`\b(it|this|them|these|those|that)\s+by\s+(?:up\s+to\s+|over\s+|about\s+|nearly\s+|approximately\s+)?$`)

// antecedent is the last measured word of pre, which a pronoun after it
// stands for ("increase latency by 18%, while we can reduce it by"), or nil.
func antecedent(pre string) []string {
	ws := strings.FieldsFunc(pre, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') })
	for i := len(ws) - 1; i >= 0; i-- {
		if !npStop[ws[i]] && !determiners[ws[i]] && !pronouns[ws[i]] && isMetricPhrase(ws[i:i+1]) {
			return ws[i : i+1]
		}
	}
	return nil
}

// isMetricPhrase reports whether words name something measured.
func isMetricPhrase(ws []string) bool {
	m := snake(ws...)
	for _, k := range metricKeywords {
		if hasKeyword(m, k.word) {
			return true
		}
	}
	return false
}

// guessMetric names what the number measures from the words of its clause
// before (pre) and after (post) it, both lower case. It returns "" when it
// cannot tell.
func guessMetric(self, pre, post, unit string) (metric string, sure bool) {
	metric, sure = guessMetricWords(self, pre, post, unit)
	if g := gapOfMeasure.FindStringSubmatch(pre); g != nil && metric != "" && snake(g[1]) == metric {
		// "LPIPS difference < 1%": the gap in the measure, not its level.
		metric += "_" + g[2]
	} else if g != nil && g[1] == "score" && strings.HasSuffix(metric, "_score") {
		// "weighted-F1 score difference of 1-2.5 points": the gap in
		// the score the words before "score" name.
		metric = strings.TrimSuffix(metric, "_score") + "_" + g[2]
	}
	if unit == "points" && strings.HasSuffix(metric, "_points") {
		// "+3.7 accuracy points": points of a score are a margin in it.
		metric = strings.TrimSuffix(metric, "_points") + "_gain"
	}
	return metric, sure
}

// gapOfMeasure is a measure followed by a word for the gap between two of
// its values, right before the number: "LPIPS difference < 1%", "accuracy
// gap of 0.3%".
var gapOfMeasure = regexp.MustCompile(`(?:^|[\s(])([a-z0-9-]+)\s+(difference|gap|deviation)s?\s*(?:of\s+)?(?:<|¡|≤|<=|less\s+than|below|under|within|at\s+most|only|just|about)?\s*$`)

// guessMetricWords is guessMetric before the gap qualifier.
func guessMetricWords(self, pre, post, unit string) (metric string, sure bool) {
	if m := metricRules(self, pre, post, unit); m != "" {
		if unit == "x" && m == "compression" {
			m = "compression_ratio"
		}
		return m, true
	}
	if m := measuredWordBefore(pre); m != "" && measureFitsUnit(strings.Split(m, "_"), unit) {
		return m, false
	}
	return unitMetric(pre, post, unit), false
}

// metricRules names the metric from the words around the number, or "".
func metricRules(self, pre, post, unit string) string {
	p := strings.TrimLeft(post, " ")
	if nc := netChange.FindStringSubmatch(p); nc != nil {
		p = p[len(nc[0])-len(nc[1]):] // "a 24-28% net reduction in total power consumption": a reduction in it
	}
	p = changeInTotal.ReplaceAllString(p, "$1") // "a 79% reduction in total memory footprint": in the footprint
	pt := strings.TrimRight(pre, " ")
	if strings.HasSuffix(pt, " -") || strings.HasSuffix(pt, " +") {
		pt = strings.TrimRight(pt[:len(pt)-1], " ") // "by -38%": a sign the verb already gives
	}
	for {
		loc := boundWords.FindStringIndex(pt)
		if loc == nil || loc[0] == loc[1] {
			break
		}
		pt = strings.TrimRight(pt[:loc[0]], " ")
	}
	if strings.Contains(pt, "r") && rSquared.MatchString(pt) {
		return "r2" // "R^2=0.73", "an R2 of 0.91": the coefficient of determination
	}
	if strings.Contains(pt, "factor") && realTimeFactor.MatchString(pt) {
		return "real_time_factor" // "a real-time factor of 0.014": a measure, not "by a factor"
	}
	pt = strings.TrimRight(factorOf.ReplaceAllString(pt, " by"), " ")
	if mc := measureChangeIs.FindStringSubmatch(pt); mc != nil {
		// "the average absolute AUC increase was 2.00%", "the latency
		// reduction is 30%": the change of the measure named before it.
		if ws := withoutAveraging(strings.Fields(mc[1])); len(ws) > 0 && isMetricPhrase(ws) {
			return compound(ws, changeSuffix(mc[2]))
		}
	}
	if unit == "" && boundedLevelAt(pre) {
		return namedBefore(boundedLevel, pre) // "exact match rates exceeding 0.99"
	}
	if rangingOf := strings.TrimRight(rangingOpener.ReplaceAllString(pt, ""), " "); rangingOf != pt {
		if name := namedBefore(rangedMeasure, rangingOf); name != "" {
			return name // "an input reduction ranging from 13.9% ... to over 71%"
		}
	}
	pt = strings.TrimRight(rangeOpener.ReplaceAllString(pt, ""), " ")
	np := func(s string) []string { ws, _ := nounPhrase(s, 4); return ws }
	// "remains within 0.30 points of FP16": points are a gap to the
	// reference, in the score the sentence names, or accuracy.
	if (unit == "points" || unit == "pp") && strings.HasPrefix(p, "of ") && withinBefore.MatchString(pre) {
		if w := measuredWordBefore(pre); w != "" && isScore(strings.Split(w, "_")) {
			return w + "_gap"
		}
		return "accuracy_gap"
	}
	if unit == "%" {
		// "a reduction of 35.2% FLOPs": the measure right after the
		// number is what changes.
		if rc := endingMatch(preChangeOf, pt, "of"); rc != nil && !strings.HasPrefix(rc[1], "speed") && !strings.HasPrefix(rc[1], "accel") {
			if ws := np(p); len(ws) > 0 && len(ws) <= 2 && isMetricPhrase(ws) && !strings.HasPrefix(p, "of ") && !strings.HasPrefix(p, "in ") {
				return compound(ws, changeSuffix(rc[1]))
			}
		}
		// "maintains 98.0% and 99.5% of X's original performance": shares
		// of a score kept, the score named after the list.
		if strings.Contains(p, "original") {
			if lo := listThenOriginal.FindStringSubmatch(p); lo != nil && isScore(lo[1:2]) {
				return compound(lo[1:2], "retained")
			}
		}
	}
	// "the time cost is reduced to just 15%": the measure's new level.
	if pl := endingMatch(passiveLevel, pt, "to"); pl != nil {
		if ws := np(pl[1]); len(ws) > 0 && isMetricPhrase(ws) {
			return snake(ws...)
		}
	}
	// "a 12% reduction in trainable parameters of up to 74.91%" is
	// written "a reduction in X of N": the change of X.
	if rc := endingMatch(changeInOf, pt, "of"); rc != nil {
		if ws := np(rc[2]); len(ws) > 0 {
			return compound(ws, changeSuffix(rc[1]))
		}
	}
	// "by 3.4x in terms of operations per memory access": the phrase after
	// "in terms of" is the measure, whatever the verb's object was.
	if tm := termsOfMeasure.FindStringSubmatch(p); tm != nil {
		if ws := strings.Fields(tm[1]); len(ws) > 0 && len(ws) <= 5 && !determiners[ws[0]] {
			switch {
			case preReduce.MatchString(pt) || preCompress.MatchString(pt):
				return compound(ws, "reduction")
			case preSpeedsUp.MatchString(pt) || preAccel.MatchString(pt):
				return compound(ws, "speedup")
			case strings.HasSuffix(pt, " by") || preBeat.MatchString(pt) || preImprove.MatchString(pt):
				return compound(ws, "improvement")
			}
		}
	}
	// "outperforming the baseline by 4.01%.": a margin over the baselines
	// that names no measure is one in overall performance.
	if beatBaselines.MatchString(pt) && !measureAfter.MatchString(p) {
		return "performance_improvement"
	}
	// "an average performance retention of 95.34%": the share of a measure
	// kept, named by the measure and the kind of share.
	if rt := retentionOf.FindStringSubmatch(pt); rt != nil {
		var named []string
		for _, w := range strings.Fields(rt[1]) {
			if ownVerb.MatchString(w) || npStop[w] || determiners[w] || w == "average" || w == "overall" || w == "mean" {
				named = named[:0]
				continue
			}
			named = append(named, w)
		}
		if len(named) > 0 && isMetricPhrase(named) {
			return compound(named, "retention")
		}
	}
	// "the perplexity on WikiText is reduced to 8.43": the score's new
	// level.
	if ps := passiveScoreTo.FindStringSubmatch(pt + " "); ps != nil {
		return snake(ps[1])
	}
	// "reduces the KV cache to 12 GB": the number is the new level.
	if m := preToLevel.FindStringSubmatch(pt); m != nil {
		if ws := np(m[2]); len(ws) > 0 {
			if unit == "%" && strings.HasPrefix(p, "of ") && changeDown.MatchString(m[1]) {
				// "decreases the token count to 23% of that required
				// by": the share of the reference's that is left.
				return compound(ws, "share")
			}
			return snake(ws...)
		}
	}
	// "a slight decrease of 0.22 in BLEU score".
	if m := preChangeOf.FindStringSubmatch(pt); m != nil && !strings.HasPrefix(m[1], "speed") && !strings.HasPrefix(m[1], "accel") {
		if in := postIn.FindStringSubmatch(p); in != nil && !dataSetIn(in[1]) {
			if ws := np(in[1]); len(ws) > 0 && isMetricPhrase(ws) {
				up := strings.HasPrefix(m[1], "increase") || strings.HasPrefix(m[1], "gain") || strings.HasPrefix(m[1], "improve")
				if !up && betterOf(snake(ws...)) == "lower" {
					// "a reduction of 44.18% in RMSE": less of what is
					// better small is a gain.
					return snake(ws...) + "_reduction"
				}
				if up {
					return scoreName(ws) + "_improvement"
				}
				return scoreName(ws) + "_drop"
			}
		}
	}
	// "an average accuracy improvement of 5.6 over the baselines": the
	// score names the change.
	// A speed-up is never "in" a score: "on one GPU" after it is its setting.
	if m := preChangeOf.FindStringSubmatch(pt); m != nil && (postIn.FindStringSubmatch(p) == nil || dataSetIn(postIn.FindStringSubmatch(p)[1]) || !isMetricPhrase(np(postIn.FindStringSubmatch(p)[1])) || strings.HasPrefix(m[1], "speed") || strings.HasPrefix(m[1], "accel")) {
		if tc := trailingChange.FindStringSubmatch(strings.TrimSuffix(pt, " of")); tc != nil {
			var ws []string
			for _, w := range strings.Fields(tc[1]) {
				if !parenFiller[w] && !degreeWord[w] && w != "average" && w != "overall" && w != "mean" {
					ws = append(ws, w)
				}
			}
			if isScore(ws) {
				if strings.HasPrefix(m[1], "increase") || strings.HasPrefix(m[1], "gain") || strings.HasPrefix(m[1], "improve") {
					return scoreName(ws) + "_improvement"
				}
				return scoreName(ws) + "_drop"
			}
			// "perplexity increases of no more than 0.05": a rise in a
			// measure that should be low is a cost.
			if len(ws) > 0 && strings.HasPrefix(m[1], "increase") && betterOf(snake(ws...)) == "lower" {
				return compound(ws, "increase")
			}
			// "an end-to-end latency reduction of 37%": the change of what
			// is named before it.
			var named []string // the words after any verb: "achieves memory" is memory
			for _, w := range ws {
				if ownVerb.MatchString(w) || npStop[w] || determiners[w] {
					named = named[:0]
					continue
				}
				named = append(named, w)
			}
			if len(named) > 0 && !strings.HasPrefix(m[1], "loss") && !strings.HasPrefix(m[1], "drop") && !strings.HasPrefix(m[1], "change") {
				return compound(named, changeSuffix(m[1]))
			}
			if len(named) == 0 && unit != "dB" && (strings.HasPrefix(m[1], "improve") || strings.HasPrefix(m[1], "gain")) {
				return "improvement" // "yields improvements of up to 5.3%": a gain, in what is still to be named
			}
		}
	}
	// "outperforms the baselines by up to 2.72 for the average zero-shot
	// accuracy": a margin on the score after "for", "in" or "on".
	if strings.HasSuffix(pt, " by") && marginVerb.MatchString(pt) {
		if mm := marginScore.FindStringSubmatch(p); mm != nil {
			if ws := lastWords(mm[1], 1); isScore(ws) {
				return scoreName(ws) + "_improvement"
			}
		}
	}
	// "losing less than 1.5% EM", "sacrificing only 0.3% accuracy".
	if losingBefore.MatchString(pt) {
		if m := postInOf.FindStringSubmatch(p); m != nil {
			p = m[1] // "loses only 0.3 points of accuracy"
		}
		if ws := np(p); len(ws) > 0 {
			return compound(ws, "loss")
		}
		return "loss"
	}
	// npBy reads the object of a verb before "by": "speeds up Time To First
	// Token (TTFT) by" is about TTFT.
	npBy := func(s string) []string {
		if m := trailingAcronym.FindStringSubmatch(s); m != nil {
			return []string{m[1]}
		}
		return np(s)
	}

	switch {
	case strings.HasPrefix(self, "halv"):
		return compound(np(p), "reduction")
	case strings.HasPrefix(self, "doubl") || strings.HasPrefix(self, "tripl") || strings.HasPrefix(self, "quadrupl"):
		ws := np(p)
		if n := len(ws); n > 1 && changeNounWord.MatchString(ws[n-1]) {
			// "triple throughput gains": the change is already named.
			return compound(ws[:n-1], singular(ws[n-1:])[0])
		}
		return compound(ws, "gain")
	}
	if unit == "rank" {
		return "rank"
	}
	if unit == "count" {
		if strings.Contains(lastWordsText(pt, 6), "macs") {
			return "macs" // "MACs from 101G to 34.5G"
		}
		if bn := budgetCount.FindStringSubmatch(p); bn != nil {
			return snake(strings.Fields(bn[1])...) // "only 3 epochs of training"
		}
		if !countBy.MatchString(pt) {
			return compound(np(p), "count")
		}
		// "shortens answers by an average of 85 tokens": the verb names it.
		pt = strings.TrimRight(countBy.ReplaceAllString(pt, " by"), " ")
	}
	if m := postLess.FindStringSubmatch(p); m != nil {
		if ws := np(m[2]); len(ws) > 0 {
			return compound(ws, "reduction")
		}
		switch m[1] {
		case "smaller":
			return "size_reduction"
		case "shorter":
			return "length_reduction"
		case "cheaper":
			return "cost_reduction"
		}
		return "reduction"
	}
	if loc := postFaster.FindStringIndex(p); loc != nil {
		// "2.2x faster time-to-first-token (TTFT)": the speed-up of the
		// measure named right after it.
		if strings.HasPrefix(p, "faster") {
			if ws := np(strings.TrimLeft(p[loc[1]:], " ")); len(ws) > 0 && (isMetricPhrase(ws) || serviceMetric[ws[len(ws)-1]] || processStage[ws[len(ws)-1]]) {
				if len(ws) > 1 && (ws[len(ws)-1] == "speed" || ws[len(ws)-1] == "speeds") {
					ws = ws[:len(ws)-1] // "7.8x faster prefilling speed": a prefilling speed-up
				}
				return compound(ws, "speedup")
			}
		}
		return "speedup"
	}
	if m := postMore.FindStringSubmatch(p); m != nil {
		if g := gerundEnd.FindStringSubmatch(pt); g != nil && strings.HasPrefix(p, "more") {
			// "pruning 18.7% more parameters": more of the noun is
			// what the gerund does, a parameter pruning.
			if ws := np(m[1]); len(ws) > 0 {
				return compound(singular(ws[len(ws)-1:]), g[1])
			}
		}
		if sz := sizeComparative.FindStringSubmatch(p); sz != nil {
			// "8x larger batch sizes", "6x larger models", "16x longer
			// context": what grows is the size or length of the thing.
			if ws := np(sz[2]); len(ws) > 0 {
				ws = singular(ws)
				measure := "size"
				if sz[1] == "longer" {
					measure = "length"
				}
				if last := ws[len(ws)-1]; last == "size" || last == "length" {
					measure = ""
				}
				if measure != "" {
					ws = append(ws, measure)
				}
				return compound(ws, "increase")
			}
		}
		return compound(np(m[1]), "gain")
	}
	if postAbove.MatchString(p) {
		return "gain" // "2.1 points above the previous best"
	}
	if postBelow.MatchString(p) && !underSetting.MatchString(p) {
		return "reduction"
	}
	if m := postDropIn.FindStringSubmatch(p); m != nil {
		ws := np(m[1])
		if isScore(ws) {
			return scoreName(ws) + "_drop"
		}
		return compound(ws, "reduction")
	}
	if m := postGainIn.FindStringSubmatch(p); m != nil {
		ws := np(m[1])
		if strings.HasPrefix(p, "increase") && betterOf(snake(ws...)) == "lower" {
			// "a 0.4 increase in perplexity" is a cost, not an improvement.
			return compound(ws, "increase")
		}
		return compound(ws, "improvement")
	}
	if m := postReduct.FindStringSubmatch(p); m != nil && phraseOnly(m[1]) {
		suffix := "reduction"
		if strings.HasPrefix(m[2], "saving") {
			suffix = "saving"
		}
		if ratioHead.MatchString(p[len(m[0]):]) {
			suffix += "_ratio" // "a 2x token reduction ratio": the head is the ratio
		}
		return compound(strings.Fields(m[1]), suffix)
	}
	if m := postLoss.FindStringSubmatch(p); m != nil && phraseOnly(m[1]) {
		ws := strings.Fields(m[1])
		if len(ws) == 0 {
			// "0.72% drops on the VBench-2.0 benchmark"
			if o := lossOn.FindStringSubmatch(p); o != nil {
				if on := np(o[1]); len(on) > 0 {
					return compound(on, "drop")
				}
			}
		}
		if isScore(ws) && strings.Contains(snake(ws...), "accuracy") {
			return "accuracy_drop"
		}
		return compound(ws, "loss")
	}
	if m := postGain.FindStringSubmatch(p); m != nil && phraseOnly(m[1]) {
		if ws := strings.Fields(m[1]); len(ws) > 0 && strings.Contains(p[len(m[1]):len(m[0])], "increase") && (betterOf(snake(ws...)) == "lower" || ws[len(ws)-1] == "complexity") {
			return compound(ws, "increase") // "just a 7% encoder complexity increase": a cost
		}
		return compound(strings.Fields(m[1]), "improvement")
	}
	if m := postSpeedup.FindStringSubmatch(p); m != nil && phraseOnly(m[1]) {
		return compound(strings.Fields(m[1]), "speedup")
	}
	if m := postRatio.FindStringSubmatch(p); m != nil && phraseOnly(m[1]) {
		if strings.Contains(m[1], "compression") || strings.Contains(pt, "compress") {
			return "compression_ratio"
		}
		word := "ratio" // "expert cache hit rate" is a rate, "compression factor" a factor
		switch {
		case strings.HasPrefix(lastWords(m[0], 1)[0], "rate"):
			word = "rate"
		case strings.HasPrefix(lastWords(m[0], 1)[0], "factor"):
			word = "factor"
		}
		return compound(strings.Fields(m[1]), word)
	}
	if m := postOf.FindStringSubmatch(p); m != nil {
		ws := np(m[1])
		switch {
		case (unit == "h" || unit == "min" || unit == "s" || unit == "ms") && len(ws) > 0 && processStage[ws[len(ws)-1]]:
			return compound(ws, "time") // "just 17.5 hours of training": the time of the work
		case (unit == "MB" || unit == "GB" || unit == "KB" || unit == "TB" || unit == "B") && preSave.MatchString(pt):
			return compound(ws, "saving") // "saves 2.3 GB of memory"
		case unit == "MB" || unit == "GB" || unit == "KB" || unit == "TB" || unit == "B":
			return compound(ws, "size")
		case preRecover.MatchString(pt) && gapAt(ws) > 0:
			// "recovers 56-75% of the perplexity gap between W4 and FP16":
			// the share of the gap closed.
			return compound(ws[:gapAt(ws)+1], "recovery")
		case preRecover.MatchString(pt) && len(ws) > 0 && !isScore(ws) && isMetricPhrase(ws[len(ws)-1:]):
			// "recovers up to 90% of the full-vector rotation perplexity".
			return compound(ws[len(ws)-1:], "recovery")
		case preRecover.MatchString(pt) && isScore(ws):
			// "recovers up to 90% of baseline performance": what is won
			// back, not what is kept.
			return compound(ws[len(ws)-1:], "recovery")
		case (preRetain.MatchString(pt) || originalOf.MatchString(p) && !withinEnd.MatchString(pre)) && isScore(ws):
			return compound(ws, "retained")
		case measureOfOther.MatchString(m[1]) && isMetricPhrase(ws) && !preRemove.MatchString(pt) && !preUse.MatchString(pt):
			// "delivers 75% of the decoding speed of a fully cached
			// deployment": the share of another system's measure.
			return compound(ws, "retained")
		case preRemove.MatchString(pt) || removedAfter.MatchString(p):
			return compound(ws, removalSuffix(pt))
		case resourceKept(ws) && preRetain.MatchString(pt):
			// "can retain only 11.1% of the visual tokens": the share of a
			// resource kept, better small, unlike a score kept.
			return compound(append([]string{"retained"}, ws...), "share")
		case resourceKept(ws) && withShare.MatchString(pt):
			return compound(ws, "share") // "with less than 20% of the visual tokens"
		case preUse.MatchString(pt) || preUse.MatchString(pre):
			return compound(ws, "share") // "uses only 30% of the memory": the share used
		case unit == "%" && len(ws) > 0 && len(ws) <= 3 && isScore(ws[len(ws)-1:]) && betterOf(snake(ws...)) == "higher" &&
			!preBeat.MatchString(pt) && !preImprove.MatchString(pt) && !withinEnd.MatchString(pre) && !strings.HasSuffix(ws[0], "ing"):
			// ">99% of the single-task accuracy", "(96.5% of teacher
			// AUC)": a share of a score is the share of it kept.
			return compound(ws, "retained")
		}
	}
	// "inference speeds are observed to improve by": the subject changes;
	// so does it in "processing time was reduced 15-fold", a ratio the
	// passive verb takes without "by".
	sm := subjectVerbBy.FindStringSubmatch(pt + " ")
	if sm == nil && unit == "x" {
		sm = passiveTimes.FindStringSubmatch(pt + " ")
	}
	if sm != nil {
		if kept := subjectWords(sm[1]); len(kept) > 0 && isMetricPhrase(kept) {
			return compound(kept, subjectChange(kept, sm[2]))
		}
		if so := subjectOf.FindStringSubmatch(pt + " "); so != nil {
			// "the energy consumption of a single query drops by half":
			// what changes is named before "of".
			if head := subjectWords(so[1]); len(head) > 0 && isMetricPhrase(head) {
				return compound(head, subjectChange(head, sm[2]))
			}
		}
		if dropVerb.MatchString(sm[2]) {
			// "FocusUI-7B drops by only 3.2%": a model whose score falls;
			// the performance drops.
			return "performance_drop"
		}
	}
	// The verb before "by": "reduces the KV cache size by 50%".
	if m := preSpeedsUp.FindStringSubmatch(pt); m != nil {
		return compound(npBy(m[1]), "speedup")
	}
	if m := preAccel.FindStringSubmatch(pt); m != nil {
		return compound(npBy(m[1]), "speedup")
	}
	if m := preSpeedsUpBare.FindStringSubmatch(pt); m != nil && unit == "x" {
		// "speeds up decoding 2.9x": the verb's object, with no "by".
		if ws := np(m[1]); len(ws) > 0 {
			return compound(ws, "speedup")
		}
		return "speedup"
	}
	if unit == "x" && compressedBare.MatchString(pt) {
		return "compression_ratio" // "the model is compressed 8x"
	}
	if m := preCompress.FindStringSubmatch(pt); m != nil && !laterVerb(pt, preCompress, preReduce) {
		if unit == "x" {
			return "compression_ratio"
		}
		return compound(np(m[1]), "reduction")
	}
	if m := preReduce.FindStringSubmatch(pt); m != nil && !laterVerb(pt, preReduce, preImprove) {
		return compound(npBy(m[1]), "reduction")
	}
	if preBeat.MatchString(pt) {
		// "outperforms X by 1.5% in accuracy": X is the baseline, not the
		// metric; "by 3.4 points on NaturalQuestions" names a dataset.
		if m := postInOf.FindStringSubmatch(p); m != nil {
			return compound(np(m[1]), "improvement")
		}
		if ws := np(p); isScore(ws) {
			return compound(ws, "improvement") // "by at least 1.5% zero-shot accuracy"
		}
		return "improvement"
	}
	if m := preImprove.FindStringSubmatch(pt); m != nil {
		return compound(npBy(m[1]), "improvement")
	}
	if m := preRatioOf.FindStringSubmatch(pt); m != nil {
		ws := lastWords(m[1], 2)
		if kept, _ := nounPhrase(strings.Join(ws, " "), 2); len(kept) > 0 {
			ws = kept
		}
		if strings.HasPrefix(m[2], "gain") {
			return compound(ws, "gain")
		}
		if strings.Contains(m[1], "compression") || unit == "x" && strings.Contains(pt, "compress") {
			return "compression_ratio"
		}
		if strings.HasPrefix(m[2], "rate") {
			return compound(ws, "rate") // "an acceptance rate of 0.78"
		}
		return compound(ws, "ratio")
	}
	if m := preLossOf.FindStringSubmatch(pt); m != nil {
		if sa := scoreRightAfter.FindStringSubmatch(p); sa != nil && (m[1] == "" || !isMetricPhrase(strings.Fields(m[1]))) {
			// "a loss of only 2.25 WikiText2 PPL": the score after the
			// number is what is lost.
			return compound([]string{sa[1]}, "loss")
		}
		ws := lastWords(m[1], 2)
		if kept, _ := nounPhrase(strings.Join(ws, " "), 2); len(kept) > 0 {
			ws = kept
		}
		return compound(ws, "loss")
	}
	if preSave.MatchString(pt) {
		if m := postIn.FindStringSubmatch(p); m != nil {
			return compound(np(m[1]), "saving")
		}
		return compound(np(p), "saving")
	}
	if preRemove.MatchString(pt) {
		return compound(np(p), removalSuffix(pt))
	}
	if ws := np(p); len(ws) > 0 && isMetricPhrase(ws) {
		return snake(ws...)
	}
	if m := trailingChange.FindStringSubmatch(pt); m != nil {
		ws := lastWords(m[1], 3)
		kept := ws[:0:0]
		for _, w := range ws {
			if npStop[w] || determiners[w] {
				kept = kept[:0]
				continue
			}
			kept = append(kept, w)
		}
		suffix := "improvement"
		switch {
		case strings.HasPrefix(m[2], "speed") || strings.HasPrefix(m[2], "accel"):
			suffix = "speedup"
		case strings.HasPrefix(m[2], "reduc") || strings.HasPrefix(m[2], "saving") || strings.HasPrefix(m[2], "decrease"):
			suffix = "reduction"
		case strings.HasPrefix(m[2], "drop") || strings.HasPrefix(m[2], "loss") || strings.HasPrefix(m[2], "degrad"):
			suffix = "drop"
		}
		return compound(kept, suffix)
	}
	if m := preChangeBy.FindStringSubmatch(pt); m != nil {
		// "the FID changes by at most 1.88": a change, which should be small.
		if ws := np(strings.Join(lastWords(m[1], 3), " ")); len(ws) > 0 {
			return compound(ws, "change")
		}
		return "change"
	}
	if preVerbBy.MatchString(pt) {
		return "improvement" // "improves by 3% over the baseline"
	}
	if m := preGenericBy.FindStringSubmatch(pt); m != nil {
		return compound(npBy(m[2]), "improvement")
	}
	return ""
}

// averagingWord says how a change was averaged, not what changed.
var averagingWord = map[string]bool{"the": true, "average": true, "absolute": true, "relative": true, "mean": true, "overall": true, "total": true, "median": true}

// withoutAveraging drops the averaging words of ws: "the average absolute
// AUC" is the AUC.
func withoutAveraging(ws []string) []string {
	var out []string
	for _, w := range ws {
		if !averagingWord[w] {
			out = append(out, w)
		}
	}
	return out
}

// endingMatch runs re, whose matches all end with suffix, only on text
// that does end with it: the rules run for every number of an abstract.
func endingMatch(re *regexp.Regexp, text, suffix string) []string {
	if !strings.HasSuffix(text, suffix) {
		return nil
	}
	return re.FindStringSubmatch(text)
}

// savedListMeasure names a member of a list of numbers after a verb of
// saving by the measure after the list's last member: "saves 8.7x, 12.8x,
// and 23.0x power" saves power three times. sent is the sentence up to
// the number, post the rest of it; it returns "" for any other number.
func savedListMeasure(sent, post string) string {
	if !strings.Contains(sent, "sav") {
		return "" // both readings need a verb of saving
	}
	st := strings.TrimRight(sent, " ")
	if !saveList.MatchString(st) && !(preSave.MatchString(st) && numberListAfter.MatchString(post)) {
		return ""
	}
	ws, _ := nounPhrase(strings.TrimLeft(numberListAfter.ReplaceAllString(post, ""), " "), 4)
	if len(ws) == 0 || !isMetricPhrase(ws) {
		return ""
	}
	return compound(ws, "saving")
}

// measuredWordBefore is a weak guess: a measured word among the last few
// before the number, "at trivial sparsity ratios (e.g., 25-30%)".
func measuredWordBefore(pre string) string {
	pt := strings.TrimRight(pre, " ")
	if ws := lastWords(strings.NewReplacer("(", " ", ")", " ", ",", " ", "e.g.", " ", "i.e.", " ").Replace(pt), 4); len(ws) > 0 {
		for i := len(ws) - 1; i >= 0; i-- {
			if isMetricPhrase(ws[i:i+1]) && !containsAny(ws[i], "performance", "compression", "ratio") {
				if i > 0 && isMetricPhrase(ws[i-1:i]) {
					return snake(ws[i-1], singularMeasure(ws[i])) // "accuracy scores"
				}
				if i > 0 && averagedHow[ws[i-1]] {
					return snake(ws[i-1], singularMeasure(ws[i])) // "a macro F1 of": another score than the micro one
				}
				return singularMeasure(ws[i]) // "accuracies of 99%"
			}
		}
	}
	return ""
}

// gapAt is the index of "gap" in ws after a first word, or -1.
func gapAt(ws []string) int {
	for i, w := range ws {
		if i > 0 && (w == "gap" || w == "gaps") {
			return i
		}
	}
	return -1
}

// singularMeasure is a measured word in the singular, "accuracies" ->
// "accuracy", unless the word is a measure's name as it is ("lpips",
// "macs").
func singularMeasure(w string) string {
	for _, k := range metricKeywords {
		if w == k.word {
			return snake(w)
		}
	}
	return snake(singular([]string{w})...)
}

// parenMetric names a number that opens a parenthesis from the
// comparative before it: "higher acceptance rates across all tasks (up to
// 15%)" is an acceptance-rate improvement. pre is the sentence up to the
// number, lower case.
// parenFiller are the words before a change that do not name what changes.
// acronymAfter is a phrase followed by its acronym, which names it:
// "service level objectives (slos) attainment" is "slos attainment".
var acronymAfter = regexp.MustCompile(`(?:[a-z0-9-]+\s+){1,5}\(([a-z][a-z0-9-]*)\)\s*`)

var parenFiller = map[string]bool{"with": true, "a": true, "an": true, "the": true, "minimal": true, "negligible": true,
	"small": true, "slight": true, "marginal": true, "minor": true, "only": true, "little": true, "no": true, "and": true, "while": true}

// impactOn is an effect on a measure, before a parenthesis that sizes it.
var impactOn = regexp.MustCompile(`\b(?:impact|effect|influence|degradation)\s+on\s+(?:[^()]*\([^()]*\)\s*,?\s*(?:and\s+)?on\s+)?(?:the\s+)?([a-z0-9@ -]+?)\s*$`)

func parenMetric(pre string) string {
	loc := parenOpen.FindStringIndex(pre)
	if loc == nil {
		return ""
	}
	if cp := changeParen.FindStringSubmatch(pre); cp != nil {
		// "reduces the latency of RT requests (up to 74.2%)": the verb
		// and its object name the amount in the parenthesis.
		obj := acronymAfter.ReplaceAllString(cp[2], "$1 ")
		if ws, _ := nounPhrase(obj, 4); len(ws) > 0 {
			return compound(ws, changeSuffix(cp[1]))
		}
	}
	if im := impactOn.FindStringSubmatch(pre[:loc[0]]); im != nil {
		// "negligible impact on perplexity (0.1%-3%)": how much the
		// measure got worse, a rise in a cost or a drop in a score.
		if ws, _ := nounPhrase(im[1], 4); len(ws) > 0 && isMetricPhrase(ws) {
			if betterOf(snake(ws...)) == "lower" {
				return compound(ws, "increase")
			}
			return compound(ws, "drop")
		}
	}
	m := parenComparative.FindStringSubmatch(pre[:loc[0]])
	if m == nil {
		// "with minimal quality loss (under 0.5%)": the change the
		// parenthesis bounds.
		if tc := trailingChange.FindStringSubmatch(strings.TrimRight(pre[:loc[0]], " ")); tc != nil {
			var ws []string
			for _, w := range strings.Fields(tc[1]) {
				if !parenFiller[w] {
					ws = append(ws, w)
				}
			}
			if len(ws) > 0 {
				return compound(ws, singular([]string{tc[2]})[0])
			}
		}
		return ""
	}
	ws, _ := nounPhrase(m[2], 4)
	switch m[1] {
	case "lower", "less", "fewer", "smaller", "shorter", "reduced":
		return compound(ws, "reduction")
	case "faster":
		return "speedup"
	case "higher", "more", "greater", "larger", "increased":
		if lowerIsBetter(snake(singular(ws)...)) {
			// "at the cost of higher energy consumption (up to 51%)": a
			// cost that grows, which is better small.
			return compound(ws, "increase")
		}
	}
	return compound(ws, "improvement")
}

// unitMetric is the fallback name for a number whose words say nothing
// recognizable: what its unit usually measures.
func unitMetric(pre, post, unit string) string {
	clause := pre + " " + post
	switch unit {
	case "x":
		switch {
		case containsAny(clause, "fast", "speed", "accelerat", "latency", "throughput"):
			return "speedup"
		case strings.Contains(clause, "compress"):
			return "compression_ratio"
		}
	case "MB", "GB", "KB", "TB", "B":
		if strings.Contains(clause, "memory") {
			return "memory"
		}
		return "size"
	case "ms", "s", "min", "h":
		if strings.Contains(clause, "latency") {
			return "latency"
		}
		return "time"
	case "dB":
		return "psnr"
	case "bpp", "bps":
		return "bitrate"
	case "FPS":
		return "fps" // frames per second: what the labels and papers call it
	case "tokens/s", "MB/s", "GB/s":
		return "throughput"
	case "FLOPs":
		return "flops"
	}
	return ""
}

// phraseOnly reports whether s is a bare noun phrase (no verb or
// preposition that would make the match span two phrases).
func phraseOnly(s string) bool {
	ws := strings.Fields(s)
	if len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		if npStop[w] || determiners[w] {
			return false
		}
	}
	return true
}

func isScore(ws []string) bool {
	m := snake(ws...)
	return containsAny(m, "accuracy", "performance", "quality", "score", "precision", "recall", "psnr", "ssim", "auc", "bleu", "ndcg", "map", "f1", "f_measure", "pass_at", "pass_1", "jaccard", "success_rate", "win_rate", "exact_match", "rouge", "dice", "dsc", "iou", "sensitivity", "specificity")
}

// scoreName keeps the measured word of a phrase such as "visual question
// answering accuracy": the accuracy is what drops.
func scoreName(ws []string) string {
	for _, k := range []string{"accuracy", "performance", "quality", "precision", "recall", "psnr", "ssim", "auc", "bleu", "ndcg", "f1"} {
		if strings.Contains(snake(ws...), k) {
			// Keep up to two qualifiers before the score: "imaging quality"
			// and "ImageNet top-1 accuracy" are scores of their own, and a
			// name with more words still names the shorter one.
			for i, w := range ws {
				if strings.Contains(w, k) {
					return snake(qualifiers(ws[max(0, i-2):i], k)...)
				}
			}
			return k
		}
	}
	// "CLIP score": the words before "score" say which score.
	for i, w := range ws {
		if w == "score" || w == "scores" {
			return snake(qualifiers(ws[max(0, i-2):i], "score")...)
		}
	}
	return snake(ws...)
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// rangingOpener is "ranging from" and its like, which announce a range of
// the measure just named; a bare "from" may open a change instead.
var rangingOpener = regexp.MustCompile(`\s*\b` + rangingWords + `\s+(?:from|between)\s*$`)

// rangingWords are the words that say a range follows.
const rangingWords = `(?:ranging|ranges|range|varying|varies|vary|spanning)`

// rangedMeasure is the measure named right before "ranging from": "cache
// hit rates", "the FLOPs reduction in the forward propagation during
// training" (its qualifier after the noun is dropped).
var rangedMeasure = regexp.MustCompile(`((?:[a-z0-9@-]+\s+){0,2})(reductions?|speed-?ups?|improvements?|gains?|savings?|rates?|ratios?|accurac(?:y|ies))(?:\s+(?:in|during|of|for|on)\s+[^,;()]{0,60})?$`)

// boundedLevel is a rate or score named right before a bound and its
// level, after up to two words of its own: "exact match rates exceeding",
// "Levenshtein similarity scores above".
var boundedLevel = regexp.MustCompile(`((?:[a-z0-9-]+\s+){0,2})(rates?|scores?|similarit(?:y|ies)|accurac(?:y|ies)|precision|recall)\s+(?:exceeding|above|over|below|under|of\s+(?:over|above|at\s+least|below|under))\s+$`)

// boundedLevelAt reports whether near ends with a boundedLevel whose rate
// or score a word of its own names, not a compression or speed-up ratio
// ("compression rates above").
func boundedLevelAt(near string) bool {
	bl := boundedLevel.FindStringSubmatch(near)
	if bl == nil {
		return false
	}
	ws := strings.Fields(bl[1])
	return len(ws) > 0 && ws[len(ws)-1] != "compression" && ws[len(ws)-1] != "speedup"
}

// namedBefore names the measure that re (its qualifier words, then its
// head noun) finds at the end of pt, or "".
func namedBefore(re *regexp.Regexp, pt string) string {
	rm := re.FindStringSubmatch(pt)
	if rm == nil {
		return ""
	}
	var ws []string
	for _, w := range strings.Fields(rm[1]) {
		if preposition[w] || degreeWord[w] || rangeFiller[w] {
			ws = ws[:0] // a name starts after the last word that cannot be in it
			continue
		}
		ws = append(ws, w)
	}
	return snake(singular(append(ws, strings.ReplaceAll(rm[2], "-", "")))...)
}

// rangeFiller are words before a ranged measure that are not part of its
// name: articles, verbs of reporting, words of size.
var rangeFiller = map[string]bool{"a": true, "an": true, "the": true, "and": true, "its": true, "our": true, "their": true, "high": true, "low": true, "average": true, "overall": true, "achieve": true, "achieves": true, "achieving": true, "show": true, "shows": true, "showing": true, "yield": true, "yields": true, "yielding": true, "with": true}

// lastWords returns the last n words of s.
func lastWords(s string, n int) []string {
	ws := strings.Fields(s)
	if len(ws) > n {
		ws = ws[len(ws)-n:]
	}
	return ws
}

// sharedSubjectBy is a subject, its verb of change and "by", then a second
// subject sharing the verb: "prefill latency drops by 48% and decode
// latency by".
var sharedSubjectBy = regexp.MustCompile(`((?:[a-z0-9@-]+\s+){1,3}?)(drop(?:s|ped)?|f[ae]ll(?:s)?|decreas(?:es|ed)|declin(?:es|ed)|reduced|lowered|improv(?:es|ed)|increas(?:es|ed)|ris(?:es|en)|rose|grow(?:s|n)?|shr[iu]nks?)\s+by\s+(?:up\s+to\s+|about\s+|nearly\s+|over\s+)?[0-9][0-9.,]*\s*(?:%|x|×|pp)?\s*,?\s+and\s+((?:[a-z0-9@-]+\s+){1,3}?)by$`)

// sharedVerbMetric names the second object of a verb that two "by"
// phrases share: "reducing MACs by 35% and model size by 36%" is a
// model_size_reduction. sent is the sentence up to the number.
func sharedVerbMetric(sent string) string {
	trimmed := strings.TrimRight(trailingQualifier.ReplaceAllString(sent, ""), " ")
	if ss := sharedSubjectBy.FindStringSubmatch(trimmed); ss != nil && !ownVerb.MatchString(ss[3]) {
		// "prefill latency drops by 48% and decode latency by 22%": the
		// second subject changes the way the first did.
		first, _ := nounPhrase(ss[1], 4)
		second, _ := nounPhrase(ss[3], 4)
		if len(first) > 0 && len(second) > 0 && isMetricPhrase(second) {
			return compound(second, subjectChange(second, ss[2]))
		}
	}
	sv := sharedVerbBy.FindStringSubmatch(trimmed)
	if sv == nil || ownVerb.MatchString(sv[2]) {
		return "" // "... and reduces latency by": a verb of its own
	}
	ws, _ := nounPhrase(sv[2], 4)
	if len(ws) == 0 {
		return ""
	}
	if changeDown.MatchString(sv[1]) {
		return compound(ws, "reduction")
	}
	return compound(ws, "improvement")
}

// subjectWords are the last words of a verb's subject (subjectVerbBy's
// first group) after any stop word, determiner or pronoun: "the
// inference speeds" gives [inference speeds].
func subjectWords(subject string) []string {
	var kept []string
	for _, w := range strings.Fields(subject) {
		if npStop[w] || determiners[w] || pronouns[w] {
			kept = kept[:0]
			continue
		}
		kept = append(kept, w)
	}
	return kept
}

// qualifiers keeps the words before a score that say which score it is,
// dropping the ones that say how it was summarised ("average", "mean")
// or that are not words of a name, and appends the score.
func qualifiers(ws []string, score string) []string {
	if n := len(ws); score == "precision" && n > 0 && ws[n-1] == "average" {
		// "mean average precision", "average precision": the average is
		// the score's name, not how it was summarised.
		if n > 1 && ws[n-2] == "mean" {
			return []string{"mean", "average", "precision"}
		}
		return []string{"average", "precision"}
	}
	var out []string
	for _, w := range ws {
		if summaryWord[w] || npStop[w] || determiners[w] || ownVerb.MatchString(w) {
			out = out[:0]
			continue
		}
		out = append(out, w)
	}
	return append(out, score)
}

// allSummary reports whether every word says only how a measure was
// summarised ("relative", "average").
func allSummary(ws []string) bool {
	for _, w := range ws {
		if !summaryWord[w] {
			return false
		}
	}
	return true
}

// averagedHow are the words that make a score a different one by how it
// averages: a macro F1 is not a micro F1.
var averagedHow = map[string]bool{"macro": true, "micro": true, "weighted": true, "balanced": true}

// summaryWord says how a score was summarised, not which score it is.
var summaryWord = map[string]bool{"average": true, "avg": true, "mean": true, "overall": true, "relative": true, "absolute": true, "final": true, "minor": true, "slight": true, "small": true, "marginal": true, "negligible": true}

// processStage is a stage of running a model whose speed-up "faster"
// before it names: "7x faster single-token decode".
var processStage = map[string]bool{"decode": true, "decoding": true, "prefill": true, "prefilling": true, "inference": true,
	"training": true, "generation": true, "encoding": true, "sampling": true, "serving": true, "convergence": true,
	"computation": true, "attention": true, "search": true, "retrieval": true, "rendering": true, "reconstruction": true,
	"simulation": true, "compilation": true}

// prunedBefore is a verb of pruning right before a share.
var prunedBefore = regexp.MustCompile(`(?:^|\s)prun\w*\s*$`)

// removalSuffix names a share removed by the verb before it: what is
// pruned is a pruning ("prune up to 20% parameters" is a parameter
// pruning, as the labels write it), anything else removed a reduction.
func removalSuffix(pt string) string {
	if prunedBefore.MatchString(pt) {
		return "pruning"
	}
	return "reduction"
}

// dataSetObject is a phrase that ends in a data set or a benchmark: "on the
// Kodak dataset". What a change is measured on never names the measure
// ("BD-rate reductions of 1.40% on the Kodak dataset" is a BD-rate
// reduction).
var dataSetObject = regexp.MustCompile(`^(?:the\s+)?(?:[a-z0-9@.-]+\s+){0,3}?(?:datasets?|benchmarks?|corpus|corpora|sets?|suites?|splits?)\b`)

// dataSetIn reports whether the object after "in" or "on" is a data set
// (dataSetObject).
func dataSetIn(obj string) bool {
	return dataSetObject.MatchString(obj)
}

var (
	// retentionOf is a measure and a word for the share of it kept, before
	// "of" and the number: "an average performance retention of".
	retentionOf = regexp.MustCompile(`((?:[a-z0-9-]+\s+){1,4}?)(?:retention|preservation)\s+(?:rates?\s+|ratios?\s+)?of$`)
	// measureOfOther is a measure followed by whose it is: "the decoding
	// speed of a fully cached deployment", "the throughput of the dense
	// model".
	measureOfOther = regexp.MustCompile(`^(?:the\s+)?(?:[a-z0-9-]+\s+){0,3}?[a-z0-9-]+\s+(?:of|achieved\s+by|reached\s+by)\s+(?:the\s+|a\s+|an\s+|its\s+)?[a-z]`)
)

var (
	// beatBaselines is a verb of winning whose object is the baselines in
	// general, not a named system: "outperforming the baseline by",
	// "outperforms existing methods by".
	beatBaselines = regexp.MustCompile(`\b(?:outperform\w*|surpass\w*|exceed\w*|beat\w*)\s+(?:the\s+|all\s+|existing\s+|prior\s+|previous\s+|strong\s+|competing\s+|state-of-the-art\s+|sota\s+){0,3}(?:baselines?|methods|approaches|competitors)\s+by$`)
	// measureAfter is a measure or a setting named after the number: "in
	// speed", "on accuracy", "points", "higher".
	measureAfter = regexp.MustCompile(`^(?:in|on|for|of|with\s+respect\s+to|points?|pp|percentage|higher|lower|more|less|fewer|faster|[a-z0-9-]+\s+(?:accuracy|score|points?))\b`)
)

// lastWordsText is the last n words of s, as text.
func lastWordsText(s string, n int) string {
	return strings.Join(lastWords(s, n), " ")
}

// firstWordsText is the first n words of s, joined by spaces.
func firstWordsText(s string, n int) string {
	ws := strings.Fields(s)
	return strings.Join(ws[:min(n, len(ws))], " ")
}

// laterVerb reports whether other's verb stands closer to the number than
// first's: in "the compressed recommender cuts its memory by", "cuts" is
// the verb of the change, "compressed" an adjective.
func laterVerb(pt string, first, other *regexp.Regexp) bool {
	a, b := first.FindStringIndex(pt), other.FindStringIndex(pt)
	return a != nil && b != nil && b[0] > a[0]
}

// resourceWords are what a method spends and wants to keep few of: a share
// of them kept is better small.
var resourceWords = map[string]bool{"token": true, "tokens": true, "cache": true, "caches": true, "parameter": true, "parameters": true,
	"layer": true, "layers": true, "expert": true, "experts": true, "head": true, "heads": true, "sample": true, "samples": true,
	"data": true, "budget": true, "flops": true, "compute": true, "step": true, "steps": true, "weights": true, "patches": true}

// resourceKept reports whether a noun phrase ends with a resource.
func resourceKept(ws []string) bool {
	return len(ws) > 0 && resourceWords[ws[len(ws)-1]]
}

// withShare is "with" and a bound before a share: "with less than 20% of".
var withShare = regexp.MustCompile(`\bwith(?:\s+(?:only|just|merely|less\s+than|fewer\s+than|under|about|around))?\s*$`)
