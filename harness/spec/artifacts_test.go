package spec

import (
	"errors"
	"strings"
	"testing"
)

const withArtifacts = `schema: 1
id: paper
title: A paper
repository: {url: https://github.com/owner/name}
claims:
  - {id: a, quote: "2x", metric: speedup, value: 2, unit: x, bound: exact}
reproduce:
  artifacts:
    - name: imagenet-val
      url: https://data.example/imagenet/val.tar.gz
      sha256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      size: 6744924160
      unpack: tar
      licence: custom, research only
    - name: weights
      url: hf:owner/model@0123456789abcdef0123456789abcdef01234567/model.safetensors
      sha256: fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210
      size: 1024
    - name: latest
      url: hf:datasets/owner/set@main/data/train.parquet
      review: "upstream publishes no checksum yet; pin after the first fetch"
    - name: snapshot
      url: hf:owner/model@main
      review: "upstream publishes no checksum yet; pin after the first fetch"
  steps:
    - {name: go, run: "true"}
`

func TestArtifactsGood(t *testing.T) {
	s, err := Decode("specs/paper.yaml", []byte(withArtifacts))
	if err != nil {
		t.Fatalf("Decode = %v", err)
	}
	a := s.Reproduce.Artifacts
	if len(a) != 4 || a[0].Size != 6744924160 || a[0].Unpack != "tar" || a[2].Review == "" {
		t.Errorf("Decode lost artifact fields: %+v", a)
	}
}

// TestArtifactsProblems changes one line at a time and wants the exact
// problem at its position.
func TestArtifactsProblems(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"no sha256", "      sha256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n", "",
			"specs/paper.yaml:9:7: artifact \"imagenet-val\" has no sha256: give it (sha256sum FILE), or set review: and let `repro fetch` record it for `repro pin`"},
		{"no size", "      size: 1024\n", "",
			"specs/paper.yaml:15:7: artifact \"weights\" has no size: give its exact size in bytes, or set review: and let `repro fetch` record it for `repro pin`"},
		{"bad sha256", "sha256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "sha256: ABC",
			`specs/paper.yaml:11:15: artifact "imagenet-val": sha256 "ABC" is not 64 lower-case hex digits (sha256sum FILE)`},
		{"size not a number", "size: 6744924160", "size: 6.7GB",
			`specs/paper.yaml:12:13: reproduce.artifacts[0].size must be a whole number, not "6.7GB"`},
		{"http", "url: https://data.example/imagenet/val.tar.gz", "url: http://data.example/imagenet/val.tar.gz",
			`specs/paper.yaml:10:12: artifact "imagenet-val": url "http://data.example/imagenet/val.tar.gz": use https (the checksum protects the content, https also its privacy)`},
		{"hub branch", "model@0123456789abcdef0123456789abcdef01234567/", "model@main/",
			`specs/paper.yaml:16:12: artifact "weights": revision "main" is not a full commit id: pin the 40-hex commit, or set review: to say why not yet`},
		{"hub snapshot unpacked", "model@0123456789abcdef0123456789abcdef01234567/model.safetensors\n", "model@0123456789abcdef0123456789abcdef01234567\n      unpack: zip\n",
			`specs/paper.yaml:17:15: artifact "weights": a hub snapshot is a folder already: drop unpack`},
		{"hub traversal", "/model.safetensors", "/../model.safetensors",
			`artifact "weights": url "hf:owner/model@0123456789abcdef0123456789abcdef01234567/../model.safetensors": PATH must be a clean relative path`},
		{"name", "name: weights", "name: 2weights",
			`specs/paper.yaml:15:13: artifact name "2weights" is not valid: use letters, digits, dashes and underscores, starting with a letter (it becomes REPRO_ARTIFACT_<NAME>)`},
		{"name clash", "name: weights", "name: imagenet_val",
			`specs/paper.yaml:15:13: artifact name "imagenet_val" clashes with "imagenet-val": both would be REPRO_ARTIFACT_IMAGENET_VAL`},
		{"unpack", "unpack: tar", "unpack: tar.gz",
			`specs/paper.yaml:13:15: artifact "imagenet-val": unpack must be none, tar or zip, not "tar.gz" (tar reads .tar.gz, .tar.xz and .tar.zst too)`},
		{"unknown field", "licence: custom", "license: custom",
			`specs/paper.yaml:14:7: unknown field "license" (did you mean "licence"?)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(withArtifacts, tc.old) {
				t.Fatalf("test bug: %q not in the spec", tc.old)
			}
			_, err := Decode("specs/paper.yaml", []byte(strings.Replace(withArtifacts, tc.old, tc.new, 1)))
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Decode = %v; want Problems", err)
			}
			for _, p := range ps {
				if strings.Contains(p.Error(), tc.want) {
					return
				}
			}
			t.Errorf("Decode = %v; want a problem %q", ps, tc.want)
		})
	}
}
