package audit

import (
	"reflect"
	"testing"

	"github.com/repro-harness/repro/harness/spec"
)

func f64(v float64) *float64 { return &v }

func TestFindNumber(t *testing.T) {
	for _, tc := range []struct {
		line string
		val  float64
		unit string
		want bool
	}{
		{"compression ratios of up to 2187x for meshes", 2187, "x", true},
		{"up to 2,187× smaller", 2187, "x", true},
		{"2187 times smaller", 2187, "x", true},
		{"a 2187-fold reduction", 2187, "x", true},
		{"2187 meshes", 2187, "x", true}, // distinctive enough bare
		{"saves 2.8% of the bits", 2.8, "%", true},
		{"saves 2.8 % of the bits", 2.8, "%", true},
		{"2.80% better", 2.8, "%", true},
		{"PSNR 12.85% higher", 2.8, "%", false},
		{"PSNR 12.8% higher", 2.8, "%", false},
		{"release v2.8.1", 2.8, "%", false},
		{"2.81% better", 2.8, "%", false},
		{"a 2.8B model", 2.8, "%", false},
		{"at 0.5 bpp", 0.5, "bpp", true},
		{"at 0.5bpp", 0.5, "bpp", true},
		{"at 0.5 bppx", 0.5, "bpp", false},
		{"-12% BD-rate", -12, "%", true},
		{"x86 builds", 86, "x", false},
		{"4x faster", 4, "x", true},
		{"4 GPUs", 4, "x", false},
	} {
		d := parseDoc("README.md", "# title\n"+tc.line+"\n")
		var c spec.Claim
		c.ID, c.Value, c.Unit = "c", f64(tc.val), tc.unit
		got := d.claims([]spec.Claim{c})["c"] == "README.md:2"
		if got != tc.want {
			t.Errorf("claims(%q, %v %s) found = %v; want %v", tc.line, tc.val, tc.unit, got, tc.want)
		}
	}
}

func TestClaimsInReadme(t *testing.T) {
	readme := "# Squeeze3D\n\nWe reach compression ratios of up to 2,187× for textured meshes.\n\n" +
		"Point clouds shrink by 55x and the error grows by only 12.85%.\n\nSpeedups of 2x-5x.\n"
	claims := []spec.Claim{
		{ID: "mesh", Value: f64(2187), Unit: "x"},
		{ID: "error", Value: f64(2.8), Unit: "%"}, // 12.85% must not match
		{ID: "points", Value: f64(55), Unit: "x"},
		{ID: "range", Min: f64(2), Max: f64(5), Unit: "x"},
		{ID: "absent", Value: f64(99.9), Unit: "%"},
		{ID: "no-number", Unit: "x"},
	}
	r, err := Tree(writeTree(t, map[string]string{"README.md": readme}), Options{Claims: claims})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"mesh": "README.md:3", "points": "README.md:5", "range": "README.md:7"}
	if !reflect.DeepEqual(r.ClaimsInReadme, want) {
		t.Errorf("Tree().ClaimsInReadme = %v; want %v", r.ClaimsInReadme, want)
	}
}

func TestDistinctive(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{{"2187", true}, {"2,187", true}, {"12.85", true}, {"0.8711", true}, {"2.8", false}, {"1000", false}, {"55", false}, {"0.05", false}} {
		if got := distinctive(tc.in); got != tc.want {
			t.Errorf("distinctive(%q) = %v; want %v", tc.in, got, tc.want)
		}
	}
}
