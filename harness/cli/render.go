package cli

import (
	"io"

	"github.com/repro-harness/repro/harness/report"
)

// renderers maps --format names to report renderers.
var renderers = map[string]func(io.Writer, *report.Report) error{
	"text":     report.Text,
	"json":     report.JSON,
	"markdown": report.Markdown,
}
