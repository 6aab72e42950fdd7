package audit

import "github.com/repro-harness/repro/harness/spec"

// Options is what the audit knows besides the tree itself.
type Options struct {
	// Claims are the spec's claims, to find their numbers in the README.
	Claims []spec.Claim
	// Missing lists files the checkout could not write (blobs absent from
	// an incomplete mirror).
	Missing []string
	// Submodules lists the gitlink paths the checkout found.
	Submodules []string
}
