package artifact

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/ulikunitz/xz"
)

type entry struct {
	name, body, link string
	kind             byte // tar.TypeReg (default), TypeDir, TypeSymlink, TypeLink
}

func tarOf(t *testing.T, es []entry) []byte {
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	for _, e := range es {
		h := &tar.Header{Name: e.name, Mode: 0o644, Size: int64(len(e.body)), Typeflag: e.kind, Linkname: e.link}
		if e.kind == 0 {
			h.Typeflag = tar.TypeReg
		} else {
			h.Size = 0
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(e.body))
	}
	tw.Close()
	return b.Bytes()
}

func zipOf(t *testing.T, es []entry) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range es {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		body := e.body
		if e.kind == tar.TypeSymlink {
			h.SetMode(os.ModeSymlink | 0o777)
			body = e.link
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return b.Bytes()
}

func compress(t *testing.T, kind string, data []byte) []byte {
	var b bytes.Buffer
	switch kind {
	case "gz":
		z := gzip.NewWriter(&b)
		z.Write(data)
		z.Close()
	case "xz":
		z, err := xz.NewWriter(&b)
		if err != nil {
			t.Fatal(err)
		}
		z.Write(data)
		z.Close()
	case "zst":
		z, _ := zstd.NewWriter(&b)
		z.Write(data)
		z.Close()
	default:
		return data
	}
	return b.Bytes()
}

// fetchArchive serves data from a local mirror as file name and unpacks it
// into a cache inside base, so that anything written outside the cache
// shows up in base.
func fetchArchive(t *testing.T, base, name, unpack string, data []byte) (*Got, *Cache, error) {
	mirror := filepath.Join(base, "mirror")
	os.MkdirAll(mirror, 0o755)
	os.WriteFile(filepath.Join(mirror, name), data, 0o644)
	c := &Cache{Dir: filepath.Join(base, "cache"), Mirrors: []Mirror{{From: "https://data.example/", To: mirror}}, Offline: true}
	g, err := c.Fetch(context.Background(), Want{Name: "a", URL: "https://data.example/" + name, SHA256: sumOf(data), Size: int64(len(data)), Unpack: unpack})
	return g, c, err
}

func TestUnpackFormats(t *testing.T) {
	es := []entry{{name: "d/", kind: tar.TypeDir}, {name: "d/a.txt", body: "alpha"}, {name: "b.txt", body: "beta"},
		{name: "d/link", link: "a.txt", kind: tar.TypeSymlink}}
	for _, tc := range []struct{ name, kind string }{
		{"data.tar", ""}, {"data.tar.gz", "gz"}, {"data.tgz", "gz"}, {"data.tar.xz", "xz"},
		{"data.tar.zst", "zst"}, {"gzipped-by-magic", "gz"}, {"zstd-by-magic", "zst"}, {"xz-by-magic", "xz"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, _, err := fetchArchive(t, t.TempDir(), tc.name, "tar", compress(t, tc.kind, tarOf(t, es)))
			if err != nil {
				t.Fatal(err)
			}
			for f, want := range map[string]string{"d/a.txt": "alpha", "b.txt": "beta", "d/link": "alpha"} {
				if got, err := os.ReadFile(filepath.Join(g.Path, f)); err != nil || string(got) != want {
					t.Errorf("%s = %q, %v; want %q", f, got, err, want)
				}
			}
			if _, err := os.Stat(g.Path + ".complete"); err != nil {
				t.Errorf("no completion marker: %v", err)
			}
		})
	}
	t.Run("zip", func(t *testing.T) {
		g, _, err := fetchArchive(t, t.TempDir(), "data.zip", "zip", zipOf(t, es[1:]))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(filepath.Join(g.Path, "d/link")); string(got) != "alpha" {
			t.Errorf("d/link = %q; want alpha", got)
		}
	})
}

func TestUnpackHostile(t *testing.T) {
	base := t.TempDir()
	abs := filepath.Join(base, "abs-evil")
	for _, tc := range []struct {
		name   string
		format string
		es     []entry
		msg    string
	}{
		{"dotdot", "tar", []entry{{name: "ok.txt", body: "x"}, {name: "../evil", body: "x"}}, `entry "../evil" climbs out with ".."`},
		{"dotdot-inside", "tar", []entry{{name: "a/../../evil", body: "x"}}, `entry "a/../../evil" climbs out with ".."`},
		{"absolute", "tar", []entry{{name: abs, body: "x"}}, `entry "` + abs + `" is an absolute path`},
		{"symlink-up", "tar", []entry{{name: "up", link: "../..", kind: tar.TypeSymlink}}, `entry "up" links to "../..", outside the archive`},
		{"symlink-absolute", "tar", []entry{{name: "root", link: base, kind: tar.TypeSymlink}}, `entry "root" links to the absolute path`},
		{"write-through-link", "tar", []entry{{name: "sub/", kind: tar.TypeDir}, {name: "l", link: "sub", kind: tar.TypeSymlink}, {name: "l/f", body: "x"}},
			`entry "l/f" goes through "l", which is not a folder`},
		{"link-chain", "tar", []entry{{name: "a/", kind: tar.TypeDir}, {name: "a/b", link: "..", kind: tar.TypeSymlink}, {name: "c", link: "a/b/../..", kind: tar.TypeSymlink}},
			`entry "c" leads outside the archive through other links`},
		{"hardlink-out", "tar", []entry{{name: "h", link: "../../x", kind: tar.TypeLink}}, `entry "h": hard link: entry "../../x" climbs out`},
		{"device", "tar", []entry{{name: "null", kind: tar.TypeChar}}, `entry "null" is a device, pipe or other special file`},
		{"zip-dotdot", "zip", []entry{{name: "../evil", body: "x"}}, `entry "../evil" climbs out with ".."`},
		{"zip-symlink-absolute", "zip", []entry{{name: "l", link: "/etc", kind: tar.TypeSymlink}}, `entry "l" links to the absolute path "/etc"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(base, tc.name)
			var data []byte
			name := "evil.tar"
			if tc.format == "zip" {
				data, name = zipOf(t, tc.es), "evil.zip"
			} else {
				data = tarOf(t, tc.es)
			}
			_, c, err := fetchArchive(t, dir, name, tc.format, data)
			if err == nil || !strings.Contains(err.Error(), tc.msg) || !strings.HasSuffix(err.Error(), ": refused") {
				t.Fatalf("Fetch error = %v; want %q", err, tc.msg)
			}
			if !strings.HasPrefix(err.Error(), "artifact a: unpack "+name+": ") {
				t.Errorf("error %q does not say what was unpacked", err)
			}
			// Nothing outside the cache: dir holds only mirror and cache,
			// base only the test folders.
			got, _ := os.ReadDir(dir)
			if len(got) != 2 {
				t.Errorf("%s holds %d entries; want mirror and cache only", dir, len(got))
			}
			if _, err := os.Lstat(abs); err == nil {
				t.Errorf("%s was written", abs)
			}
			un, _ := os.ReadDir(filepath.Join(c.Dir, "unpacked"))
			tmp, _ := os.ReadDir(filepath.Join(c.Dir, "tmp"))
			if len(un) != 0 || len(tmp) != 0 {
				t.Errorf("unpacked %v, tmp %v left behind; want nothing", un, tmp)
			}
		})
	}
}

func TestZipBomb(t *testing.T) {
	zeros := strings.Repeat("\x00", 20<<20)
	for _, tc := range []struct{ name, format string }{{"bomb.zip", "zip"}, {"bomb.tar.gz", "tar"}} {
		t.Run(tc.name, func(t *testing.T) {
			var data []byte
			if tc.format == "zip" {
				data = zipOf(t, []entry{{name: "zeros", body: zeros}})
			} else {
				data = compress(t, "gz", tarOf(t, []entry{{name: "zeros", body: zeros}}))
			}
			_, c, err := fetchArchive(t, t.TempDir(), tc.name, tc.format, data)
			if err == nil || !strings.Contains(err.Error(), "100 times the archive's size: refused as a possible zip bomb") {
				t.Fatalf("Fetch error = %v; want a zip bomb refused (archive %d bytes)", err, len(data))
			}
			un, _ := os.ReadDir(filepath.Join(c.Dir, "unpacked"))
			tmp, _ := os.ReadDir(filepath.Join(c.Dir, "tmp"))
			if len(un) != 0 || len(tmp) != 0 {
				t.Errorf("unpacked %v, tmp %v left behind; want nothing", un, tmp)
			}
		})
	}
}
