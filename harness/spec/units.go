package spec

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseSize reads a memory size such as "24GB", "512MB" or "1.5TB" (powers of
// 1024, as nvidia-smi and free report them) and returns bytes.
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(strings.ToUpper(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"TIB", 1 << 40}, {"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"TB", 1 << 40}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"T", 1 << 40}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.m
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v < 0 || v > 1<<20 {
		return 0, fmt.Errorf("%q is not a size: write e.g. 24GB or 512MB", s)
	}
	return int64(v * float64(mult)), nil
}

// ParseDuration reads "90s", "20m", "2h", "1h30m" or "1d".
func ParseDuration(s string) (time.Duration, error) {
	t := strings.TrimSpace(s)
	if strings.HasSuffix(t, "d") {
		n, err := strconv.ParseFloat(strings.TrimSuffix(t, "d"), 64)
		if err == nil && n > 0 {
			return time.Duration(n * 24 * float64(time.Hour)), nil
		}
	}
	d, err := time.ParseDuration(t)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a duration: write e.g. 90s, 20m, 2h or 1h30m", s)
	}
	return d, nil
}
