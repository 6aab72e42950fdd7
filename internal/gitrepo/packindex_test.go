package gitrepo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
)

// gitIn runs git in dir with a fixed identity and no user configuration.
func gitIn(t *testing.T, dir string, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t",
		"GIT_COMMITTER_EMAIL=t@example.org", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// deltaRepo makes a repository whose files were edited commit after
// commit, so that git stores them as long delta chains, and returns it.
func deltaRepo(t *testing.T, commits int) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	gitIn(t, dir, "", "init", "-q", "-b", "main")
	rnd := rand.New(rand.NewPCG(3, 4))
	line := func() string { return fmt.Sprintf("%016x %016x\n", rnd.Uint64(), rnd.Uint64()) }
	files := map[string][]string{"a.txt": nil, "dir/b.txt": nil, "c.json": nil}
	for name := range files {
		for i := 0; i < 800; i++ {
			files[name] = append(files[name], line())
		}
	}
	os.MkdirAll(filepath.Join(dir, "dir"), 0o755)
	for c := 0; c < commits; c++ {
		for name, lines := range files {
			// Change a few lines, add one: each version a small delta of the last.
			for k := 0; k < 3; k++ {
				lines[rnd.IntN(len(lines))] = line()
			}
			lines = append(lines, line())
			files[name] = lines
			if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.Join(lines, "")), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		gitIn(t, dir, "", "add", "-A")
		gitIn(t, dir, "", "commit", "-q", "-m", "edit "+strconv.Itoa(c))
	}
	gitIn(t, dir, "", "-c", "pack.threads=1", "repack", "-q", "-a", "-d", "-f", "--depth=50", "--window=250")
	return dir
}

// maxChain returns the longest delta chain git verify-pack reports.
func longestChain(t *testing.T, dir, idx string) int {
	out := gitIn(t, dir, "", "verify-pack", "-v", idx)
	best := 0
	for _, m := range regexp.MustCompile(`chain length = (\d+)`).FindAllStringSubmatch(out, -1) {
		n, _ := strconv.Atoi(m[1])
		best = max(best, n)
	}
	return best
}

// TestIndexPackMatchesGit: the index this package builds for a pack
// of long delta chains, ofs-deltas and ref-deltas alike, is the one git
// builds: every object id, offset and CRC, and the pack's checksum, also
// when the budget for resolved objects is so small that every base is
// dropped and rebuilt.
func TestIndexPackMatchesGit(t *testing.T) {
	dir := deltaRepo(t, 60)
	objects := gitIn(t, dir, "", "rev-list", "--objects", "--all")
	for _, kind := range []string{"ofs", "ref"} {
		args := []string{"-c", "pack.threads=1", "pack-objects", "-q", "--depth=50", "--window=250"}
		if kind == "ofs" {
			args = append(args, "--delta-base-offset")
		}
		out := filepath.Join(t.TempDir(), "p")
		sum := gitIn(t, dir, objects+"\n", append(args, out)...)
		pack, idxPath := out+"-"+sum+".pack", out+"-"+sum+".idx"
		if n := longestChain(t, dir, idxPath); n < 20 {
			t.Fatalf("%s: longest delta chain %d; want a pack with chains of 20 or more", kind, n)
		}
		want := readIdx(t, idxPath)
		for _, budget := range []int64{resolveBudget, 1} {
			t.Run(fmt.Sprintf("%s/budget=%d", kind, budget), func(t *testing.T) {
				got, gotSum, err := indexFile(pack, budget)
				if err != nil {
					t.Fatalf("index %s: %v", kind, err)
				}
				if gotSum.String() != sum {
					t.Errorf("checksum %s; want %s", gotSum, sum)
				}
				compareIdx(t, got, want)
			})
		}
	}
}

func indexFile(path string, budget int64) (*idxfile.MemoryIndex, plumbing.Hash, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, plumbing.ZeroHash, err
	}
	defer f.Close()
	objs, err := scanPack(f)
	if err != nil {
		return nil, plumbing.ZeroHash, err
	}
	return indexPack(f, objs, budget)
}

func readIdx(t *testing.T, path string) *idxfile.MemoryIndex {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	idx := idxfile.NewMemoryIndex()
	if err := idxfile.NewDecoder(f).Decode(idx); err != nil {
		t.Fatal(err)
	}
	return idx
}

func compareIdx(t *testing.T, got, want *idxfile.MemoryIndex) {
	t.Helper()
	gn, _ := got.Count()
	wn, _ := want.Count()
	if gn != wn {
		t.Fatalf("%d objects indexed; git indexed %d", gn, wn)
	}
	entries, err := want.Entries()
	if err != nil {
		t.Fatal(err)
	}
	defer entries.Close()
	for {
		e, err := entries.Next()
		if err != nil {
			break
		}
		off, err := got.FindOffset(e.Hash)
		if err != nil || uint64(off) != e.Offset {
			t.Fatalf("object %s: offset %d, %v; git says %d", e.Hash, off, err, e.Offset)
		}
		crc, err := got.FindCRC32(e.Hash)
		if err != nil || crc != e.CRC32 {
			t.Fatalf("object %s: crc %08x, %v; git says %08x", e.Hash, crc, err, e.CRC32)
		}
	}
}

// TestIndexPackRejectsDamage: a damaged pack (a flipped byte anywhere, a
// truncation, bytes after the trailer) is refused as corrupt, never
// indexed and never a panic.
func TestIndexPackRejectsDamage(t *testing.T) {
	dir := deltaRepo(t, 8)
	pack := mustGlob(t, filepath.Join(dir, ".git", "objects", "pack", "*.pack"))
	good, err := os.ReadFile(pack)
	if err != nil {
		t.Fatal(err)
	}
	damaged := map[string][]byte{
		"truncated":     good[:len(good)-7],
		"no trailer":    good[:len(good)-20],
		"junk after":    append(append([]byte(nil), good...), 'x'),
		"empty":         nil,
		"only a header": good[:12],
	}
	rnd := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 40; i++ {
		b := append([]byte(nil), good...)
		p := 12 + rnd.IntN(len(b)-12)
		b[p] ^= byte(1 + rnd.IntN(255))
		damaged[fmt.Sprintf("byte %d flipped", p)] = b
	}
	for name, b := range damaged {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "p.pack")
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, err := indexFile(path, resolveBudget)
			if err == nil {
				t.Fatalf("index of a damaged pack = nil error; want it refused")
			}
			if !errors.Is(err, errPack) && !strings.Contains(err.Error(), "corrupt") {
				t.Fatalf("index of a damaged pack = %v; want a corrupt-pack error", err)
			}
		})
	}
}

// TestFetchDeepDeltaChains: a go-git fetch of a repository whose history
// is long delta chains (the full history, so they arrive as deltas) makes
// an entry git itself finds sound, and every commit checks out as git
// checks it out.
func TestFetchDeepDeltaChains(t *testing.T) {
	dir := deltaRepo(t, 60)
	mirror := filepath.Join(t.TempDir(), "mirror")
	gitIn(t, dir, "", "clone", "-q", "--bare", dir, filepath.Join(mirror, "o", "r.git"))
	head := gitIn(t, dir, "", "rev-parse", "HEAD")
	c := &Cache{Dir: filepath.Join(t.TempDir(), "cache"), Backend: BackendGoGit, FullHistory: true,
		Mirrors: []Mirror{{From: "https://github.com/", To: mirror}}}
	f, err := c.Fetch(context.Background(), "https://github.com/o/r", head)
	if err != nil {
		t.Fatal(err)
	}
	if f.InPlace() || !f.Transferred || f.Shallow() {
		t.Fatalf("Fetch: in place %v, transferred %v, shallow %v; want a full fetch into the cache", f.InPlace(), f.Transferred, f.Shallow())
	}
	gitIn(t, f.Path, "", "fsck", "--full", "--strict", "--no-dangling")
	idx := mustGlob(t, filepath.Join(f.Path, "objects", "pack", "*.idx"))
	if n := longestChain(t, f.Path, idx); n < 20 {
		t.Fatalf("fetched pack: longest delta chain %d; want 20 or more, or the test does not exercise chains", n)
	}
	for _, rev := range []string{"HEAD", "HEAD~17", "HEAD~59"} {
		commit := gitIn(t, dir, "", "rev-parse", rev)
		out := filepath.Join(t.TempDir(), "tree")
		if _, err := Checkout(f.Repo, commit, "", out); err != nil {
			t.Fatalf("Checkout(%s) = %v", rev, err)
		}
		for _, name := range []string{"a.txt", "dir/b.txt", "c.json"} {
			got, _ := os.ReadFile(filepath.Join(out, name))
			if want := gitIn(t, dir, "", "show", commit+":"+name); !bytes.Equal(bytes.TrimSpace(got), []byte(want)) {
				t.Fatalf("%s:%s differs from git's", rev, name)
			}
		}
	}
}
