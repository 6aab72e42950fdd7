package cli

import (
	"context"

	"github.com/repro-harness/repro/harness/spec"
)

func init() {
	register(command{name: "schema", args: "", summary: "print the JSON Schema of the spec format (specs/schema.json)", run: runSchema})
}

func runSchema(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "schema", "", "Print the JSON Schema of the spec format. specs/schema.json is this output;\neditors use it to complete and check specs.")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	if fs.NArg() > 0 {
		errorf(e, "schema: takes no arguments")
		return ExitUsage
	}
	e.stdout.Write(spec.JSONSchema())
	return ExitOK
}
