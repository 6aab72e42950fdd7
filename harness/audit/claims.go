package audit

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/repro-harness/repro/harness/spec"
)

// numberRe finds numbers as a README writes them: 2187, 2,187, 2.8, .5.
var numberRe = regexp.MustCompile(`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`)

// unitRes says how a README writes a claim's unit right after the number.
var unitRes = map[string]*regexp.Regexp{
	"x": regexp.MustCompile(`^\s?(?:[xX×](?:$|[^A-Za-z])|times\b|-?fold\b)`),
	"%": regexp.MustCompile(`^\s?(?:%|percent\b|pp\b|percentage points?\b)`),
}

// unitRe returns the pattern for unit u written after a number.
func unitRe(u string) *regexp.Regexp {
	if re, ok := unitRes[strings.ToLower(u)]; ok {
		return re
	}
	return regexp.MustCompile(`(?i)^\s?` + regexp.QuoteMeta(u) + `(?:$|[^A-Za-z])`)
}

// claims returns, for each claim, the README line that states its number:
// its value (or the bounds of a range) followed by its unit, or, for
// numbers distinctive enough not to occur by chance (2187, 12.85), the
// bare number. Numbers inside longer ones never match: 2.8 is not in 12.85
// nor in v2.8.1.
func (d *doc) claims(cs []spec.Claim) map[string]string {
	out := map[string]string{}
	for _, c := range cs {
		var vals []float64
		for _, p := range []*float64{c.Value, c.Max, c.Min} {
			if p != nil {
				vals = append(vals, math.Abs(*p))
			}
		}
		if len(vals) == 0 {
			continue
		}
		if i := d.findNumber(vals, c.Unit); i >= 0 {
			out[c.ID] = d.at(i)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// findNumber returns the first line that states one of vals with unit, or
// failing that the first that states a distinctive one bare, or -1.
func (d *doc) findNumber(vals []float64, unit string) int {
	var ure *regexp.Regexp
	if unit != "" {
		ure = unitRe(unit)
	}
	bare := -1
	for i, l := range d.lines {
		for _, n := range numbersIn(l.text) {
			if !containsFloat(vals, n.value) {
				continue
			}
			if ure != nil && ure.MatchString(l.text[n.end:]) {
				return i
			}
			if bare < 0 && (ure == nil || distinctive(n.text)) {
				bare = i
			}
		}
	}
	return bare
}

// number is one number found in a line.
type number struct {
	text  string
	value float64
	end   int // offset just after it
}

// numbersIn returns the standalone numbers of s: not part of a version
// (1.2.3), a longer number, or an identifier (x86, 3D is fine: the unit
// check decides).
func numbersIn(s string) []number {
	var out []number
	for _, loc := range numberRe.FindAllStringIndex(s, -1) {
		a, b := loc[0], loc[1]
		if a > 0 {
			p := s[a-1]
			if p == '.' || p == ',' && a > 1 && isDigit(s[a-2]) || isDigit(p) || isLetter(p) || p == '_' {
				continue
			}
		}
		if b < len(s) && (s[b] == '.' || s[b] == ',') && b+1 < len(s) && isDigit(s[b+1]) {
			continue
		}
		text := s[a:b]
		v, err := strconv.ParseFloat(strings.ReplaceAll(text, ",", ""), 64)
		if err != nil {
			continue
		}
		out = append(out, number{text: text, value: v, end: b})
	}
	return out
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func containsFloat(vals []float64, v float64) bool {
	for _, w := range vals {
		if math.Abs(v-w) <= 1e-9*math.Max(1, math.Abs(w)) {
			return true
		}
	}
	return false
}

// distinctive reports whether a number has enough significant digits (at
// least three, not counting zeros at either end) to be unlikely to appear
// by chance: 2187 and 12.85 are, 2.8 and 1000 are not.
func distinctive(text string) bool {
	digits := strings.TrimLeft(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, text), "0")
	return len(strings.TrimRight(digits, "0")) >= 3
}
