// Package claim turns a claimed number, its bound and its tolerance into a
// verdict once a measured value is known.
//
// It sits at the "measure -> verdict" step of the pipeline. Everything here
// is pure: no I/O, so every bound and tolerance kind is table-tested.
package claim
