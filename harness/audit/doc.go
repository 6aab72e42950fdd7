// Package audit inspects a checked-out repository without running it: the
// ML Code Completeness Checklist, the licence, submodules, LFS pointers,
// large files, and which claimed numbers the README states.
//
// It is the "audit" step of the pipeline, between fetch and run, and it
// reads only the materialised tree, so it works for every paper with code.
package audit
