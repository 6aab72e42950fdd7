package cli

import (
	"strconv"
	"strings"
)

// screen is the little of a VT100 the progress display uses, enough to
// tell what a terminal of a given size would keep: the visible rows, and
// the history (scrollback) that lines scrolled off the top went to.
type screen struct {
	rows, cols int
	lines      [][]rune
	r, c       int
	history    []string
}

func newScreen(rows, cols int) *screen {
	s := &screen{rows: rows, cols: cols, lines: make([][]rune, rows)}
	return s
}

// write interprets output: printable runes (with autowrap), \r, \n,
// ESC[nA (up), ESC[K / ESC[2K (erase line), ESC[J (erase below).
func (s *screen) write(out string) {
	rs := []rune(out)
	for i := 0; i < len(rs); i++ {
		switch ch := rs[i]; {
		case ch == '\r':
			s.c = 0
		case ch == '\n': // as a tty's ONLCR makes it: \r\n
			s.c = 0
			s.newline()
		case ch == 0x1b && i+1 < len(rs) && rs[i+1] == '[':
			j := i + 2
			for j < len(rs) && (rs[j] >= '0' && rs[j] <= '9' || rs[j] == ';') {
				j++
			}
			if j >= len(rs) {
				return
			}
			n, _ := strconv.Atoi(string(rs[i+2 : j]))
			switch rs[j] {
			case 'A':
				s.r = max(0, s.r-max(n, 1))
			case 'K':
				s.lines[s.r] = s.cut(s.lines[s.r], n)
			case 'J':
				s.lines[s.r] = s.cut(s.lines[s.r], 0)
				for k := s.r + 1; k < s.rows; k++ {
					s.lines[k] = nil
				}
			}
			i = j
		case ch >= ' ':
			if s.c == s.cols {
				s.c = 0
				s.newline()
			}
			for len(s.lines[s.r]) <= s.c {
				s.lines[s.r] = append(s.lines[s.r], ' ')
			}
			s.lines[s.r][s.c] = ch
			s.c++
		}
	}
}

// cut erases a line from the cursor (mode 0) or whole (mode 2).
func (s *screen) cut(l []rune, mode int) []rune {
	if mode == 2 {
		return nil
	}
	if s.c < len(l) {
		return l[:s.c]
	}
	return l
}

func (s *screen) newline() {
	if s.r < s.rows-1 {
		s.r++
		return
	}
	s.history = append(s.history, strings.TrimRight(string(s.lines[0]), " "))
	copy(s.lines, s.lines[1:])
	s.lines[s.rows-1] = nil
}

// visible is the screen's text, trailing blank rows left out.
func (s *screen) visible() []string {
	var out []string
	for _, l := range s.lines {
		out = append(out, strings.TrimRight(string(l), " "))
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}
