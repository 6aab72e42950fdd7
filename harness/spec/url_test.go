package spec

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestURLDotSegments: a repository URL whose path holds "." or ".." (also
// percent-encoded or with backslashes) is refused at its position, since a
// mirror maps that path onto a folder it would climb out of.
func TestURLDotSegments(t *testing.T) {
	const old = "url: https://github.com/owner/name"
	tests := []struct{ url, seg string }{
		{"https://github.com/../../../../tmp/evil/pins", ".."},
		{"https://github.com/owner/../../x", ".."},
		{"https://github.com/owner/%2e%2e/x", ".."},
		{"https://github.com/./owner/name", "."},
		{`https://github.com/owner\..\x`, ".."},
		{"git@github.com:owner/../x", ".."},
		{"file:///srv/git/../etc", ".."},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			src := strings.Replace(good, old, "url: '"+tt.url+"'", 1)
			_, err := Decode("specs/paper.yaml", []byte(src))
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Decode(url %s) = %v; want Problems", tt.url, err)
			}
			want := fmt.Sprintf(`specs/paper.yaml:7:8: repository.url %q has a %q segment in its path: write the repository's own URL, without "." or ".."`, tt.url, tt.seg)
			if len(ps) != 1 || ps[0].Error() != want {
				t.Errorf("Decode(url %s) = %v; want %s", tt.url, err, want)
			}
		})
	}
	for _, ok := range []string{"https://github.com/owner/name.git", "https://github.com/owner/name.v2/", "git@github.com:owner/name..x"} {
		src := strings.Replace(good, old, "url: '"+ok+"'", 1)
		if _, err := Decode("specs/paper.yaml", []byte(src)); err != nil {
			t.Errorf("Decode(url %s) = %v; want no problem", ok, err)
		}
	}
}
