// Package cli is the command-line layer of repro: it parses flags, calls
// the harness, renders results and chooses the exit status. It is the only
// package that knows about flags, stdout, stderr and exit codes; see
// cmd/repro/doc.go for the manual.
package cli
