package importer

import (
	"regexp"
	"strings"
)

// A list of levels and a list of the measures they are levels of, side by
// side: "reaches 96.76%, 96.78%, 96.79% and 96.79% in accuracy, precision,
// recall and F1-score", "an accuracy, precision and recall of 98.1%, 97.5%
// and 96.2%". The n-th level is of the n-th measure, "respectively" said
// or not, when both lists are as long and every member of the second is a
// measure.

// namesAfterEnd ends the list of measures after the levels: a preposition
// that opens what they were measured on, or the end of the clause.
var namesAfterEnd = regexp.MustCompile(`[;.(]|\s+(?:respectively|on|for|across|in|with|at|over|compared|than|while|which|when|under|using|from)\b`)

// namesAfterOpen is what may come between the last level and the measures.
var namesAfterOpen = regexp.MustCompile(`^\s*(?:in\s+(?:terms\s+of\s+)?|for\s+|of\s+)?(?:the\s+)?`)

// namesBeforeClose is what may come between the measures and the first
// level: "an accuracy and F1 of", "precision and recall were".
var namesBeforeClose = regexp.MustCompile(`\s+(?:of|were|are|reached|reaching|reach)\s*(?:,?\s*respectively\s*,?\s*)?$|\s*[:=]\s*$`)

// namesAfterValues reads the n measures that follow a list of n levels, or
// returns nil.
func namesAfterValues(post string, n int) []string {
	post = post[len(namesAfterOpen.FindString(post)):]
	if loc := namesAfterEnd.FindStringIndex(post); loc != nil {
		post = post[:loc[0]]
	}
	parts := listParts(post)
	if len(parts) != n {
		return nil
	}
	return measureNames(parts, false)
}

// namesBeforeValues reads the n measures that come before a list of n
// levels, or returns nil.
func namesBeforeValues(pre string, n int) []string {
	loc := namesBeforeClose.FindStringIndex(pre)
	if loc == nil {
		return nil
	}
	pre = pre[:loc[0]]
	if k := strings.LastIndexAny(pre, ".;:()"); k >= 0 {
		pre = pre[k+1:]
	}
	parts := listParts(pre)
	if len(parts) < n {
		return nil
	}
	return measureNames(parts[len(parts)-n:], true)
}

// listParts splits "a, b, and c" or "a and b" into its members; it
// returns one part when there is no list.
func listParts(s string) []string {
	s = strings.Trim(s, " ,")
	s = strings.ReplaceAll(s, ", and ", ", ")
	s = strings.ReplaceAll(s, " and ", ", ")
	var parts []string
	for _, p := range strings.Split(s, ",") {
		parts = append(parts, strings.TrimSpace(p))
	}
	return parts
}

// measureNames names each part, or returns nil when one is not a measure.
// firstOpen says the first part may carry words before its measure ("the
// model reached an accuracy"): only the words after the last determiner or
// verb are its name.
func measureNames(parts []string, firstOpen bool) []string {
	names := make([]string, len(parts))
	for k, p := range parts {
		ws := strings.Fields(p)
		if k == 0 && firstOpen {
			start := 0
			for i, w := range ws {
				if determiners[w] || verbLike.MatchString(w) && !measureNoun[w] {
					start = i + 1
				}
			}
			ws = ws[start:]
		}
		if len(ws) == 0 || len(ws) > 3 || !isMetricPhrase(ws) {
			return nil
		}
		for _, w := range ws {
			if determiners[w] || verbLike.MatchString(w) && !measureNoun[w] {
				return nil
			}
		}
		names[k] = snake(ws...)
	}
	return names
}

// bareListGap is what separates two levels of a list with nothing else
// between them: ", ", " and ", ", and ".
var bareListGap = regexp.MustCompile(`^\s*(?:,\s*(?:and\s+)?|and\s+)$`)

// verbLike is a word that ends the words before a measure's name: "the
// model achieved an accuracy", "with a precision".
var verbLike = regexp.MustCompile(`^(?:\w+ed|\w+es|\w+ing|less|more|fewer|lower|higher|faster|slower|smaller|larger|[0-9.]+|achieves|reaches|obtains|shows|yields|gives|with|of|by|to|in|on|at|for|and|or)$`)

// pairMeasures names out[i:j+1], a list of levels, after the list of as
// many measures right after or right before it, and says whether it did.
func pairMeasures(t *text, out []Claim, from []int, sure []bool, kept []mention, i, j int) bool {
	first, last := kept[from[i]], kept[from[j]]
	n := j - i + 1
	for k := i; k < j; k++ {
		if !bareListGap.MatchString(t.lower[kept[from[k]].b:kept[from[k+1]].a]) {
			return false // "(90.9% accuracy, 95.2% sensitivity)": each level named on its own
		}
		if changeSplit.MatchString(out[k].Metric) {
			return false // "5.92% and 4.99% in terms of D1-PSNR and D2-PSNR": savings, not levels
		}
	}
	names := namesAfterValues(t.lower[last.b:min(len(t.lower), last.b+120)], n)
	if names == nil {
		names = namesBeforeValues(t.lower[max(0, first.a-160):first.a], n)
	}
	if names == nil {
		return false
	}
	for k := i; k <= j; k++ {
		if kept[from[k]].unit != first.unit {
			return false // "98% and 12 ms in accuracy and latency" is fine, but rare; units apart are likely other lists
		}
	}
	for k := i; k <= j; k++ {
		out[k].Metric = names[k-i]
		if out[k].Better = betterOf(names[k-i]); out[k].Better == "" {
			out[k].Better = "higher"
		}
		out[k].Review = dropReviews(out[k].Review, reviewsOfGuessedName...)
		sure[k] = true
	}
	return true
}

// measureNoun are plurals that verbLike would take for verbs: "Dice
// scores", "IoU values".
var measureNoun = map[string]bool{"scores": true, "values": true, "rates": true, "measures": true, "indices": true, "errors": true}
