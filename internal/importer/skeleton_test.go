package importer

import (
	"strings"
	"testing"

	"github.com/repro-harness/repro/harness/spec"
)

func TestSkeleton(t *testing.T) {
	p := Paper{
		Title:     `HPC-ColPali: "Quoted" \ Title: with # and 'marks'`,
		Published: "2025-06-19",
		Abstract: "Our approach achieves up to 32times storage reduction; it reduces late-interaction computation by up to 60\\% with less than 2\\% nDCG@10 loss. " +
			"HPC-ColPali achieves 30--50\\% lower query latency and halves end-to-end latency. Code is available at https://github.com/DngBack/HPC-ColPali.",
	}
	claims := Extract(p.Abstract)
	out := Skeleton(p, "hpc-colpali", claims)
	s, err := spec.DecodeDraft("hpc-colpali.yaml", out)
	if err != nil {
		t.Fatalf("Skeleton(%q) does not decode: %v\n%s", p.Title, err, out)
	}
	if s.ID != "hpc-colpali" || s.Title != p.Title || s.Published != p.Published {
		t.Errorf("Skeleton decodes to id %q title %q published %q; want %q %q %q", s.ID, s.Title, s.Published, "hpc-colpali", p.Title, p.Published)
	}
	if s.Repository == nil || s.Repository.URL != "https://github.com/DngBack/HPC-ColPali" || s.Repository.Commit != "" {
		t.Errorf("Skeleton repository = %+v; want the GitHub URL without a commit", s.Repository)
	}
	if len(s.Claims) != len(claims) {
		t.Fatalf("Skeleton has %d claims; want %d", len(s.Claims), len(claims))
	}
	for i, c := range s.Claims {
		if c.Quote != claims[i].Quote || c.Unit != claims[i].Unit || c.Bound != string(claims[i].Bound) || c.Review != claims[i].Review {
			t.Errorf("Skeleton claim %d = %+v; want it to carry %+v", i, c, claims[i])
		}
		if !strings.HasPrefix(c.ID, "c") || !spec.ValidID(c.ID) {
			t.Errorf("Skeleton claim id %q; want c<n>-<metric>", c.ID)
		}
	}
	if s.Claims[0].ID != "c1-storage-reduction" {
		t.Errorf("Skeleton first claim id = %q; want c1-storage-reduction", s.Claims[0].ID)
	}
}

func TestSkeletonNoCode(t *testing.T) {
	tests := []Paper{
		{Title: "Deep Interest Network", Abstract: "Experiments show that DIN achieves superior performance compared with state-of-the-art methods."},
		{Title: "", Abstract: "This thesis focuses on word representation. We present our new model."},
		{Title: "Odd\u2028title\x00", Abstract: "It is \xff\xfe 3x faster. Project page: https://example.org/p"},
		{},
	}
	for _, p := range tests {
		out := Skeleton(p, "x", Extract(p.Abstract))
		s, err := spec.DecodeDraft("x.yaml", out)
		if err != nil {
			t.Errorf("Skeleton(%q) does not decode: %v\n%s", p.Title, err, out)
			continue
		}
		if s.Repository != nil || s.NoCode != NoCode {
			t.Errorf("Skeleton(%q) repository = %+v, no_code %q; want null and %q", p.Title, s.Repository, s.NoCode, NoCode)
		}
		if len(s.Claims) == 0 {
			t.Errorf("Skeleton(%q) has no claims; want at least a placeholder", p.Title)
		}
	}
}

func TestYAMLQuote(t *testing.T) {
	for _, in := range []string{"plain", `a "b" \c`, "tab\tnew\nline", "\x00\x1f\x7f", "\u0085\u2028\u2029\ufeff", "%", "- [x]: {y} # z", "\xff", "é 😀 ×"} {
		q := yamlQuote(in)
		if strings.ContainsAny(q, "\n\r") {
			t.Errorf("yamlQuote(%q) = %q; want one line", in, q)
		}
		doc := "schema: 1\nid: x\ntitle: " + q + "\nrepository: null\nno_code: n\n" +
			"claims:\n  - {id: a, quote: q, metric: m, bound: beats, better: higher, baseline: b}\n"
		s, err := spec.DecodeDraft("x.yaml", []byte(doc))
		if err != nil {
			t.Errorf("yamlQuote(%q) = %s; does not decode: %v", in, q, err)
			continue
		}
		if want := strings.ToValidUTF8(in, "\uFFFD"); s.Title != want {
			t.Errorf("yamlQuote(%q) decodes to %q; want %q", in, s.Title, want)
		}
	}
}
