package cli

import (
	"io"

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
