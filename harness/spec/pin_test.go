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

func TestPinImage(t *testing.T) {
	dg := "sha256:" + strings.Repeat("ef", 32)
	head := "reproduce:\n  # the image the authors used\n"
	tail := "  steps:\n    - {name: go, run: \"true\"}\n"
	for _, tc := range []struct{ name, in, want, review, err string }{
		{"tag and review", head + "  environment:\n    image: docker.io/library/busybox:1.36  # their tag\n    review: \"no digest published\"\n" + tail,
			head + "  environment:\n    image: docker.io/library/busybox@" + dg + "  # their tag\n" + tail, "removed", ""},
		{"review first, quoted", head + "  environment:\n    review: tag only # why\n    image: 'busybox:1.36'\n" + tail,
			head + "  environment:\n    image: 'busybox@" + dg + "'\n" + tail, "removed", ""},
		{"no tag", head + "  environment:\n    image: \"localhost:5000/x\"\n    review: r\n" + tail,
			head + "  environment:\n    image: \"localhost:5000/x@" + dg + "\"\n" + tail, "removed", ""},
		{"review over lines", head + "  environment:\n    image: busybox:1.36\n    review: >\n      no digest\n      published\n" + tail,
			head + "  environment:\n    image: busybox@" + dg + "\n    review: >\n      no digest\n      published\n" + tail, "left: it is not one line of a block mapping; remove it by hand", ""},
		{"plain review over lines", head + "  environment:\n    image: busybox:1.36\n    review: no digest\n      published\n" + tail,
			head + "  environment:\n    image: busybox@" + dg + "\n    review: no digest\n      published\n" + tail, "left: it is not one line of a block mapping; remove it by hand", ""},
		{"flow", head + "  environment: {image: busybox:1.36, review: r}\n" + tail,
			head + "  environment: {image: busybox@" + dg + ", review: r}\n" + tail, "left: it is not one line of a block mapping; remove it by hand", ""},
		{"image over lines", head + "  environment:\n    image: >-\n      busybox:1.36\n    review: r\n" + tail, "", "",
			"line 4: image busybox:1.36 is not written on one line: write busybox@" + dg + " by hand"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, pin, err := PinImage([]byte(tc.in), dg)
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("PinImage error = %v; want %q", err, tc.err)
				}
				return
			}
			if err != nil || string(out) != tc.want {
				t.Fatalf("PinImage(%q) = %q, %v; want %q", tc.in, out, err, tc.want)
			}
			if pin == nil || pin.Review != tc.review {
				t.Errorf("PinImage(%q) pin = %+v; want review %q", tc.in, pin, tc.review)
			}
			if _, err := Decode("paper.yaml", []byte("schema: 1\nid: p\ntitle: t\nrepository: null\nno_code: none\nclaims: []\n"+string(out))); err != nil && strings.Contains(err.Error(), "environment") {
				t.Errorf("pinned spec is not valid: %v", err)
			}
		})
	}
	// An image already pinned, or no image at all, is left alone.
	for _, in := range []string{head + "  environment:\n    image: busybox@" + strings.Repeat("sha256:", 1) + strings.Repeat("01", 32) + "\n" + tail, head + "  environment:\n    host: true\n" + tail} {
		out, pin, err := PinImage([]byte(in), dg)
		if err != nil || pin != nil || string(out) != in {
			t.Errorf("PinImage(%q) = %q, %+v, %v; want it unchanged", in, out, pin, err)
		}
	}
	if _, _, err := PinImage([]byte(head+"  environment:\n    image: busybox:1.36\n    review: r\n"+tail), "sha256:../../x"); err == nil || err.Error() != `image busybox:1.36: resolved digest "sha256:../../x" is not sha256: and 64 lower-case hex digits` {
		t.Errorf("PinImage with a hostile digest: err = %v", err)
	}
}
