// Package spec defines the paper spec format (schema 1) and decodes it
// strictly from YAML, reporting every problem with its file, line and column.
//
// A spec is the first stage of the pipeline:
// spec -> fetch -> audit -> run -> measure -> verdict -> record -> report.
// Spec content is untrusted (it arrives in pull requests), so decoding caps
// the file size, refuses YAML anchors and aliases, and validates ids and
// paths before anything else touches them.
package spec
