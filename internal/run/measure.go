package run

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"github.com/repro-harness/repro/harness/spec"
)

// maxMeasureFile caps a measurement file; metrics files are small.
const maxMeasureFile = 64 << 20

// Reading is one measured value and where it was read: PATH:LINE of the
// tree, a notebook cell, a step's output or a counting rule.
type Reading struct {
	Value  float64
	Source string
}

// MeasureVersion names the rules by which Measure reads a tree. Values read
// from a tree are cached for the commit (internal/check), so a change to
// what Measure reads from a tree, or how, must increase it.
const MeasureVersion = 1

// Measure reads the value m asks for. root is the tree the steps ran in
// (for artefact and static evidence, the checked-out tree before any step
// ran); outputs maps step names to their captured stdout, and last names
// the final step (used when m.Step is empty).
func Measure(m spec.Measure, root string, outputs map[string][]byte, last string) (Reading, error) {
	return MeasureFiles(m, Dir(root), outputs, last)
}

// MeasureFiles is Measure over a tree given as Files: a folder, or a
// commit's tree read from the objects (Objects).
func MeasureFiles(m spec.Measure, root Files, outputs map[string][]byte, last string) (Reading, error) {
	var r Reading
	var err error
	switch {
	case m.Count != nil:
		var n int
		n, err = root.Count(*m.Count)
		r = Reading{Value: float64(n), Source: CountRule(*m.Count)}
	case m.Stdout != "":
		step := m.Step
		if step == "" {
			step = last
		}
		out, ok := outputs[step]
		if !ok {
			return Reading{}, fmt.Errorf("step %q did not run", step)
		}
		r.Source = "step " + step
		r.Value, err = fromRegexp(m.Stdout, out)
	default:
		r, err = measureFile(m, root)
	}
	if err != nil {
		return Reading{}, err
	}
	if m.Scale != nil {
		raw := r.Value
		r.Value *= *m.Scale
		if math.IsInf(r.Value, 0) || math.IsNaN(r.Value) {
			return Reading{}, fmt.Errorf("%g scaled by %g is not a finite number", raw, *m.Scale)
		}
	}
	return r, nil
}

// measureFile reads m's value from a file of the tree: JSON, a notebook,
// a regexp over text, a Markdown table or CSV.
func measureFile(m spec.Measure, root Files) (Reading, error) {
	if !m.IsRerun() {
		// What the authors published is in the tree at the pinned commit
		// or not at all; "not written by the steps" would mislead.
		if err := spec.CheckRelPath(m.File); err == nil {
			if !root.Exists(m.File) {
				return Reading{}, fmt.Errorf("file %s is not in the tree at the checked-out commit", m.File)
			}
		}
	}
	data, err := root.ReadInside(m.File)
	if err != nil {
		return Reading{}, err
	}
	r := Reading{Source: m.File}
	line := 0
	switch {
	case m.JSON != "":
		r.Value, err = fromJSON(data, m.JSON)
	case spec.IsNotebook(m.File):
		var cell int
		r.Value, cell, err = fromNotebook(data, m.Cell, m.Regexp)
		r.Source = fmt.Sprintf("%s cell %d", m.File, cell)
	case m.Regexp != "":
		r.Value, line, err = fromTextRegexp(data, m.Regexp)
	case spec.IsMarkdown(m.File):
		r.Value, line, err = fromMarkdownTable(data, m.Row, m.Column)
	default:
		r.Value, line, err = fromCSV(data, m.Column, m.Row)
	}
	if err != nil {
		return Reading{}, fmt.Errorf("%s: %w", m.File, err)
	}
	if line > 0 {
		r.Source = fmt.Sprintf("%s:%d", m.File, line)
	}
	return r, nil
}

// fromTextRegexp is fromRegexp over a file: the first group of the last
// match, and the 1-based line where that match starts.
func fromTextRegexp(data []byte, expr string) (float64, int, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return 0, 0, err
	}
	all := re.FindAllSubmatchIndex(data, -1)
	if len(all) == 0 {
		return 0, 0, fmt.Errorf("no line matches %q", expr)
	}
	m := all[len(all)-1]
	if len(m) < 4 || m[2] < 0 {
		return 0, 0, fmt.Errorf("pattern %q has no group, or its group did not match", expr)
	}
	line := 1 + bytes.Count(data[:m[0]], []byte("\n"))
	v, err := parseNumber(string(data[m[2]:m[3]]))
	return v, line, err
}

// ErrEscapes is returned for a path that leaves the tree.
var ErrEscapes = errors.New("path leaves the working tree")

// ErrNotRegular is returned for a measurement file that is a FIFO, device,
// socket or folder: reading one could block forever or never end.
var ErrNotRegular = errors.New("not a regular file")

// ReadInside reads rel below root, refusing paths that leave root by "..",
// an absolute path or a symbolic link, files that are not regular files
// (a FIFO a step left behind would block the read forever) and files over
// the size cap.
func ReadInside(root, rel string) ([]byte, error) {
	if err := spec.CheckRelPath(rel); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEscapes, err)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, err
	}
	p, err := filepath.EvalSymlinks(filepath.Join(realRoot, filepath.FromSlash(rel)))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("measurement file %s was not written by the steps", rel)
		}
		return nil, err
	}
	if r, err := filepath.Rel(realRoot, p); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("%w: %s resolves to %s, outside the tree", ErrEscapes, rel, p)
	}
	if st, err := os.Stat(p); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("measurement file %s: %w (%s)", rel, ErrNotRegular, kind(st.Mode()))
	}
	// O_NONBLOCK: should the path be swapped for a FIFO after the check
	// above, the open still returns at once instead of waiting for a writer.
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("measurement file %s: %w (%s)", rel, ErrNotRegular, kind(st.Mode()))
	}
	data, err := io.ReadAll(io.LimitReader(f, maxMeasureFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxMeasureFile {
		return nil, fmt.Errorf("measurement file %s is larger than %d bytes", rel, maxMeasureFile)
	}
	return data, nil
}

// kind names the type of a file that is not a regular one.
func kind(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	}
	return "mode " + m.String()
}

func fromRegexp(expr string, out []byte) (float64, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return 0, err
	}
	all := re.FindAllSubmatch(out, -1)
	if len(all) == 0 {
		return 0, fmt.Errorf("no line of the output matches %q", expr)
	}
	// The last match wins: the final report of a run is at its end.
	m := all[len(all)-1]
	if len(m) < 2 {
		return 0, fmt.Errorf("pattern %q has no group", expr)
	}
	return parseNumber(string(m[1]))
}

func fromJSON(data []byte, path string) (float64, error) {
	var doc any
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return 0, fmt.Errorf("not JSON: %v", err)
	}
	cur := doc
	for _, key := range strings.Split(path, ".") {
		switch node := cur.(type) {
		case map[string]any:
			v, ok := node[key]
			if !ok {
				return 0, fmt.Errorf("no key %q (path %s)", key, path)
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(key)
			if err != nil || i < 0 || i >= len(node) {
				return 0, fmt.Errorf("index %q out of range (path %s)", key, path)
			}
			cur = node[i]
		default:
			return 0, fmt.Errorf("%q is not inside an object or list (path %s)", key, path)
		}
	}
	switch v := cur.(type) {
	case json.Number:
		return v.Float64()
	case string:
		return parseNumber(v)
	}
	return 0, fmt.Errorf("value at %s is not a number", path)
}

// fromCSV reads column from the row selected by row: "" (the last row),
// a 1-based row number, or "column=value". It also returns the 1-based
// line the row starts on.
func fromCSV(data []byte, column, row string) (float64, int, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	var recs [][]string
	var lines []int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, 0, fmt.Errorf("not CSV: %v", err)
		}
		line, _ := r.FieldPos(0)
		recs, lines = append(recs, rec), append(lines, line)
	}
	if len(recs) < 2 {
		return 0, 0, fmt.Errorf("CSV has no data rows")
	}
	head := recs[0]
	col := index(head, column)
	if col < 0 {
		return 0, 0, fmt.Errorf("no column %q (columns: %s)", column, strings.Join(head, ", "))
	}
	sel := -1
	switch {
	case row == "":
		sel = len(recs) - 1
	case strings.Contains(row, "="):
		k, want, _ := strings.Cut(row, "=")
		kc := index(head, k)
		if kc < 0 {
			return 0, 0, fmt.Errorf("no column %q to select rows by", k)
		}
		for i := 1; i < len(recs); i++ {
			if kc < len(recs[i]) && strings.TrimSpace(recs[i][kc]) == want {
				sel = i
				break
			}
		}
		if sel < 0 {
			return 0, 0, fmt.Errorf("no row with %s", row)
		}
	default:
		n, err := strconv.Atoi(row)
		if err != nil || n < 1 || n >= len(recs) {
			return 0, 0, fmt.Errorf("row %q: give a row number 1..%d or column=value", row, len(recs)-1)
		}
		sel = n
	}
	if col >= len(recs[sel]) {
		return 0, 0, fmt.Errorf("row has no column %q", column)
	}
	v, err := parseNumber(recs[sel][col])
	return v, lines[sel], err
}

func index(head []string, name string) int {
	for i, h := range head {
		if strings.TrimSpace(h) == name {
			return i
		}
	}
	return -1
}

func parseNumber(s string) (float64, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimSuffix(strings.TrimSuffix(t, "%"), "x")
	v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, fmt.Errorf("%q is not a finite number", s)
		}
		return 0, fmt.Errorf("%q is not a number", s)
	}
	// NaN and Inf judge nothing and cannot be written as JSON: the claim
	// is an error carrying the text the step printed.
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a finite number", s)
	}
	return v, nil
}
