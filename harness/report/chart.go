package report

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"github.com/repro-harness/repro/harness/claim"
	"github.com/repro-harness/repro/harness/results"
)

// maxHistory bounds how many records of one paper a chart reads.
const maxHistory = 100

// Point is one measurement of a claim in one record.
type Point struct {
	Record   string  `json:"record"`
	Started  string  `json:"started"`
	Measured float64 `json:"measured"`
	Verdict  string  `json:"verdict"`
}

// claimHistory reads a paper's records, oldest first, and returns each
// claim's measured values across them (numeric claims only).
func claimHistory(dir, paper string) (map[string][]Point, error) {
	st := results.Store{Dir: dir}
	ids, err := st.History(paper)
	if err != nil {
		return nil, err
	}
	if len(ids) > maxHistory {
		ids = ids[len(ids)-maxHistory:]
	}
	h := map[string][]Point{}
	for _, id := range ids {
		rec, err := st.Read(paper, id)
		if err != nil {
			continue // an unreadable record is left out of the trend, not fatal
		}
		for _, c := range rec.Claims {
			if c.Measured == nil || math.IsNaN(*c.Measured) || math.IsInf(*c.Measured, 0) {
				continue
			}
			h[c.ID] = append(h[c.ID], Point{Record: id, Started: rec.Started.UTC().Format("2006-01-02"), Measured: *c.Measured, Verdict: string(c.Verdict)})
		}
	}
	return h, nil
}

// chartSVG draws a claim's measured values over its records as an inline
// SVG line chart, with the claimed value (or range) as a dashed line. It
// is built from numbers and escaped text only: no script, no network.
func chartSVG(c Claim, pts []Point) template.HTML {
	if len(pts) == 0 {
		return ""
	}
	const w, h, left, right, top, bottom = 360.0, 140.0, 56.0, 8.0, 10.0, 24.0
	lo, hi := pts[0].Measured, pts[0].Measured
	var refs []float64
	for _, v := range []*float64{c.Value, c.Min, c.Max} {
		if v != nil && !math.IsNaN(*v) && !math.IsInf(*v, 0) {
			refs = append(refs, *v)
		}
	}
	for _, p := range pts {
		lo, hi = math.Min(lo, p.Measured), math.Max(hi, p.Measured)
	}
	for _, r := range refs {
		lo, hi = math.Min(lo, r), math.Max(hi, r)
	}
	if hi == lo {
		hi, lo = hi+math.Max(1, math.Abs(hi)*0.1), lo-math.Max(1, math.Abs(lo)*0.1)
	}
	pad := (hi - lo) * 0.08
	lo, hi = lo-pad, hi+pad
	x := func(i int) float64 {
		if len(pts) == 1 {
			return left + (w-left-right)/2
		}
		return left + float64(i)*(w-left-right)/float64(len(pts)-1)
	}
	y := func(v float64) float64 { return top + (hi-v)/(hi-lo)*(h-top-bottom) }
	var b strings.Builder
	title := fmt.Sprintf("%s: measured over %d record(s)", c.ID, len(pts))
	fmt.Fprintf(&b, `<svg class="chart" role="img" viewBox="0 0 %g %g" width="%g" height="%g"><title>%s</title>`, w, h, w, h, template.HTMLEscapeString(title))
	fmt.Fprintf(&b, `<line class="axis" x1="%g" y1="%g" x2="%g" y2="%g"/>`, left, top, left, h-bottom)
	fmt.Fprintf(&b, `<line class="axis" x1="%g" y1="%g" x2="%g" y2="%g"/>`, left, h-bottom, w-right, h-bottom)
	for _, v := range []float64{hi - pad, lo + pad} {
		fmt.Fprintf(&b, `<text class="tick" x="%g" y="%.1f" text-anchor="end">%s</text>`, left-4, y(v)+4, template.HTMLEscapeString(claim.WithUnit(v, c.Unit)))
	}
	for _, r := range refs {
		fmt.Fprintf(&b, `<line class="claimed" x1="%g" y1="%.1f" x2="%g" y2="%.1f"><title>claimed %s</title></line>`, left, y(r), w-right, y(r), template.HTMLEscapeString(claim.WithUnit(r, c.Unit)))
	}
	var path []string
	for i, p := range pts {
		path = append(path, fmt.Sprintf("%.1f,%.1f", x(i), y(p.Measured)))
	}
	fmt.Fprintf(&b, `<polyline class="measured" points="%s"/>`, strings.Join(path, " "))
	for i, p := range pts {
		fmt.Fprintf(&b, `<circle class="point verdict-%s" cx="%.1f" cy="%.1f" r="3.5"><title>%s: %s (%s)</title></circle>`,
			template.HTMLEscapeString(p.Verdict), x(i), y(p.Measured), template.HTMLEscapeString(p.Started), template.HTMLEscapeString(claim.WithUnit(p.Measured, c.Unit)), template.HTMLEscapeString(p.Verdict))
	}
	fmt.Fprintf(&b, `<text class="tick" x="%g" y="%g">%s</text>`, left, h-6, template.HTMLEscapeString(pts[0].Started))
	if len(pts) > 1 {
		fmt.Fprintf(&b, `<text class="tick" x="%g" y="%g" text-anchor="end">%s</text>`, w-right, h-6, template.HTMLEscapeString(pts[len(pts)-1].Started))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
