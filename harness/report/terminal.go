package report

import (
	"strings"
	"unicode/utf8"
)

// Printable returns s fit to print on one line of a terminal. Titles,
// quotes, reasons and commands come from specs, repositories and records
// that strangers write: an escape sequence in one could retitle the
// window, hide text, rewrite the screen or, on some terminals, answer
// back. Escape sequences (CSI, OSC, DCS and the rest) are removed whole;
// newlines, tabs and carriage returns become spaces, so a title cannot
// fake a line of its own; other control characters, C1 controls and
// bidirectional overrides are dropped; invalid UTF-8 becomes "?".
func Printable(s string) string { return printable(s, false) }

// printableBlock is Printable for multi-line text, such as the tail of a
// step's output: newlines are kept and carriage returns dropped.
func printableBlock(s string) string { return printable(s, true) }

func printable(s string, lines bool) string {
	if isPlain(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "?")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			i += escapeLen(s[i:])
			continue
		case r == 0x9b: // CSI in its one-character C1 form
			i += size + csiLen(s[i+size:])
			continue
		case r == '\n' && lines:
			b.WriteByte('\n')
		case r == '\n' || r == '\t' || (r == '\r' && !lines):
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || bidi(r):
			// dropped
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII already, the common case.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// escapeLen is the length of the escape sequence at the start of s
// (s[0] is ESC), to its end or to the end of s when it is cut short.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return 2 + csiLen(s[2:])
	case ']', 'P', 'X', '^', '_':
		// OSC, DCS, SOS, PM, APC: a string ended by BEL or ST (ESC \).
		for j := 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	}
	// A two-character sequence (ESC c, ESC 7 …), with any intermediate
	// bytes (ESC ( B).
	j := 1
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) {
		j++
	}
	return j
}

// csiLen is the length of a CSI sequence's body: parameter and
// intermediate bytes, then one final byte.
func csiLen(s string) int {
	for j := 0; j < len(s); j++ {
		if c := s[j]; c >= 0x40 && c <= 0x7e {
			return j + 1
		} else if c < 0x20 || c > 0x7e {
			return j // malformed: the sequence ends before this byte
		}
	}
	return len(s)
}

// bidi reports the bidirectional formatting characters, which reorder
// what a reader sees without changing what is there.
func bidi(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}
