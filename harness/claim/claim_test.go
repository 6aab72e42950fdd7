package claim

import (
	"math"
	"testing"
)

func f(v float64) *float64 { return &v }

func TestJudge(t *testing.T) {
	pct := func(v float64) Tolerance { return Tolerance{Value: v, Relative: true} }
	abs := func(v float64) Tolerance { return Tolerance{Value: v} }
	tests := []struct {
		name string
		c    Claim
		m    float64
		b    *float64
		want Verdict
	}{
		// exact / about: |m - v| <= t
		{"exact hit", Claim{Bound: Exact, Value: f(2.8), Tolerance: pct(5)}, 2.8, nil, Verified},
		{"exact within relative", Claim{Bound: Exact, Value: f(100), Tolerance: pct(5)}, 95, nil, Verified},
		{"exact just outside relative", Claim{Bound: Exact, Value: f(100), Tolerance: pct(5)}, 94.99, nil, Refuted},
		{"exact above within", Claim{Bound: Exact, Value: f(100), Tolerance: pct(5)}, 105, nil, Verified},
		{"exact above outside", Claim{Bound: Exact, Value: f(100), Tolerance: pct(5)}, 105.01, nil, Refuted},
		{"exact zero tolerance", Claim{Bound: Exact, Value: f(3), Tolerance: abs(0)}, 3.0000000001, nil, Verified},
		{"exact zero tolerance miss", Claim{Bound: Exact, Value: f(3), Tolerance: abs(0)}, 3.001, nil, Refuted},
		{"exact zero claimed relative", Claim{Bound: Exact, Value: f(0), Tolerance: pct(5)}, 0.001, nil, Refuted},
		{"exact zero claimed absolute", Claim{Bound: Exact, Value: f(0), Tolerance: abs(0.01)}, -0.005, nil, Verified},
		{"exact negative value", Claim{Bound: Exact, Value: f(-2), Tolerance: pct(10)}, -2.15, nil, Verified},
		{"exact negative value miss", Claim{Bound: Exact, Value: f(-2), Tolerance: pct(10)}, -2.25, nil, Refuted},
		{"about percentage points", Claim{Bound: About, Value: f(2.8), Unit: "%", Tolerance: abs(1)}, 1.9, nil, Verified},
		{"about percentage points miss", Claim{Bound: About, Value: f(2.8), Unit: "%", Tolerance: abs(1)}, 1.7, nil, Refuted},
		{"percent relative is not pp", Claim{Bound: About, Value: f(2.8), Unit: "%", Tolerance: pct(5)}, 2.9, nil, Verified},
		{"percent relative miss", Claim{Bound: About, Value: f(2.8), Unit: "%", Tolerance: pct(5)}, 3.0, nil, Refuted},
		// up-to: the best case reaches v
		{"up-to reached", Claim{Bound: UpTo, Value: f(2187), Better: "higher", Tolerance: pct(5)}, 2100, nil, Verified},
		{"up-to exceeded", Claim{Bound: UpTo, Value: f(2187), Better: "higher", Tolerance: pct(5)}, 3000, nil, Verified},
		{"up-to short", Claim{Bound: UpTo, Value: f(2187), Better: "higher", Tolerance: pct(5)}, 2000, nil, Refuted},
		{"up-to lower is better", Claim{Bound: UpTo, Value: f(10), Better: "lower", Tolerance: pct(10)}, 10.9, nil, Verified},
		{"up-to lower is better miss", Claim{Bound: UpTo, Value: f(10), Better: "lower", Tolerance: pct(10)}, 11.5, nil, Refuted},
		// at-least / at-most
		{"at-least above", Claim{Bound: AtLeast, Value: f(50), Unit: "%", Tolerance: abs(1)}, 63, nil, Verified},
		{"at-least within tolerance", Claim{Bound: AtLeast, Value: f(50), Unit: "%", Tolerance: abs(1)}, 49, nil, Verified},
		{"at-least below", Claim{Bound: AtLeast, Value: f(50), Unit: "%", Tolerance: abs(1)}, 48.9, nil, Refuted},
		{"at-most below", Claim{Bound: AtMost, Value: f(2), Unit: "%", Tolerance: abs(0)}, 1.5, nil, Verified},
		{"at-most equal", Claim{Bound: AtMost, Value: f(2), Unit: "%", Tolerance: abs(0)}, 2, nil, Verified},
		{"at-most above", Claim{Bound: AtMost, Value: f(2), Unit: "%", Tolerance: abs(0)}, 2.01, nil, Refuted},
		{"at-most negative delta", Claim{Bound: AtMost, Value: f(-1), Tolerance: abs(0.5)}, -0.6, nil, Verified},
		{"at-most negative delta miss", Claim{Bound: AtMost, Value: f(-1), Tolerance: abs(0.5)}, -0.4, nil, Refuted},
		// range: inside [min, max] widened by tolerance
		{"range inside", Claim{Bound: Range, Min: f(2), Max: f(5), Tolerance: pct(5)}, 3, nil, Verified},
		{"range low edge widened", Claim{Bound: Range, Min: f(2), Max: f(5), Tolerance: pct(5)}, 1.9, nil, Verified},
		{"range below", Claim{Bound: Range, Min: f(2), Max: f(5), Tolerance: pct(5)}, 1.89, nil, Refuted},
		{"range high edge widened", Claim{Bound: Range, Min: f(2), Max: f(5), Tolerance: pct(5)}, 5.25, nil, Verified},
		{"range above", Claim{Bound: Range, Min: f(2), Max: f(5), Tolerance: pct(5)}, 5.26, nil, Refuted},
		{"range percent points", Claim{Bound: Range, Min: f(30), Max: f(50), Unit: "%", Tolerance: abs(1)}, 29.5, nil, Verified},
		// beats: measured method against measured baseline
		{"beats higher", Claim{Bound: Beats, Better: "higher"}, 0.81, f(0.80), Verified},
		{"beats tie is not beating", Claim{Bound: Beats, Better: "higher"}, 0.80, f(0.80), Refuted},
		{"beats lower", Claim{Bound: Beats, Better: "lower"}, 1.2, f(1.5), Verified},
		{"beats lower worse", Claim{Bound: Beats, Better: "lower"}, 1.6, f(1.5), Refuted},
		{"beats with margin", Claim{Bound: Beats, Better: "higher", Value: f(2.8), Unit: "%", Tolerance: abs(0.5)}, 77.5, f(75), Verified},
		{"beats margin short", Claim{Bound: Beats, Better: "higher", Value: f(2.8), Unit: "%", Tolerance: abs(0.5)}, 77.2, f(75), Refuted},
		{"beats parity within tolerance", Claim{Bound: Beats, Better: "higher", Tolerance: pct(1)}, 79.5, f(80), Verified},
		{"beats no baseline", Claim{Bound: Beats, Better: "higher"}, 1, nil, Error},
		{"not a number", Claim{Bound: Exact, Value: f(1)}, math.NaN(), nil, Error},
		{"infinite", Claim{Bound: AtLeast, Value: f(1)}, math.Inf(1), nil, Error},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Judge(tt.c, tt.m, tt.b)
			if err != nil {
				t.Fatalf("Judge(%+v, %v) error: %v", tt.c, tt.m, err)
			}
			if got.Verdict != tt.want {
				t.Errorf("Judge(%+v, %v, %v) = %v (%s); want %v", tt.c, tt.m, tt.b, got.Verdict, got.Reason, tt.want)
			}
			if got.Verdict == Refuted && got.Reason == "" {
				t.Errorf("Judge(%+v, %v) refuted without a reason", tt.c, tt.m)
			}
		})
	}
}

func TestJudgeDelta(t *testing.T) {
	got, _ := Judge(Claim{Bound: Range, Min: f(2), Max: f(5)}, 6, nil)
	if got.Delta != 1 {
		t.Errorf("Judge(range 2-5, 6).Delta = %v; want 1 (distance to the nearest edge)", got.Delta)
	}
	got, _ = Judge(Claim{Bound: AtLeast, Value: f(10)}, 7.5, nil)
	if got.Delta != -2.5 {
		t.Errorf("Judge(at-least 10, 7.5).Delta = %v; want -2.5", got.Delta)
	}
}

func TestJudgeMisuse(t *testing.T) {
	for _, c := range []Claim{{Bound: Exact}, {Bound: Range, Min: f(1)}, {Bound: "sideways", Value: f(1)}} {
		if _, err := Judge(c, 1, nil); err == nil {
			t.Errorf("Judge(%+v) = nil error; want one", c)
		}
	}
}

func TestParseTolerance(t *testing.T) {
	tests := []struct {
		in, unit string
		want     Tolerance
		bad      bool
	}{
		{"5%", "x", Tolerance{5, true}, false},
		{" 0.3 ", "dB", Tolerance{0.3, false}, false},
		{"0.5pp", "%", Tolerance{0.5, false}, false},
		{"0", "", Tolerance{0, false}, false},
		{"0.5pp", "x", Tolerance{}, true},
		{"-1", "x", Tolerance{}, true},
		{"five", "x", Tolerance{}, true},
		{"NaN", "x", Tolerance{}, true},
		{"Inf%", "x", Tolerance{}, true},
		{"%", "x", Tolerance{}, true},
	}
	for _, tt := range tests {
		got, err := ParseTolerance(tt.in, tt.unit)
		if (err != nil) != tt.bad || (!tt.bad && got != tt.want) {
			t.Errorf("ParseTolerance(%q, %q) = %v, %v; want %v, error %v", tt.in, tt.unit, got, err, tt.want, tt.bad)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{2187, "2187"}, {2.8, "2.8"}, {1.84326, "1.843"}, {0.50862, "0.5086"}, {123.456, "123.5"},
		{-9.884, "-9.884"}, {1e-7, "1e-07"}, {12345678.9, "1.235e+07"}, {0, "0"},
	}
	for _, tt := range tests {
		if got := Format(tt.v); got != tt.want {
			t.Errorf("Format(%v) = %q; want %q", tt.v, got, tt.want)
		}
	}
}

func FuzzParseTolerance(f *testing.F) {
	for _, s := range []string{"5%", "0.3", "0.5pp", "", "-1", "1e400%", "pp"} {
		f.Add(s, "%")
	}
	f.Fuzz(func(t *testing.T, s, unit string) {
		tol, err := ParseTolerance(s, unit)
		if err != nil {
			return
		}
		if tol.Value < 0 || math.IsNaN(tol.Value) || math.IsInf(tol.Value, 0) {
			t.Fatalf("ParseTolerance(%q) = %v; want a finite, non-negative tolerance", s, tol)
		}
		// What parses round-trips through its own formatting.
		back, err := ParseTolerance(tol.String(), unit)
		if err != nil || back != tol {
			t.Fatalf("ParseTolerance(%q) = %v, re-parsed %q = %v, %v", s, tol, tol.String(), back, err)
		}
	})
}
