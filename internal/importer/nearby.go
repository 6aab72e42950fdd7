package importer

import (
	"regexp"
	"strings"
)

// namedNearby names a number from words right beside it that the general
// rules read past: a score after a change in its points, the measure "in
// terms of" which a ratio is smaller, a down arrow after a change, what a
// saving is "for", the first of two measures changed together, and the
// score a drop in parentheses names. pre is the sentence up to the
// number, before the text right before it whatever the sentence (a colon
// may have ended one), post the words after it; sign says the number is
// written with its sign. It returns "" when none applies, and
// the better direction when the words fix it.
func namedNearby(pre, before, post, unit, metric string, sign bool) (string, string) {
	switch {
	case unit == "count" && tokensUsedBefore.MatchString(pre) && tokensNext.MatchString(post) && metric != "":
		return metric, "lower" // "using only 100 vision tokens": fewer is better
	case (unit == "" || unit == "%") && scoreOfBefore.MatchString(pre) && onNamedBench.MatchString(post):
		// "an overall score of 0.69 on GenEval": the benchmark's score
		// (not "an AUC score of", which the score names).
		return snake(onNamedBench.FindStringSubmatch(post)[1], "score"), "higher"
	case unit == "dB" && bdPSNRBefore.MatchString(pre):
		return "bd_psnr_gain", "higher" // "a BD-PSNR gain of 0.47dB": not a PSNR level
	case unit == "points":
		// "improves all four students by approximately 12 Dice points":
		// the score after the number is what changed.
		if sp := scorePointsAfter.FindStringSubmatch(post); sp != nil && isScore(sp[1:2]) {
			if downNounList.MatchString(pre) || downVerbBefore.MatchString(pre) {
				return sp[1] + "_drop", "lower"
			}
			return sp[1] + "_improvement", "higher"
		}
	case unit == "x" && smallerModelsAfter.MatchString(post):
		return "model_size_reduction", "higher" // "an order of magnitude smaller models": the models' size
	case unit == "x":
		// "about 7 times smaller in terms of GFlops": fewer of that.
		if st := smallerInTermsOf.FindStringSubmatch(post); st != nil {
			return st[1] + "_reduction", "higher"
		}
		if ie := efficiencyBy.FindStringSubmatch(pre); ie != nil {
			// "improves compression efficiency by 2.91x": the efficiency
			// grows, not the compression ratio.
			return compound(strings.Fields(ie[1]), "improvement"), "higher"
		}
	case unit == "%":
		if sc := relativeScoreChange.FindStringSubmatch(dropAcronyms(post)); sc != nil {
			// "a 32% relative F1 score boost", "a 26% relative Word Error
			// Rates (WER) improvement": the change of the score after.
			ws := strings.Fields(sc[1])
			if len(ws) > 1 && ws[len(ws)-1] == "score" && isScore(ws[:len(ws)-1]) {
				ws = ws[:len(ws)-1]
			}
			if isScore(ws) || isMetricPhrase(ws) {
				// A gain is good whatever it measures; an increase or a
				// drop is good as the measure is ("11% relative WER
				// increase" is worse).
				if strings.HasPrefix(sc[2], "boost") || strings.HasPrefix(sc[2], "improv") || strings.HasPrefix(sc[2], "gain") {
					return snake(ws...) + "_improvement", "higher"
				}
				return directedChange(snake(ws...), strings.HasPrefix(sc[2], "increas"))
			}
		}
		if tokensUsedBefore.MatchString(pre) {
			if ts := tokensAfterShare.FindStringSubmatch(post); ts != nil {
				// "using only 23% of the vision tokens": the share of
				// tokens the method needs, better small.
				return snake(strings.Fields(ts[1] + ts[2] + " tokens_used")...), "lower"
			}
		}
		if pk := ofPeakAfter.FindStringSubmatch(post); pk != nil {
			// "over 90% of peak memory bandwidth": the share of the
			// hardware's peak put to use.
			return snake(strings.Fields(pk[1])...) + "_utilization", "higher"
		}
		if costShareAfter.MatchString(post) {
			return "computational_cost", "lower" // "at 3% to 42% of the computational cost"
		}
		if bdRateAfter.MatchString(post) && !sign && !strings.HasSuffix(strings.TrimSpace(before), "-") {
			// "outperforms ... by up to 12.64% BD-Rate on Kodak": a
			// positive BD-rate figure is the rate saved.
			return "bd_rate_reduction", "higher"
		}
		if slowerAfter.MatchString(post) {
			return "slowdown", "lower" // "only 0.9% slower than Tiny-SD": a cost
		}
		if bd := bdRateParen.FindStringSubmatch(post); bd != nil && !strings.HasPrefix(strings.TrimSpace(before), "-") {
			// "bitrate savings (27.2% BD-rate (LPIPS) and 65.1% BD-rate
			// (PSNR))": a positive BD-rate figure is the saving.
			return "bd_rate_saving", "higher"
		}
		if cm := comparedMeasureAfter.FindStringSubmatch(post); cm != nil {
			// "about 26% higher perplexity than the dense baseline": more
			// of what is better small is worse; less of what is better
			// large is a drop.
			ws := strings.Fields(cm[2])
			up := cm[1] == "higher" || cm[1] == "more" || cm[1] == "larger" || cm[1] == "greater"
			if b := betterOf(snake(ws...)); up && b == "lower" || !up && b == "higher" && isScore(ws) {
				return directedChange(snake(ws...), up)
			}
		}
		if downArrowAfter.MatchString(post) {
			// "VBench: $1\%\downarrow$ and $0.01\%\downarrow$": a drop
			// in the score the colon labels.
			if lc := labelColon.FindStringSubmatch(before); lc != nil {
				return lc[1] + "_drop", "lower"
			}
		}
		if acceptVerb.MatchString(pre) && ofRequests.MatchString(post) {
			// "accepting 19.7% of requests directly", "accepted ... 78.0%
			// of the time": how often a draft or a small model is kept.
			return "acceptance_rate", "higher"
		}
		if lowerThanAfter.MatchString(post) {
			// "an estimated memory-bandwidth cost over 50% lower than
			// BLT": the measure right before the number is what is lower.
			if lt := measureRightBefore.FindStringSubmatch(pre); lt != nil && lowerIsBetter(snake(strings.Fields(lt[1])...)) {
				return compound(strings.Fields(lt[1]), "reduction"), "higher"
			}
		}
		if winVerb.MatchString(pre) && ofTrials.MatchString(post) {
			// "outperformed offline baselines ... in 91.6% of evaluations":
			// how often it wins.
			return "win_rate", "higher"
		}
		if rt := reducedToShare.FindStringSubmatch(pre); rt != nil && ofOriginal.MatchString(post) {
			// "a reduction of token count to merely 0.07% of the original
			// tokens": the count's new level, as a share, better small.
			if ws, _ := nounPhrase(rt[1], 3); len(ws) > 0 {
				return snake(ws...), "lower"
			}
		}
		if ka := keptAllParen.FindStringSubmatch(pre); ka != nil && isScore(strings.Fields(ka[1])) {
			// "preserves nearly all of the teacher's segmentation accuracy
			// (98.7%)": the share of the score kept.
			return snake(strings.Fields(ka[1])...) + "_retention", "higher"
		}
		if keepVerb.MatchString(pre) && !strings.HasSuffix(metric, "_retained") {
			if ks := keptScoreOf.FindStringSubmatch(post); ks != nil {
				// "sustains 85% of FlashAttention3 MFU": the share of
				// another's score kept, better large.
				return ks[1] + "_retained", "higher"
			}
		}
		if sf := savingFor.FindStringSubmatch(post); sf != nil {
			// "up to 50% savings for the total end-to-end model
			// inference", "25.1% savings in training FLOPs": a stage is
			// named alone, anything else by its words.
			ws, _ := nounPhrase(post[len(sf[0]):], 3)
			if len(ws) > 0 && savedStage[ws[len(ws)-1]] {
				return ws[len(ws)-1] + "_saving", "higher"
			}
			if len(ws) > 0 && isMetricPhrase(ws) {
				return snake(ws...) + "_saving", "higher"
			}
		}
		if dp := dropParen.FindStringSubmatch(pre); dp != nil {
			// "a moderate accuracy drop (~3-7% mAP50-95)": the drop's
			// amount, in the score named after it.
			if sc := scoreAfterParenNumber.FindStringSubmatch(post); sc != nil && isScore([]string{sc[1]}) {
				return snake(strings.Split(sc[1], "-")...) + "_drop", "lower"
			}
		}
	}
	if dg := degradedInBy.FindStringSubmatch(pre); dg != nil {
		// "a degradation in mAP@0.5 by 1.09%": the drop of the measure
		// named between, its cut-off left out.
		if ws, _ := nounPhrase(strings.SplitN(dg[1], "@", 2)[0], 3); len(ws) > 0 {
			return compound(ws, "drop"), "lower"
		}
	}
	if ex := extendedBy.FindStringSubmatch(pre); ex != nil {
		if ws, _ := nounPhrase(ex[1], 3); len(ws) > 0 {
			return compound(ws, "improvement"), "higher" // "extends the projected battery lifetime by 163%"
		}
	}
	if unit == "%" {
		if ob := ofBaselineCost.FindStringSubmatch(post); ob != nil {
			// "requiring at most 22.17% of the baseline token usage": the
			// share of another's cost still spent, better small.
			if ws, _ := nounPhrase(ob[1], 3); len(ws) > 0 && lowerIsBetter(snake(ws...)) {
				return snake(ws...), "lower"
			}
		}
	}
	if tb := trailsBy.FindStringSubmatch(pre); tb != nil {
		if in := inScoreAfter.FindStringSubmatch(post); in != nil {
			// "It trails GPT-2 201M by 7.7% in PPL": how far behind the
			// other it stays, better small.
			return snake(in[1]) + "_gap", "lower"
		}
	}
	if (unit == "%" || unit == "x") && !changeSplit.MatchString(metric) {
		if ru := reducedUpTo.FindStringSubmatch(pre); ru != nil {
			// "reducing the inference time up to 30 to 40%": the verb's
			// object, changed, with no "by".
			if ws, _ := nounPhrase(ru[2], 3); len(ws) > 0 && isMetricPhrase(ws) {
				return compound(ws, changeSuffix(ru[1])), "higher"
			}
		}
	}
	if unit == "%" && addsBefore.MatchString(pre) {
		if ao := addedMeasureAfter.FindStringSubmatch(post); ao != nil {
			// "adds less than 5% parameters to the frozen backbone": what
			// the method costs on top, better small.
			return strings.TrimSuffix(snake(strings.Fields(ao[1])...), "s") + "_overhead", "lower"
		}
	}
	if unit == "" {
		if ps := parenScore(pre); ps != "" {
			// "perceptual quality (rFID 2.92)": the level of the score in
			// the parenthesis, not of the quality before it.
			if b := betterOf(ps); b != "" {
				return ps, b
			}
			return ps, "higher"
		}
	}
	if unit == "%" {
		if er := errorRateParen.FindStringSubmatch(pre); er != nil {
			// "the lowest word error rate (14.60%)": the level of the rate
			// named right before the parenthesis.
			return er[1][:1] + "er", "lower"
		}
	}
	if (unit == "GB" || unit == "MB") && ramAfter.MatchString(post) && (metric == "" || metric == "value" || metric == "size" || metric == "model_size") {
		return "memory", "lower" // "requiring only approximately 3GB RAM": the memory it needs
	}
	if unit == "dB" {
		if dc := dbCostAfter.FindStringSubmatch(post); dc != nil {
			return "psnr_" + dc[1], "lower" // "at only 0.12 dB cost": the quality given up
		}
	}
	if dr := dropIsBefore.FindStringSubmatch(pre); dr != nil {
		// "the performance drop is just 0.3 dB": the drop of what it
		// names.
		if ws, _ := nounPhrase(dr[1], 2); len(ws) > 0 {
			return compound(ws, "drop"), "lower"
		}
		return "drop", "lower"
	}
	if timeUnits[unit] {
		if (metric == "time" || metric == "") && timeForStage.MatchString(post) {
			return timeForStage.FindStringSubmatch(post)[1] + "_time", "lower" // "less than 10 minutes for search"
		}
		if perTokenDecoding.MatchString(post) {
			return "decoding_latency", "lower" // "82 ms per token during decoding"
		}
		if st := stageParen.FindStringSubmatch(post); st != nil {
			// "inference times of 41.48 ms (encoder) and 47.45 ms
			// (decoder)": the stage in parentheses is what is timed.
			return stageName[st[1]] + "_time", "lower"
		}
	}
	if unit == "FPS" {
		if st := stageAfterRate.FindStringSubmatch(post); st != nil {
			return st[1] + "_fps", "higher" // "over 1000 FPS decoding": the stage's rate
		}
	}
	if vb := verbByThe.FindStringSubmatch(pre); vb != nil && (unit == "%" || unit == "x") {
		// "reducing by 2 to 3 times the energy consumption", "reducing
		// by more than 20% the network activity": the verb's object comes
		// after the number.
		if ob := objectAfter.FindStringSubmatch(post); ob != nil {
			if ws, _ := nounPhrase(ob[1], 3); len(ws) > 0 {
				return compound(ws, changeSuffix(vb[1])), "higher"
			}
		}
	}
	if sd := signedDiffsOf.FindStringSubmatch(pre); sd != nil && sign {
		// "mIoU differences of -0.73 pp ..., -0.20 pp ... and +1.79 pp":
		// signed differences, each better the higher it is.
		return sd[1] + "_difference", "higher"
	}
	if wd := withinDifference.FindStringSubmatch(pre); wd != nil && differenceNext.MatchString(post) {
		// "maintaining response quality within 1% difference": how far
		// the measure is from the reference, better small.
		ws, _ := nounPhrase(wd[1], 3)
		for len(ws) > 1 && strings.HasSuffix(ws[0], "ing") {
			ws = ws[1:] // "maintaining response quality"
		}
		if len(ws) > 0 && isMetricPhrase(ws) {
			return snake(ws...) + "_difference", "lower"
		}
	}
	if vo := verbObjectAsideBy.FindStringSubmatch(pre); vo != nil && (metric == "" || metric == "value") {
		// "improve token efficiency for all models, by 10-35%": the
		// verb's object changes, past an aside on where.
		if ws, _ := nounPhrase(vo[2], 3); len(ws) > 0 && isMetricPhrase(ws) {
			return compound(ws, changeSuffix(vo[1])), "higher"
		}
	}
	if bo := bothMeasures.FindStringSubmatch(pre); bo != nil && !strings.HasSuffix(metric, "_gain") {
		// "a reduction in both memory consumption and inference time by
		// over 23%": one number for two measures; the first is named.
		if ws, _ := nounPhrase(bo[2], 3); len(ws) > 0 && isMetricPhrase(ws) {
			return compound(ws, changeSuffix(bo[1])), "higher"
		}
	}
	return "", ""
}

// directedChange names a change of a measure by whether it went up and
// whether the measure is better small: more latency is an increase (a
// cost), more accuracy an improvement, less latency a reduction (a gain),
// less accuracy a drop.
func directedChange(name string, up bool) (string, string) {
	small := betterOf(name) == "lower"
	switch {
	case up && small:
		return name + "_increase", "lower"
	case up:
		return name + "_improvement", "higher"
	case small:
		return name + "_reduction", "higher"
	default:
		return name + "_drop", "lower"
	}
}

var (
	scorePointsAfter      = regexp.MustCompile(`^\s*([a-z][a-z0-9-]*)\s+points?\b`)
	downVerbBefore        = regexp.MustCompile(`\b(?:reduc|lower|decreas|drop|los|degrad|declin|hurt|cost)\w*\b[^,;.]*$`)
	smallerInTermsOf      = regexp.MustCompile(`^\s*(?:smaller|fewer|lower|less|cheaper|lighter)\s+in\s+terms\s+of\s+(?:the\s+)?([a-z][a-z0-9]*)\b`)
	downArrowAfter        = regexp.MustCompile(`^\s*\$?\s*(?:\\downarrow|↓)`)
	labelColon            = regexp.MustCompile(`\b([a-z][a-z0-9-]{1,20})\s*:\s*\$?\s*(?:[0-9.]+\s*%?\s*(?:\\downarrow|↓)?\s*(?:,\s*|and\s+)+\$?)*$`)
	savingFor             = regexp.MustCompile(`^\s*savings?\s+(?:for|in|on)\s+(?:the\s+)?(?:total\s+|overall\s+)?(?:end-to-end\s+)?`)
	ofTrials              = regexp.MustCompile(`^\s*of\s+(?:the\s+|all\s+)?(?:evaluations|cases|comparisons|trials|runs|experiments|configurations|scenarios)\b`)
	reducedToShare        = regexp.MustCompile(`\breduc\w*\s+(?:of|in)\s+(?:the\s+)?((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+to\s+(?:merely\s+|only\s+|just\s+|about\s+)?$`)
	ofOriginal            = regexp.MustCompile(`^\s*of\s+(?:the|its|their)\s+original\b`)
	keepVerb              = regexp.MustCompile(`\b(?:sustain\w*|retain\w*|preserv\w*|maintain\w*|keep\w*)\s+(?:over\s+|about\s+|nearly\s+|up\s+to\s+|more\s+than\s+)?$`)
	keptScoreOf           = regexp.MustCompile(`^\s*of\s+(?:the\s+)?(?:[a-z0-9-]+(?:'s)?\s+){0,2}?(mfu|accuracy|performance|throughput|quality)\b`)
	signedDiffsOf         = regexp.MustCompile(`\b([a-z0-9-]+)\s+differences?\s+of\s+[-+]`)
	withinDifference      = regexp.MustCompile(`\b((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+within\s+$`)
	differenceNext        = regexp.MustCompile(`^\s*(?:differences?|gaps?|deviations?)\b`)
	verbObjectAsideBy     = regexp.MustCompile(`\b(improv\w*|increas\w*|boost\w*|reduc\w*|cut\w*|lower\w*)\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:for|on|across|in)\s+[^,;]{1,40},\s+by\s+(?:up\s+to\s+|about\s+|over\s+|nearly\s+)?$`)
	relativeScoreChange   = regexp.MustCompile(`^\s*(?:relative|absolute)\s+((?:[a-z0-9-]+\s+){0,2}?[a-z0-9-]+)\s+(boosts?|improvements?|gains?|increases?|drops?|decreases?|degradations?)\b`)
	acceptVerb            = regexp.MustCompile(`\baccept(?:s|ed|ing)?\b[^,;.]{0,20}$`)
	ofRequests            = regexp.MustCompile(`^\s*of\s+(?:the\s+)?(?:time|requests|queries|drafts|proposals|candidates)\b`)
	lowerThanAfter        = regexp.MustCompile(`^\s*(?:lower|less|smaller|cheaper)\s+than\b`)
	measureRightBefore    = regexp.MustCompile(`\b([a-z][a-z-]*\s+[a-z][a-z-]*)\s+(?:over\s+|about\s+|nearly\s+|roughly\s+|more\s+than\s+)?$`)
	scoreOfBefore         = regexp.MustCompile(`\b(?:an?|the|its)\s+(?:overall\s+|average\s+|mean\s+)?scores?\s+of\s+(?:about\s+|up\s+to\s+|over\s+)?$`)
	onNamedBench          = regexp.MustCompile(`^\s*on\s+(?:the\s+)?([a-z][a-z0-9-]*)\b`)
	efficiencyBy          = regexp.MustCompile(`\b(?:improv\w*|increas\w*|boost\w*|rais\w*)\s+(?:the\s+|its\s+)?((?:[a-z-]+\s+)?efficiency)\s+by\s+(?:up\s+to\s+|about\s+|nearly\s+|over\s+)?$`)
	slowerAfter           = regexp.MustCompile(`^\s*slower\b`)
	bdRateParen           = regexp.MustCompile(`^\s*bd-?rate\s*\(\s*[a-z0-9-]+\s*\)`)
	comparedMeasureAfter  = regexp.MustCompile(`^\s*(higher|more|larger|greater|lower|less|smaller)\s+((?:[a-z-]+\s+)?[a-z-]+)\s+(?:than|compared|relative|versus|vs)\b`)
	bdPSNRBefore          = regexp.MustCompile(`\bbd-?psnr\s+(?:gains?|improvements?|increases?)?\s*(?:of\s+)?(?:about\s+|up\s+to\s+)?$`)
	savedStage            = map[string]bool{"inference": true, "training": true, "decoding": true, "prefilling": true}
	dropParen             = regexp.MustCompile(`\b(?:drops?|degradations?|loss|declines?)\s*\(\s*~?\s*$`)
	scoreAfterParenNumber = regexp.MustCompile(`^\s*([a-z][a-z0-9]*(?:-[0-9]+)?)\s*\)`)
	stageParen            = regexp.MustCompile(`^\s*\(\s*(encoder|decoder|encoding|decoding|prefill|prefilling)\s*\)`)
	stageName             = map[string]string{"encoder": "encoding", "decoder": "decoding", "encoding": "encoding", "decoding": "decoding", "prefill": "prefill", "prefilling": "prefill"}
	stageAfterRate        = regexp.MustCompile(`^\s*(decoding|encoding|rendering)\b`)
	verbByThe             = regexp.MustCompile(`\b(reduc\w*|cut\w*|lower\w*|decreas\w*|improv\w*|increas\w*|boost\w*)\s+by\s+(?:up\s+to\s+|about\s+|over\s+|nearly\s+|more\s+than\s+|roughly\s+)?$`)
	objectAfter           = regexp.MustCompile(`^\s*\$?\s*(?:times\s+)?(?:the|its|their)\s+(?:number\s+of\s+|amount\s+of\s+)?((?:[a-z-]+\s+){0,2}?[a-z-]+)(?:\s+(?:depending|of|in|on|for|with|while|compared|when|across|by|and|at|than|relative|to|from)\b|\s*[,.;)]|\s*$)`)
	tokensAfterShare      = regexp.MustCompile(`^\s*(?:(?:of\s+(?:the|its|their)\s+)?(?:(vision|visual|image|video|input|prompt|training)\s+)?|of\s+(training)\s+)tokens\b`)
	costShareAfter        = regexp.MustCompile(`^\s*of\s+the\s+(?:computational|compute|computation)\s+(?:cost|budget)\b`)
	bdRateAfter           = regexp.MustCompile(`^\s*bd-?rate\b\s*(?:$|[^a-z(\s]|\s+(?:on|in|over|against|for|compared|relative|than|and|at|across|while|with)\b)`)
	dropIsBefore          = regexp.MustCompile(`\b((?:[a-z-]+\s+)?)(?:drop|loss|degradation|decline|decrease)\s+(?:is|was|remains|stays)\s+(?:only\s+|just\s+|merely\s+|about\s+|less\s+than\s+|under\s+|below\s+|within\s+)?$`)
	perTokenDecoding      = regexp.MustCompile(`^\s*(?:per|/)\s*token\s+(?:during|in|for|when)\s+decoding\b`)
	trailsBy              = regexp.MustCompile(`\b(?:trail\w*|lag\w*\s+behind|falls?\s+short\s+of|underperform\w*)\s+[^,;]{0,40}?\bby\s+(?:only\s+|just\s+|about\s+)?$`)
	inScoreAfter          = regexp.MustCompile(`^\s*in\s+(?:the\s+)?([a-z][a-z0-9-]*)\b`)
	reducedUpTo           = regexp.MustCompile(`\b(reduc\w*|cut\w*|lower\w*|decreas\w*|shorten\w*)\s+(?:the\s+|its\s+|their\s+)?((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+up\s+to\s+$`)
	addsBefore            = regexp.MustCompile(`\b(?:adds?|adding|introduc\w*)\s+(?:only\s+|just\s+|merely\s+|less\s+than\s+|fewer\s+than\s+|under\s+|about\s+|~\s*|\$<\$\s*)?\$?$`)
	addedMeasureAfter     = regexp.MustCompile(`^\s*\$?\s*(?:additional\s+|extra\s+)?(parameters|params|trainable\s+parameters|latency|memory|compute|flops)\b`)
	timeForStage          = regexp.MustCompile(`^\s*(?:for|of)\s+(?:the\s+)?(search|training|inference|decoding|encoding|rendering|generation|optimization|compilation|fine-tuning|pretraining)\b`)
	ofPeakAfter           = regexp.MustCompile(`^\s*of\s+(?:the\s+)?(?:theoretical\s+)?peak\s+((?:[a-z-]+\s+)?[a-z-]+)\b`)
	dbCostAfter           = regexp.MustCompile(`^\s*(?:psnr\s+)?(cost|loss|drop|penalty)\b`)
	errorRateParen        = regexp.MustCompile(`\b(word|character)\s+error\s+rates?\s*\(\s*$`)
	changeParenIn         = regexp.MustCompile(`\b(reduction|decrease|saving|improvement|gain|increase|speed-?up)s?\s*\(\s*(?:up\s+to\s+|about\s+|over\s+|~\s*)?$`)
	parenCloseIn          = regexp.MustCompile(`^\s*\)\s*in\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)(?:\s*[,.;]|\s+(?:and|while|with|on|for|at|compared|over|than|across)\b|\s*$)`)
	degradedInBy          = regexp.MustCompile(`\b(?:degradation|drop|decline|decrease|loss)\s+in\s+(?:the\s+)?([a-z0-9@.-]+(?:\s+[a-z0-9@.-]+)?)\s+by\s+(?:only\s+|just\s+|about\s+)?$`)
	extendedBy            = regexp.MustCompile(`\bextend\w*\s+(?:the\s+|its\s+)?(?:projected\s+|expected\s+|estimated\s+)?((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+by\s+(?:up\s+to\s+|about\s+|over\s+|nearly\s+)?$`)
	ofBaselineCost        = regexp.MustCompile(`^\s*of\s+the\s+(?:baseline|vanilla)(?:'s)?\s+((?:[a-z-]+\s+)?[a-z-]+)\b`)
	smallerModelsAfter    = regexp.MustCompile(`^\s*smaller\s+(?:student\s+)?models?\b`)
	ramAfter              = regexp.MustCompile(`^\s*(?:of\s+)?(?:ram|vram|gpu\s+memory|memory)\b`)
	keptAllParen          = regexp.MustCompile(`\b(?:preserv|retain|maintain|keep|sustain)\w*\s+(?:nearly|almost|virtually|practically)\s+all\s+(?:of\s+)?(?:the\s+|its\s+)?(?:[a-z0-9-]+'s\s+)?((?:[a-z0-9-]+\s+)?[a-z0-9-]+)\s*\(\s*(?:~\s*)?$`)
	bothMeasures          = regexp.MustCompile(`\b(reduc\w*|cut\w*|lower\w*|decreas\w*|sav\w*|improv\w*|increas\w*|boost\w*)\s+(?:in\s+)?both\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+and\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+by\s+(?:over\s+|about\s+|up\s+to\s+|nearly\s+|more\s+than\s+)?$`)
)
