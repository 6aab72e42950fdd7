package claim

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Bound says how a measured value must relate to the claimed one.
type Bound string

// The bounds a claim may have.
const (
	Exact   Bound = "exact"
	About   Bound = "about"
	UpTo    Bound = "up-to"
	AtLeast Bound = "at-least"
	AtMost  Bound = "at-most"
	Range   Bound = "range"
	Beats   Bound = "beats"
)

// Bounds lists every bound, in the order the manual gives them.
var Bounds = []Bound{Exact, About, UpTo, AtLeast, AtMost, Range, Beats}

// Verdict is the outcome for one claim.
type Verdict string

// The verdicts, as in the ACM-badge-like vocabulary of the design brief.
const (
	Unverified Verdict = "unverified" // not measured
	Verified   Verdict = "verified"   // measured, within tolerance of the bound
	Refuted    Verdict = "refuted"    // measured, outside it
	Error      Verdict = "error"      // the measurement failed
	Skipped    Verdict = "skipped"    // requirements unmet
)

// Units maps every accepted unit to its default tolerance (beats claims
// use only an explicit tolerance: "outperforms" means strictly better). Ratios and sizes
// get a relative tolerance; percentages an absolute one in percentage points,
// because "5% of 2.8%" is not what a reader of "2.8%" has in mind.
var Units = map[string]Tolerance{
	"":         {Value: 5, Relative: true},
	"x":        {Value: 5, Relative: true},
	"%":        {Value: 1},
	"pp":       {Value: 1},
	"ms":       {Value: 10, Relative: true},
	"s":        {Value: 10, Relative: true},
	"min":      {Value: 10, Relative: true},
	"h":        {Value: 10, Relative: true},
	"B":        {Value: 5, Relative: true},
	"KB":       {Value: 5, Relative: true},
	"MB":       {Value: 5, Relative: true},
	"GB":       {Value: 5, Relative: true},
	"TB":       {Value: 5, Relative: true},
	"bits":     {Value: 5, Relative: true},
	"bpp":      {Value: 5, Relative: true},
	"bps":      {Value: 5, Relative: true},
	"dB":       {Value: 0.1},
	"points":   {Value: 0.5},
	"MB/s":     {Value: 10, Relative: true},
	"GB/s":     {Value: 10, Relative: true},
	"tokens/s": {Value: 10, Relative: true},
	"FPS":      {Value: 10, Relative: true},
	"params":   {},
	"FLOPs":    {},
	"count":    {},
	"rank":     {},
}

// Tolerance is how far a measurement may miss the bound and still verify.
type Tolerance struct {
	Value    float64
	Relative bool // Value is a percentage of the claimed value
}

// String formats t the way a spec writes it.
func (t Tolerance) String() string {
	s := strconv.FormatFloat(t.Value, 'f', -1, 64)
	if t.Relative {
		return s + "%"
	}
	return s
}

// ParseTolerance reads "5%" (relative), "0.3" (absolute, in the claim's
// unit) or "0.5pp" (absolute percentage points; only for % claims).
func ParseTolerance(s, unit string) (Tolerance, error) {
	s = strings.TrimSpace(s)
	var t Tolerance
	num := s
	switch {
	case strings.HasSuffix(s, "pp"):
		if unit != "%" && unit != "pp" {
			return t, fmt.Errorf("tolerance %q: percentage points only apply to unit %% (this claim's unit is %q); write a relative tolerance such as \"5%%\"", s, unit)
		}
		num = strings.TrimSuffix(s, "pp")
	case strings.HasSuffix(s, "%"):
		t.Relative = true
		num = strings.TrimSuffix(s, "%")
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return Tolerance{}, fmt.Errorf("tolerance %q is not a number: write \"5%%\" (relative), \"0.3\" (absolute) or \"0.5pp\"", s)
	}
	if v < 0 {
		return Tolerance{}, fmt.Errorf("tolerance %q is negative", s)
	}
	t.Value = v
	return t, nil
}

// Abs returns the absolute slack t allows around the claimed value v.
func (t Tolerance) Abs(v float64) float64 {
	if t.Relative {
		return math.Abs(v) * t.Value / 100
	}
	return t.Value
}

// Claim is the numeric part of a spec claim that a verdict depends on.
type Claim struct {
	Bound     Bound
	Value     *float64 // exact, about, up-to, at-least, at-most; margin for beats
	Min, Max  *float64 // range
	Unit      string
	Better    string // "higher" or "lower"
	Tolerance Tolerance
}

// Outcome is a verdict with the numbers that led to it.
type Outcome struct {
	Verdict Verdict
	// Delta is measured minus claimed (minus the range edge nearest the
	// measurement for ranges; measured margin minus claimed margin for beats).
	Delta float64
	// Reason says in words why a refuted claim was refuted.
	Reason string
}

// Judge compares a measured value m (and the measured baseline b, for beats)
// with the claim. It never returns Unverified, Error or Skipped: those come
// from the runner, before there is a number to judge.
func Judge(c Claim, m float64, b *float64) (Outcome, error) {
	if math.IsNaN(m) || math.IsInf(m, 0) {
		return Outcome{Verdict: Error, Reason: "measured value is not a finite number"}, nil
	}
	higher := c.Better != "lower"
	switch c.Bound {
	case Exact, About, UpTo, AtLeast, AtMost:
		if c.Value == nil {
			return Outcome{}, fmt.Errorf("bound %s needs a value", c.Bound)
		}
		v := *c.Value
		t := c.Tolerance.Abs(v)
		d := m - v
		ok := false
		switch c.Bound {
		case Exact, About:
			ok = math.Abs(d) <= t+eps(v)
		case UpTo:
			if higher {
				ok = m >= v-t-eps(v)
			} else {
				ok = m <= v+t+eps(v)
			}
		case AtLeast:
			ok = m >= v-t-eps(v)
		case AtMost:
			ok = m <= v+t+eps(v)
		}
		return outcome(ok, d, fmt.Sprintf("measured %s is outside %s %s within %s", Format(m), c.Bound, Format(v), c.Tolerance)), nil
	case Range:
		if c.Min == nil || c.Max == nil {
			return Outcome{}, fmt.Errorf("bound range needs min and max")
		}
		lo, hi := *c.Min, *c.Max
		tl, th := c.Tolerance.Abs(lo), c.Tolerance.Abs(hi)
		var d float64
		switch {
		case m < lo:
			d = m - lo
		case m > hi:
			d = m - hi
		}
		ok := m >= lo-tl-eps(lo) && m <= hi+th+eps(hi)
		return outcome(ok, d, fmt.Sprintf("measured %s is outside [%s, %s] within %s", Format(m), Format(lo), Format(hi), c.Tolerance)), nil
	case Beats:
		if b == nil {
			return Outcome{Verdict: Error, Reason: "no measured baseline to compare with"}, nil
		}
		margin := m - *b
		if !higher {
			margin = *b - m
		}
		want := 0.0
		if c.Value != nil {
			want = *c.Value
		}
		// A relative tolerance on beats is relative to the baseline: the
		// margin itself may be zero.
		t := c.Tolerance.Value
		if c.Tolerance.Relative {
			t = math.Abs(*b) * c.Tolerance.Value / 100
		}
		d := margin - want
		ok := margin >= want-t-eps(want)
		if want == 0 && t == 0 {
			ok = margin > 0 // "outperforms" means strictly better
		}
		return outcome(ok, d, fmt.Sprintf("measured %s vs baseline %s: margin %s, claimed %s", Format(m), Format(*b), Format(margin), Format(want))), nil
	}
	return Outcome{}, fmt.Errorf("unknown bound %q", c.Bound)
}

func outcome(ok bool, d float64, reason string) Outcome {
	if ok {
		return Outcome{Verdict: Verified, Delta: d}
	}
	return Outcome{Verdict: Refuted, Delta: d, Reason: reason}
}

// eps absorbs float rounding so that a measured 2.8 meets a claimed 2.8.
func eps(v float64) float64 { return 1e-9 * math.Max(1, math.Abs(v)) }

// Format prints a number the same way everywhere: up to 4 significant
// decimals, no exponent for ordinary magnitudes, so golden files are stable.
func Format(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	a := math.Abs(v)
	switch {
	case a >= 1e6 || a < 1e-4:
		return strconv.FormatFloat(v, 'g', 4, 64)
	case a >= 100:
		return trim(strconv.FormatFloat(v, 'f', 1, 64))
	case a >= 1:
		return trim(strconv.FormatFloat(v, 'f', 3, 64))
	default:
		return trim(strconv.FormatFloat(v, 'f', 4, 64))
	}
}

func trim(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	return s
}

// Describe writes the claimed side of c for a table: "≤ 2187x", "2–5x", "beats JPEG".
func Describe(c Claim, baseline string) string {
	num := func(p *float64) string {
		if p == nil {
			return "?"
		}
		return WithUnit(*p, c.Unit)
	}
	switch c.Bound {
	case Exact:
		return num(c.Value)
	case About:
		return "~" + num(c.Value)
	case UpTo:
		if c.Better == "lower" {
			return "down to " + num(c.Value)
		}
		return "up to " + num(c.Value)
	case AtLeast:
		return ">= " + num(c.Value)
	case AtMost:
		return "<= " + num(c.Value)
	case Range:
		return num(c.Min) + " to " + num(c.Max)
	case Beats:
		if c.Value != nil {
			return "beats " + baseline + " by " + num(c.Value)
		}
		return "beats " + baseline
	}
	return string(c.Bound)
}

// WithUnit formats v followed by its unit: "2.8x" and "2.8%" stick to the
// number, word units such as "5 bits" or "10 GB/s" get a space.
func WithUnit(v float64, unit string) string {
	switch unit {
	case "", "x", "%":
		return Format(v) + unit
	}
	return Format(v) + " " + unit
}

// Timing says whether unit measures time or speed: such a value depends on
// the machine, so reports name the machine beside it.
func Timing(unit string) bool {
	switch unit {
	case "ms", "s", "min", "h", "MB/s", "GB/s", "tokens/s", "FPS":
		return true
	}
	return false
}
