package importer

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"
)

const listing = `new

Get trending papers in your email inbox!

Subscribe

Daily Papers

byAK and the research community

Jan 8

Squeeze3D: Your 3D Generation Model is Secretly an Extreme Neural Compressor

We propose Squeeze3D, a novel framework that leverages implicit prior knowledge learnt by existing pre-trained 3D generative models to compress 3D data at extremely high compression ratios. Our experiments demonstrate that Squeeze3D achieves compression ratios of up to 2187x for textured meshes.

  • 5 authors
·
Jun 9, 2025 2

Understanding and Harnessing Sparsity in Unified Multimodal Models

Large multimodal models have achieved remarkable progress in both understanding and generation. As a result, the adapted BAGEL model achieves performance comparable to the full model while activating only about half of its parameters. The code is released.

ByteDance-Seed ByteDance Seed
·
Dec 1, 2025 2

KFFocus: Highlighting Keyframes

Short abstract: we compress video tokens well.

  • 4 authors
·
Jan 8
`

func TestParseListing(t *testing.T) {
	papers, err := Parse(strings.NewReader(listing))
	if err != nil {
		t.Fatalf("Parse(listing) error: %v", err)
	}
	want := []Paper{
		{Title: "Squeeze3D: Your 3D Generation Model is Secretly an Extreme Neural Compressor", Published: "2025-06-09", Authors: 5, Line: 13},
		{Title: "Understanding and Harnessing Sparsity in Unified Multimodal Models", Published: "2025-12-01", Authors: 0, Line: 21},
		{Title: "KFFocus: Highlighting Keyframes", Published: "", Authors: 4, Line: 29},
	}
	if len(papers) != len(want) {
		t.Fatalf("Parse(listing) = %d papers; want %d: %+v", len(papers), len(want), papers)
	}
	for i, w := range want {
		p := papers[i]
		if p.Title != w.Title || p.Published != w.Published || p.Authors != w.Authors || p.Line != w.Line {
			t.Errorf("Parse(listing)[%d] = %q %q %d line %d; want %q %q %d line %d", i, p.Title, p.Published, p.Authors, p.Line, w.Title, w.Published, w.Authors, w.Line)
		}
		if p.Abstract == "" || strings.Contains(p.Abstract, "\n") {
			t.Errorf("Parse(listing)[%d].Abstract = %q; want one non-empty paragraph", i, p.Abstract)
		}
	}
	if !strings.HasPrefix(papers[0].Abstract, "We propose Squeeze3D") {
		t.Errorf("Parse(listing)[0].Abstract = %q; want the abstract paragraph", papers[0].Abstract)
	}
}

func TestParsePlain(t *testing.T) {
	abstract := "We propose a cache for transformer inference that stores keys and values at low precision and evicts the tokens that matter least. " +
		"Experiments on three models show that it reduces memory by up to 4x with less than 1% accuracy loss."
	tests := []struct {
		in, title, abstract string
		line                int
	}{
		{abstract, "", abstract, 1},
		{"A Cache for Transformers\n\n" + abstract + "\n", "A Cache for Transformers", abstract, 1},
		{"A Cache for Transformers\n" + abstract + "\n", "A Cache for Transformers", abstract, 1},
		{"\n\nA Cache\r\n\r\n" + abstract + "\r\n", "A Cache", abstract, 3},
		{"We cut memory by 4x.", "", "We cut memory by 4x.", 1},
		{"Tiny Title\n\nWe cut memory by 4x.", "Tiny Title", "We cut memory by 4x.", 1},
		// A hard-wrapped abstract stays one paragraph.
		{"We propose a cache for transformer\ninference that stores keys and values\nat low precision.", "", "We propose a cache for transformer inference that stores keys and values at low precision.", 1},
	}
	for _, tt := range tests {
		papers, err := Parse(strings.NewReader(tt.in))
		if err != nil {
			t.Errorf("Parse(%q) error: %v", tt.in, err)
			continue
		}
		if len(papers) != 1 {
			t.Errorf("Parse(%q) = %d papers; want 1", tt.in, len(papers))
			continue
		}
		p := papers[0]
		if p.Title != tt.title || p.Abstract != tt.abstract || p.Line != tt.line {
			t.Errorf("Parse(%q) = %q / %q line %d; want %q / %q line %d", tt.in, p.Title, p.Abstract, p.Line, tt.title, tt.abstract, tt.line)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"", "\n\n  \n", "Subscribe\n\nDaily Papers\n"} {
		if _, err := Parse(strings.NewReader(in)); !errors.Is(err, ErrNoAbstract) {
			t.Errorf("Parse(%q) error = %v; want ErrNoAbstract", in, err)
		}
	}
	boom := errors.New("boom")
	if _, err := Parse(iotest.ErrReader(boom)); !errors.Is(err, boom) {
		t.Errorf("Parse(failing reader) error = %v; want it to wrap %v", err, boom)
	}
}

func TestParseDates(t *testing.T) {
	tests := []struct {
		meta, published string
		authors         int
	}{
		{"  • 3 authors\n·\nNov 5, 2024", "2024-11-05", 3},
		{"  • 1 authors\n·\nSep 23, 2025 4", "2025-09-23", 1},
		{"  • 2 authors\n·\nJan 8", "", 2},
		{"amazon Amazon\n·\nFeb 30, 2024", "", 0},
	}
	for _, tt := range tests {
		in := "Title\n\nSome abstract that is short.\n\n" + tt.meta + "\n"
		papers, err := Parse(strings.NewReader(in))
		if err != nil || len(papers) != 1 {
			t.Errorf("Parse(%q) = %v, %v; want one paper", in, papers, err)
			continue
		}
		if p := papers[0]; p.Published != tt.published || p.Authors != tt.authors {
			t.Errorf("Parse(%q) = published %q, %d authors; want %q, %d", in, p.Published, p.Authors, tt.published, tt.authors)
		}
	}
}
