// Command huffpack is the demo paper's code: a canonical Huffman coder that
// compresses every file in corpus/, checks that each decodes back to the
// original, and reports its compression ratio, its bits per byte, its
// encoding throughput and, as the baseline, a run-length coder's ratio.
//
// It is written into the demo repository by `repro demo`; repro itself
// never runs it except as the demo's reproduction step.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"
)

func main() {
	corpus := flag.String("corpus", "corpus", "folder of files to compress")
	out := flag.String("out", "metrics.json", "where to write the metrics")
	flag.Parse()
	if err := run(*corpus, *out); err != nil {
		fmt.Fprintln(os.Stderr, "huffpack:", err)
		os.Exit(1)
	}
}

type metrics struct {
	Files        int     `json:"files"`
	InputBytes   int     `json:"input_bytes"`
	OutputBytes  int     `json:"output_bytes"`
	Ratio        float64 `json:"ratio"`
	BitsPerByte  float64 `json:"bits_per_byte"`
	EncodeMBps   float64 `json:"encode_mb_per_s"`
	RLERatio     float64 `json:"rle_ratio"`
	RoundTripsOK bool    `json:"round_trips_ok"`
}

func run(dir, out string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no corpus files in %s", dir)
	}
	sort.Strings(files)
	var m metrics
	m.RoundTripsOK = true
	var rleBytes int
	var encodeTime time.Duration
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		start := time.Now()
		var enc []byte
		// Encode several times so the throughput is not just timer noise.
		const reps = 5
		for i := 0; i < reps; i++ {
			enc = encode(data)
		}
		encodeTime += time.Since(start) / reps
		if !bytes.Equal(decode(enc), data) {
			m.RoundTripsOK = false
		}
		m.Files++
		m.InputBytes += len(data)
		m.OutputBytes += len(enc)
		rleBytes += len(rle(data))
		fmt.Printf("%s: %d -> %d bytes\n", filepath.Base(f), len(data), len(enc))
	}
	if !m.RoundTripsOK {
		return fmt.Errorf("a file did not decode back to its original")
	}
	m.Ratio = float64(m.InputBytes) / float64(m.OutputBytes)
	m.BitsPerByte = 8 * float64(m.OutputBytes) / float64(m.InputBytes)
	m.EncodeMBps = float64(m.InputBytes) / (1 << 20) / encodeTime.Seconds()
	m.RLERatio = float64(m.InputBytes) / float64(rleBytes)
	fmt.Printf("ratio=%.3f bits_per_byte=%.3f encode_mb_per_s=%.1f rle_ratio=%.3f\n", m.Ratio, m.BitsPerByte, m.EncodeMBps, m.RLERatio)
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(data, '\n'), 0o644)
}

// rle is the baseline: (count, byte) pairs, runs of up to 255.
func rle(data []byte) []byte {
	var out []byte
	for i := 0; i < len(data); {
		j := i
		for j < len(data) && data[j] == data[i] && j-i < 255 {
			j++
		}
		out = append(out, byte(j-i), data[i])
		i = j
	}
	return out
}
