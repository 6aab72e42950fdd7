package spec

import (
	"errors"
	"strings"
	"testing"
)

const withEnvironment = `schema: 1
id: paper
title: A paper
repository: {url: https://github.com/owner/name}
claims:
  - {id: a, quote: "2x", metric: speedup, value: 2, unit: x, bound: exact}
reproduce:
  environment:
    image: docker.io/library/python:3.12@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
  steps:
    - {name: go, run: "true", network: true}
`

func TestEnvironmentGood(t *testing.T) {
	for _, tc := range []struct{ name, old, new string }{
		{"image by digest", "", ""},
		{"tag with review", "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "\n    review: first run records the digest"},
		{"registry port", "docker.io/library/python:3.12", "registry.example:5000/team/python"},
		{"build", "image: docker.io/library/python:3.12@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "build: {file: docker/Containerfile, context: docker}"},
		{"host", "image: docker.io/library/python:3.12@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "host: true"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Decode("specs/paper.yaml", []byte(strings.Replace(withEnvironment, tc.old, tc.new, 1)))
			if err != nil {
				t.Fatalf("Decode = %v", err)
			}
			if s.Reproduce.Environment == nil || !s.Reproduce.Steps[0].Network {
				t.Errorf("Decode lost the environment or network: %+v", s.Reproduce)
			}
		})
	}
}

// TestEnvironmentProblems changes one line at a time and wants the exact
// problem at its position.
func TestEnvironmentProblems(t *testing.T) {
	const img = "image: docker.io/library/python:3.12@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	for _, tc := range []struct{ name, old, new, want string }{
		{"tag without digest", "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "",
			"specs/paper.yaml:9:12: image \"docker.io/library/python:3.12\" has no digest: pin it as docker.io/library/python:3.12@sha256:DIGEST, or set review: to say why not yet (the first run records the digest it resolved; `repro pin` writes it here)"},
		{"bad digest", "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "@sha256:abc",
			`specs/paper.yaml:9:12: image "docker.io/library/python:3.12@sha256:abc": digest "sha256:abc" is not sha256: and 64 lower-case hex digits`},
		{"bad name", "docker.io/library/python", "Docker.io/Library/Python",
			`specs/paper.yaml:9:12: image "Docker.io/Library/Python:3.12@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef": image name "Docker.io/Library/Python" is not valid: lower-case [registry/]path components`},
		{"build outside", img, "build: {file: ../../etc/Containerfile}",
			`specs/paper.yaml:9:19: build file "../../etc/Containerfile" must stay inside the repository: remove ".."`},
		{"build absolute", img, "build: {file: /etc/Containerfile}",
			`specs/paper.yaml:9:19: build file "/etc/Containerfile" must be relative to the repository root`},
		{"build context outside", img, "build: {file: Containerfile, context: ../..}",
			`specs/paper.yaml:9:43: build context "../.." must stay inside the repository: remove ".."`},
		{"build without file", img, "build: {context: docker}",
			`specs/paper.yaml:9:12: build has no file: name the Containerfile or Dockerfile in the repository`},
		{"two kinds", img, img + "\n    host: true",
			"specs/paper.yaml:9:5: reproduce.environment takes exactly one of image (NAME@sha256:DIGEST), build ({file: Containerfile}) or host: true"},
		{"none", img, "host: false",
			"specs/paper.yaml:9:5: reproduce.environment takes exactly one of image (NAME@sha256:DIGEST), build ({file: Containerfile}) or host: true"},
		{"unknown field", img, "imag: python",
			`specs/paper.yaml:9:5: unknown field "imag" (did you mean "image"?)`},
		{"network not a bool", "network: true", "network: sometimes",
			`specs/paper.yaml:11:40: reproduce.steps[0].network must be true or false, not "sometimes"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(withEnvironment, tc.old) {
				t.Fatalf("test bug: %q not in the spec", tc.old)
			}
			_, err := Decode("specs/paper.yaml", []byte(strings.Replace(withEnvironment, tc.old, tc.new, 1)))
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Decode = %v; want problems", err)
			}
			if got := ps.Error(); !strings.Contains(got, tc.want) {
				t.Errorf("Decode problems:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}
