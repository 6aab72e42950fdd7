package importer

import (
	_ "embed"
	"regexp"
	"slices"
	"strings"
)

// measures.txt is the vocabulary of measures: one measure per line, its
// words separated by spaces ("success rate", "kv cache hit rate"). It is
// learned from the labelled development abstracts (every labelled metric
// name, less its change and summary words, that the abstract itself
// writes) by TestMeasureVocabulary, which also checks that the committed
// file is what those abstracts give (go test -run TestMeasureVocabulary
// -update rewrites it). Held-out sets are never part of it.
//
//go:embed measures.txt
var measuresFile string

// measures are the vocabulary's phrases, longest first, so that "kv cache
// hit rate" wins over "hit rate".
var measures = loadMeasures(measuresFile)

func loadMeasures(file string) [][]string {
	var out [][]string
	for _, line := range strings.Split(file, "\n") {
		if ws := strings.Fields(line); len(ws) > 0 && !strings.HasPrefix(line, "#") {
			out = append(out, ws)
		}
	}
	// Longest first, in the file's order within a length.
	slices.SortStableFunc(out, func(a, b []string) int { return len(b) - len(a) })
	return out
}

var vocabWord = regexp.MustCompile(`[a-z0-9@]+`)

// vocabularyMeasure finds the measure of the vocabulary that the clause
// around a number names, nearest to the number: after it first (the
// noun a number qualifies: "84% success rate"), then before it. before
// and after are the clause's lower-case text on either side of the
// number. It returns the measure's words, or nil.
func vocabularyMeasure(before, after string) []string {
	bw := vocabWord.FindAllString(strings.ReplaceAll(before, "-", " "), -1)
	aw := vocabWord.FindAllString(strings.ReplaceAll(after, "-", " "), -1)
	if len(aw) > 6 {
		aw = aw[:6]
	}
	if len(bw) > 12 {
		bw = bw[len(bw)-12:]
	}
	if m := firstMeasure(aw); m != nil {
		return m
	}
	// Before the number, the measure that ends nearest to it, the longest
	// of those.
	for end := len(bw); end > 0; end-- {
		for _, m := range measures {
			if end-len(m) >= 0 && sameWords(bw[end-len(m):end], m) {
				return m
			}
		}
	}
	return nil
}

// firstMeasure is the vocabulary measure that starts earliest in ws.
func firstMeasure(ws []string) []string {
	for start := range ws {
		for _, m := range measures {
			if start+len(m) <= len(ws) && sameWords(ws[start:start+len(m)], m) {
				return m
			}
		}
	}
	return nil
}

// sameWords compares words, a plural "s" aside.
func sameWords(text, measure []string) bool {
	for i := range measure {
		if text[i] != measure[i] && strings.TrimSuffix(text[i], "s") != measure[i] {
			return false
		}
	}
	return true
}
