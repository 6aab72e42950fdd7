package spec

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCatalogue loads and validates every spec the project ships.
func TestCatalogue(t *testing.T) {
	paths, _ := filepath.Glob("../../specs/*.yaml")
	demo, _ := filepath.Glob("../../demo/*.yaml")
	paths = append(paths, demo...)
	if len(paths) < 43 {
		t.Fatalf("found %d specs; want the 42 catalogue papers and the demo", len(paths))
	}
	for _, p := range paths {
		if _, err := Load(p); err != nil {
			t.Errorf("%v", err)
		}
	}
}

// TestSchemaFile keeps specs/schema.json equal to what `repro schema`
// prints; run `go run ./cmd/repro schema > specs/schema.json` to update it.
func TestSchemaFile(t *testing.T) {
	got, err := os.ReadFile("../../specs/schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, JSONSchema()) {
		t.Errorf("specs/schema.json is out of date: run go run ./cmd/repro schema > specs/schema.json")
	}
}
