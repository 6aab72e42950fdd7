package spec

import (
	"strings"
	"testing"
)

func TestPinArtifacts(t *testing.T) {
	sha := strings.Repeat("ab", 32)
	pins := map[string]ArtifactPin{"data": {SHA256: sha, Size: 42}}
	for _, tc := range []struct{ name, in, want, err string }{
		{"block", "reproduce:\n  artifacts:\n    - name: data\n      url: https://x.example/d  # comment\n      review: later\n",
			"reproduce:\n  artifacts:\n    - name: data\n      url: https://x.example/d  # comment\n      sha256: " + sha + "\n      size: 42\n      review: later\n", ""},
		{"url first", "reproduce:\n  artifacts:\n  - url: https://x.example/d\n    name: data\n",
			"reproduce:\n  artifacts:\n  - url: https://x.example/d\n    sha256: " + sha + "\n    size: 42\n    name: data\n", ""},
		{"size only", "reproduce:\n  artifacts:\n    - name: data\n      url: u\n      sha256: " + sha + "\n",
			"reproduce:\n  artifacts:\n    - name: data\n      url: u\n      size: 42\n      sha256: " + sha + "\n", ""},
		{"already pinned", "reproduce:\n  artifacts:\n    - {name: data, url: u, sha256: " + sha + ", size: 42}\n",
			"reproduce:\n  artifacts:\n    - {name: data, url: u, sha256: " + sha + ", size: 42}\n", ""},
		{"flow", "reproduce:\n  artifacts:\n    - {name: data, url: u}\n", "", "line 3: artifact data is written in flow style: add sha256: " + sha + ", size: 42 by hand"},
		{"other hash", "reproduce:\n  artifacts:\n    - name: data\n      url: u\n      sha256: " + strings.Repeat("cd", 32) + "\n", "",
			"line 5: artifact data has sha256 " + strings.Repeat("cd", 32) + ", but " + sha + " was fetched: settle it by hand"},
		{"other artifact", "reproduce:\n  artifacts:\n    - name: other\n      url: u\n", "reproduce:\n  artifacts:\n    - name: other\n      url: u\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := PinArtifacts([]byte(tc.in), pins)
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("PinArtifacts error = %v; want %q", err, tc.err)
				}
				return
			}
			if err != nil || string(out) != tc.want {
				t.Errorf("PinArtifacts(%q) = %q, %v; want %q", tc.in, out, err, tc.want)
			}
		})
	}
}
