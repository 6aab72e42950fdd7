// Package report turns run records into the claimed-versus-verified model
// and renders it for people (text, HTML) and machines (Markdown, JSON, CSV,
// JUnit): the last step of the pipeline.
//
// Every renderer takes the same Report, built once by Build, so the formats
// never disagree. Output is deterministic: sorted rows, fixed number
// formatting, no absolute paths or wall-clock times unless the record has them.
package report
