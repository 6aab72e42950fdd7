package audit

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
)

// signal is what code that trains, or evaluates, contains. Files are
// searched for the anchors first, which is fast, and only the lines
// holding one are matched against the expression, which is not.
type signal struct {
	anchors []string
	re      *regexp.Regexp
}

var (
	// trainSignal is code that trains: an optimiser step, a fit call, a
	// training function.
	trainSignal = signal{
		anchors: []string{"step(", "GradientTape(", ".minimize(", ".fit(", "train_on_batch(", "Flux.train!", "rain"},
		re:      regexp.MustCompile(`\b\w*optim\w*\.step\(|\bopt\.step\(|GradientTape\(|\.minimize\(|\bmodel\.fit\(|\btrainer\.(train|fit)\(|\.train_on_batch\(|\bFlux\.train!|^\s*(?:def|void|static void|function|fn)\s+(?:train|Train|TrainModel|train_model|train_epoch|train_one_epoch|train_step|training_step)\s*\(`),
	}
	// evalSignal is code that measures: a metric's name or an evaluation
	// function.
	evalSignal = signal{
		anchors: []string{"accuracy", "top1", "top5", "acc1", "rmse", "psnr", "auc", "f1_score", "bleu", "perplexity", "ndcg", "miou", "mean_iou", "test_", "def evaluate(", "def validate(", "def test("},
		re:      regexp.MustCompile(`\b(accuracy|top1|top5|acc1|rmse|psnr|auc|gauc|roc_auc_score|f1_score|bleu|perplexity|ndcg|miou|mean_iou|test_loss|test_rmse|test_acc)\b|\bdef (evaluate|validate|test)\(`),
	}
)

// match reports whether b holds the signal.
func (s signal) match(b []byte) bool {
	for _, a := range s.anchors {
		rest := b
		for {
			i := bytes.Index(rest, []byte(a))
			if i < 0 {
				break
			}
			start := bytes.LastIndexByte(rest[:i], '\n') + 1
			end := bytes.IndexByte(rest[i:], '\n')
			if end < 0 {
				end = len(rest)
			} else {
				end += i
			}
			if s.re.Match(rest[start:end]) {
				return true
			}
			rest = rest[end:]
		}
	}
	return false
}

// scan returns the first source file whose content holds sig, reading
// source files shallowest first and within fixed limits. It is the
// fallback for trees whose names say nothing, such as a single
// CS_IB_Housing.py. Both signals are looked for in one pass, the first
// time either is asked for, so no file is read twice.
func (t *tree) scan(r *Report, sig *signal) string {
	if !t.scanned {
		t.scanned = true
		t.scanHits = map[*signal]string{}
		t.scanAll(r, []*signal{&trainSignal, &evalSignal})
	}
	return t.scanHits[sig]
}

func (t *tree) scanAll(r *Report, sigs []*signal) {
	var cands []entry
	for _, f := range t.files {
		if isCode(f.path) && !t.vendored(f.path) && !docsPath(f.path) && f.size > 0 {
			cands = append(cands, f)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		return strings.Count(cands[i].path, "/") < strings.Count(cands[j].path, "/")
	})
	var total int64
	for n, f := range cands {
		if n >= maxScanFiles || total >= maxScanTotal || len(t.scanHits) == len(sigs) || t.ctx.Err() != nil {
			break
		}
		b, _ := t.read(r, f.path, maxScanFile)
		total += int64(len(b))
		for _, sig := range sigs {
			if _, done := t.scanHits[sig]; !done && sig.match(b) {
				t.scanHits[sig] = f.path
			}
		}
	}
}
