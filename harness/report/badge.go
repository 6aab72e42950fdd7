package report

import (
	"fmt"
	"html"
	"io"
	"math"
)

// BadgeColor is the badge colour of a paper status, in the shields.io
// palette: green for reproduced, yellow for partial, red for refuted or
// failed runs, orange for runs that could not happen, steel blue and plum
// for claims judged from artefacts (consistent, inconsistent), grey
// otherwise (no-code, skipped, not-checked).
func BadgeColor(status string) string {
	switch status {
	case "reproduced":
		return "#4c1" // brightgreen
	case "partial":
		return "#dfb317" // yellow
	case "functional":
		return "#97ca00" // green
	case "available":
		return "#007ec6" // blue
	case "refuted", "failed", "invalid":
		return "#e05d44" // red
	case "unreachable", "interrupted":
		return "#fe7d37" // orange
	case "consistent":
		// Never green: agreement with the authors' own files is not a
		// reproduction.
		return "#5a7fa8" // steel blue
	case "inconsistent":
		return "#b35f8c" // plum: contradicted by artefacts, not refuted by a rerun
	}
	return "#9f9f9f" // lightgrey: no-code, skipped, unknown
}

// Badge writes an SVG status badge ("repro | reproduced") in the flat
// shields.io style: two rounded halves, the label on grey, the status on
// its colour, text with a faint shadow.
func Badge(w io.Writer, status string) error {
	const label = "repro"
	lw, sw := textWidth(label)+10, textWidth(status)+10
	total := lw + sw
	l, s := html.EscapeString(label), html.EscapeString(status)
	_, err := fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s: %s">`+
		`<title>%s: %s</title>`+
		`<linearGradient id="s" x2="0" y2="100%%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`+
		`<clipPath id="r"><rect width="%d" height="20" rx="3" fill="#fff"/></clipPath>`+
		`<g clip-path="url(#r)"><rect width="%d" height="20" fill="#555"/><rect x="%d" width="%d" height="20" fill="%s"/><rect width="%d" height="20" fill="url(#s)"/></g>`+
		`<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">`+
		`<text aria-hidden="true" x="%d" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="%d">%s</text>`+
		`<text x="%d" y="140" transform="scale(.1)" fill="#fff" textLength="%d">%s</text>`+
		`<text aria-hidden="true" x="%d" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="%d">%s</text>`+
		`<text x="%d" y="140" transform="scale(.1)" fill="#fff" textLength="%d">%s</text>`+
		"</g></svg>\n",
		total, l, s, l, s,
		total, lw, lw, sw, BadgeColor(status), total,
		lw*5, (lw-10)*10, l, lw*5, (lw-10)*10, l,
		(lw+sw/2)*10, (sw-10)*10, s, (lw+sw/2)*10, (sw-10)*10, s)
	return err
}

// verdana11 holds approximate advance widths (px) of Verdana at 11px, the
// font shields.io measures with, for the characters statuses use.
var verdana11 = map[rune]float64{
	'a': 6.6, 'b': 6.8, 'c': 5.7, 'd': 6.8, 'e': 6.6, 'f': 3.8, 'g': 6.8, 'h': 6.9,
	'i': 3.0, 'j': 3.7, 'k': 6.4, 'l': 3.0, 'm': 10.6, 'n': 6.9, 'o': 6.6, 'p': 6.8,
	'q': 6.8, 'r': 4.7, 's': 5.7, 't': 4.3, 'u': 6.9, 'v': 6.4, 'w': 8.9, 'x': 6.4,
	'y': 6.4, 'z': 5.7, '-': 4.7, ' ': 3.8,
}

// textWidth estimates the rendered width of s, rounded up.
func textWidth(s string) int {
	w := 0.0
	for _, r := range s {
		if x, ok := verdana11[r]; ok {
			w += x
		} else {
			w += 7.5
		}
	}
	return int(math.Ceil(w))
}
