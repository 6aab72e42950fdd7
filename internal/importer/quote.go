package importer

import "strings"

// splitWords separate two claims in one clause: "by up to 60% with less
// than 2% loss", "by up to 4x and reduces the KV cache by 50%".
var splitWords = []string{" and ", " with ", " while ", " whereas ", " but ", " yielding ", " achieving ", " leading to ", " at "}

// splitPoint returns where the gap s[from:to] between two claims divides:
// the start of the first split word, or -1 when there is none.
func splitPoint(s string, from, to int) int {
	if from >= to {
		return -1
	}
	gap := s[from:to]
	best := -1
	for _, w := range splitWords {
		if k := strings.Index(gap, w); k >= 0 && (best < 0 || k < best) {
			best = k
		}
	}
	if best < 0 {
		return -1
	}
	return from + best + 1 // after the leading space
}

// quoteSpan returns the normalized span of the clause around the number at
// [a, b): back to the previous comma, semicolon, colon or open parenthesis
// (at least three words), forward to the next, without crossing into the
// neighbouring claims, with parentheses balanced.
func quoteSpan(t *text, sent [2]int, a, b, prevEnd, nextStart int) (int, int) {
	s := t.s
	lo, hi := sent[0], sent[1]
	if prevEnd > lo && prevEnd <= a {
		lo = prevEnd
		if k := splitPoint(s, prevEnd, a); k >= 0 {
			lo = k
		}
	}
	if nextStart < hi && nextStart >= b {
		hi = nextStart
		if k := splitPoint(s, b, nextStart); k > b {
			hi = k - 1
		}
	}
	qb := walkRight(s, b, hi, sent[1])
	qa := a
	for tries := 0; tries < 3; tries++ {
		qa = walkLeft(s, lo, qa)
		if words(s[qa:qb]) >= 3 || qa <= lo {
			break
		}
		qa-- // step over the delimiter and take one more clause
	}
	// Keep long clauses readable: about a dozen words either side.
	if a-qa > 100 {
		qa = wordStart(s, a-80)
	}
	if qb-b > 120 {
		qb = wordEnd(s, b+100)
	}
	qa, qb = balance(s, qa, qb, a, b, sent[1])
	qa, qb = trim(s, qa, qb, a, b)
	if qa >= qb || qa > a || qb < b {
		// A quote always holds its number: on hostile bytes the walks can
		// end inside a number the words after it stretched.
		return a, b
	}
	return qa, qb
}

// clauseWords start a new clause inside a sentence.
var clauseWords = []string{" while ", " whereas ", " thus ", " thereby ", " which ", " and further ", " and also "}

func clauseWordAt(s string, i int) bool {
	for _, w := range clauseWords {
		if strings.HasPrefix(s[i:], w) {
			return true
		}
	}
	return false
}

func walkLeft(s string, lo, qa int) int {
	for qa > lo {
		if qa < len(s) && s[qa-1] == ' ' && clauseWordAt(s, qa-1) {
			return qa
		}
		c := s[qa-1]
		switch c {
		case ')':
			if k := matchOpen(s, lo, qa-1); k >= 0 {
				qa = k
				continue
			}
			return qa
		case '(', ',', ';', ':', '\n':
			if !numberPunct(s, qa-1) {
				return qa
			}
		}
		qa--
	}
	return lo
}

func walkRight(s string, qb, hi, sentEnd int) int {
	for qb < hi {
		if s[qb] == ' ' && clauseWordAt(s, qb) {
			return qb
		}
		c := s[qb]
		switch c {
		case '(':
			if k := matchClose(s, qb, hi); k >= 0 {
				qb = k + 1
				continue
			}
			return qb
		case ')', ',', ';', ':', '\n':
			if !numberPunct(s, qb) {
				return qb
			}
		case '.', '!', '?':
			if qb+1 >= sentEnd || qb+1 < len(s) && s[qb+1] == ' ' && qb+2 >= sentEnd {
				return qb
			}
		}
		qb++
	}
	return hi
}

// matchOpen finds the '(' that the ')' at close matches, not before lo.
func matchOpen(s string, lo, close int) int {
	depth := 0
	for k := close; k >= lo; k-- {
		switch s[k] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// matchClose finds the ')' that the '(' at open matches, before hi.
func matchClose(s string, open, hi int) int {
	depth := 0
	for k := open; k < hi && k < len(s); k++ {
		switch s[k] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// balance makes the parentheses in s[qa:qb] pair up, by taking the closing
// parenthesis when it is near, or by dropping the unmatched part.
func balance(s string, qa, qb, a, b, sentEnd int) (int, int) {
	for iter := 0; iter < 8; iter++ {
		open, firstClose := -1, -1
		depth := 0
		for k := qa; k < qb; k++ {
			switch s[k] {
			case '(':
				depth++
				if depth == 1 {
					open = k
				}
			case ')':
				if depth == 0 {
					if firstClose < 0 {
						firstClose = k
					}
				} else {
					depth--
				}
			}
		}
		switch {
		case firstClose >= 0:
			if firstClose >= b {
				qb = firstClose
			} else {
				qa = firstClose + 1
			}
		case depth > 0:
			if k := matchClose(s, open, sentEnd); k >= 0 && k-qb <= 60 {
				qb = k + 1
			} else if open < a {
				qa = open + 1
			} else {
				qb = open
			}
		default:
			return qa, qb
		}
	}
	return qa, qb
}

var leadingWords = []string{"and ", "or ", "but ", "yet ", "thus ", "hence ", "so ", "then ", "also "}

func trim(s string, qa, qb, a, b int) (int, int) {
	for {
		for qa < a && (s[qa] == ' ' || s[qa] == '-' || s[qa] == '.') {
			qa++
		}
		moved := false
		for _, w := range leadingWords {
			if qa+len(w) <= a && strings.EqualFold(s[qa:qa+len(w)], w) {
				qa += len(w)
				moved = true
			}
		}
		if !moved {
			break
		}
	}
	for qb > b && strings.IndexByte(" ,;:.", s[qb-1]) >= 0 {
		qb--
	}
	return qa, qb
}

func words(s string) int { return len(strings.Fields(s)) }

// wordStart moves i forward to the start of a word.
func wordStart(s string, i int) int {
	for i < len(s) && i > 0 && s[i-1] != ' ' {
		i++
	}
	return i
}

// wordEnd moves i forward to the end of a word.
func wordEnd(s string, i int) int {
	for i < len(s) && s[i] != ' ' {
		i++
	}
	return i
}

// numberPunct reports whether the comma or colon at s[i] is inside a
// number or ratio ("1,200", "2:4", "100:1") rather than between clauses.
func numberPunct(s string, i int) bool {
	return (s[i] == ',' || s[i] == ':') && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1])
}
