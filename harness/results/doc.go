// Package results defines the run record, the evidence a check leaves, and
// stores records under results/<paper>/<UTC time>.json.
//
// It is the "record" step of the pipeline. Records are written atomically
// (temporary file, fsync, rename) under a per-paper lock, so a killed run or
// a full disk never leaves a truncated record, and two runs never collide.
package results
