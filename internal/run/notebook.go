package run

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// notebook is the part of a Jupyter notebook (nbformat 4) a measure reads:
// each cell's outputs.
type notebook struct {
	Format int `json:"nbformat"`
	Cells  []struct {
		Outputs []struct {
			OutputType string                     `json:"output_type"`
			Text       json.RawMessage            `json:"text"`
			Data       map[string]json.RawMessage `json:"data"`
		} `json:"outputs"`
	} `json:"cells"`
}

// notebookText is one cell's output text: its stream outputs (stdout,
// stderr) and the text/plain form of its results and displayed data, in
// order, each ending with a newline.
func notebookText(nb *notebook, cell int) string {
	var b strings.Builder
	for _, o := range nb.Cells[cell].Outputs {
		var raw json.RawMessage
		switch o.OutputType {
		case "stream":
			raw = o.Text
		case "execute_result", "display_data":
			raw = o.Data["text/plain"]
		default: // errors carry tracebacks, not results
			continue
		}
		t := multiline(raw)
		b.WriteString(t)
		if t != "" && !strings.HasSuffix(t, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// multiline decodes nbformat's multiline string: a string or a list of
// strings to concatenate. Anything else is no text.
func multiline(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var parts []string
	if json.Unmarshal(raw, &parts) == nil {
		return strings.Join(parts, "")
	}
	return ""
}

// fromNotebook reads a value from a notebook's cell outputs: with cell
// alone, the cell's whole output text is the number; with expr, the first
// group of the last match over the outputs of that cell, or of every cell
// when cell is nil. It returns the value and the cell it came from.
func fromNotebook(data []byte, cell *int, expr string) (float64, int, error) {
	var nb notebook
	if err := json.Unmarshal(data, &nb); err != nil {
		return 0, 0, fmt.Errorf("not a notebook: %v", err)
	}
	if nb.Format != 4 {
		return 0, 0, fmt.Errorf("notebook format %d: only nbformat 4 is read (convert it with jupyter nbconvert --to notebook)", nb.Format)
	}
	if cell != nil && (*cell < 0 || *cell >= len(nb.Cells)) {
		return 0, 0, fmt.Errorf("no cell %d: the notebook has %d cells (numbered from 0)", *cell, len(nb.Cells))
	}
	if expr == "" {
		t := strings.TrimSpace(notebookText(&nb, *cell))
		if t == "" {
			return 0, 0, fmt.Errorf("cell %d has no text output", *cell)
		}
		v, err := parseNumber(t)
		if err != nil {
			return 0, 0, fmt.Errorf("cell %d output %q is not a number: add regexp with a (group) around it", *cell, short(t, 80))
		}
		return v, *cell, nil
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return 0, 0, err
	}
	if re.NumSubexp() < 1 {
		return 0, 0, fmt.Errorf("pattern %q has no group", expr)
	}
	first, last := 0, len(nb.Cells)-1
	if cell != nil {
		first, last = *cell, *cell
	}
	// The last match wins, as for a log: the final result of a notebook
	// is printed at its end.
	for i := last; i >= first; i-- {
		all := re.FindAllStringSubmatch(notebookText(&nb, i), -1)
		if len(all) == 0 {
			continue
		}
		v, err := parseNumber(all[len(all)-1][1])
		return v, i, err
	}
	if cell != nil {
		return 0, 0, fmt.Errorf("no output of cell %d matches %q", *cell, expr)
	}
	return 0, 0, fmt.Errorf("no cell output matches %q", expr)
}

func short(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
