package main

import (
	"os"

	"github.com/repro-harness/repro/internal/cli"
)

func main() {
	// A first Ctrl-C or SIGTERM stops in order; a second exits at once.
	ctx, stop := cli.SignalContext()
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
