//go:build !unix

package cli

import "io"

// termSize knows no terminal size here: callers fall back to 80x24.
func termSize(w io.Writer) (cols, rows int, ok bool) { return 0, 0, false }
