// Package gitrepo fetches a paper's repository with go-git into a cache of
// bare repositories and materialises one pinned commit as a working tree
// (Checkout), or reads it in place from the objects when nothing will run
// in it (View).
//
// It is the "fetch" step of the pipeline. Remote URLs pass through mirrors
// (git's insteadOf convention) so tests and air-gapped clusters use the same
// code path as GitHub. Cache entries are built in a temporary folder and
// renamed into place, and guarded by a file lock, so a killed or concurrent
// run never leaves a half-written entry that a later run would trust.
package gitrepo
