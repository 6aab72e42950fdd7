package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/transport"
)

// Kind classifies why a fetch failed; the paper's status and the exit code
// depend on it.
type Kind string

// The ways a fetch fails.
const (
	Unreachable   Kind = "unreachable"    // no such repository, network down, mirror missing
	Auth          Kind = "auth"           // the server wants credentials
	MissingCommit Kind = "missing-commit" // fetched, but the pinned commit is not there
	Interrupted   Kind = "interrupted"    // cancelled or timed out
	Corrupt       Kind = "corrupt"        // objects missing or unreadable
	// NoMirror: a mirror to a local folder matches the URL, but the folder
	// holds no copy of this repository. That says nothing about the
	// repository itself, only about this machine.
	NoMirror Kind = "no-mirror"
)

// FetchError is a failed fetch with the reason in words.
type FetchError struct {
	Kind Kind
	URL  string
	Err  error
}

func (e *FetchError) Error() string { return fmt.Sprintf("fetch %s: %v", e.URL, e.Err) }
func (e *FetchError) Unwrap() error { return e.Err }

func classify(url string, err error) error {
	var fe *FetchError
	if errors.As(err, &fe) {
		return err
	}
	k := Unreachable
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		k = Interrupted
	case errors.Is(err, transport.ErrAuthenticationRequired), errors.Is(err, transport.ErrAuthorizationFailed):
		k = Auth
	case errors.Is(err, errPack), strings.Contains(err.Error(), "object not found"), strings.Contains(err.Error(), "zlib"), strings.Contains(err.Error(), "checksum"):
		k = Corrupt
	}
	return &FetchError{Kind: k, URL: url, Err: err}
}
