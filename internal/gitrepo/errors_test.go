package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/transport"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		err  error
		want Kind
	}{
		{transport.ErrAuthenticationRequired, Auth},
		{fmt.Errorf("fetch: %w", transport.ErrAuthorizationFailed), Auth},
		{transport.ErrRepositoryNotFound, Unreachable},
		{context.Canceled, Interrupted},
		{fmt.Errorf("wrapped: %w", context.DeadlineExceeded), Interrupted},
		{errors.New("object not found"), Corrupt},
		{fmt.Errorf("fetch: %w", packErr("its trailer says %s", "x")), Corrupt},
		{errors.New("dial tcp: lookup github.com: no such host"), Unreachable},
		{&FetchError{Kind: MissingCommit, Err: errors.New("x")}, MissingCommit},
	}
	for _, tt := range tests {
		var fe *FetchError
		if err := classify("u", tt.err); !errors.As(err, &fe) || fe.Kind != tt.want {
			t.Errorf("classify(%v) = %v; want kind %s", tt.err, err, tt.want)
		}
	}
}
