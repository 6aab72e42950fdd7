// Package run executes a spec's reproduction steps and reads the measured
// values back: the "run" and "measure" steps of the pipeline.
//
// Steps are untrusted shell commands. Each runs in its own process group
// so a timeout or Ctrl-C kills it and everything it forked; its output goes
// to capped log files; measurement files must resolve inside the tree.
package run
