package importer

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// text is an abstract rewritten for matching, with a map back to the
// original bytes so that every quote is cut from the original. The
// rewriting drops LaTeX noise ("$", "\mathbf{…}"), spells "\%", "\times",
// "×", "\geq", "≥", "–" and friends in plain ASCII, and keeps byte
// offsets: s[i] came from orig[start[i]:end[i]].
type text struct {
	orig  string
	s     string // normalized
	lower string // s with ASCII letters lower-cased (same length)
	start []int
	end   []int
}

// foldPair is the first of two multiples sharing one "-fold": "5- and
// 10-fold".
var foldPair = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)-\s+(?:and|or)\s+[0-9]+(?:\.[0-9]+)?-fold`)

// fractionTimes is a small fraction glued to a times sign: "1/8x",
// "1/4\times".
var fractionTimes = regexp.MustCompile(`^([1-9])/([1-9][0-9]?)(?:x|\\times|×)`)

// powerOfTen is ten to a small positive power: "10^3", "10^{4}".
var powerOfTen = regexp.MustCompile(`^10\^\{?([1-9])\}?`)

var wrapperOpen = regexp.MustCompile(`\\[a-zA-Z]+\{$`)

var tripledPercent = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)%percent([0-9]+(?:\.[0-9]+)?)\\%([0-9]+(?:\.[0-9]+)?) ?%`)

// tripledTimes is the ratio an arXiv HTML page writes three times: the
// glyphs, the LaTeX source and the alternative text ("2×2\times2 ×").
// Some pages double the sign as well ("1.51××1.51\texttimes\times1.51 × ×").
var tripledTimes = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)××?([0-9]+(?:\.[0-9]+)?)(?:\\texttimes)?\\times([0-9]+(?:\.[0-9]+)?) ?(?:× ?)?×`)

// boldEcho is the LaTeX source and the MathML text an arXiv HTML page
// writes after a bold formula it has already rendered:
// "\bm{1.3\times\sim 1.7\times}bold_1.3 bold_× bold_∼ bold_1.7 bold_×".
// It is dropped whole.
var boldEcho = regexp.MustCompile(`\\bm\{[^{}]*\}(?:bold_[^\s]+(?: |$))+`)

// footnoteMark is a footnote's number an arXiv HTML page writes three
// times between a word and the footnote's text ("19 times
// faster111An online demo is ..."): the mark ends the sentence.
var footnoteMark = regexp.MustCompile(`[a-z]{2}(111|222|333|444|555|666|777|888|999)[A-Z]`)

// thinSpaceComma is what follows a comma that stands for a lost thin
// space between a number and its unit or magnitude: "2.0,M-parameter",
// "23,ms per cycle".
var thinSpaceComma = regexp.MustCompile(`^(?:ms|[MKBG]-?param|[MKBG]\s+param|GB|MB|GFLOPs|FPS)\b`)

// decimalComma is a comma and one or two digits before a percent sign:
// "91,57%", "96,9%" (a thousands comma has three digits after it).
// groupedBefore is a number already grouped with commas, or a list
// member, before it: "1,2,3%".
var (
	decimalComma  = regexp.MustCompile(`^,[0-9]{1,2}\s*\\?%`)
	groupedBefore = regexp.MustCompile(`[0-9],[0-9]+$|[,.][0-9]+$`)
)

// spacedDecimal is a decimal point followed by a space and one or two
// digits before a percent sign ("77. 7%", "86. 27%"); wordThenNumber is
// a lower-case word and the integer part before it, so that the point is
// inside a sentence, not the end of one followed by a share.
var (
	spacedDecimal  = regexp.MustCompile(`^\. [0-9]{1,2}\s?\\?%`)
	wordThenNumber = regexp.MustCompile(`[a-z]+ [0-9]{1,3}$`)
)

// afterF reports whether orig[i] follows an F, maybe through the "$" that
// opens the subscript's math ("F$_1$").
func afterF(orig string, i int) bool {
	k := i - 1
	if k >= 0 && orig[k] == '$' {
		k--
	}
	return k >= 0 && (orig[k] == 'F' || orig[k] == 'f')
}

// f1SubscriptEnd reports whether the subscript at orig[i] ("_1", "_{1}")
// ends there, not "F_10" or "f_1x".
func f1SubscriptEnd(orig string, i int) bool {
	e := i + 2
	if orig[i+1] == '{' {
		e = i + 4
	}
	return e >= len(orig) || !isASCIILetter(orig[e]) && !isDigit(orig[e])
}

// apRangeColon reports whether orig[i] is the colon of an average
// precision over a range of IoU thresholds, "mAP50:95" or "AP50:95".
func apRangeColon(orig string, i int) bool {
	if i < 4 || i+2 >= len(orig) || !isDigit(orig[i+1]) || !isDigit(orig[i-1]) {
		return false
	}
	pre := strings.ToLower(orig[max(0, i-5):i])
	return strings.HasSuffix(pre, "ap50") || strings.HasSuffix(pre, "ap.5") || strings.HasSuffix(pre, "p@50") // "mAP@50:95"
}

// mathNames are the names an arXiv HTML page writes before the LaTeX
// source of a relation ("similar-to\sim", "approximately-equals\approx"):
// the name is dropped and the command read as usual.
var mathNames = regexp.MustCompile(`(?:similar-to|approximately-equals|greater-than-or-equal-to|less-than-or-equal-to|greater-than-or-equals|less-than-or-equals)\\(?:sim|approx|geq|leq|ge|le)`)

// latexWords maps LaTeX commands (without the backslash) to their plain
// spelling. Commands that wrap an argument are in latexWrappers.
var latexWords = map[string]string{
	"times":          "x",
	"geq":            ">=",
	"geqslant":       ">=",
	"ge":             ">=",
	"leq":            "<=",
	"leqslant":       "<=",
	"le":             "<=",
	"sim":            "~",
	"approx":         "~",
	"simeq":          "~",
	"thicksim":       "~",
	"gtrsim":         ">=",
	"lesssim":        "<=",
	"textgreater":    ">",
	"textless":       "<",
	"textasciitilde": "~",
	"pm":             "+-",
	"cdot":           "*",
	// "15.8\%$\to$26.3\%": the level before and after a change.
	"to":             " -> ",
	"rightarrow":     " -> ",
	"longrightarrow": " -> ",
	// "4.18\%$\uparrow$ in GSR": the way a measure moved, as the
	// Unicode arrows spell it.
	"uparrow":   "↑",
	"downarrow": "↓",
}

// textDash is a dash set as text in a brace group, a digit right after:
// "{\text -}", "{\text{-}}".
var textDash = regexp.MustCompile(`^\{\\text\s*(?:-|\{-\})\}[0-9]`)

var latexWrappers = map[string]bool{
	"mathbf": true, "textbf": true, "mathrm": true, "text": true, "textit": true,
	"emph": true, "boldsymbol": true, "mathit": true, "bm": true, "textrm": true,
	"textsc": true, "texttt": true, "mathsf": true, "textsf": true, "underline": true,
	"mathbb": true, "ensuremath": true, "mbox": true,
}

// runeSpellings maps Unicode symbols to ASCII; "" drops the rune.
var runeSpellings = map[rune]string{
	'×': "x", '≥': ">=", '⩾': ">=", '≤': "<=", '⩽': "<=", '∼': "~", '≈': "~", '～': "~",
	'ø': "o", 'ö': "o", // "Bjøntegaard", as names are read
	'–': "-", '—': "-", '‑': "-", '‐': "-", '−': "-", '‒': "-",
	'\u00a0': " ", '\u2009': " ", '\u202f': " ", '\u2002': " ", '\u2003': " ",
	'\u2004': " ", '\u2005': " ", '\u2006': " ", '\u2007': " ", '\u2008': " ", '\u200a': " ",
	'\u200b': "", '\ufeff': "", '\u00ad': "",
	'’': "'", '‘': "'", '“': `"`, '”': `"`, '％': "%", '±': "+-",
	'→': " -> ", '⟶': " -> ",
	'κ': "kappa", // "$κ= 0.842$": Cohen's kappa by its letter, spelt as the vocabulary knows it
}

func normalize(orig string) *text {
	t := &text{orig: orig}
	var b strings.Builder
	b.Grow(len(orig))
	t.start = make([]int, 0, len(orig))
	t.end = make([]int, 0, len(orig))
	var last byte // the last byte written
	emit := func(piece string, from, to int) {
		for k := 0; k < len(piece); k++ {
			t.start = append(t.start, from)
			t.end = append(t.end, to)
		}
		b.WriteString(piece)
		if piece != "" {
			last = piece[len(piece)-1]
		}
	}
	var braces []bool // one per open '{': whether it belongs to a dropped wrapper
	// timesAt is where the last times sign was written: a listing that
	// renders "2.67×\times" writes one ratio twice, and "3.5×faster" glues
	// the sign to a word.
	timesEnd := -1
	times := func(from, to int) {
		if timesEnd >= 0 && (b.Len() == timesEnd || b.Len() == timesEnd+1 && last == ' ') {
			emit("", from, to)
			return
		}
		emit("x", from, to)
		if to < len(orig) && isASCIILetter(orig[to]) {
			emit(" ", to, to)
		}
		timesEnd = b.Len()
	}
	// "9%percent99\%9 %": an arXiv HTML page renders a percentage three
	// times (the glyphs, the annotation and the alternative text).
	tripled := tripledPercent.FindAllStringSubmatchIndex(orig, -1)
	// Spans an arXiv HTML page writes that are replaced whole: numbers
	// written twice ("1.66×1.66\times"), bold echoes, footnote marks.
	rewrites := spanRewrites(orig)
	tripledX := tripledTimes.FindAllStringSubmatchIndex(orig, -1)
	names := mathNames.FindAllStringIndex(orig, -1)
	for i := 0; i < len(orig); {
		for len(tripledX) > 0 && tripledX[0][0] < i {
			tripledX = tripledX[1:]
		}
		if len(tripledX) > 0 && i == tripledX[0][0] && (i == 0 || !isDigit(orig[i-1]) && orig[i-1] != '.') {
			m := tripledX[0]
			tripledX = tripledX[1:]
			n := orig[m[2]:m[3]]
			if orig[m[4]:m[5]] == n && orig[m[6]:m[7]] == n {
				emit(n+"x", i, m[1])
				if m[1] < len(orig) && isASCIILetter(orig[m[1]]) && (len(names) == 0 || names[0][0] != m[1]) {
					emit(" ", m[1], m[1])
				}
				i = m[1]
				continue
			}
		}
		for len(names) > 0 && names[0][0] < i {
			names = names[1:]
		}
		if len(names) > 0 && i == names[0][0] {
			k := strings.IndexByte(orig[i:names[0][1]], '\\')
			names = names[1:]
			emit("", i, i+k)
			i += k
			continue
		}
		if len(rewrites) > 0 && i == rewrites[0].from {
			r := rewrites[0]
			rewrites = rewrites[1:]
			emit(r.repl, r.from, r.to)
			i = r.to
			continue
		}
		for len(rewrites) > 0 && rewrites[0].from < i {
			rewrites = rewrites[1:]
		}
		if len(tripled) > 0 && i == tripled[0][0] {
			m := tripled[0]
			tripled = tripled[1:]
			n := orig[m[2]:m[3]]
			if orig[m[4]:m[5]] == n+n && orig[m[6]:m[7]] == n {
				emit(n+"%", i, m[1])
				i = m[1]
				continue
			}
		}
		for len(tripled) > 0 && tripled[0][0] < i {
			tripled = tripled[1:]
		}
		c := orig[i]
		switch {
		case c == '\\' && i+1 < len(orig):
			n := orig[i+1]
			if isASCIILetter(n) {
				j := i + 1
				for j < len(orig) && isASCIILetter(orig[j]) {
					j++
				}
				word := orig[i+1 : j]
				if word == "times" {
					times(i, j)
					i = j
					continue
				}
				if rep, ok := latexWords[word]; ok {
					emit(rep, i, j)
					i = j
					continue
				}
				if latexWrappers[word] && j < len(orig) && orig[j] == '{' {
					braces = append(braces, true)
					emit("", i, j+1)
					i = j + 1
					continue
				}
				emit(orig[i:j], i, j) // unknown command: keep as is
				i = j
				continue
			}
			switch n {
			case '%', '$', '&', '#', '_', '{', '}':
				emit(string(n), i, i+2)
			case ',', ';', ':', ' ':
				emit(" ", i, i+2)
			case '!', '(', ')', '[', ']':
				emit("", i, i+2) // "\!" a thin space; "\(5.49\times\)" math delimiters, as "$"
			default:
				emit(orig[i:i+2], i, i+2)
			}
			i += 2
		case c == '_' && afterF(orig, i) && (strings.HasPrefix(orig[i:], "_1") || strings.HasPrefix(orig[i:], "_{1}")) && f1SubscriptEnd(orig, i):
			// "F$_1$", "$F_{1}$ score": the F1 score, subscript in LaTeX.
			w := 2
			if orig[i+1] == '{' {
				w = 4
			}
			emit("1", i, i+w)
			i += w
		case c == '/' && i > 0 && isDigit(orig[i-1]) && i+1 < len(orig) && orig[i+1] == '%' && (i+2 == len(orig) || !isDigit(orig[i+2])):
			emit("", i, i+1) // "by 18/%": a percent sign a page wrote after a stray slash
			i++
		case c == ',' && i > 0 && isDigit(orig[i-1]) && thinSpaceComma.MatchString(orig[i+1:min(len(orig), i+14)]):
			emit(" ", i, i+1) // "a 2.0,M-parameter restorer", "about 23,ms": a thin space a listing wrote as a comma
			i++
		case c == ',' && i > 0 && isDigit(orig[i-1]) && decimalComma.MatchString(orig[i:min(len(orig), i+8)]) && !groupedBefore.MatchString(orig[max(0, i-8):i]):
			emit(".", i, i+1) // "over 91,57% accuracy": a decimal comma
			i++
		case c == '.' && i > 0 && isDigit(orig[i-1]) && spacedDecimal.MatchString(orig[i:min(len(orig), i+8)]) && wordThenNumber.MatchString(orig[max(0, i-24):i]):
			emit(".", i, i+2) // "achieves 77. 7% accuracy": a decimal point a listing spaced
			i += 2
		case c == ':' && apRangeColon(orig, i):
			emit("-", i, i+1) // "mAP50:95": the averaged IoU range, one name
			i++
		case c == '+' && strings.HasPrefix(orig[i:], "+/-"):
			emit("+-", i, i+3) // "55.2 +/- 3.6%": a plus-minus sign in ASCII
			i += 3
		case c == '$':
			emit("", i, i+1)
			i++
		case c == '*' && i+1 < len(orig) && orig[i+1] == '*':
			emit("", i, i+2) // "**1.9x**": markdown bold, as "\textbf{...}"
			i += 2
		case c == '*' && i > 0 && isDigit(orig[i-1]) && (i+1 == len(orig) || orig[i+1] == ' '):
			emit("", i, i+1) // "a 3.8* inference speedup": a star for the times sign the listing lost
			i++
		case c == '{' && strings.HasPrefix(orig[i:], "{\\times}"):
			times(i, i+len("{\\times}")) // "$23{\times}$": the sign in a brace group
			i += len("{\\times}")
		case c == '{' && strings.HasPrefix(orig[i:], "{\\sim}") && i > 0 && isDigit(orig[i-1]) && i+6 < len(orig) && isDigit(orig[i+6]):
			emit("-", i, i+6) // "$1.2{\sim}1.3\times$": a range written with a tilde
			i += 6
		case c == '{' && i > 0 && isDigit(orig[i-1]) && textDash.MatchString(orig[i:min(len(orig), i+14)]):
			// "$2{\text -}13\times$": a range's dash set as text in a brace group.
			w := len(textDash.FindString(orig[i:min(len(orig), i+14)])) - 1 // not the digit
			emit("-", i, i+w)
			i += w
		case c == '1' && (i == 0 || !isAlnum(orig[i-1]) && orig[i-1] != '.') && powerOfTen.MatchString(orig[i:min(len(orig), i+8)]):
			// "$10^3\times$": a power of ten written as one, spelt out.
			pm := powerOfTen.FindStringSubmatch(orig[i:min(len(orig), i+8)])
			emit("1"+strings.Repeat("0", int(pm[1][0]-'0')), i, i+len(pm[0]))
			i += len(pm[0])
		case isDigit(c) && (i == 0 || !isDigit(orig[i-1]) && orig[i-1] != '.') && foldPair.MatchString(orig[i:min(len(orig), i+30)]):
			// "a 5- and 10-fold reduction": the first member's "-fold"
			// is the second's, written once.
			n := foldPair.FindStringSubmatch(orig[i:min(len(orig), i+30)])[1]
			emit(n+"x", i, i+len(n)+1)
			i += len(n) + 1
		case isDigit(c) && (i == 0 || !isDigit(orig[i-1]) && orig[i-1] != '.' && orig[i-1] != '/') && fractionTimes.MatchString(orig[i:min(len(orig), i+12)]):
			// "only 1/8x the computational cost": a fraction of a multiple,
			// one ratio, not a pair "1/8".
			fm := fractionTimes.FindStringSubmatch(orig[i:min(len(orig), i+12)])
			num, den := float64(fm[1][0]-'0'), 0.0
			for _, d := range fm[2] {
				den = den*10 + float64(d-'0')
			}
			emit(strconv.FormatFloat(num/den, 'f', -1, 64)+"x", i, i+len(fm[0]))
			i += len(fm[0])
		case c == '{' && strings.HasPrefix(orig[i:], "{\\sim}"):
			emit("~", i, i+6) // "only ${\sim}300$": a tilde in a brace group, "about"
			i += 6
		case c == '{' && strings.HasPrefix(orig[i:], "{,}"):
			emit(",", i, i+3)
			i += 3
		case c == '{':
			braces = append(braces, false)
			emit("{", i, i+1)
			i++
		case c == '}':
			if n := len(braces); n > 0 {
				dropped := braces[n-1]
				braces = braces[:n-1]
				if dropped {
					emit("", i, i+1)
					i++
					continue
				}
			}
			emit("}", i, i+1)
			i++
		case c == '-' && strings.HasPrefix(orig[i:], "--"):
			j := i
			for j < len(orig) && orig[j] == '-' {
				j++
			}
			emit("-", i, j)
			i = j
		case c == '~' && i > 0 && (isDigit(orig[i-1]) || orig[i-1] == '$' && i > 1 && isDigit(orig[i-2])) && i+1 < len(orig) && (isASCIILetter(orig[i+1]) || orig[i+1] == '\\'):
			// "25~tokens/s", "0.96~s", "45~\%": LaTeX's unbreakable space
			// between a number and its unit, not "about".
			emit(" ", i, i+1)
			i++
		case c == '\r' || c == '\t':
			emit(" ", i, i+1)
			i++
		case c < utf8.RuneSelf:
			emit(orig[i:i+1], i, i+1)
			i++
		default:
			r, size := utf8.DecodeRuneInString(orig[i:])
			if r == '×' {
				times(i, i+size)
			} else if rep, ok := runeSpellings[r]; ok && r != utf8.RuneError {
				emit(rep, i, i+size)
			} else {
				emit(orig[i:i+size], i, i+size)
			}
			i += size
		}
	}
	t.s = b.String()
	t.lower = asciiLower(t.s)
	return t
}

// span returns the original byte range that normalized bytes [a, b) came
// from, widened so that a "$…$" or "\mathbf{…}" cut in half is closed.
func (t *text) span(a, b int) (int, int) {
	if a >= b || a < 0 || b > len(t.s) {
		return 0, 0
	}
	from, to := t.start[a], t.end[b-1]
	// "$\mathbf{2.35\times \sim 3.47\times}$": a quote that closes a
	// wrapper opened before it takes the opening along.
	for strings.Count(t.orig[from:to], "}") > strings.Count(t.orig[from:to], "{") {
		loc := wrapperOpen.FindStringIndex(t.orig[max(0, from-24):from])
		if loc == nil {
			break
		}
		from = max(0, from-24) + loc[0]
	}
	q := t.orig[from:to]
	if strings.Count(q, "$")%2 == 1 {
		switch {
		case to < len(t.orig) && t.orig[to] == '$':
			to++
		case from > 0 && t.orig[from-1] == '$':
			from--
		}
	}
	for to < len(t.orig) && t.orig[to] == '}' && strings.Count(t.orig[from:to], "{") > strings.Count(t.orig[from:to], "}") {
		to++
	}
	return from, to
}

// quote returns the original text behind normalized bytes [a, b).
func (t *text) quote(a, b int) (string, int) {
	from, to := t.span(a, b)
	return t.orig[from:to], from
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool       { return isASCIILetter(c) || isDigit(c) }

// rewrite replaces orig[from:to] by repl in the normalized text.
type rewrite struct {
	from, to int
	repl     string
}

var (
	// The value may carry a comparison the page writes twice too:
	// ">3×>3\times".
	dupSource = regexp.MustCompile(`(×|%)(>|<|~|≈|≥|≤)?([0-9]+(?:\.[0-9]+)?)\\(times|%)`)
	plainNum  = regexp.MustCompile(`^[0-9]+(?:\.[0-9]+)?$`)
)

// averageAfterBy is the "an average of" between "by" and its amount:
// "outperforms the baselines by an average of 2.3%" states the margin
// as "by 2.3%" does, and is read so.
var averageAfterBy = regexp.MustCompile(`(?i)\bby\s+(an\s+average\s+of\s+)(?:[$(]|\\[a-z]+\{)*[0-9]`)

// tildeAfterOf is a tilde or an approximation sign between "of" and a
// number: "a Root Mean Square Error (RMSE) of ~0.40", "a throughput of
// \sim1.2 frame/s" say "of about".
var tildeAfterOf = regexp.MustCompile(`\bof\s+\$?(~|\\sim\b|\\approx\b|≈|∼)\$?\s*[0-9]`)

// spanRewrites are the spans of orig replaced whole, in order: the
// numbers an arXiv HTML page writes twice (htmlDuplicates), the bold
// echoes dropped for a space, the footnote marks read as the end of a
// sentence, the "an average of" after "by", dropped, and the tilde after
// "of", spelled "about".
func spanRewrites(orig string) []rewrite {
	out := htmlDuplicates(orig)
	for _, m := range averageAfterBy.FindAllStringSubmatchIndex(orig, -1) {
		out = append(out, rewrite{m[2], m[3], ""})
	}
	for _, m := range tildeAfterOf.FindAllStringSubmatchIndex(orig, -1) {
		out = append(out, rewrite{m[2], m[3], "about "})
	}
	for _, e := range boldEcho.FindAllStringIndex(orig, -1) {
		out = append(out, rewrite{e[0], e[1], " "})
	}
	for _, m := range footnoteMark.FindAllStringSubmatchIndex(orig, -1) {
		out = append(out, rewrite{m[2], m[3], ". "})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].from < out[b].from })
	return out
}

// htmlDuplicates finds the numbers an arXiv HTML page writes twice: the
// value with its sign, then the same value with the LaTeX sign
// ("1.66×1.66\times", "34.6%34.6\%"); before it, the low end of a range
// written twice with the dash lost ("2.02.0" in "2.02.02.5×2.5\times").
// It returns the rewrites in order.
func htmlDuplicates(orig string) []rewrite {
	var out []rewrite
	for _, m := range dupSource.FindAllStringSubmatchIndex(orig, -1) {
		sign, n, latex := orig[m[2]:m[3]], orig[m[6]:m[7]], orig[m[8]:m[9]]
		if sign == "×" && latex != "times" || sign == "%" && latex != "%" {
			continue
		}
		if op := orig[max(m[4], 0):max(m[5], 0)]; op != "" && !strings.HasSuffix(orig[:max(m[0]-len(n), 0)], op) {
			continue // the first writing lacks the comparison: not one value twice
		}
		q := m[0] - len(n) // where the value starts
		if q < 0 || orig[q:m[0]] != n || q > 0 && (isDigit(orig[q-1]) && !lowEndBefore(orig, q) || orig[q-1] == '.') {
			continue
		}
		unit := "%"
		if sign == "×" {
			unit = "x"
		}
		from, repl := q, n+unit
		if k := lowEndLen(orig, q); k > 0 {
			lo := orig[q-k : q]
			from, repl = q-2*k, lo+"-"+n+unit
		}
		if len(out) > 0 && from < out[len(out)-1].to {
			continue
		}
		out = append(out, rewrite{from, m[1], repl})
	}
	return out
}

// lowEndLen is the length of a number written twice just before orig[q:]
// ("2.02.0" before "2.5"), or 0.
func lowEndLen(orig string, q int) int {
	for k := 1; k <= 12 && 2*k <= q; k++ {
		lo := orig[q-k : q]
		if orig[q-2*k:q-k] != lo || !plainNum.MatchString(lo) || lo[0] == '0' && len(lo) > 1 && lo[1] != '.' {
			continue
		}
		if b := q - 2*k; b > 0 && (isDigit(orig[b-1]) || orig[b-1] == '.') {
			continue
		}
		return k
	}
	return 0
}

func lowEndBefore(orig string, q int) bool { return lowEndLen(orig, q) > 0 }
