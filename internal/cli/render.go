package cli

import (
	"io"
	"strconv"

	"github.com/repro-harness/repro/harness/report"
)

// renderers maps --format names to the report renderers that write a
// stream; html writes a folder and is handled by runReport.
var renderers = map[string]func(io.Writer, *report.Report) error{
	"text":     report.Text,
	"json":     report.JSON,
	"markdown": report.Markdown,
	"csv":      report.CSV,
	"junit":    report.JUnit,
}

// siteFormat is the format that writes a folder (-o DIR) rather than a stream.
const siteFormat = "html"

// rendererFor is renderers[format], with the text table fitted to the
// terminal when stdout is one (or to $COLUMNS when set).
func rendererFor(e *env, format string) (func(io.Writer, *report.Report) error, bool) {
	render, ok := renderers[format]
	if format != "text" {
		return render, ok
	}
	width := 0
	if e.stdoutTTY {
		if cols, _, ok := termSize(e.stdout); ok {
			width = cols
		}
	}
	if c, err := strconv.Atoi(e.getenv("COLUMNS")); err == nil && c > 0 {
		width = c
	}
	return func(w io.Writer, r *report.Report) error { return report.TextWidth(w, r, width) }, true
}
