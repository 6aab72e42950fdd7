package report

import (
	"strings"
	"testing"
)

func TestPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain title", "Plain title"},
		{"\x1b]0;owned\x07Title", "Title"},                       // OSC window title, BEL-ended
		{"\x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\", "link"}, // OSC 8 hyperlink, ST-ended
		{"\x1b[31mred\x1b[0m", "red"},
		{"\x1b[2J\x1b[Hcleared", "cleared"},
		{"a\x1bcb", "ab"},           // RIS: full reset
		{"a\x1b(Bb", "ab"},          // charset designation
		{"a\u009b31mb", "ab"},       // 8-bit CSI
		{"\x1bP+q544e\x1b\\x", "x"}, // DCS (XTGETTCAP answerback)
		{"line1\nstatus: reproduced", "line1 status: reproduced"},
		{"a\rb\tc", "a b c"},
		{"bell\x07 del\x7f nul\x00", "bell del nul"},
		{"\u202egnp.exe", "gnp.exe"}, // right-to-left override
		{"bad \xff utf8", "bad ? utf8"},
		{"cut \x1b[31", "cut "},      // sequence cut short
		{"cut \x1b]0;title", "cut "}, // string never ended
		{"naïve 3× 🙂", "naïve 3× 🙂"},
	}
	for _, tt := range tests {
		if got := Printable(tt.in); got != tt.want {
			t.Errorf("Printable(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	if got, want := printableBlock("ok\r\n\x1b[1mbold\x1b[0m\nend"), "ok\nbold\nend"; got != want {
		t.Errorf("printableBlock = %q; want %q", got, want)
	}
}

func FuzzPrintable(f *testing.F) {
	for _, s := range []string{"\x1b]0;x\x07y", "\x1b[31m", "a\u009bb", "\u202e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Printable(s), printableBlock(s)} {
			for _, r := range out {
				if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || bidi(r) {
					t.Fatalf("Printable(%q) = %q keeps control %U", s, out, r)
				}
			}
		}
		if strings.ContainsRune(Printable(s), '\n') {
			t.Fatalf("Printable(%q) keeps a newline", s)
		}
	})
}

func TestCSVCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{`=HYPERLINK("https://evil","click")`, `'=HYPERLINK("https://evil","click")`},
		{"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"},
		{"\t=1+1", "'\t=1+1"},
		{"\r=1+1", "'\r=1+1"},
		{"-", "-"},
		{"-3", "-3"},
		{"+2.5", "+2.5"},
		{"up to 2187x", "up to 2187x"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := cell(tt.in); got != tt.want {
			t.Errorf("cell(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
