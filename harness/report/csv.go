package report

import (
	"encoding/csv"
	"io"
	"strconv"
)

// csvHeader names the CSV columns; scripts may rely on them, so columns are
// only ever added at the end.
var csvHeader = []string{
	"paper", "title", "status", "commit", "checklist", "license",
	"claim", "metric", "quote", "claimed", "unit", "bound", "tolerance",
	"measured", "baseline_measured", "delta", "verdict", "reason",
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
		paper := []string{p.ID, p.Title, p.Status, commitOf(p), p.Score(), p.License()}
		if len(p.Claims) == 0 {
			row := append(paper, make([]string, len(csvHeader)-len(paper))...)
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		for _, c := range p.Claims {
			row := append(append([]string(nil), paper...),
				c.ID, c.Metric, c.Quote, c.Claimed, c.Unit, c.Bound, c.Tolerance,
				num(c.Measured), num(c.BaselineMeasured), num(c.Delta), string(c.Verdict), c.Reason)
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
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
