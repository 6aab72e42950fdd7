package artifact

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestHelperFetch is the body of each process of TestFourProcessesOneDownload.
func TestHelperFetch(t *testing.T) {
	dir := os.Getenv("ARTIFACT_HELPER_DIR")
	if dir == "" {
		t.Skip("helper process only")
	}
	size, _ := strconv.ParseInt(os.Getenv("ARTIFACT_HELPER_SIZE"), 10, 64)
	c := &Cache{Dir: dir, Mirrors: []Mirror{{From: "https://data.example/", To: os.Getenv("ARTIFACT_HELPER_URL") + "/"}}}
	g, err := c.Fetch(context.Background(), Want{Name: "x", URL: "https://data.example/x.bin", SHA256: os.Getenv("ARTIFACT_HELPER_SHA"), Size: size})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("from=%s\n", g.From)
}

// Four processes ask for one artifact at once: the server sends it once,
// and each process ends with the same verified file.
func TestFourProcessesOneDownload(t *testing.T) {
	data := content(1 << 20)
	s := newServer(t, data)
	s.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		// Slowly, so that the other processes arrive while it runs.
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		for i := 0; i < len(data); i += len(data) / 8 {
			w.Write(data[i : i+len(data)/8])
			w.(http.Flusher).Flush()
			time.Sleep(40 * time.Millisecond)
		}
	}
	dir := t.TempDir()
	var wg sync.WaitGroup
	outs := make([]string, 4)
	errs := make([]error, 4)
	for i := range outs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperFetch$", "-test.v")
			cmd.Env = append(os.Environ(), "ARTIFACT_HELPER_DIR="+dir, "ARTIFACT_HELPER_URL="+s.URL,
				"ARTIFACT_HELPER_SHA="+sumOf(data), "ARTIFACT_HELPER_SIZE="+strconv.Itoa(len(data)))
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			errs[i] = cmd.Run()
			outs[i] = out.String()
		}(i)
	}
	wg.Wait()
	var froms []string
	for i := range outs {
		if errs[i] != nil {
			t.Fatalf("process %d: %v\n%s", i, errs[i], outs[i])
		}
		for _, l := range strings.Split(outs[i], "\n") {
			if f, ok := strings.CutPrefix(l, "from="); ok {
				froms = append(froms, f)
			}
		}
	}
	sort.Strings(froms)
	if strings.Join(froms, " ") != "cache cache cache mirror" {
		t.Errorf("the processes got it from %v; want one download and three cache hits", froms)
	}
	if n := len(s.requests()); n != 1 {
		t.Errorf("server saw %d requests from four processes; want 1", n)
	}
}
