package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// csvHeader names the CSV columns; scripts may rely on them, so columns are
// only ever added at the end.
var csvHeader = []string{
	"paper", "title", "status", "commit", "checklist", "license",
	"claim", "metric", "quote", "claimed", "unit", "bound", "tolerance",
	"measured", "baseline_measured", "delta", "verdict", "reason",
	"evidence", "source", "values", "aggregate", "sd", "machine",
	"steps_not_run", "never_run", "missing_files",
}

// CSV writes one row per claim (RFC 4180, with a header row) for
// spreadsheets. A paper without claims still gets one row, its claim
// columns empty, so every paper's status appears. Numbers are written in
// full precision, empty when not measured.
func CSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, p := range r.Papers {
		paper := []string{cell(p.ID), cell(p.Title), cell(p.Status), cell(commitOf(p)), cell(p.Score()), cell(p.License())}
		tail := []string{cell(p.StepsNotRun), strconv.FormatBool(p.NeverRun), strconv.Itoa(len(p.Missing))}
		if len(p.Claims) == 0 {
			row := append(paper, make([]string, len(csvHeader)-len(paper)-len(tail))...)
			if err := cw.Write(append(row, tail...)); err != nil {
				return err
			}
		}
		for _, c := range p.Claims {
			var values []string
			for _, v := range c.Values {
				values = append(values, strconv.FormatFloat(v, 'g', -1, 64))
			}
			row := append(append([]string(nil), paper...),
				cell(c.ID), cell(c.Metric), cell(c.Quote), cell(c.Claimed), cell(c.Unit), cell(c.Bound), cell(c.Tolerance),
				num(c.Measured), num(c.BaselineMeasured), num(c.Delta), cell(string(c.Verdict)), cell(c.Reason),
				cell(c.EvidenceKind()), cell(c.Source), strings.Join(values, " "), cell(c.Aggregate), num(c.SD), cell(c.Machine))
			if err := cw.Write(append(row, tail...)); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// cell neutralises a text cell for spreadsheets: one that starts with
// = + - @ (or a tab or carriage return, which some spreadsheets skip
// before looking) is read as a formula, so a quote such as
// =HYPERLINK("https://evil", "click") would run when the file is opened.
// A leading apostrophe makes it text, as OWASP's CSV injection advice
// says. A lone "-" (nothing to compute) and a plain number such as -3
// are left as they are; so are the number columns, written by num.
func cell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) || s == "-" {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

// commitOf is the full checked-out commit, or "".
func commitOf(p Paper) string {
	if p.Repository == nil {
		return ""
	}
	return p.Repository.Commit
}

func num(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'g', -1, 64)
}
