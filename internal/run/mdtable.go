package run

import (
	"fmt"
	"regexp"
	"strings"
)

// mdDelimiter is a table's delimiter row cell: ---, :--, --:, :-:.
var mdDelimiter = regexp.MustCompile(`^:?-+:?$`)

// mdNumber is the first number in a table cell ("**32.41**", "0.91 ± 0.02",
// "1,234").
var mdNumber = regexp.MustCompile(`[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?|[-+]?\.\d+`)

// mdCells splits a table line into its trimmed cells; \| is a literal pipe.
func mdCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = line[:len(line)-1]
	}
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			cur.WriteByte('|')
			i++
		case line[i] == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(line[i])
		}
	}
	return append(cells, strings.TrimSpace(cur.String()))
}

// isDelimiterRow says whether line is a table's header delimiter.
func isDelimiterRow(line string) bool {
	if !strings.Contains(line, "-") || !strings.Contains(line, "|") {
		return false
	}
	for _, c := range mdCells(line) {
		if !mdDelimiter.MatchString(strings.ReplaceAll(c, " ", "")) {
			return false
		}
	}
	return true
}

// mdPlain strips the emphasis and code marks around a cell's text, so
// "**Ours**" matches the row "Ours".
func mdPlain(s string) string {
	s = strings.TrimSpace(s)
	for {
		t := s
		for _, mark := range []string{"**", "__", "*", "_", "`"} {
			if len(s) >= 2*len(mark) && strings.HasPrefix(s, mark) && strings.HasSuffix(s, mark) {
				s = strings.TrimSpace(s[len(mark) : len(s)-len(mark)])
			}
		}
		if s == t {
			return s
		}
	}
}

// fromMarkdownTable reads the cell at the row whose first cell is row and
// the column whose header is column, in the first table of a Markdown
// document (top to bottom, outside code fences) that has both. It returns
// the first number in the cell and the cell's 1-based line.
func fromMarkdownTable(data []byte, row, column string) (float64, int, error) {
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	fence := ""
	tables := 0
	for i := 0; i+1 < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		if !strings.Contains(t, "|") || !isDelimiterRow(lines[i+1]) {
			continue
		}
		tables++
		head := mdCells(lines[i])
		col := -1
		for j, h := range head {
			if strings.EqualFold(mdPlain(h), column) {
				col = j
				break
			}
		}
		j := i + 2
		for ; j < len(lines) && strings.Contains(lines[j], "|") && strings.TrimSpace(lines[j]) != ""; j++ {
			cells := mdCells(lines[j])
			if col < 0 || !strings.EqualFold(mdPlain(cells[0]), row) {
				continue
			}
			if col >= len(cells) {
				return 0, j + 1, fmt.Errorf("line %d: row %q has no cell in column %q", j+1, row, column)
			}
			cell := mdPlain(cells[col])
			num := mdNumber.FindString(cell)
			if num == "" {
				return 0, j + 1, fmt.Errorf("line %d: cell %q (row %q, column %q) holds no number", j+1, short(cell, 60), row, column)
			}
			v, err := parseNumber(num)
			return v, j + 1, err
		}
		i = j - 1
	}
	if tables == 0 {
		return 0, 0, fmt.Errorf("no Markdown table (a header row followed by a |---| row)")
	}
	return 0, 0, fmt.Errorf("none of its %d tables has both a row %q (first cell) and a column %q (header)", tables, row, column)
}
