package cli

import (
	"io"
	"os"
)

// isTerminal reports whether w is a character device (a terminal), so that
// colour and live progress are only used where a person is watching.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
