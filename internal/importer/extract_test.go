package importer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/repro-harness/repro/harness/claim"
)

// num is what a test expects of one numeric claim: a value, or a range
// when lo < hi.
type num struct {
	v, lo, hi float64
	unit      string
	bound     claim.Bound
}

func (n num) String() string {
	if n.lo < n.hi {
		return fmt.Sprintf("%v-%v%s %s", n.lo, n.hi, n.unit, n.bound)
	}
	return fmt.Sprintf("%v%s %s", n.v, n.unit, n.bound)
}

func got(c Claim) num {
	n := num{unit: c.Unit, bound: c.Bound}
	if c.Value != nil {
		n.v = *c.Value
	}
	if c.Min != nil && c.Max != nil {
		n.lo, n.hi = *c.Min, *c.Max
	}
	return n
}

func numericClaims(cs []Claim) []num {
	var out []num
	for _, c := range cs {
		if c.Value != nil || c.Min != nil {
			out = append(out, got(c))
		}
	}
	return out
}

func close(a, b num) bool {
	eq := func(x, y float64) bool { d := x - y; return d < 1e-9 && d > -1e-9 }
	return eq(a.v, b.v) && eq(a.lo, b.lo) && eq(a.hi, b.hi) && a.unit == b.unit && a.bound == b.bound
}

// Values and ranges, as abstracts write them.
func v(x float64, unit string, b claim.Bound) num { return num{v: x, unit: unit, bound: b} }
func r(lo, hi float64, unit string) num           { return num{lo: lo, hi: hi, unit: unit, bound: claim.Range} }

var extractTests = []struct {
	in   string
	want []num
}{
	// Ratios: x, times, \times, ×, fold.
	{"Squeeze3D achieves compression ratios of up to 2187x for textured meshes.", []num{v(2187, "x", claim.UpTo)}},
	{"giving an impressive 3.18times compression speed up in practice.", []num{v(3.18, "x", claim.Exact)}},
	{"with 43times/31times compression factor.", []num{v(43, "x", claim.Exact), v(31, "x", claim.Exact)}},
	{"We obtain a 3$\\times$ speedup on A100 GPUs.", []num{v(3, "x", claim.Exact)}},
	{"Our kernel reduces memory traffic by 4\\times.", []num{v(4, "x", claim.Exact)}},
	{"It runs 2.5× faster than FlashAttention-2.", []num{v(2.5, "x", claim.Exact)}},
	{"It speeds up decoding by 2.1 times on long prompts.", []num{v(2.1, "x", claim.Exact)}},
	{"We observe a 3-fold speedup in training.", []num{v(3, "x", claim.Exact)}},
	{"This yields a three-fold reduction in memory.", []num{v(3, "x", claim.Exact)}},
	{"The index is twice as fast as HNSW.", []num{v(2, "x", claim.Exact)}},
	{"compressing the in-context size by a factor of 1.91.", []num{v(1.91, "x", claim.Exact)}},
	{"The cache shrinks by a factor of about 8.", []num{v(8, "x", claim.About)}},
	// Ranges.
	{"our model is 3x-6x faster than existing prompt compression methods", []num{r(3, 6, "x")}},
	{"accelerating the end-to-end latency by 1.6x-2.9x with compression ratios of 2x-5x.", []num{r(1.6, 2.9, "x"), r(2, 5, "x")}},
	{"HPC-ColPali achieves 30--50\\% lower query latency under HNSW indexing.", []num{r(30, 50, "%")}},
	{"runs 5-40 times faster than neural compression algorithms", []num{r(5, 40, "x")}},
	{"with 3-5x model size reduction, our models are faster.", []num{r(3, 5, "x")}},
	{"It removes 25-30% of the weights.", []num{r(25, 30, "%")}},
	{"sometimes at trivial sparsity ratios (e.g., 25-30%), pruning fails.", []num{r(25, 30, "%")}},
	{"It saves 30%~50% of the memory.", []num{r(30, 50, "%")}},
	{"It gives between 2x and 4x speedup.", []num{r(2, 4, "x")}},
	{"Latency improves from 2x to 5x as batches grow.", []num{r(2, 5, "x")}},
	{"The sampler is 1.5–2.0× faster.", []num{r(1.5, 2.0, "x")}},
	{"Seismic is one to two orders of magnitude faster than state-of-the-art solutions.", []num{r(10, 100, "x")}},
	// Bounds.
	{"reducing late-interaction computation by up to 60\\% with less than 2\\% nDCG@10 loss", []num{v(60, "%", claim.UpTo), v(2, "%", claim.AtMost)}},
	{"our method achieves upto 70% more compression than prior approaches", []num{v(70, "%", claim.UpTo)}},
	{"It accelerates compression by up-to 25 times.", []num{v(25, "x", claim.UpTo)}},
	{"compressed experts recover over 90% of full expert performance", []num{v(90, "%", claim.AtLeast)}},
	{"while reducing more than 30% active parameters", []num{v(30, "%", claim.AtLeast)}},
	{"It retains at least 95% of the original accuracy.", []num{v(95, "%", claim.AtLeast)}},
	{"pruned LLMs even at geq 50% sparsity are robust", []num{v(50, "%", claim.AtLeast)}},
	{"The detector reaches $\\geq$ 99% recall on all splits.", []num{v(99, "%", claim.AtLeast)}},
	{"with ≤ 1% accuracy loss on GLUE.", []num{v(1, "%", claim.AtMost)}},
	{"achieves relative accuracy losses of less than 1% in perplexity", []num{v(1, "%", claim.AtMost)}},
	{"Inference takes under 20 ms per image.", []num{v(20, "ms", claim.AtMost)}},
	{"It is nearly 3x faster at inference.", []num{v(3, "x", claim.About)}},
	{"The model needs about 20% fewer parameters.", []num{v(20, "%", claim.About)}},
	{"It brings approximately 1.5 dB PSNR gain.", []num{v(1.5, "dB", claim.About)}},
	{"It gives around 10x compression.", []num{v(10, "x", claim.About)}},
	{"It produces ~4x smaller models.", []num{v(4, "x", claim.About)}},
	{"Decoding is roughly 12 ms per token.", []num{v(12, "ms", claim.About)}},
	{"Quality drops as low as 0.3 dB.", []num{v(0.3, "dB", claim.UpTo)}},
	// Bounds that carry over a list.
	{"compression ratios of up to 2187x for textured meshes, 55x for point clouds, and 619x for radiance fields", []num{v(2187, "x", claim.UpTo), v(55, "x", claim.UpTo), v(619, "x", claim.UpTo)}},
	{"speeds up TTFT by up to 4x and reduces the KV cache size by 50%.", []num{v(4, "x", claim.UpTo), v(50, "%", claim.Exact)}},
	// LaTeX and pairs.
	{"achieving 2.8\\%/1.0\\% top-1 accuracy improvements over the current state-of-the-art", []num{v(2.8, "%", claim.Beats), v(1.0, "%", claim.Beats)}},
	{"It reduces the model size by \\mathbf{75}\\% on BERT.", []num{v(75, "%", claim.Exact)}},
	{"We reach $76.1\\%$ top-1 accuracy on ImageNet-1K.", []num{v(76.1, "%", claim.Exact)}},
	{"It outperforms JPEG by 3.2 dB.", []num{v(3.2, "dB", claim.Beats)}},
	// Words for numbers.
	{"it reduces hallucination rates by 30\\% and halves end-to-end latency.", []num{v(30, "%", claim.Exact), v(2, "x", claim.About)}},
	{"Our scheduler doubles the throughput of vLLM.", []num{v(2, "x", claim.About)}},
	{"It is an order of magnitude faster than the baseline.", []num{v(10, "x", claim.Exact)}},
	{"The index is two orders of magnitude smaller.", []num{v(100, "x", claim.Exact)}},
	{"The index is over an order of magnitude smaller.", []num{v(10, "x", claim.AtLeast)}},
	{"while activating only about half of its parameters.", []num{v(50, "%", claim.About)}},
	{"reaches sub-millisecond per-query latency on MS MARCO", []num{v(1, "ms", claim.AtMost)}},
	{"In the AIM Challenge, our solution won the 1st place award.", []num{v(1, "rank", claim.Exact)}},
	{"Our team ranked first in the NTIRE challenge.", []num{v(1, "rank", claim.Exact)}},
	// Other units.
	{"NeuMap achieves 39.1% accuracy in the Aachen night benchmark with only 6MB of data, whereas alternative methods require 100MB.", []num{v(39.1, "%", claim.Exact), v(6, "MB", claim.Exact)}},
	{"It improves mAP by 2.3 points on COCO.", []num{v(2.3, "points", claim.Exact)}},
	{"It improves accuracy by 2.1 percentage points.", []num{v(2.1, "pp", claim.Exact)}},
	{"It serves 1,200 tokens/s on one GPU.", []num{v(1200, "tokens/s", claim.Exact)}},
	{"The codec compresses images to 0.25 bpp.", []num{v(0.25, "bpp", claim.Exact)}},
	{"It reaches a PSNR of 32.5 on Kodak.", []num{v(32.5, "", claim.Exact)}}, // no unit written: none guessed (docs/importer-labels.md)
	{"The detector runs at 50 FPS on a Jetson.", []num{v(50, "FPS", claim.Exact)}},
	{"Training takes 2.5 hours on one node.", []num{v(2.5, "h", claim.Exact)}},
	{"saving 20% in inference costs.", []num{v(20, "%", claim.Exact)}},
	{"It reduces bitrate by 25.6% compared to HEVC.", []num{v(25.6, "%", claim.Exact)}},
	{"with a 0.5 percentage point drop in accuracy.", []num{v(0.5, "pp", claim.Exact)}},
	{"This makes it possible to run a 33B parameter LLM on a single 24 GB consumer GPU without any performance degradation at 15% speedup.", []num{v(15, "%", claim.Exact)}},
	{"LLMC+ supports over 20 algorithms across five VLM families.", []num{v(20, "count", claim.AtLeast)}},
	{"It compresses the weights 8x with 4-bit quantization.", []num{v(8, "x", claim.Exact)}},

	// Not claims: years, names, settings, data sizes, counts, prior work.
	{"In the ECCV 2024 AIM Challenge we took part, as in 2023.", nil},
	{"We fine-tune LLaMA-7B, Llama-2-70B and GPT2 with ResNet-50 features on ImageNet-1K.", nil},
	{"We apply 4-bit quantization and 16-bit activations to all layers.", nil},
	{"quantization to 3-4 bits per parameter fits in memory.", nil},
	{"on an Alibaba production dataset with over 2 billion samples.", nil},
	{"We train on 100K images and 1.5M captions.", nil},
	{"We benchmark 14 representative methods on 9 datasets across three tasks.", nil},
	{"Previous methods achieve 20% sparsity at most.", nil},
	{"Recently, several works have shown 50-60% sparsity with negligible loss.", nil},
	{"We reconstruct 3D scenes from 2D images with 3-way kernels.", nil},
	{"The 8x compressed model (with a joint 4-bit quantization and 50% weight pruning compression) is evaluated.", nil},
	{"Section 4 discusses Table 2 and Figure 3.", nil},
	{"Our contributions: (1) a dataset; (2) a benchmark. 1) one; 2) two.", nil},
	{"The code is at https://github.com/x/y2024 and https://arxiv.org/abs/2506.07932.", nil},
	{"It runs on a single 24 GB GPU.", nil},
	{"The model has 7B parameters and sees 2T tokens in 1k steps.", nil},
	{"This challenge is primarily twofold.", nil},
	{"We set k = 5 and run each experiment 3 times.", nil},
	{"a new paradigm of machine-oriented compressionx2013which prioritizes features", nil},
	{"evaluated with ResNet-18/ResNet-50 at nDCG@10, keeping the top-p% patches.", nil},
	{"with a 3x3 convolution and 224x224 inputs from the 1990s.", nil},
	{"models trained on short sequences (e.g., 1k tokens) generalize to 100k tokens.", nil},
	{"With a 2x compression rate, the method is practical.", nil},
	{"We use a 10-fold cross-validation and a 1-byte code.", nil},
	{"LR^2VQ encodes with b=lceillog_2 Krceil bits in LLaVA-v1.5.", nil},
	{"whereas alternative methods require 100MB or several gigabytes.", nil},
	{"The first two authors contributed equally to this work.", nil},
	{"Existing methods need 5x more memory, so we propose a cache.", nil},
}

func TestExtract(t *testing.T) {
	for _, tt := range extractTests {
		cs := Extract(tt.in)
		gotNums := numericClaims(cs)
		ok := len(gotNums) == len(tt.want)
		for i := 0; ok && i < len(gotNums); i++ {
			ok = close(gotNums[i], tt.want[i])
		}
		if !ok {
			t.Errorf("Extract(%q) = %v; want %v", tt.in, gotNums, tt.want)
		}
		for _, c := range cs {
			if !strings.Contains(tt.in, c.Quote) || tt.in[c.Offset:c.Offset+len(c.Quote)] != c.Quote {
				t.Errorf("Extract(%q): quote %q is not at offset %d", tt.in, c.Quote, c.Offset)
			}
			if tt.want == nil && c.Bound != claim.Beats {
				t.Errorf("Extract(%q) = %+v; want no numeric claim", tt.in, c)
			}
		}
	}
	if n := len(extractTests); n < 50 {
		t.Errorf("only %d extract cases; keep at least 50", n)
	}
}

// TestExtractFields checks what goes with the number: quote, metric,
// better, baseline, context and review.
func TestExtractFields(t *testing.T) {
	tests := []struct {
		in                                       string
		quote, metric, better, baseline, context string
		review                                   bool
	}{
		{"Our experiments demonstrate that Squeeze3D achieves compression ratios of up to 2187x for textured meshes, 55x for point clouds.",
			"Our experiments demonstrate that Squeeze3D achieves compression ratios of up to 2187x for textured meshes", "compression_ratio", "higher", "", "textured meshes", false},
		{"HPC-ColPali achieves 30--50\\% lower query latency under HNSW indexing while maintaining high retrieval precision.",
			"HPC-ColPali achieves 30--50\\% lower query latency under HNSW indexing", "query_latency_reduction", "higher", "", "", false},
		{"It reduces hallucination rates by 30\\%.", "It reduces hallucination rates by 30\\%", "hallucination_rate_reduction", "higher", "", "", false},
		{"only leads to a minimal 3% reduction in visual question answering accuracy on the GQA benchmark.",
			"only leads to a minimal 3% reduction in visual question answering accuracy on the GQA benchmark", "question_answering_accuracy_drop", "lower", "", "the GQA benchmark", true},
		{"achieving 2.8\\%/1.0\\% top-1 accuracy improvements over the current state-of-the-art VQ-based compression algorithms.",
			"achieving 2.8\\%/1.0\\% top-1 accuracy improvements over the current state-of-the-art VQ-based compression algorithms", "top1_accuracy_improvement", "higher", "the current state-of-the-art VQ-based compression algorithms", "", true},
		{"CompLLM speeds up Time To First Token (TTFT) by up to 4x.", "CompLLM speeds up Time To First Token (TTFT) by up to 4x", "ttft_speedup", "higher", "", "", false},
		{"Decoding takes 12 ms per token.", "Decoding takes 12 ms per token", "decoding_time", "lower", "", "", false},
		{"It halves end-to-end latency.", "It halves end-to-end latency", "end_to_end_latency_reduction", "higher", "", "", true},
		{"The codec reaches 0.25 bpp on Kodak.", "The codec reaches 0.25 bpp on Kodak", "bitrate", "lower", "", "Kodak", false},
		{"It gives 12% bitrate savings over VVC.", "It gives 12% bitrate savings over VVC", "bitrate_saving", "higher", "", "vs VVC", false},
		{"It uses up to 99% fewer parameters compared to the original network.", "It uses up to 99% fewer parameters compared to the original network", "parameter_reduction", "higher", "", "vs the original network", false},
		{"It keeps accuracy at 76.1% top-1 accuracy.", "It keeps accuracy at 76.1% top-1 accuracy", "top1_accuracy", "higher", "", "", false},
	}
	for _, tt := range tests {
		cs := Extract(tt.in)
		if len(cs) == 0 {
			t.Errorf("Extract(%q) = nothing; want a claim", tt.in)
			continue
		}
		c := cs[0]
		if c.Quote != tt.quote || c.Metric != tt.metric || c.Better != tt.better || c.Baseline != tt.baseline || c.Context != tt.context || (c.Review != "") != tt.review {
			t.Errorf("Extract(%q) = quote %q, metric %q, better %q, baseline %q, context %q, review %q; want %q, %q, %q, %q, %q, review %v",
				tt.in, c.Quote, c.Metric, c.Better, c.Baseline, c.Context, c.Review, tt.quote, tt.metric, tt.better, tt.baseline, tt.context, tt.review)
		}
	}
}

// TestExtractBeats checks the comparative claim built for abstracts
// without a number.
func TestExtractBeats(t *testing.T) {
	tests := []struct {
		in, quote, baseline, metric string
	}{
		{"We conduct experiments on multiple benchmark datasets, demonstrating that our GDNet significantly outperforms current methods in terms of geometric consistency and detail recovery. Our codes are available at https://github.com/x/y.",
			"demonstrating that our GDNet significantly outperforms current methods in terms of geometric consistency and detail recovery", "current methods", "geometric_consistency"},
		{"To date, such split computing strategies have barely outperformed naive baselines. We compare our approach to various compression baselines and found that it achieves better rate-distortion performance.",
			"We compare our approach to various compression baselines and found that it achieves better rate-distortion performance", "various compression baselines", "rate_distortion_performance"},
		{"Across several key metrics, WaLLoC outperforms the autoencoders used in state-of-the-art latent diffusion models.",
			"WaLLoC outperforms the autoencoders used in state-of-the-art latent diffusion models", "the autoencoders used in state-of-the-art latent diffusion models", "performance"},
		{"We propose a cache. Experiments show that it achieves superior performance compared with state-of-the-art methods.",
			"Experiments show that it achieves superior performance compared with state-of-the-art methods", "state-of-the-art methods", "performance"},
	}
	for _, tt := range tests {
		cs := Extract(tt.in)
		if len(cs) != 1 || cs[0].Bound != claim.Beats {
			t.Errorf("Extract(%q) = %+v; want one beats claim", tt.in, cs)
			continue
		}
		c := cs[0]
		if c.Quote != tt.quote || c.Baseline != tt.baseline || c.Metric != tt.metric || c.Review == "" || c.Better == "" {
			t.Errorf("Extract(%q) = quote %q, baseline %q, metric %q, review %q; want %q, %q, %q and a review", tt.in, c.Quote, c.Baseline, c.Metric, c.Review, tt.quote, tt.baseline, tt.metric)
		}
	}
	if cs := Extract("This thesis focuses on word representation and document representation."); len(cs) != 0 {
		t.Errorf("Extract(no comparison) = %+v; want nothing", cs)
	}
}

// TestWithoutLeadingStops checks that a metric name never starts with a stop
// word ("with gains of up to 2.45%" named with_gain on a labelled abstract)
// and that "on" and "in" stay where they belong to the name.
func TestWithoutLeadingStops(t *testing.T) {
	for in, want := range map[string]string{
		"with_gain": "gain", "for_tpot_improvement": "tpot_improvement", "the_a_speedup": "speedup",
		"on_device_latency": "on_device_latency", "with": "with", "ours_time": "time", "accuracy_with_gain": "accuracy_with_gain",
	} {
		if got := withoutLeadingStops(in); got != want {
			t.Errorf("withoutLeadingStops(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestCanonicalMetricDropsSizeWords pins what the case "a change named
// only by a word of its size" of TestExtractKinds cannot: the kinds test
// accepts a name holding the wanted words, so "maximum_improvement" would
// pass it.
func TestCanonicalMetricDropsSizeWords(t *testing.T) {
	for in, want := range map[string]string{
		"maximum_improvement": "improvement", "reaching_improvement": "improvement", "notable_gain": "gain",
		"accuracy_improvement": "accuracy_improvement", "maximum_latency": "maximum_latency",
	} {
		if got := canonicalMetric(in); got != want {
			t.Errorf("canonicalMetric(%q) = %q; want %q", in, got, want)
		}
	}
}
