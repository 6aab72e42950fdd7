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

// measurePhrases are the vocabulary's phrases, for a lookup by the whole
// phrase.
var measurePhrases = func() map[string]bool {
	set := make(map[string]bool, len(measures))
	for _, m := range measures {
		set[strings.Join(m, " ")] = true
	}
	return set
}()

// inVocabulary reports whether ws is, word for word, a measure of the
// vocabulary (measures.txt).
func inVocabulary(ws []string) bool {
	return measurePhrases[strings.Join(ws, " ")]
}

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
// A measure that cannot be what the number's unit counts is passed over:
// "to 0.67 GB while keeping word error rate" is not a word error rate.
func vocabularyMeasure(before, after, unit string) []string {
	bw := vocabWord.FindAllString(strings.ReplaceAll(before, "-", " "), -1)
	aw := vocabWord.FindAllString(strings.ReplaceAll(after, "-", " "), -1)
	if len(aw) > 6 {
		aw = aw[:6]
	}
	if len(bw) > 12 {
		bw = bw[len(bw)-12:]
	}
	if m := firstMeasure(aw, unit); m != nil {
		return m
	}
	// Before the number, the measure that ends nearest to it, the longest
	// of those.
	for end := len(bw); end > 0; end-- {
		for _, m := range measures {
			if end-len(m) >= 0 && sameWords(bw[end-len(m):end], m) && measureFitsUnit(m, unit) {
				return m
			}
		}
	}
	return nil
}

// firstMeasure is the vocabulary measure that starts earliest in ws.
func firstMeasure(ws []string, unit string) []string {
	for start := range ws {
		for _, m := range measures {
			if start+len(m) <= len(ws) && sameWords(ws[start:start+len(m)], m) && measureFitsUnit(m, unit) {
				return m
			}
		}
	}
	return nil
}

// sizeMeasure and timeMeasureWord are the last words of measures a size
// in bytes or a time can be.
var (
	sizeMeasure = map[string]bool{"memory": true, "size": true, "footprint": true, "storage": true, "usage": true, "cache": true, "consumption": true, "requirement": true, "overhead": true, "traffic": true, "volume": true, "weights": true, "model": true,
		"throughput": true, "bandwidth": true} // GB/s: a size per second
	timeMeasureWord = map[string]bool{"time": true, "latency": true, "runtime": true, "duration": true, "delay": true, "ttft": true, "tpot": true, "tbt": true, "overhead": true, "budget": true, "cost": true}
)

// measureFitsUnit reports whether a measure can be counted in the unit: a
// size in bytes is a memory, a size or a storage, a time a time or a
// latency, a count of FLOPs a FLOPs count; other units take any measure.
func measureFitsUnit(m []string, unit string) bool {
	last := strings.TrimSuffix(m[len(m)-1], "s")
	switch unit {
	case "B", "KB", "MB", "GB", "TB":
		return sizeMeasure[last] || sizeMeasure[m[len(m)-1]]
	case "ms", "s", "min", "h":
		return timeMeasureWord[last] || timeMeasureWord[m[len(m)-1]]
	case "FLOPs":
		return strings.Contains(m[len(m)-1], "flop")
	}
	return true
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
