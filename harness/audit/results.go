package audit

import (
	"path"
	"regexp"
	"strings"
)

var (
	// metricRe is a column or row name that says a table holds measured
	// results rather than model sizes or paper titles.
	metricRe = regexp.MustCompile(`(?i)(\b(acc(uracy)?|top-?[15]|fid|precision|recall|f1|bleu|rouge[-\w]*|meteor|cider|psnr|ms-?ssim|ssim|lpips|bpp|bits|bpd|mrr|ndcg|map|miou|iou|auc|gauc|ppl|perplexity|wer|cer|rmse|mae|mse|latency|throughput|speed-?up|speed|time|memory|ratio|score|error|loss|em|exact match|success rate|win rate|fps|flops|gflops|qps|sdr|pesq|auroc|aupr|hit|hr|bd-rate)\b|%)`)
	// resultsHeadRe is a heading over results.
	resultsHeadRe = regexp.MustCompile(`(?i)\b(results?|performance|benchmarks?|leaderboard|evaluation results|main results|experimental results|comparisons?)\b`)
	// resultsWordRe is prose that introduces a results table ("we got the
	// following results:").
	resultsWordRe = regexp.MustCompile(`(?i)\bresults?\b|\bperformance\b`)
	// measuredRe is a number that looks measured: a decimal or a percentage.
	measuredRe = regexp.MustCompile(`(^|[^\w.])\d+\.\d+\b|\d(\.\d+)?\s?%`)
	// mdEmphasis strips emphasis from table cells.
	mdEmphasis = strings.NewReplacer("**", "", "__", "", "`", "", "*", "", "<b>", "", "</b>", "", "<strong>", "", "</strong>", "")
	// numericRe is a cell that is a number, maybe with a unit or a mark.
	numericRe = regexp.MustCompile(`^[^A-Za-z0-9]*\d[\d,]*(\.\d+)?[^A-Za-z]{0,6}$`)
	// localLinkRe is a link to a markdown page of the tree.
	localLinkRe = regexp.MustCompile(`\]\(\s*([^)\s#:]+\.(?:md|markdown))(?:#[^)]*)?\s*\)`)
)

// results finds results in the README: a table of measured numbers, a
// results heading with numbers under it, or such a table in a page that
// the README's results section links.
func (t *tree) results(rd *doc, r *Report) Item {
	if rd == nil {
		return Item{}
	}
	if i := rd.resultsAt(); i >= 0 {
		return Item{Found: true, Evidence: rd.at(i)}
	}
	for i, l := range rd.lines {
		if l.code || !strings.Contains(l.text, "](") || !resultsHeadRe.MatchString(rd.sectionOf(i)+" "+l.text) {
			continue
		}
		for _, m := range localLinkRe.FindAllStringSubmatch(l.text, -1) {
			p := path.Clean(path.Join(path.Dir(rd.path), m[1]))
			if !t.byKey[p] || p == rd.path {
				continue
			}
			b, _ := t.read(r, p, maxReadme)
			if b == nil {
				continue
			}
			linked := parseDoc(p, string(b))
			if j := linked.resultsAt(); j >= 0 {
				return Item{Found: true, Evidence: linked.at(j)}
			}
		}
	}
	return Item{}
}

// resultsAt returns the line of the first table of measured results, or
// of prose with measured numbers under a results heading, or -1.
func (d *doc) resultsAt() int {
	for _, tb := range d.tables {
		under := resultsHeadRe.MatchString(d.sectionOf(tb.line)) || resultsWordRe.MatchString(d.prose(tb.line))
		if resultsTable(tb, under) {
			return tb.line
		}
	}
	for i, l := range d.lines {
		if l.code || l.table || l.heading != "" || l.section < 0 || !resultsHeadRe.MatchString(d.sectionOf(i)) {
			continue
		}
		if len(measuredRe.FindAllString(stripLinks(l.text), -1)) >= 2 {
			return i
		}
	}
	return -1
}

// resultsTable reports whether a table holds measured results: numbers
// outside its first column, and a metric named in its header or first
// column, or (underResults) a results heading above it and a measured
// number.
func resultsTable(tb table, underResults bool) bool {
	if len(tb.rows) < 2 {
		return false
	}
	named := metricRe.MatchString(strings.Join(tb.rows[0], " "))
	numeric, measured := false, false
	for _, row := range tb.rows[1:] {
		if len(row) > 0 && metricCell(row[0]) {
			named = true
		}
		for j, c := range row {
			c = strings.TrimSpace(mdEmphasis.Replace(c))
			if j == 0 || c == "" {
				continue
			}
			if numericRe.MatchString(c) || measuredRe.MatchString(c) {
				numeric = true
			}
			if measuredRe.MatchString(c) {
				measured = true
			}
		}
	}
	return numeric && named || measured && underResults
}

// metricCell reports whether a first-column cell names a metric, as in a
// table with one row per metric. The cell must be short: a long one is a
// title or a description that merely contains a metric's name
// ("CRATE-MAE-S", "Token Compression for …").
func metricCell(c string) bool {
	c = strings.TrimSpace(mdEmphasis.Replace(c))
	return len(strings.Fields(c)) <= 3 && !strings.Contains(c, "-") && metricRe.MatchString(c)
}

var linkTargetRe = regexp.MustCompile(`\]\([^)]*\)|https?://\S+`)

// stripLinks removes link targets, whose version numbers and ids are not
// results.
func stripLinks(s string) string {
	return linkTargetRe.ReplaceAllString(s, "]")
}
