package cli

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// signalNotify is the context main uses: cancelled by Ctrl-C or SIGTERM.
func signalNotify() (context.Context, func()) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}
