// Package demo builds the demo paper's git repository: huffpack, a small
// Huffman coder with a bundled corpus and an "abstract" claiming its
// compression ratio (true), its throughput (overstated) and that it beats
// run-length coding (true).
//
// The repository is created with go-git with a fixed author and time, so
// its commit id is the same on every machine and the demo spec can pin it.
// `repro check` then fetches it through a mirror, the same code path as a
// GitHub repository.
package demo
