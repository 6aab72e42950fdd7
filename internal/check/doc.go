// Package check runs the whole pipeline for one paper:
// spec -> fetch -> audit -> run -> measure -> verdict -> record.
//
// It returns the record it wrote; rendering it is the report package's job
// and choosing an exit code is the CLI's.
package check
