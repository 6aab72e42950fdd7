// Package run executes a spec's reproduction steps and reads the measured
// values back: the "run" and "measure" steps of the pipeline.
//
// Steps are untrusted shell commands. Each runs through a sandbox.Runtime
// (bare, bwrap or a container) that contains every process it starts, so
// a timeout or Ctrl-C kills it and everything it forked, even what left
// its session; it sees only its declared environment and a private HOME;
// its output goes to capped log files; measurement files must resolve
// inside the tree.
package run
