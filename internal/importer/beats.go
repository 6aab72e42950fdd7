package importer

import (
	"regexp"
	"strings"

	"github.com/repro-harness/repro/harness/claim"
)

// comparatives are the words of a comparative claim, strongest first.
var comparatives = []struct {
	re     *regexp.Regexp
	weight int
}{
	{regexp.MustCompile(`\b(?:outperform\w*|surpass\w*|beats?|beating|exceeds?|exceeding)\b`), 4},
	{regexp.MustCompile(`\b(?:better than|superior|state-of-the-art results|best trade-off|pareto-optimal|sota results|improves? (?:up)?on|significant improvements?|higher \w+ than|lower \w+ than|faster \w*\s*than|more \w+ than)\b`), 3},
	{regexp.MustCompile(`\b(?:better(?:\s|$)|improv\w*|competitive|comparable|on par|matches|close to|equivalent|reduc\w*|lower|smaller|faster|fewer)\b`), 1},
}

var (
	priorMarkers  = regexp.MustCompile(`\b(?:to date|however|existing|previous|prior|barely|have been|recently|traditionally|typically|often|usually|suffer)\b`)
	nameDef       = regexp.MustCompile(`(?:propose|introduce|present|develop|named|called|dubbed|termed)\s+(?:a\s+|an\s+|the\s+)?(?:novel\s+|new\s+)?([A-Z][A-Za-z0-9+-]*[A-Z0-9+][A-Za-z0-9+-]*)|\(([A-Z][A-Za-z0-9+-]*[A-Z][A-Za-z0-9+-]*)\)`)
	codeSentence  = regexp.MustCompile(`\b(?:code|codes|repository|available at|github|open-sourced)\b`)
	baselineIntro = regexp.MustCompile(`\b(?:outperform\w*|surpass\w*|beats?|beating|exceeds?|exceeding)\s+|\b(?:than|compared\s+(?:to|with)|over|against|versus|vs\.?)\s+|\b(?:superior|preferable|comparable|similar|close|equivalent|same|relative|compare\w*(?:\s+[a-z-]+){0,2})(?:\s+[a-z-]+)?\s+(?:to|as|with)\s+`)
	termsOf       = regexp.MustCompile(`\bin terms of\s+`)
	pronouns      = map[string]bool{"it": true, "them": true, "this": true, "these": true, "those": true, "that": true}
)

// headline builds a beats claim from the sentence that best states the
// paper's comparative result, for abstracts without a number to check.
func headline(t *text, sents [][2]int) (Claim, bool) {
	// The method's name, as the abstract introduces it: "we propose
	// WaLLoC", "a novel framework, termed … (GDNet)".
	names := map[string]bool{}
	for _, sp := range sents {
		sent := t.s[sp[0]:sp[1]]
		for _, m := range nameDef.FindAllStringSubmatch(sent, -1) {
			if len(m[1]) > 1 {
				names[m[1]] = true
			}
			if len(m[2]) > 1 && ownWork.MatchString(strings.ToLower(sent)) {
				names[m[2]] = true
			}
		}
	}
	best, bestScore, bestAt := -1, 0, 0
	for i, sp := range sents {
		l := t.lower[sp[0]:sp[1]]
		if codeSentence.MatchString(l) && !strings.Contains(l, "outperform") {
			continue
		}
		score, at := 0, -1
		for _, c := range comparatives {
			if loc := c.re.FindStringIndex(l); loc != nil {
				score, at = c.weight, loc[0]
				break
			}
		}
		if score == 0 {
			continue
		}
		own := ownWork.MatchString(l)
		for n := range names {
			if strings.Contains(t.s[sp[0]:sp[1]], n) {
				own = true
			}
		}
		if own {
			score += 2
		}
		if priorMarkers.MatchString(l[:at]) && !own {
			score -= 3
		}
		if 2*i >= len(sents) {
			score++
		}
		if score >= bestScore && score > 0 {
			best, bestScore, bestAt = i, score, sp[0]+at
		}
	}
	if best < 0 || bestScore < 2 {
		return Claim{}, false
	}
	sp := sents[best]
	qa := walkLeft(t.s, sp[0], bestAt)
	qb := walkRight(t.s, bestAt, sp[1], sp[1])
	if qb-qa < 40 { // a short clause: take the sentence
		qa, qb = sp[0], sp[1]
	}
	if bestAt-qa > 160 {
		qa = wordStart(t.s, bestAt-140)
	}
	if qb-bestAt > 200 {
		qb = wordEnd(t.s, bestAt+180)
	}
	qa, qb = balance(t.s, qa, qb, bestAt, bestAt, sp[1])
	qa, qb = trim(t.s, qa, qb, bestAt, bestAt)
	for qb > qa && strings.IndexByte(" ,;:.", t.s[qb-1]) >= 0 {
		qb--
	}
	if qa >= qb {
		return Claim{}, false
	}
	quote, off := t.quote(qa, qb)
	if strings.TrimSpace(quote) == "" {
		return Claim{}, false
	}
	c := Claim{Quote: quote, Offset: off, Bound: claim.Beats}
	review := []string{"no number in the abstract: comparative claim from its headline sentence; name the metric and the baseline to measure"}
	l := t.lower[qa:qb]
	for _, from := range []int{bestAt, qa} { // after the comparative, else anywhere
		if c.Baseline != "" {
			break
		}
		if loc := baselineIntro.FindStringIndex(t.lower[from:qb]); loc != nil {
			if b := baselinePhrase(t, from+loc[1], sp[1]); b != "" && !pronouns[strings.ToLower(b)] {
				c.Baseline = b
			}
		}
	}
	if c.Baseline == "" {
		c.Baseline = "the baselines of the paper (not named in the abstract)"
		review = append(review, "baseline not named in the abstract")
	}
	c.Metric = beatsMetric(l)
	if c.Metric == "" {
		c.Metric = "performance"
	}
	c.Better = betterOf(c.Metric)
	if c.Better == "" {
		c.Better = "higher"
	}
	c.Review = strings.Join(review, "; ")
	return c, true
}

var (
	performanceOf = regexp.MustCompile(`\b([a-z][a-z-]*)\s+performance\b`)
	notMetricWord = map[string]bool{"better": true, "superior": true, "comparable": true, "equivalent": true,
		"similar": true, "competitive": true, "overall": true, "strong": true, "improved": true, "the": true,
		"its": true, "their": true, "our": true, "achieves": true, "achieve": true, "same": true, "good": true,
		"high": true, "higher": true, "best": true, "model": true, "significant": true, "excellent": true}
	baselineNoun = regexp.MustCompile(`\b(?:baselines?|methods?|approaches|models|algorithms|codecs|networks|systems|techniques|solutions|counterparts|tokenizers|layers|works)\b`)
)

// keywordRE matches each metric keyword as a whole word.
var keywordRE = func() map[string]*regexp.Regexp {
	m := map[string]*regexp.Regexp{}
	for _, k := range metricKeywords {
		m[k.word] = regexp.MustCompile(`\b` + regexp.QuoteMeta(k.word) + `\b`)
	}
	return m
}()

// beatsMetric names what a comparative sentence compares: "in terms of
// geometric consistency", "rate-distortion performance", else the first
// measured word in it, else "performance".
func beatsMetric(l string) string {
	if loc := termsOf.FindStringIndex(l); loc != nil {
		if ws, _ := nounPhrase(l[loc[1]:], 3); len(ws) > 0 {
			return snake(ws...)
		}
	}
	for _, m := range performanceOf.FindAllStringSubmatch(l, -1) {
		if !notMetricWord[m[1]] {
			return snake(m[1], "performance")
		}
	}
	best, at := "", len(l)
	for _, k := range metricKeywords {
		switch k.word {
		case "performance", "ratio", "compression", "quality", "efficiency":
			continue
		}
		loc := keywordRE[k.word].FindStringIndex(l)
		if loc != nil && loc[0] < at {
			best, at = k.word, loc[0]
		}
	}
	if best != "" {
		return best
	}
	return "performance"
}

// baselinePhrase is phraseSpan cut after its first baseline noun:
// "various neural image and feature compression baselines".
func baselinePhrase(t *text, from, limit int) string {
	b := phraseSpan(t, from, limit)
	if loc := baselineNoun.FindStringIndex(asciiLower(b)); loc != nil {
		b = b[:loc[1]]
	}
	return b
}
