package importer

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repro-harness/repro/harness/claim"
)

// mention is one number (or range, or "a/b" pair, or number word) found in
// the normalized text, before it is judged to be a claim or not.
type mention struct {
	a, b    int       // normalized span: the number(s) with their unit
	vals    []float64 // one value, or one per member of an "a/b" pair
	lo, hi  float64   // a range
	isRange bool
	unit    string
	bound   claim.Bound // set by a word form ("sub-millisecond"); else from the words before
	review  string
	ordinal bool // "1st", "first": a rank if followed by "place"
	word    bool // a number word ("halves", "an order of magnitude")
	spaced  bool // a space separates the number and its unit
	// timesWord is set when the unit x was spelled "times", which also
	// counts repetitions ("run 3 times").
	timesWord bool
	price     bool // after a currency sign: "$0.228"
	fraction  bool // "1/3 of": a share written as a fraction, no unit
	// duration is set for a duration in words ("one hour", "single-hour"),
	// which is a claim only where the words around it say it is a time
	// taken (classifyNumber).
	duration bool
	// minus is set when a minus sign stands right before the number
	// ("by -14.8%"); whether it is the number's sign is decided where
	// the words around it are read (signed).
	minus bool
	// other is a unit the spec has no unit for ("TOPS/W", "GMACs"): the
	// number is kept without a unit and named from it.
	other string
	// tokensUsed is set for the tokens of data a method needs, stressed
	// as few ("only 20B tokens"): a cost, named from its tokens.
	tokensUsed bool
	// scoreChange is set for a bare number below one before a change on a
	// benchmark ("a 0.26 decrease on DPG"): the change of a score.
	scoreChange bool
	// levelOf is the score named right before a bare decimal below one
	// ("Precision 0.694", "ECE 0.043"): the number is its level.
	levelOf string
}

// first is the mention's first value: its one value, the first of an
// "a/b" pair, or a range's low end (a range has no vals).
func (m mention) first() float64 {
	if len(m.vals) > 0 {
		return m.vals[0]
	}
	return m.lo
}

// unitSpec is one spelling of a unit after a number.
type unitSpec struct {
	word string
	unit string
	fold bool    // match case-insensitively
	mult float64 // the number is multiplied by this (0: 1)
}

// unitSpecs is tried in order, so a longer spelling comes before its prefix.
var unitSpecs = []unitSpec{
	{"absolute percentage points", "pp", true, 0},
	{"absolute points", "points", true, 0},
	{"absolute point", "points", true, 0},
	{"percentage-points", "pp", true, 0},
	{"percentage-point", "pp", true, 0},
	{"percentage points", "pp", true, 0},
	{"percentage point", "pp", true, 0},
	{"percent", "%", true, 0},
	{"per cent", "%", true, 0}, // "87.5 per cent", as British English writes it
	{"precent", "%", true, 0},  // "a ROC AUC of 90 precent": percent misspelt, the author's meaning plain
	{"%p", "pp", false, 0},     // "+1.6%p": percentage points, as Korean papers write them
	{"%", "%", false, 0},
	{"p.p.", "pp", false, 0},
	{"pp", "pp", false, 0},
	{"points", "points", true, 0},
	{"point", "points", true, 0},
	{"pts", "points", false, 0},
	{"times", "x", true, 0},
	{"fold", "x", true, 0},
	{"x", "x", false, 0},
	{"X", "x", false, 0},
	{"tokens/s", "tokens/s", false, 0},
	{"token/s", "tokens/s", false, 0},
	{"tokens per second", "tokens/s", true, 0},
	{"tok/s", "tokens/s", false, 0},
	{"MByte/s", "MB/s", false, 0}, // "3.71 MByte/s bandwidth"
	{"MB/s", "MB/s", false, 0},
	{"GB/s", "GB/s", false, 0},
	{"frames per second", "FPS", true, 0},
	{"frames/s", "FPS", false, 0},
	{"f/s", "FPS", false, 0}, // "runs at 69 f/s"
	{"FPS", "FPS", false, 0},
	{"fps", "FPS", false, 0},
	{"microseconds", "ms", true, 0.001}, // "a mean latency of 143 microseconds": 0.143 ms, in a unit the spec has
	{"microsecond", "ms", true, 0.001},
	{"milliseconds", "ms", true, 0},
	{"millisecond", "ms", true, 0},
	{"msec", "ms", false, 0},
	{"ms", "ms", false, 0},
	{"seconds", "s", true, 0},
	{"secs", "s", false, 0},
	{"sec", "s", false, 0},
	{"s", "s", false, 0},
	{"minutes", "min", true, 0},
	{"mins", "min", false, 0},
	{"min", "min", false, 0},
	{"GPU hours", "h", true, 0}, // "within 4 GPU hours": a time, counted on one device
	{"GPU hour", "h", true, 0},
	{"GPU-hours", "h", true, 0},
	{"hours", "h", true, 0},
	{"hour", "h", true, 0},
	{"hrs", "h", false, 0},
	{"h", "h", false, 0},
	{"dBc", "dB", false, 0}, // "-50.03 dBc in ACPR": decibels relative to the carrier
	{"dBm", "dB", false, 0},
	{"dB", "dB", false, 0},
	{"TBs", "TB", false, 0}, // "less than 10MBs of memory": the plural some authors write
	{"TB", "TB", false, 0},
	{"GBs", "GB", false, 0},
	{"GB", "GB", false, 0},
	{"GiB", "GB", false, 0},
	{"MBytes", "MB", false, 0},
	{"MByte", "MB", false, 0}, // "0.821 MByte on-chip memory"
	{"MBs", "MB", false, 0},
	{"MB", "MB", false, 0},
	{"MiB", "MB", false, 0},
	{"KB", "KB", false, 0},
	{"kB", "KB", false, 0},
	{"KiB", "KB", false, 0},
	{"bytes", "B", true, 0},
	{"bits per pixel", "bpp", true, 0},
	{"bpp", "bpp", false, 0},
	{"bits per byte", "bits", true, 0},
	{"bpb", "bits", false, 0},
	{"bits", "bits", true, 0},
	{"bit", "bits", true, 0},
	{"Gbps", "bps", false, 1e9},
	{"Mbps", "bps", false, 1e6},
	{"kbps", "bps", false, 1e3},
	{"Kbps", "bps", false, 1e3},
	{"bps", "bps", false, 0},
	{"TFLOPs", "FLOPs", false, 1e12},
	{"TFLOPS", "FLOPs", false, 1e12},
	{"GFLOPs", "FLOPs", false, 1e9},
	{"GFLOPS", "FLOPs", false, 1e9},
	{"MFLOPs", "FLOPs", false, 1e6},
	{"MFLOPS", "FLOPs", false, 1e6},
	{"TFlops", "FLOPs", false, 1e12},
	{"Tflops", "FLOPs", false, 1e12},
	{"GFlops", "FLOPs", false, 1e9},
	{"Gflops", "FLOPs", false, 1e9},
	{"MFlops", "FLOPs", false, 1e6},
	{"Mflops", "FLOPs", false, 1e6},
	{"FLOPs", "FLOPs", false, 0},
	{"FLOPS", "FLOPs", false, 0},
}

// unitAt reads a unit at s[j:], attached or after one space. It returns the
// unit, the multiplier, where the unit ends and whether it was spaced.
func unitAt(s string, j int) (unit string, mult float64, end int, spaced bool) {
	k := j
	if k < len(s) && s[k] == ' ' {
		k++
		spaced = true
	}
	for _, u := range unitSpecs {
		if k+len(u.word) > len(s) {
			continue
		}
		w := s[k : k+len(u.word)]
		if u.fold && !strings.EqualFold(w, u.word) || !u.fold && w != u.word {
			continue
		}
		e := k + len(u.word)
		if e < len(s) && isAlnum(s[e]) && u.word != "%" {
			continue
		}
		switch u.unit {
		case "x":
			// "3x3", "224 x 224" and "$7\times{7}$" are sizes, not ratios.
			if e < len(s) && isDigit(s[e]) || (strings.HasPrefix(s[e:], " ") || strings.HasPrefix(s[e:], "{")) && e+1 < len(s) && isDigit(s[e+1]) {
				return "", 0, j, false
			}
		case "s", "h", "min":
			// "1990s" is a decade; "5 s" and "2h" are durations.
			if e < len(s) && (s[e] == '\'' || s[e] == '-') {
				continue
			}
		case "pp":
			if spaced && u.word == "pp" && e < len(s) && s[e] == '.' && !strings.HasPrefix(s[e:], ". ") {
				continue // "pp." as in pages
			}
		}
		m := u.mult
		if m == 0 {
			m = 1
		}
		return u.unit, m, e, spaced
	}
	return "", 0, j, false
}

// number reads a decimal number at s[i:], with optional thousands commas.
func number(s string, i int) (float64, int, bool) {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j-i <= 3 {
		for j+3 < len(s)+0 && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) && (j+4 == len(s) || !isDigit(s[j+4])) {
			j += 4
		}
	}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		j++
		for j < len(s) && isDigit(s[j]) {
			j++
		}
	}
	tok := strings.ReplaceAll(s[i:j], ",", "")
	if len(tok) == 0 || len(tok) > 24 {
		return 0, j, false
	}
	v, err := strconv.ParseFloat(tok, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, j, false
	}
	return v, j, true
}

// skipToken returns the end of the identifier-like run at s[i:].
func skipToken(s string, i int) int {
	j := i
	for j < len(s) && (isAlnum(s[j]) || s[j] == '_' || (s[j] == '.' || s[j] == '-') && j+1 < len(s) && isAlnum(s[j+1])) {
		j++
	}
	if j == i {
		j++
	}
	return j
}

// leadingDot reports whether s[i] is a decimal point that opens a number
// written without its leading zero: "a dice coefficient of .9411",
// "(.8715 dice coefficient)".
func leadingDot(s string, i int) bool {
	return i+1 < len(s) && isDigit(s[i+1]) && (i == 0 || s[i-1] == ' ' || s[i-1] == '(')
}

// subPrefix returns the length of a "sub-" or "sub " written before a digit
// at lower[i:] ("sub-100ms latency", "sub 10MB"), or 0.
func subPrefix(lower string, i int) int {
	for _, p := range []string{"sub-", "sub "} {
		if strings.HasPrefix(lower[i:], p) && i+len(p) < len(lower) && isDigit(lower[i+len(p)]) {
			return len(p)
		}
	}
	return 0
}

// glued reports whether the byte before s[i] makes a number at i part of a
// name: GPT2, ResNet-50, top-1, nDCG@10, LR^2, log_2, v1.5, Llama-2-70B.
func glued(s string, i int) bool {
	if i == 0 {
		return false
	}
	p := s[i-1]
	switch {
	case isAlnum(p) || strings.IndexByte("_^@.#\\&", p) >= 0:
		return true
	case p == '-' && subPrefix(asciiLower(s[max(0, i-4):i+1]), 0) == 4 && (i == 4 || !isAlnum(s[i-5])):
		return false // "sub-100ms": an upper bound, not a name
	case p == '-' || p == '/' || p == '+':
		return i >= 2 && (isAlnum(s[i-2]) || s[i-2] == ')')
	case p >= utf8.RuneSelf:
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		return unicode.IsLetter(r)
	}
	return false
}

var ordinalSuffix = regexp.MustCompile(`^(st|nd|rd|th)\b`)

// numberAt reads the mention that starts with the digit at s[i]. It returns
// false for numbers that are part of a name or an adjective; n is where
// scanning continues either way.
func numberAt(s string, i int) (m mention, n int, ok bool) {
	if timesBefore(s, i) {
		// "reduces length by about x3.7": the ratio's sign written before
		// the number, as some write it; flagged, since "x3" can be a name.
		if v, j, ok := number(s, i); ok && (j == len(s) || !isAlnum(s[j]) && !strings.HasPrefix(s[j:], ".") || strings.HasPrefix(s[j:], ". ")) {
			m = mention{a: i - 1, vals: []float64{v}, unit: "x", review: "a ratio written with its sign before the number ('x3.7'): check it"}
			return finishNumber(s, m, j)
		}
	}
	if glued(s, i) {
		return m, skipToken(s, i), false
	}
	if sm := fractionOf.FindStringSubmatch(s[i:min(len(s), i+12)]); sm != nil && onlyBefore.MatchString(asciiLower(s[max(0, i-20):i])) && fractionValue(sm[1], sm[2]) < 1 {
		// "using only 1/3 of the GPU memory", "with only 1/400 of its
		// parameters": a small fraction of a resource stressed as small,
		// kept as its decimal value without a unit and flagged.
		m = mention{a: i, b: i + len(sm[1]) + 1 + len(sm[2]), vals: []float64{fractionValue(sm[1], sm[2])}, fraction: true}
		m.review = "a fraction ('1/3 of the memory') read as its decimal value without a unit: check the unit and that it is a result"
		return m, m.b, true
	}
	if sm := ratingOf.FindStringSubmatch(s[i:min(len(s), i+12)]); sm != nil && ratingBefore.MatchString(asciiLower(s[max(0, i-30):i])) {
		// "a fluency of 4.2/5", "a Physician Score of 7.2/10": a rating
		// on a scale, kept as the rating, the scale flagged.
		v, _ := strconv.ParseFloat(sm[1], 64)
		m = mention{a: i, b: i + len(sm[0]), vals: []float64{v}, fraction: true}
		m.review = "a rating out of " + sm[2] + " read as a score without a unit: check it"
		return m, m.b, true
	}
	if strings.HasSuffix(strings.TrimRight(s[max(0, i-4):i], " "), "+-") {
		_, j, _ := number(s, i) // "71.2 \pm 0.3": an uncertainty, not a claim
		if u, _, e, _ := unitAt(s, j); u != "" {
			j = e
		}
		return m, max(j, i+1), false
	}
	v, j, ok := number(s, i)
	if !ok {
		return m, skipToken(s, i), false
	}
	m = mention{a: i, vals: []float64{v}, minus: minusBefore(s, i)}
	// "4 million tokens/s", "380K tokens/s": a magnitude before the unit.
	mag, k := magnitudeAt(s, j)
	if mag == 0 && j+1 < len(s) && s[j] == ' ' {
		// "1.3 M parameters", "6.7 k parameters": a magnitude spaced off
		// its number, read only before a count of parameters.
		if m2, k2 := magnitudeAt(s, j+1); m2 > 0 && (paramCountAfter.MatchString(asciiLower(s[k2:min(len(s), k2+40)])) || flopsSpaced.MatchString(s[k2:min(len(s), k2+8)])) {
			mag, k = m2, k2
		}
	}
	if mag > 0 {
		if u, mu, ue, sp := unitAt(s, k); u != "" {
			m.vals[0] = v * mag
			m.unit, m.spaced = u, sp
			m.vals[0] *= mu
			m.b = ue
			return finishNumber(s, m, ue)
		}
		if ou := macsAfter.FindStringIndex(s[k:min(len(s), k+8)]); ou != nil {
			// "48.4G MACs": multiply-accumulates counted with a magnitude,
			// a unit outside the spec's list, as "51.47 GMACs" is.
			m.vals[0] = v * mag
			m.other = "MACs"
			m.b = k + ou[1]
			return finishNumber(s, m, m.b)
		}
		if (onlyBefore.MatchString(asciiLower(s[max(0, i-20):i])) || fewAsBefore.MatchString(asciiLower(s[max(0, i-20):i]))) && paramsAfter.MatchString(asciiLower(s[k:min(len(s), k+40)])) ||
			parenOpenBefore.MatchString(s[max(0, i-2):i]) && versusParams.MatchString(asciiLower(s[k:min(len(s), k+40)])) && !ratioExplained.MatchString(asciiLower(s[max(0, i-40):i])) ||
			ownSize(asciiLower(s[max(0, i-60):i]), v*mag >= 1e9) && paramCountAfter.MatchString(asciiLower(s[k:min(len(s), k+40)])) {
			// "with only 12.85M trainable parameters": a parameter count
			// stressed as small is what the method costs, a result, as is
			// one set against a rival's ("(2M vs 33M parameters)"); a
			// model size without "only" ("a 7B model") stays a size.
			m.vals[0] = v * mag
			m.unit = "params"
			m.b = k
			return finishNumber(s, m, k)
		}
		if before := asciiLower(s[max(0, i-60):i]); contextBefore.MatchString(before) && (contextAfter.MatchString(asciiLower(s[k:min(len(s), k+30)])) || contextNamed.MatchString(before) && (placeAfter.MatchString(s[k:min(len(s), k+6)]) || tokensAfterCtx.MatchString(asciiLower(s[k:min(len(s), k+10)])) && capabilityVerb.MatchString(before))) {
			// "process up to 380K context tokens", "decoding with 3.3
			// million context length": the context a method makes room
			// for, a result; "at 128K context" stays the setting.
			m.vals[0] = v * mag
			m.unit = "count"
			m.b = k
			return finishNumber(s, m, k)
		}
		if i > 0 && s[i-1] == '$' && mag >= 1000 && (k >= len(s) || !isASCIILetter(s[k])) {
			// "\$15.4M in annual savings": an amount of money, multiplied
			// out; whether it is a price is read where the words are.
			m.vals[0] = v * mag
			m.b = k
			return finishNumber(s, m, k)
		}
		if onlyWrapped.MatchString(asciiLower(s[max(0, i-30):i])) && tokensUsedAfter.MatchString(asciiLower(s[k:min(len(s), k+40)])) {
			// "trained on only 40 billion unique tokens", "requires just
			// 2.3B tokens": the data a method costs, stressed as small, a
			// result; "pretrained on 2T tokens" stays a size.
			m.vals[0] = v * mag
			m.unit = "count"
			m.tokensUsed = true
			m.b = k
			return finishNumber(s, m, k)
		}
		if before := asciiLower(s[max(0, i-60):i]); spendVerbBefore.MatchString(before) && tokensPerItem.MatchString(asciiLower(s[k:min(len(s), k+30)])) && !baselineSpends.MatchString(before) ||
			tokensCutTo.MatchString(before) && tokensAfterMag.MatchString(asciiLower(s[k:min(len(s), k+10)])) {
			// "spends 127k tokens per bug", "from 239k tokens to 11k
			// tokens": a count of tokens that is the method's result.
			m.vals[0] = v * mag
			m.unit = "count"
			m.b = k
			return finishNumber(s, m, k)
		}
		if u := countBefore(asciiLower(s[max(0, i-60):i])); u != "" {
			// "cuts FLOPs from 12.4G to 5.1G", "parameters from 25.85M
			// to 6.85M": what is counted is named before the change.
			m.vals[0] = v * mag
			m.unit = u
			m.b = k
			return finishNumber(s, m, k)
		}
		return m, skipToken(s, i), false // "7B", "4 million tokens": a size
	}
	if ou := otherUnit.FindStringSubmatchIndex(s[j:min(len(s), j+24)]); ou != nil {
		// "8.4 TOPS/W", "51.47 GMACs": a unit outside the spec's list.
		m.other = strings.TrimPrefix(s[j+ou[2]:j+ou[3]], "-") // "1.84-degree"
		m.b = j + ou[1]
		if m.other == "GMACs" {
			// "15.76 GMACs": multiplied out, as "48.4G MACs" is.
			m.vals[0] *= 1e9
			m.other = "MACs"
		}
		return finishNumber(s, m, m.b)
	}
	if j+1 < len(s) && s[j] == '+' && !isDigit(s[j+1]) {
		if u, _, _, _ := unitAt(s, j+1); u != "" {
			// "runs at 300+ FPS", "600+ FPS rendering": at least the
			// number, in the unit after the plus.
			m.bound = claim.AtLeast
			j++
		}
	}
	unit, mult, e, spaced := unitAt(s, j)
	if unit == "x" && !spaced && j < len(s) && s[j] == 'X' && productModelX(s, i, j, e) {
		return m, skipToken(s, i), false // "AMD Ryzen 7 9700X CPU": a model number, not a ratio
	}
	if unit == "" {
		// "71.2 \pm 0.3\%": the unit after the uncertainty is the value's too.
		if u, mu, ue, ok := uncertaintyAfter(s, j); ok && u != "" {
			unit, mult, e, spaced = u, mu, ue, false
		} else if ok && (ue == len(s) || s[ue] != '/') {
			// "reaches 0.7516 \pm 0.0043 AUPRC": a bare spread is passed
			// over, so that what follows it names the level (not a
			// scale's: "3.18 \pm 1.35/5.0").
			j = ue
		} else if u, mu, ok := listUnitAfter(s, j, scoreListBefore.MatchString(asciiLower(s[max(0, i-60):i]))); ok && !(productNameBefore.MatchString(s[max(0, i-40):i]) && v == math.Trunc(v)) && scoreAcronymColon(s[max(0, i-12):i]) == "" {
			// A level a score's acronym labels ("AUC: 0.981, and 142ms
			// latency") keeps its own unit, none.
			// "6 and 8 ms", "3 or 4 bits": the unit of the last member is
			// every member's.
			unit, mult, e = u, mu, j
		}
	}
	switch {
	case unit != "":
		m.unit, m.spaced = unit, spaced
		m.vals[0] *= mult
		m.timesWord = strings.EqualFold(strings.TrimSpace(s[j:e]), "times")
		j = e
		if !spaced && j < len(s) && s[j] == '+' && (j+1 == len(s) || !isAlnum(s[j+1]) && !strings.ContainsRune("\\/-", rune(s[j+1]))) {
			// "at 17fps+ for HD", "90%+ improved": a plus after the
			// unit, as after the digits ("600+ FPS"), is at least; "+/-" is
			// an uncertainty.
			m.bound = claim.AtLeast
			j++
		}
	case strings.HasPrefix(s[j:], ":1") && (j+2 == len(s) || !isAlnum(s[j+2]) && s[j+2] != '.') && v > 1:
		m.unit = "x" // a compression of 100:1
		j += 2
	case j < len(s) && isASCIILetter(s[j]):
		if loc := ordinalSuffix.FindStringIndex(s[j:]); loc != nil && v == math.Trunc(v) {
			m.ordinal = true
			m.b = j + loc[1]
			return m, m.b, true
		}
		return m, skipToken(s, i), false // 7B, 3D, 1k, 8K
	case strings.HasPrefix(s[j:], "-to-") && j+4 < len(s) && isDigit(s[j+4]):
		// "14.08-to-135.69 token/s": a range hyphenated as one word,
		// which finishNumber reads.
	case j+1 < len(s) && s[j] == '-' && isASCIILetter(s[j+1]):
		rest := s[j+1:]
		if st := stepProcess.FindStringIndex(strings.ToLower(rest)); st != nil && v == math.Trunc(v) {
			// "a 7-step generation": the steps a sampler needs.
			m.unit = "count"
			m.review = "a number of steps read as the result: check that it is not a setting"
			m.b = j + 1 + len("step")
			return m, m.b, true
		}
		if strings.HasPrefix(strings.ToLower(rest), "fold") && !foldCrossValidation.MatchString(strings.ToLower(rest)) {
			m.unit = "x"
			j += len("-fold")
			break
		}
		if ht := hyphenTime.FindStringSubmatch(strings.ToLower(rest)); ht != nil {
			// "a 0.57-second inference latency": a time written as one
			// word before what it times.
			m.unit = hyphenTimeUnit[ht[1]]
			j += 1 + len(ht[1])
			break
		}
		if pc := pointChange.FindStringIndex(strings.ToLower(rest)); pc != nil {
			// "a 1-point drop in accuracy": points of a change written
			// as one word.
			m.unit = "points"
			j += 1 + len("point")
			break
		}
		return m, skipToken(s, i), false // 3-way, 4-bit, 1-byte
	case j < len(s) && s[j] == ')' && !strings.Contains(s[i:j], "."):
		// (A decimal, "< 0.07)", is never an enumeration mark.)
		if i == 0 || s[i-1] == '(' || s[i-1] == ' ' || s[i-1] == '\n' {
			return m, j + 1, false // an enumeration: "(1)", "2)"
		}
	}
	return finishNumber(s, m, j)
}

// finishNumber reads what may follow a number and its unit ending at j: the
// rest of a range, of an "a/b" pair, or "orders of magnitude".
func finishNumber(s string, m mention, j int) (mention, int, bool) {
	m.b = j
	// A range: "2x-5x", "30-50%", "5-40 times", "2 to 5x", "2~5x".
	if r, rEnd, ok := rangeAfter(s, m, j); ok {
		m = r
		j = rEnd
	} else if rEnd > j {
		return m, rEnd, false // "1-10B", "2-3 k": a size range
	}
	// A pair: "2.8%/1.0%", "43times/31times". Spaced slashes make a list
	// only with three members or more, as levels for the names after
	// them: "99.79 / 99.54 / 99.66 precision / recall / F1".
	spaced := m.unit == "" && spacedSlashList.MatchString(s[j:min(len(s), j+40)])
	for j < len(s) && !m.isRange {
		if spaced && strings.HasPrefix(s[j:], " / ") {
			j++
		}
		if s[j] != '/' || j+1 >= len(s) {
			break
		}
		// "+3.7/+3.6 points": the sign of the first is the second's too.
		d := j + 1
		if spaced && s[d] == ' ' && d+1 < len(s) {
			d++
		}
		if s[d] == '+' && d+1 < len(s) {
			d++
		}
		if !isDigit(s[d]) {
			break
		}
		v2, k, ok := number(s, d)
		if !ok {
			break
		}
		u2, mult2, e2, _ := unitAt(s, k)
		if u2 == "" && k < len(s) && isAlnum(s[k]) {
			break
		}
		if m.unit != "" && u2 != "" && u2 != m.unit {
			break
		}
		if u2 != "" {
			v2 *= mult2
			if m.unit == "" {
				m.unit = u2
			}
			k = e2
		}
		m.vals = append(m.vals, v2)
		j = k
		m.b = j
	}
	// "1-2 orders of magnitude", "3 orders of magnitude".
	if m.unit == "" {
		if loc := ordersAfter.FindStringIndex(asciiLower(s[j:min(len(s), j+40)])); loc != nil {
			if m.isRange {
				m.lo, m.hi = math.Pow(10, m.lo), math.Pow(10, m.hi)
			}
			for k := range m.vals {
				m.vals[k] = math.Pow(10, m.vals[k])
			}
			m.unit = "x"
			m.review = "orders of magnitude read as powers of 10"
			j += loc[1]
			m.b = j
		}
	}
	return m, j, true
}

var respectivelyNext = regexp.MustCompile(`^\s*,?\s*respectively\b`)

var listSep = regexp.MustCompile(`^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)`)

// listUnitAfter reads the rest of a list of bare numbers that ends in a
// unit, "and 8 ms" or ", 4 and 8 bits" at s[j:], and returns that unit.
// oneMeasure says the list is one score's levels ("jaccard indices of
// 72.85, 79.31, and 74.70%, respectively"), so a closing "respectively"
// is over datasets, not measures.
func listUnitAfter(s string, j int, oneMeasure bool) (unit string, mult float64, ok bool) {
	k := j
	signed, joined := false, false
	for n := 0; n < 4; n++ {
		loc := listSep.FindStringIndex(s[k:min(len(s), k+8)])
		if loc == nil {
			return "", 0, false
		}
		d := k + loc[1]
		if d+1 < len(s) && s[d] == '+' {
			d++ // "+10.17, +11.84, and +8.23 points": signed members
			signed = true
		}
		if strings.Contains(s[k:d], "and") || strings.Contains(s[k:d], "or") {
			joined = true
		}
		if d >= len(s) || !isDigit(s[d]) {
			return "", 0, false
		}
		_, e, okN := number(s, d)
		if !okN {
			return "", 0, false
		}
		if u, m, ue, _ := unitAt(s, e); u != "" {
			if signed && !joined {
				// "(+0.0892, +30.0%)": an absolute and a relative change
				// side by side, not a list sharing the last one's unit.
				return "", 0, false
			}
			if !oneMeasure && u != "pp" && u != "points" && respectivelyNext.MatchString(s[ue:min(len(s), ue+20)]) {
				// "0.6 and 1.16%, respectively": different metrics. Points
				// are a change in a percentage score, whichever: "by 2.34,
				// 4.68 and 1.80 percentage points respectively".
				return "", 0, false
			}
			return u, m, true
		}
		if e < len(s) && (isASCIILetter(s[e]) || s[e] == '-') {
			return "", 0, false
		}
		k = e
	}
	return "", 0, false
}

// uncertaintyAfter reads " +- 0.3%" at s[j:] and returns the unit of the
// uncertainty, none if it has none, and where it ends.
func uncertaintyAfter(s string, j int) (unit string, mult float64, end int, ok bool) {
	k := j
	if k < len(s) && s[k] == ' ' {
		k++
	}
	if !strings.HasPrefix(s[k:], "+-") {
		return "", 0, j, false
	}
	k += 2
	if k < len(s) && s[k] == ' ' {
		k++
	}
	if k >= len(s) || !isDigit(s[k]) {
		return "", 0, j, false
	}
	_, e, okN := number(s, k)
	if !okN {
		return "", 0, j, false
	}
	u, m, ue, _ := unitAt(s, e)
	if u == "" {
		return "", 0, e, true // a spread with no unit: "0.7516 \pm 0.0043 AUPRC"
	}
	return u, m, ue, true
}

var magnitudeWords = []struct {
	word string
	mult float64
}{{" thousand", 1e3}, {" million", 1e6}, {" billion", 1e9}, {" trillion", 1e12}}

// magnitudeAt reads a magnitude right after a number at s[j:]: a word
// ("million") or a suffix ("K", "M", "B"). It returns 0 when there is none.
func magnitudeAt(s string, j int) (float64, int) {
	for _, w := range magnitudeWords {
		e := j + len(w.word)
		if e <= len(s) && strings.EqualFold(s[j:e], w.word) && (e == len(s) || !isAlnum(s[e])) {
			return w.mult, e
		}
	}
	if j < len(s) && (j+1 == len(s) || !isAlnum(s[j+1])) {
		switch s[j] {
		case 'K', 'k':
			return 1e3, j + 1
		case 'M':
			return 1e6, j + 1
		case 'B', 'G':
			return 1e9, j + 1
		}
	}
	return 0, j
}

// versusParams is a rival's parameter count after the method's, in
// parentheses: "(2M vs 33M parameters)".
var versusParams = regexp.MustCompile(`^\s*(?:vs\.?|versus)\s*[0-9][0-9.,]*\s*[kmb]\s+(?:trainable\s+)?param(?:eter)?s\b`)

// ratioExplained is a ratio right before a parenthesis, which the counts
// in it only explain: "100x smaller (134M vs 14B parameters)".
var ratioExplained = regexp.MustCompile(`[0-9]\s*(?:x|×|times)\s+(?:smaller|fewer|less|lighter|larger)\s*\(\s*$`)

// scoreListBefore is a plural of a score's levels and "of" before the
// first member of a list: "jaccard indices of", "dice scores of".
var scoreListBefore = regexp.MustCompile(`\b(?:indices|indexes|coefficients|scores)\s+of\s+(?:[0-9][0-9.]*\s*,\s*(?:and\s+)?)*$`)

// spacedSlashList is the rest of a list of at least three bare numbers
// with spaced slashes: " / 99.54 / 99.66".
var spacedSlashList = regexp.MustCompile(`^ / [0-9][0-9.]* / [0-9]`)

// countChange is a count of operations or parameters followed by a change
// whose members carry a magnitude: "FLOPs from 49.6G to", "MACs from",
// "computational cost from".
var countChange = regexp.MustCompile(`\b(flops|macs|parameters|params|computational\s+(?:cost|complexity))\s+(?:from\s+(?:[0-9.]+[kmgbt]\s+to\s+)?|to\s+)$|\b(flops|macs|parameters|params|size)\s+by\s+(?:about\s+|nearly\s+|over\s+|up\s+to\s+)?$`)

// countBefore returns the unit of the count named before a number in a
// change (lower is the lower-cased text before it), or "".
func countBefore(lower string) string {
	c := countChange.FindStringSubmatch(lower)
	if c == nil {
		return ""
	}
	switch c[1] + c[2] {
	case "flops", "computational cost", "computational complexity":
		// "a reduction in computational cost from 8.7G to 8.0G": a
		// cost in giga-somethings is counted in FLOPs.
		return "FLOPs"
	case "macs":
		return "count"
	}
	return "params"
}

// A count of tokens a method spends on each item has a verb of spending
// before and "tokens per" after (tokensPerItem): "CigaR spends 127k tokens
// per bug".
// tokensCutTo is the new level of a count of tokens cut "from" one
// to another: "from 239k tokens to 11k tokens".
var (
	spendVerbBefore = regexp.MustCompile(`\b(?:spend|spends|spent|us(?:es|ing)|consum\w*|requir\w*|need\w*)\s+(?:only\s+|just\s+|about\s+|around\s+|~\s*)?$`)
	tokensCutTo     = regexp.MustCompile(`\b(?:from|of)\s+[0-9.,]+\s*[kmb]?\s+tokens?\s+to\s+(?:only\s+|just\s+|about\s+|~\s*)?$`)
	tokensAfterMag  = regexp.MustCompile(`^\s*tokens?\b`)
	baselineSpends  = regexp.MustCompile(`\b(?:baselines?|prior|previous|existing|original)\b[^,;.]{0,20}$`)
)

// flopsSpaced is FLOPs after a magnitude spaced off its number: "2.50 G
// FLOPs".
var flopsSpaced = regexp.MustCompile(`^\s*FLOPs\b`)

// fewAsBefore stresses a count as small as "only" does: "with as few as
// 400 million parameters", "shrinks down to 4B parameters".
var fewAsBefore = regexp.MustCompile(`\b(?:as\s+few\s+as|down\s+to|(?:only|just|merely)\s+(?:about|around|approximately|~))\s+$`)

// onlyWrapped is "only", "just" or "merely" right before a number, perhaps
// inside a LaTeX wrapper: "only $\textbf{5B}$".
var onlyWrapped = regexp.MustCompile(`(?:^|\W)(?:only|just|merely|mere)\s+(?:(?:requires?|needs?|uses?|takes?|consumes?)\s+)?(?:\$?\\(?:textbf|mathbf|bm)\{)?$`)

// tokensUsedAfter is a count of tokens of data after its magnitude:
// "0.5B tokens", "40 billion unique tokens", "5B retraining tokens".
var tokensUsedAfter = regexp.MustCompile(`^[}$\s]*(?:(?:unique|training|retraining|pretraining|pre-training|fine-tuning|distillation)\s+)?(?:tokens|steps)\b(?:[^/]|$)`)

// contextBefore and contextAfter are a context length a method reaches,
// counted with a magnitude: "up to 380K context tokens", "a context length
// of up to 1 million", "with 1 million sequence length".
var (
	contextBefore = regexp.MustCompile(`(?:\bup\s+to|\blengths?\s+of(?:\s+up\s+to)?|\bwith)\s+$`)
	contextAfter  = regexp.MustCompile(`^\s*(?:context\s+(?:tokens|lengths?|windows?)|(?:sequence|context)\s+lengths?|tokens?\s+(?:of\s+)?context)\b`)
	contextNamed  = regexp.MustCompile(`\b(?:context|sequence)\s+lengths?\b`)
	placeAfter    = regexp.MustCompile(`^\s+(?:on|in|for)\b`)
	// tokensAfterCtx is "tokens" after a context length named before it:
	// "context lengths up to 840K tokens".
	tokensAfterCtx = regexp.MustCompile(`^\s*tokens\b`)
	// capabilityVerb is a verb of what a method lets a model do ("handle
	// context lengths up to"), unlike "evaluated with context lengths
	// reaching up to", the setting of an evaluation.
	capabilityVerb = regexp.MustCompile(`\b(?:handl|process|support|enabl|extend|scal|serv)\w*\s+(?:[a-z0-9-]+\s+){0,3}?(?:context|sequence)\s+lengths?\b`)
)

// stepProcess is "step" glued to a number before the process it counts.
var stepProcess = regexp.MustCompile(`^steps?\s+(?:generation|sampling|inference|denoising|decoding|synthesis|diffusion)\b`)

// hyphenTime is a unit of time glued to a number by a hyphen, before what
// it times: "a 0.57-second inference latency".
var (
	hyphenTime     = regexp.MustCompile(`^(millisecond|second|minute|hour)\s+(?:[a-z-]+\s+)?(?:latency|delay|runtime|response\s+time|inference|processing|training)\b`)
	hyphenTimeUnit = map[string]string{"millisecond": "ms", "second": "s", "minute": "min", "hour": "h"}
)

// pointChange is "point" glued to a number by a hyphen, before a change
// and up to two words of what changes: "a 1-point drop", "a 7.6-point
// ROUGE-L gain", "a 3-point aggregate benchmark gain".
var pointChange = regexp.MustCompile(`^point\s+(?:[a-z0-9-]+\s+){0,2}?(?:drops?|loss|decline|degradation|gains?|improvements?|increases?|decreases?)\b`)

// productNameBefore is a capitalised name inside a sentence right before a
// number: "the MediaTek Dimensity 9500", a product's model number, which
// takes no unit from a list after it ("9500 and 46.1 ms").
var productNameBefore = regexp.MustCompile(`[A-Za-z0-9%$)]\s+[A-Z][A-Za-z]+\s$`)

// macsAfter is "MACs" after a magnitude: "48.4G MACs".
var macsAfter = regexp.MustCompile(`^ ?MACs\b`)

// otherUnit is a unit of hardware efficiency or of operations that the
// spec has no unit for.
var otherUnit = regexp.MustCompile(`^ ?((?:[TGMKP]?(?:OPS|OPs|FLOPS|FLOPs))(?:/s)?/(?:W|mm2|mm²|mm\^2)|[TGMKP]?(?:FLOPs|OPs|OPS)/s|[TG]OPS|G?MACs|(?:Giga|Tera)Ops/second|Hz\b|days?\b|ns\b|µs\b|μs\b|[kMG]?Wh(?:/day)?\b|[mµμn]?J\b|[mk]?W\b|(?:requests|queries)\s+per\s+second\b|QPS\b|-?degrees?\b|deg\b|°|px\b|pixels?\b|mm\b|cm\b)`)

// otherMetric names a number from a unit the spec has no unit for.
func otherMetric(unit string) string {
	switch {
	case strings.HasSuffix(unit, "/W") || strings.HasSuffix(unit, "/w"):
		return "energy_efficiency"
	case strings.Contains(unit, "/mm"):
		return "area_efficiency"
	case strings.HasSuffix(unit, "MACs"):
		return "macs"
	case unit == "Hz":
		// "runs at 26.3 Hz": how often a policy answers. A clock in MHz
		// or GHz is the hardware's setting, and power in W is as often a
		// budget as a result: neither is read.
		return "frequency"
	case strings.HasPrefix(unit, "day"):
		return "time"
	case strings.Contains(unit, "Wh") || strings.HasSuffix(unit, "J"):
		return "energy" // "0.34 Wh per query", "12 mJ per inference": energy used
	case unit == "W" || unit == "mW" || unit == "kW":
		return "power" // "consuming less than 100 mW", "at 5.8 W power consumption"
	case lengthOrAngle(unit):
		return "error" // "a 1.84-degree mean error", "4.73 mm HD95": how far off
	case unit == "ns" || unit == "µs" || unit == "μs":
		return "latency" // "a latency of 25 ns": below the spec's milliseconds
	}
	return "throughput"
}

// lengthOrAngle reports whether a unit the spec lacks is a length or an
// angle, which abstracts give for errors and for settings alike.
func lengthOrAngle(unit string) bool {
	switch strings.TrimSuffix(unit, "s") {
	case "degree", "deg", "°", "px", "pixel", "mm", "cm":
		return true
	}
	return false
}

// ratingOf is a rating out of a scale: "4.2/5", "7.2/10". ratingBefore
// is the word that makes it one: "a fluency of", "a score of", or what is
// rated with the rating in parentheses: "coherence (8.1/10)".
var (
	ratingOf     = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)/(5|10|100)\b`)
	ratingBefore = regexp.MustCompile(`\b(?:of|scores?|ratings?|rated)\s+(?:an?\s+)?$|\b[a-z]{4,}\s*\(\s*$|\brat(?:ed|ing)\s+(?:it|them|our\s+[a-z]+|the\s+[a-z]+)\s+$|[0-9]/(?:5|10|100)\s+for\s+[a-z]+(?:\s+[a-z]+)?\s*(?:,\s*(?:and\s+)?|and\s+)$`)
)

// fractionOf is a fraction of one-digit numbers before "of": "1/3 of".
var fractionOf = regexp.MustCompile(`^([1-9][0-9]?)/([1-9][0-9]{0,3}) of\b`)

// fractionValue is a/b as a reader writes it: exactly when it ends ("1/400"
// is 0.0025), else to three decimals ("1/3" is 0.333).
func fractionValue(a, b string) float64 {
	x, _ := strconv.ParseFloat(a, 64)
	y, _ := strconv.ParseFloat(b, 64)
	if y == 0 {
		return 1
	}
	v := x / y
	if e := math.Round(v * 1e6); math.Abs(e-v*1e6) < 1e-6 {
		return e / 1e6
	}
	return math.Round(1000*v) / 1000
}

// urlAtStart is urlPattern anchored, so that trying it at every word stays
// linear.
var urlAtStart = regexp.MustCompile(`(?i)^(?:https?://|www\.|(?:github|gitlab)\.com/)[^\s{}()<>\[\]"'` + "`" + `|\\]+`)

var ordersAfter = regexp.MustCompile(`^ orders? of magnitude\b`)

// foldAfterRange reports whether the number at s[k:] is followed by
// "-fold" or "fold": the second end of "10- to 20-fold".
func foldAfterRange(s string, k int) bool {
	e := k
	for e < len(s) && (isDigit(s[e]) || s[e] == '.') {
		e++
	}
	rest := strings.ToLower(s[e:min(len(s), e+5)])
	return e > k && (strings.HasPrefix(rest, "-fold") || strings.HasPrefix(rest, "fold"))
}

// rangeAfter reads the second half of a range that starts with m. When the
// text has a range shape but is not a result (a size such as "1-10B"), it
// returns false with an end past the range so the caller can skip it.
func rangeAfter(s string, m mention, j int) (mention, int, bool) {
	k := j
	var sep string
	switch {
	case (strings.HasPrefix(s[k:], "- to ") || strings.HasPrefix(s[k:], "- or ")) && foldAfterRange(s, k+5):
		// "a 10- to 20-fold reduction": the first number's "-fold" is
		// left for the second to carry.
		sep, k = "-", k+5
	case strings.HasPrefix(s[k:], "-to-") && k+4 < len(s) && isDigit(s[k+4]):
		// "14.08-to-135.69 token/s", "4.46-to-7.17x": a range hyphenated
		// as one word.
		sep, k = "to", k+4
	case m.unit == "x" && strings.HasPrefix(s[k:], "-x") && k+2 < len(s) && isDigit(s[k+2]):
		// "x5--x10": a range of ratios written with the sign first.
		sep, k = "-", k+2
	case m.unit != "" && strings.HasPrefix(s[k:], "- ") && k+2 < len(s) && isDigit(s[k+2]):
		// "1.7×– 4.7×": a dash glued to the first end's unit, a space
		// before the second.
		sep, k = "-", k+2
	case strings.HasPrefix(s[k:], " - ") || strings.HasPrefix(s[k:], " ~ "):
		sep, k = s[k+1:k+2], k+3
	case strings.HasPrefix(s[k:], "~ ") && k+2 < len(s) && isDigit(s[k+2]):
		// "$2.58\%\sim 9.84\%$", "a 3~ 5 times speedup": a tilde glued
		// to the first end, a space before the second.
		sep, k = "~", k+2
	case strings.HasPrefix(s[k:], "-") || strings.HasPrefix(s[k:], "~"):
		sep, k = s[k:k+1], k+1
	case rangingBefore(s, m.a) && rangingTo.MatchString(s[k:min(len(s), k+64)]):
		// "ranging from 8 FPS up to 44.8 FPS", "from 80% to over 99%",
		// "from 13.9% in low-redundancy datasets to over 71%": the words
		// "ranging from" promise a second end, whatever comes between.
		sep, k = "to", k+len(rangingTo.FindString(s[k:min(len(s), k+64)]))
	case strings.HasPrefix(s[k:], " to ") && (m.unit == "x" || !fromBefore(s, m.a) || rangingBefore(s, m.a)):
		// "from 70.1% to 75.3%" is a change, not a range; "from 2x to 5x"
		// is a range of ratios, and so is "ranging from 0.9% to 23.4%".
		sep, k = "to", k+4
	case m.unit != "" && (strings.HasPrefix(s[k:], " ... ") || strings.HasPrefix(s[k:], " … ")):
		// "by $48\%$ ... $55\%$": a range over several models, an
		// ellipsis for its dash; both ends must carry the same unit.
		sep = "..."
		k += len(" ... ")
		if strings.HasPrefix(s[j:], " … ") {
			k = j + len(" … ")
		}
	case strings.HasPrefix(s[k:], " and ") && wordBefore(s, m.a, "between"):
		sep, k = "to", k+5
	case m.unit == "%" && k > 0 && s[k-1] == '%' && k < len(s) && isDigit(s[k]):
		// "by 48%66%": a web page that drops the dash of a range of
		// shares; read as a range when the second number is a share too.
		sep = "%"
	default:
		return m, j, false
	}
	signedEnds := false
	if sep == "to" && k+1 < len(s) && s[k] == '+' && isDigit(s[k+1]) && (s[m.a] == '+' || m.a > 0 && s[m.a-1] == '+') {
		k++ // "+13 to +37 pp": both ends carry the sign of a gain
		signedEnds = true
	}
	if k >= len(s) || !isDigit(s[k]) {
		return m, j, false
	}
	v2, e, ok := number(s, k)
	if !ok {
		return m, j, false
	}
	u2, mult2, ue, spaced := unitAt(s, e)
	if u2 == "" && sep == "-" && m.unit == "" && foldAfterRange(s, k) {
		// "10- to 20-fold": the fold is the range's unit.
		u2, mult2, ue = "x", 1, e+len("fold")
		if s[e] == '-' {
			ue++
		}
	}
	if u2 == "" && e < len(s) && isASCIILetter(s[e]) {
		if sep == "-" || sep == "~" {
			return m, skipToken(s, k), false // "1-10B parameter", "2-3k"
		}
		return m, j, false
	}
	if sep == "..." && u2 != m.unit {
		return m, j, false
	}
	if sep == "%" && u2 != "%" {
		return m, j, false
	}
	v1 := m.vals[0]
	if u2 != "" {
		if m.unit == "" && sep == "-" && mult2 > 1 && v1 < v2 {
			// "0.7 - 0.8 GFLOPs", "0.004 - 0.005M parameters": the
			// magnitude written once after a dash holds for both ends.
			v1 *= mult2
		}
		v2 *= mult2
		e = ue
	}
	switch {
	case m.unit != "" && u2 != "" && m.unit != u2:
		return m, j, false
	case m.unit == "" && u2 == "":
		if sep == "to" && !signedEnds && !scoreBeforeRange.MatchString(asciiLower(s[max(0, m.a-40):m.a])) && !wordBefore(s, m.a, "by") {
			// "from 2 to 5 layers": no unit, let each stand; "(SSIM 0.73
			// to 0.74)" is a range, and so is "by +2.30 to +2.99", the
			// signs of a gain on both ends, or "reduces peak memory by
			// 2.17 to 2.82", a change by a range.
			return m, j, false
		}
	}
	if v2 < v1 && sep == "to" && rangingBefore(s, m.a) {
		v1, v2 = v2, v1 // "a speedup ranging from 1.28x to 0.28x"
	}
	if v2 <= v1 {
		return m, j, false
	}
	r := m
	r.isRange = true
	r.timesWord = m.timesWord || e >= len("times") && strings.EqualFold(s[e-len("times"):e], "times")
	r.lo, r.hi = v1, v2
	if r.unit == "" {
		r.unit = u2
		r.spaced = spaced
	}
	r.vals = nil
	r.b = e
	return r, e, true
}

// scoreBeforeRange is a score's name right before a range of its values
// ("(SSIM 0.73 to 0.74)"), or a score's name and the words that open a
// range of its levels ("F1 scores ranging from", "IoU values between",
// "Recall ranges from", "a Cohen's Kappa ranging from").
var scoreBeforeRange = regexp.MustCompile(`(?:\b(?:ssim|psnr|fid|lpips|map|miou|bleu|auc|f1)\)?|\b(?:ssim|psnr|fid|lpips|map|miou|iou|bleu|auc|auroc|f1|dice|accuracy|precision|recall|kappa|icc|mcc)(?:\s+(?:scores?|values?))?\s+(?:ranging\s+from|ranges?\s+from|ranged\s+from|between))\s+$`)

// foldCrossValidation is the "-fold" of a cross-validation, a setting:
// "5-fold cross-validation", "5-fold stratified cross-validation".
var foldCrossValidation = regexp.MustCompile(`^fold\s+(?:(?:stratified|nested|repeated|grouped|group)\s+)?(?:cross|cv\b)`)

// numberWords spells the small numbers that abstracts write in words.
var numberWords = map[string]float64{
	"an": 1, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "hundred": 100,
	"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6,
}

var (
	wordOrdersRange = regexp.MustCompile(`^(one|two|three|four|five|six)\s+(?:to|or|-)\s+(two|three|four|five|six|seven)[\s-]+orders?[\s-]+of[\s-]+magnitudes?\b`)
	// "two orders of magnitude", and the compound "a two-order-of-magnitude gain".
	// "a three- to five-fold improvement": a range of multiples in words.
	wordFoldRange = regexp.MustCompile(`^(two|three|four|five|six|seven|eight|nine|ten)-?\s+(?:to|or)\s+(three|four|five|six|seven|eight|nine|ten|twenty|hundred)[- ]?fold\b`)
	wordOrders    = regexp.MustCompile(`^(an|one|two|three|four|five|six)[\s-]+orders?[\s-]+of[\s-]+magnitudes?\b`)
	wordTimes     = regexp.MustCompile(`^(two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)(?:\s+times|[- ]?fold)\s+(?:faster|slower|smaller|larger|bigger|more|fewer|less|lower|higher|greater|better|the|as|speed-?up|reduction|compression|improvement|increase|decrease)\b`)
	// "a four-fold training speed-up": the change may follow what it is of.
	wordFold = regexp.MustCompile(`^(two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)[- ]?fold\s+(?:[a-z-]+\s+){0,2}?(?:speed-?ups?|reductions?|compression|improvements?|increases?|decreases?|accelerations?|savings?|gains?)\b`)
	// "triple throughput gains": a multiple as an adjective before what grows.
	wordMultipleAdj = regexp.MustCompile(`^(double|triple|quadruple)\s+(?:[a-z-]+\s+){0,2}?(?:speed-?ups?|gains?|improvements?|increases?|reductions?|savings?)\b`)
	// "by three times", "upto three times", "by more than fivefold" at
	// the end of a change.
	wordTimesBy = regexp.MustCompile(`^(two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)(?:\s+times|[- ]?fold)\b`)
	// "reducing communication rounds eightfold": a verb of change and its
	// object before a multiple in one word.
	foldVerbBefore = regexp.MustCompile(`\b(?:reduc|cut|lower|decreas|improv|increas|boost|accelerat|shrink|compress)\w*\s+(?:[a-z0-9-]+\s+){1,4}$`)
	timesByBefore  = regexp.MustCompile(`(?:\bby|\bupto|\bup\s+to)\s+(?:(?:more\s+than|over|nearly|almost|about|roughly|approximately|at\s+least)\s+)?$`)
	upToBefore     = regexp.MustCompile(`(?:\bupto|\bup\s+to)\s+$`)
	wordTwice      = regexp.MustCompile(`^twice\s+(?:as|the|faster|more|higher|larger|smaller|fewer|less|lower|better)\b`)
	wordHalves     = regexp.MustCompile(`^(?:halve|halves|halved|halving)\b`)
	// "cut checkpoint sizes by more than half": a change by half is a
	// 2x reduction.
	wordByHalf   = regexp.MustCompile(`^half\b`)
	byHalfBefore = regexp.MustCompile(`\bby\s+((?:more\s+than|over|at\s+least|nearly|almost|about|roughly)\s+)?$`)
	// countedBefore is a count or an article before a plural that is then
	// a noun, not a verb: "~25K triples", "the triples".
	countedBefore = regexp.MustCompile(`(?:[0-9][0-9.,]*\s*[kmb]?|\bof|\bthe|\bthese|\bknowledge|\bmany)\s+$`)
	wordDoubles   = regexp.MustCompile(`^(doubles|doubled|doubling|triples|tripled|tripling|quadruples|quadrupled|quadrupling)\b`)
	wordHalf      = regexp.MustCompile(`^half\s+(?:of|the|its|their|our)\b`)
	wordQuarter   = regexp.MustCompile(`^(?:a|one)\s+quarter\s+(?:of|the)\b`)
	wordSubMS     = regexp.MustCompile(`^sub-?(?:millisecond|ms)\b`)
	wordSubSecond = regexp.MustCompile(`^sub-?second\b`)
	// "in just one hour", "a single-hour calibration", "ten minutes".
	wordDuration = regexp.MustCompile(`^(one|two|three|four|five|six|seven|eight|nine|ten|twenty|an|a|single)[\s-]+(hours?|minutes?|seconds?)\b`)
	wordPlace    = regexp.MustCompile(`^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:place|position)\b`)
	wordRanked   = regexp.MustCompile(`^(?:ranked|ranks|rank|ranking|placed|places)\s+(?:in\s+(?:the\s+)?)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b(?:[\s-]+(?:place|position)\b)?`)
)

// numberWordStart are the first words of the forms wordAt reads.
var numberWordStart = map[string]bool{
	"an": true, "a": true, "one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "twenty": true, "hundred": true, "twice": true,
	"half": true, "first": true, "second": true, "third": true, "ranked": true, "ranks": true,
	"ranking": true, "rank": true, "placed": true, "places": true, "fourth": true, "fifth": true, "sixth": true,
	"seventh": true, "eighth": true, "ninth": true, "tenth": true, "twofold": true, "threefold": true, "fourfold": true,
	"fivefold": true, "sixfold": true, "sevenfold": true, "eightfold": true, "ninefold": true, "tenfold": true, "twentyfold": true, "hundredfold": true, "single": true,
	"double": true, "triple": true, "quadruple": true,
}

var placeValue = map[string]float64{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

// wordAt reads a number written in words at lower[i:] (lower-cased text).
func wordAt(lower string, i int) (mention, bool) {
	j := i
	for j < len(lower) && 'a' <= lower[j] && lower[j] <= 'z' {
		j++
	}
	if !numberWordStart[lower[i:j]] && !strings.HasPrefix(lower[i:j], "halv") && !strings.HasPrefix(lower[i:j], "doubl") &&
		!strings.HasPrefix(lower[i:j], "tripl") && !strings.HasPrefix(lower[i:j], "quadrupl") && !strings.HasPrefix(lower[i:j], "sub") {
		return mention{}, false
	}
	w := lower[i:min(len(lower), i+80)] // every word form is shorter
	one := func(v float64, unit string, end int, review string) (mention, bool) {
		return mention{a: i, b: i + end, vals: []float64{v}, unit: unit, word: true, review: review}, true
	}
	if m := wordOrdersRange.FindStringSubmatchIndex(w); m != nil {
		lo, hi := numberWords[w[m[2]:m[3]]], numberWords[w[m[4]:m[5]]]
		if hi > lo {
			return mention{a: i, b: i + m[1], isRange: true, lo: math.Pow(10, lo), hi: math.Pow(10, hi), unit: "x", word: true,
				review: "orders of magnitude read as powers of 10"}, true
		}
	}
	if m := wordFoldRange.FindStringSubmatchIndex(w); m != nil {
		lo, hi := numberWords[w[m[2]:m[3]]], numberWords[w[m[4]:m[5]]]
		if hi > lo {
			return mention{a: i, b: i + m[1], isRange: true, lo: lo, hi: hi, unit: "x", word: true}, true
		}
	}
	if m := wordOrders.FindStringSubmatchIndex(w); m != nil {
		return one(math.Pow(10, numberWords[w[m[2]:m[3]]]), "x", m[1], "orders of magnitude read as powers of 10")
	}
	if m := wordTimes.FindStringSubmatchIndex(w); m != nil {
		// The span stops before the comparative word, which the metric needs.
		end := strings.LastIndexAny(strings.TrimRight(w[:m[1]], " \t\n\r"), " \t\n\r")
		if end < m[3] {
			end = m[1]
		}
		return one(numberWords[w[m[2]:m[3]]], "x", end, "")
	}
	if m := wordFold.FindStringSubmatchIndex(w); m != nil {
		return one(numberWords[w[m[2]:m[3]]], "x", strings.Index(w, "fold")+len("fold"), "")
	}
	if m := wordTimesBy.FindStringSubmatchIndex(w); m != nil && (timesByBefore.MatchString(lower[max(0, i-30):i]) || strings.Contains(w[:m[1]], "fold") && foldVerbBefore.MatchString(lower[max(0, i-50):i])) {
		// "reducing the token count upto three times", "reducing
		// communication rounds eightfold": a ratio in words.
		c, _ := one(numberWords[w[m[2]:m[3]]], "x", m[1], "")
		if upToBefore.MatchString(lower[max(0, i-12):i]) {
			c.bound = claim.UpTo
		}
		return c, true
	}
	if m := wordTwice.FindStringIndex(w); m != nil {
		return one(2, "x", len("twice"), "")
	}
	if m := wordByHalf.FindStringIndex(w); m != nil {
		if bb := byHalfBefore.FindStringSubmatch(lower[max(0, i-30):i]); bb != nil {
			c, _ := one(2, "x", m[1], "'by half' read as a 2x reduction")
			c.bound = claim.About
			if strings.HasPrefix(bb[1], "more") || strings.HasPrefix(bb[1], "over") || strings.HasPrefix(bb[1], "at") {
				c.bound = claim.AtLeast
			}
			return c, true
		}
	}
	if m := wordHalves.FindStringIndex(w); m != nil {
		c, _ := one(2, "x", m[1], "'halves' read as a 2x reduction")
		c.bound = claim.About
		return c, true
	}
	if m := wordMultipleAdj.FindStringSubmatchIndex(w); m != nil {
		v := map[string]float64{"double": 2, "triple": 3, "quadruple": 4}[w[m[2]:m[3]]]
		c, _ := one(v, "x", m[3], "'"+w[m[2]:m[3]]+"' read as "+strconv.FormatFloat(v, 'f', -1, 64)+"x")
		c.bound = claim.About
		return c, true
	}
	if m := wordDoubles.FindStringSubmatchIndex(w); m != nil && !(strings.HasSuffix(w[m[2]:m[3]], "s") && countedBefore.MatchString(lower[max(0, i-16):i])) {
		v := 2.0
		switch w[m[2]] {
		case 't':
			v = 3
		case 'q':
			v = 4
		}
		c, _ := one(v, "x", m[1], "'"+w[m[2]:m[3]]+"' read as "+strconv.FormatFloat(v, 'f', -1, 64)+"x")
		c.bound = claim.About
		return c, true
	}
	if m := wordHalf.FindStringIndex(w); m != nil {
		return one(50, "%", len("half"), "'half' read as 50%")
	}
	if m := wordQuarter.FindStringIndex(w); m != nil {
		return one(25, "%", strings.Index(w, "quarter")+len("quarter"), "'a quarter' read as 25%")
	}
	if m := wordSubMS.FindStringIndex(w); m != nil {
		c, _ := one(1, "ms", m[1], "'sub-millisecond' read as at most 1 ms")
		c.bound = claim.AtMost
		return c, true
	}
	if m := wordSubSecond.FindStringIndex(w); m != nil {
		c, _ := one(1, "s", m[1], "'sub-second' read as at most 1 s")
		c.bound = claim.AtMost
		return c, true
	}
	if m := wordDuration.FindStringSubmatchIndex(w); m != nil {
		n := numberWords[w[m[2]:m[3]]]
		if w[m[2]:m[3]] == "single" {
			n = 1
		}
		unit := map[byte]string{'h': "h", 'm': "min", 's': "s"}[w[m[4]]]
		c, _ := one(n, unit, m[1], "a duration in words read as "+strconv.FormatFloat(n, 'f', -1, 64)+" "+unit)
		c.duration = true
		return c, true
	}
	if m := wordPlace.FindStringSubmatchIndex(w); m != nil {
		return mention{a: i, b: i + m[1], vals: []float64{placeValue[w[m[2]:m[3]]]}, unit: "rank", word: true}, true
	}
	if m := wordRanked.FindStringSubmatchIndex(w); m != nil {
		return mention{a: i + m[2], b: i + m[1], vals: []float64{placeValue[w[m[2]:m[3]]]}, unit: "rank", word: true}, true
	}
	return mention{}, false
}

// scan finds every mention in t, in order.
func scan(t *text) []mention {
	s := t.s
	var out []mention
	for i := 0; i < len(s); {
		c := s[i]
		if (c == 'h' || c == 'w') && (i == 0 || !isAlnum(s[i-1])) {
			if loc := urlAtStart.FindStringIndex(s[i:]); loc != nil {
				i += loc[1] // numbers in links are not claims
				continue
			}
		}
		switch {
		case isASCIILetter(c) && (i == 0 || !isAlnum(s[i-1]) && s[i-1] != '-'):
			if m, ok := wordAt(t.lower, i); ok {
				out = append(out, m)
				i = m.b
				continue
			}
			if i+1 < len(s) && isDigit(s[i+1]) && timesBefore(s, i+1) {
				i++ // "x3.7": the number after the sign is read by numberAt
				continue
			}
			if n := subPrefix(t.lower, i); n > 0 {
				i += n // "sub-100ms latency": the number is read by numberAt, the bound by boundBefore
				continue
			}
			i = skipToken(s, i)
		case isASCIILetter(c):
			i = skipToken(s, i)
		case isDigit(c) || c == '.' && leadingDot(s, i):
			m, n, ok := numberAt(s, i)
			if ok {
				out = append(out, m)
			}
			if n <= i {
				n = i + 1
			}
			i = n
		default:
			i++
		}
	}
	return out
}

// rangingBefore reports whether the "from" before s[a:] opens a range:
// "ranging from", "varying from", or a second "and from" after one.
func rangingBefore(s string, a int) bool {
	lo := max(0, a-120)
	pre := asciiLower(s[lo:a])
	if k := strings.LastIndexAny(pre, ".;:"); k >= 0 && k+1 < len(pre) && pre[k+1] == ' ' {
		pre = pre[k+1:]
	}
	return rangingFrom.MatchString(pre) || beatenFrom.MatchString(pre)
}

// beatenFrom is a margin over others "from" one amount to another, a range
// of margins: "outperforms existing state-of-the-art techniques from 5% to
// 20%".
var beatenFrom = regexp.MustCompile(`\b(?:outperform\w*|surpass\w*|exceed\w*|beat\w*)\s+(?:[a-z0-9-]+\s+){1,6}from\s*$`)

// rangingTo is what leads from a range's first end to its second after
// "ranging from": "to", "up to", "to over", and a qualifier of the first
// end before it ("for VGG-11", "in low-redundancy datasets").
var rangingTo = regexp.MustCompile(`^ (?:(?:for|in|on|at|with)\s+[^,;:()\n.]{1,40}?\s+)?(?:up\s+)?to\s+(?:over\s+|more\s+than\s+|up\s+to\s+)?`)

var rangingFrom = regexp.MustCompile(`\b(?:rang\w*|var\w*|spann\w*)\s+from\s*$|\b(?:rang\w*|var\w*|spann\w*)\s+from\s[^()]*\band\s+from\s*$`)

// fromBefore reports whether the word before s[a:] is "from".
func fromBefore(s string, a int) bool {
	if wordBefore(s, a, "from") {
		return true
	}
	if k := strings.TrimRight(s[:a], " "); strings.HasSuffix(k, "~") && wordBefore(s, len(k)-1, "from") {
		return true // "from ~16 s to under 1 s"
	}
	// "from below 40% to over 90%": a bound on the old value.
	for _, w := range []string{"below", "under", "above", "over", "about", "around", "nearly", "roughly", "approximately", "almost"} {
		if wordBefore(s, a, w) {
			k := strings.LastIndex(asciiLower(s[:a]), w) // asciiLower keeps byte offsets; ToLower may not
			return k > 0 && wordBefore(s, k, "from")
		}
	}
	return false
}

// wordBefore reports whether the word just before s[a:] is w (any case).
func wordBefore(s string, a int, w string) bool {
	lo := a - len(w) - 8
	if lo < 0 {
		lo = 0
	}
	p := strings.TrimRight(s[lo:a], " ")
	if len(p) < len(w) || !strings.EqualFold(p[len(p)-len(w):], w) {
		return false
	}
	k := len(p) - len(w)
	return k == 0 && lo == 0 || k > 0 && !isAlnum(p[k-1])
}

// minusBefore reports whether a minus sign stands right before s[i] and is
// not a hyphen inside a name or a range ("VTM-9", "30-50%"): a space, an
// opening bracket or a separator comes before it.
func minusBefore(s string, i int) bool {
	if i == 0 || s[i-1] != '-' {
		return false
	}
	return i == 1 || strings.IndexByte(" ([,:;=", s[i-2]) >= 0
}

// timesBefore reports whether s[i] follows a lone "x" that starts a word:
// " x3.7".
// A word of amount must come before it ("by about x3.7"), so that "the
// x264 encoder" or "(x86)" stay names.
func timesBefore(s string, i int) bool {
	if i < 2 || s[i-1] != 'x' && s[i-1] != 'X' {
		return false
	}
	return s[i-2] == ' ' && amountWordEnd.MatchString(s[max(0, i-40):i-1])
}

// amountWordEnd is a word after which a quantity follows.
var amountWordEnd = regexp.MustCompile(`(?i)\b(?:by|about|around|roughly|approximately|nearly|almost|over|to|than|achiev\w*|reach\w*|yield\w*|deliver\w*|gives?)\s+$`)

// productModelX reports whether the integer at s[i:j], an "X" glued to it
// (s[j:e]), is a product's model number: four digits or more, after a
// capitalised name or before a word of hardware ("Ryzen 7 9700X CPU").
func productModelX(s string, i, j, e int) bool {
	if j-i < 4 || strings.ContainsAny(s[i:j], ".,") {
		return false
	}
	return productNameBefore.MatchString(s[max(0, i-40):i]) || hardwareAfter.MatchString(s[e:min(len(s), e+12)])
}

// hardwareAfter is a word of hardware right after a model number.
var hardwareAfter = regexp.MustCompile(`^\s+(?:CPU|GPU|NPU|processor|chip|SoC)s?\b`)
