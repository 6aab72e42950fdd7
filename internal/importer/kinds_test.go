package importer

import (
	"strings"
	"testing"

	"github.com/repro-harness/repro/harness/claim"
)

// kind is what a test expects of one claim: its number, and optionally its
// metric (docs/importer-labels.md matching), direction and whether it
// carries a review note.
type kind struct {
	n      num
	metric string // "" leaves the metric unchecked
	better string // "" leaves the direction unchecked
	review int    // 0 unchecked, 1 must carry review, -1 must not
}

// TestExtractKinds covers the phrasings of issue 16, one kind per case:
// units glued to numbers, LaTeX decorations, ranges and lists, bounds in
// words, magnitudes, claims split across a sentence, operating conditions,
// and metric names and directions read from the verb.
func TestExtractKinds(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []kind
	}{
		{"glued times", "Our kernel runs 4.1times faster than the baseline.",
			[]kind{{n: v(4.1, "x", claim.Exact), metric: "speedup", better: "higher"}}},
		{"glued multiplication sign", "The decoder is 3.5×faster on a phone.",
			[]kind{{n: v(3.5, "x", claim.Exact), metric: "speedup", better: "higher"}}},
		{"doubled multiplication sign", "It delivers a 2.67×\\times prefill speedup.",
			[]kind{{n: v(2.67, "x", claim.Exact), metric: "prefill_speedup", better: "higher"}}},
		{"latex range with sim", "We obtain $\\mathbf{2.35\\times \\sim 3.47\\times}$ end-to-end speedup.",
			[]kind{{n: r(2.35, 3.47, "x"), metric: "speedup", better: "higher"}}},
		{"textbf", "The method reaches \\textbf{78.3\\%} top-1 accuracy.",
			[]kind{{n: v(78.3, "%", claim.Exact), metric: "accuracy", better: "higher"}}},
		{"approx", "It reduces memory by $\\approx 40\\%$.",
			[]kind{{n: v(40, "%", claim.About), metric: "memory_reduction", better: "higher"}}},
		{"pm is an uncertainty", "Our model scores 71.2 \\pm 0.3\\% accuracy.",
			[]kind{{n: v(71.2, "%", claim.Exact), metric: "accuracy"}}},
		{"plus-minus sign", "Accuracy is 88.1% ± 0.4% on the test set.",
			[]kind{{n: v(88.1, "%", claim.Exact), metric: "accuracy"}}},
		{"ratio range", "Compression of 2x-10x is achieved across layers.",
			[]kind{{n: r(2, 10, "x")}}},
		{"ranging from", "The methods achieve accuracy improvements ranging from 0.90% to 23.35% on 4-bit ViTs.",
			[]kind{{n: r(0.9, 23.35, "%"), metric: "accuracy_improvement", better: "higher"}}},
		{"from to is a change", "Throughput rises from 139 to 215 tokens/s.",
			[]kind{{n: v(215, "tokens/s", claim.Exact), metric: "throughput", better: "higher"}}},
		{"list shares the unit", "We reach 6 and 8 ms latency on the two devices.",
			[]kind{{n: v(6, "ms", claim.Exact), metric: "latency"}, {n: v(8, "ms", claim.Exact), metric: "latency"}}},
		{"bits as settings", "We quantize weights to 3 or 4 bits and keep accuracy.", nil},
		{"bit-width as the result", "Our approach achieves an average bit length of just 1.007 bits.",
			[]kind{{n: v(1.007, "bits", claim.Exact), metric: "bit_length", better: "lower"}}},
		{"at most", "The FID changes by at most 1.88 across settings.",
			[]kind{{n: v(1.88, "", claim.AtMost), metric: "fid", better: "lower", review: 1}}},
		{"a slight decrease", "Pruning causes a slight decrease of 0.22 in BLEU score.",
			[]kind{{n: v(0.22, "", claim.Exact), metric: "bleu_drop", better: "lower", review: 1}}},
		{"only a decline", "Quantization incurs only a 0.05 decline in CLIP score.",
			[]kind{{n: v(0.05, "", claim.AtMost), metric: "clip_score_drop", better: "lower", review: 1}}},
		{"only a loss in percent", "It keeps quality with only a 0.6% accuracy loss.",
			[]kind{{n: v(0.6, "%", claim.AtMost), metric: "accuracy_loss", better: "lower"}}},
		{"magnitude words", "The cache holds up to 4 million tokens per second of decoding.",
			[]kind{{n: v(4e6, "tokens/s", claim.UpTo)}}},
		{"magnitude suffix", "It serves over 380K tokens/s on one node.",
			[]kind{{n: v(380000, "tokens/s", claim.AtLeast), metric: "throughput"}}},
		{"model size is a name", "We prune LLaMA-7B and a 1.2B model with the same recipe.", nil},
		{"respectively", "AST reduces the perplexity and zero-shot accuracy gap between dense and sparse models to 0.6 and 1.16%, respectively.",
			[]kind{{n: v(0.6, "", claim.Exact), metric: "perplexity_gap", better: "lower", review: 1}, {n: v(1.16, "%", claim.Exact), metric: "accuracy_gap", better: "lower"}}},
		{"metric after a list", "We achieve this with only 0.97% and 0.72% drops on the VBench-2.0 benchmark.",
			[]kind{{n: v(0.97, "%", claim.AtMost), metric: "vbench_drop", better: "lower"}, {n: v(0.72, "%", claim.AtMost), metric: "vbench_drop", better: "lower"}}},
		{"metric before a parenthesis", "AdaSPEC achieves higher acceptance rates across all tasks (up to 15\\%).",
			[]kind{{n: v(15, "%", claim.UpTo), metric: "acceptance_rate_improvement", better: "higher"}}},
		{"operating point with at", "At a compression rate of 2x, our model keeps 99% of its accuracy.",
			[]kind{{n: v(99, "%", claim.Exact), metric: "accuracy"}}},
		{"operating point with even", "It keeps accuracy even when pruning up to 90% of the tokens.", nil},
		{"operating point in parentheses", "In extreme pruning ratio (e.g. 75%), our method outperforms existing methods.",
			[]kind{{n: v(75, "%", claim.Exact), review: 1}}},
		{"settings listed after a count", "We test it at three sparsity rates (25%, 37.5%, and 50%).", nil},
		{"condition for a matched cost", "For similar latency (within 5.2%) we achieve 78.6%-84.5% accuracy.",
			[]kind{{n: r(78.6, 84.5, "%"), metric: "accuracy", better: "higher"}}},
		{"condition while removing", "It retains 97% of the dense model's performance while removing 50% of the parameters.",
			[]kind{{n: v(97, "%", claim.Exact), better: "higher"}}},
		{"growth of a cost", "Guidance doubles the required compute, and our method halves it.",
			[]kind{{n: v(2, "x", claim.About), review: 1}}},
		{"prior work as the state of the art", "We reach 84.5% accuracy, while the state-of-the-art, ToMe, achieves 85.4%.",
			[]kind{{n: v(84.5, "%", claim.Exact), metric: "accuracy", better: "higher"}}},
		{"a share whose percent sign was lost", "It cuts the overhead to approximately 11 of the full attention latency.",
			[]kind{{n: v(11, "", claim.About), review: 1}}},
		{"pronoun for the metric", "Other methods increase latency by 18.6%, while we can reduce it by 9%.",
			[]kind{{n: v(9, "%", claim.Exact), metric: "latency_reduction", better: "higher"}}},
		{"narrowing a gap", "It narrows the accuracy gap to full-precision models by 50.5% compared to QuaRot.",
			[]kind{{n: v(50.5, "%", claim.Exact), metric: "accuracy_gap_reduction", better: "higher"}}},
		{"bound on a score change", "It is faster (with DINO $\\Delta < 0.07$) than ToMeSD.",
			[]kind{{n: v(0.07, "", claim.AtMost), metric: "dino", better: "lower", review: 1}}},
		{"two-order-of-magnitude compound", "It has an up to two-order-of-magnitude gain in terms of pruning time.",
			[]kind{{n: v(100, "x", claim.UpTo), metric: "pruning_time_improvement", better: "higher", review: 1}}},
		{"operating point with with", "For hyper-speed inference scenarios (with 251% acceleration), our approach surpasses other baselines by an accuracy over 8%.",
			[]kind{{n: v(8, "%", claim.AtLeast), metric: "accuracy", better: "higher"}}},
		{"beats by points on a dataset", "It beats LongLLMLingua by 3.4 points on NaturalQuestions.",
			[]kind{{n: v(3.4, "points", claim.Beats), metric: "improvement", better: "higher", review: 1}}},
		{"loses points of a score", "On Llama-3-8B it loses only 0.3 points of accuracy.",
			[]kind{{n: v(0.3, "points", claim.AtMost), metric: "accuracy_loss", better: "lower"}}},
		{"speeds up by", "It speeds up time to first token (TTFT) by 2.5x.",
			[]kind{{n: v(2.5, "x", claim.Exact), metric: "ttft_speedup", better: "higher"}}},
		{"absolute points", "It improves accuracy by up to 7 absolute points over RAG.",
			[]kind{{n: v(7, "points", claim.UpTo), metric: "accuracy_improvement", better: "higher"}}},
		{"ratios that lost their sign in a list", "CoX-MoE achieves up to 7.1 and 2.4 higher throughput than FlexGen and MoE-Lightning, respectively.",
			[]kind{{n: v(7.1, "x", claim.UpTo), metric: "throughput", review: 1}, {n: v(2.4, "x", claim.UpTo), metric: "throughput", review: 1}}},
		{"second by", "DAOP outperforms traditional expert caching and prefetching methods by up to 8.20 and offloading techniques by 1.35 while maintaining accuracy.",
			[]kind{{n: v(8.2, "x", claim.UpTo), review: 1}, {n: v(1.35, "x", claim.Exact), review: 1}}},
		{"tripled percent of an HTML page", "ShotKV achieves 9%percent99\\%9 %-18%percent1818\\%18 % performance improvements on long-context generation.",
			[]kind{{n: r(9, 18, "%"), metric: "performance_improvement", better: "higher"}}},
		{"a rate stays a rate", "It delivers 48% lower decoding latency with over 60% expert cache hit rate.",
			[]kind{{n: v(48, "%", claim.Exact), metric: "latency_reduction", better: "higher"}, {n: v(60, "%", claim.AtLeast), metric: "hit_rate"}}},
		{"acronym after a long phrase", "It yields a 62.1% decrease in inference Tera Floating-Point Operations Per Second (TFLOPs).",
			[]kind{{n: v(62.1, "%", claim.Exact), metric: "tflops_reduction", better: "higher"}}},
		{"alternatives before the measure", "ToMA reduces SDXL/Flux generation latency by 24%/23%, respectively.",
			[]kind{{n: v(24, "%", claim.Exact), metric: "latency_reduction"}, {n: v(23, "%", claim.Exact), metric: "latency_reduction"}}},
		{"cuts by", "It cuts TTFT by 43% on long prompts.",
			[]kind{{n: v(43, "%", claim.Exact), metric: "ttft_reduction", better: "higher"}}},
		{"losing", "The compressed reader matches the baseline while losing less than 1.5% EM.",
			[]kind{{n: v(1.5, "%", claim.AtMost), metric: "em_loss", better: "lower"}}},
		{"lost times sign", "Our method achieves a 1.83 speedup and 4 compression on MS-COCO.",
			[]kind{{n: v(1.83, "x", claim.Exact), metric: "speedup", better: "higher", review: 1}, {n: v(4, "x", claim.Exact), metric: "compression", better: "higher", review: 1}}},
		{"improves by a bare ratio", "This work improves SLO attainment by up to 5 and reduces average latency by 31.6%.",
			[]kind{{n: v(5, "x", claim.UpTo), metric: "attainment", better: "higher", review: 1}, {n: v(31.6, "%", claim.Exact), metric: "latency_reduction", better: "higher"}}},
		{"reduce to", "The method reduces the KV cache to 12 GB.",
			[]kind{{n: v(12, "GB", claim.Exact), metric: "cache", better: "lower"}}},
		{"memory of a device", "It runs on a single 24 GB GPU.", nil},
		{"memory used", "It quantizes the 70B model using only 64 GB of CPU memory and 48 GB of VRAM.",
			[]kind{{n: v(64, "GB", claim.Exact), metric: "memory", better: "lower"}, {n: v(48, "GB", claim.Exact), metric: "vram|memory", better: "lower"}}},
		{"prior work with its score", "Our model attains a perplexity of 8.23 and surpasses previous SOTA BiLLM with a perplexity of only 123.90.",
			[]kind{{n: v(8.23, "", claim.Exact), metric: "perplexity", better: "lower"}}},
		{"outperforms named baselines", "Our SAAP method outperforms several state-of-the-art baseline methods, achieving 2.17% and 2.37% accuracy gains on LLaMA-7B and Vicuna-7B.",
			[]kind{{n: v(2.17, "%", claim.Beats), metric: "accuracy_improvement", better: "higher"}, {n: v(2.37, "%", claim.Beats), metric: "accuracy_improvement", better: "higher"}}},
		{"fps is throughput", "Pruned models reach real-time capability with 14 FPS on FPGA.",
			[]kind{{n: v(14, "FPS", claim.Exact), metric: "fps|throughput", better: "higher"}}},
		{"efficient is efficiency", "A distilled model is over 2,000 times more compute-efficient than its vanilla counterpart.",
			[]kind{{n: v(2000, "x", claim.AtLeast), metric: "efficiency", better: "higher"}}},
		// Fourth round: kinds of phrasing found on new development abstracts.
		{"dollar list", "Our pipeline costs $28.5 and $27.4 per benchmark run.",
			[]kind{{n: v(28.5, "", claim.Exact), metric: "cost", better: "lower", review: 1}, {n: v(27.4, "", claim.Exact), metric: "cost", better: "lower", review: 1}}},
		{"price after from-to", "It cuts operational costs from $0.398 to $0.228 per task.",
			[]kind{{n: v(0.228, "", claim.Exact), metric: "operational_cost", better: "lower", review: 1}}},
		{"latex math is not a price", "It reaches a $26\\times$ reduction in peak memory at $0.5$ scale.",
			[]kind{{n: v(26, "x", claim.Exact), metric: "peak_memory_reduction", better: "higher"}}},
		{"unitless decimal range", "The method improves accuracy scores ranging from 0.01-0.34 across tasks.",
			[]kind{{n: r(0.01, 0.34, ""), metric: "accuracy", better: "higher", review: 1}}},
		{"integer range without a unit is not a claim", "We freeze layers 10-20 during fine-tuning.", nil},
		{"bare comparative ratios", "Nexus achieves up to 2.2 higher throughput, 20 lower TTFT, and 2.5 lower TBT than vLLM.",
			[]kind{{n: v(2.2, "x", claim.UpTo), metric: "throughput", better: "higher", review: 1}, {n: v(20, "x", claim.UpTo), metric: "ttft_reduction", better: "higher", review: 1}, {n: v(2.5, "x", claim.UpTo), metric: "tbt_reduction", better: "higher", review: 1}}},
		{"half the number of as a condition", "It matches the baseline with only half the number of GPUs.", nil},
		{"measured noun after in", "The method achieves reductions ranging between 55% and 92% in the DSP utilization and up to 81% in BRAM utilization.",
			[]kind{{n: r(55, 92, "%"), metric: "dsp_utilization_reduction", better: "higher"}, {n: v(81, "%", claim.UpTo), metric: "bram_utilization_reduction", better: "higher"}}},
		{"subject of the verb", "Inference speeds are observed to improve by 2–3×\\times compared to FP16 baselines.",
			[]kind{{n: r(2, 3, "x"), metric: "inference_speed_improvement", better: "higher"}}},
		{"a cost that drops is reduced", "Energy consumption is observed to drop by 30% on the phone.",
			[]kind{{n: v(30, "%", claim.Exact), metric: "energy_consumption_reduction", better: "higher"}}},
		{"within a share of the reference", "The pruned model keeps accuracy within 2–5% of full-precision baselines.",
			[]kind{{n: r(2, 5, "%"), metric: "accuracy_gap", better: "lower"}}},
		{"html page writes a ratio twice", "It delivers up to 1.66×1.66\\times end-to-end speedup on L40S.",
			[]kind{{n: v(1.66, "x", claim.UpTo), metric: "speedup", better: "higher"}}},
		{"html page writes a range twice", "The kernel yields 2.02.02.5×2.5\\times speedup on RTX 3090.",
			[]kind{{n: r(2, 2.5, "x"), metric: "speedup", better: "higher"}}},
		{"html page writes a percentage twice", "It reduces the average perplexity loss by 34.6%34.6\\% and 31.2%31.2\\% under two settings.",
			[]kind{{n: v(34.6, "%", claim.Exact), metric: "perplexity_loss_reduction", better: "higher"}, {n: v(31.2, "%", claim.Exact), metric: "perplexity_loss_reduction", better: "higher"}}},
		{"unitless gap to the reference", "APEX4 achieves perplexity within 0.63 of FP16 on LLaMA-2-70B.",
			[]kind{{n: v(0.63, "", claim.AtMost), metric: "perplexity_gap", better: "lower", review: 1}}},
		{"a number followed by its setting repeats the measure", "It delivers up to 1.66x end-to-end speedup on L40S (with rho=8), and 1.78x on RTX 3090.",
			[]kind{{n: v(1.66, "x", claim.UpTo), metric: "speedup"}, {n: v(1.78, "x", claim.Exact), metric: "speedup", review: 1}}},
		{"signed gain and score points", "It improves effectiveness by up to +23% in downstream task performance and more than +8 BERTScore points in grounding.",
			[]kind{{n: v(23, "%", claim.UpTo), metric: "performance_improvement", better: "higher"}, {n: v(8, "points", claim.AtLeast), metric: "bertscore_improvement", better: "higher", review: 1}}},
		// Round 6 (docs/importer-labels.md): the kinds the fresh set showed.
		{"under a ratio is a setting", "The pruned model keeps 91.2% accuracy under 30% pruning ratio.",
			[]kind{{n: v(91.2, "%", claim.Exact), metric: "accuracy"}}},
		{"under a long setting phrase", "It reaches 3.1% lower WER under a comparable overall compression ratio of 5.2x.",
			[]kind{{n: v(3.1, "%", claim.Exact), metric: "wer_reduction", better: "higher"}}},
		{"extra hardware is a setting", "The accelerator gives a 6.2x decode speedup with additional 256MB SRAM buffers.",
			[]kind{{n: v(6.2, "x", claim.Exact), metric: "decode_speedup"}}},
		{"sparsity after at is a setting", "The method shows large accuracy gains at 60-70% sparsity and at 80% pruning.", nil},
		{"ratios down to a share are settings", "Gains are largest at budgets down to 5% of the tokens.", nil},
		{"a gerund subject is the condition", "Keeping only 10% of the image tokens preserves 93.4% of the accuracy.",
			[]kind{{n: v(93.4, "%", claim.Exact), metric: "accuracy_retained|accuracy", better: "higher"}}},
		{"a gerund subject with by is the condition", "Further cutting the training data by 30% costs only a 2% accuracy drop.",
			[]kind{{n: v(2, "%", claim.AtMost), metric: "accuracy_drop", better: "lower"}}},
		{"a unitless margin on a score", "It beats the baselines by up to 3.15 on the mean zero-shot accuracy.",
			[]kind{{n: v(3.15, "", claim.UpTo), metric: "accuracy_improvement", better: "higher", review: 1}}},
		{"a unitless score change of", "We obtain an average F1 gain of 2.4 over prior methods.",
			[]kind{{n: v(2.4, "", claim.Exact), metric: "f1_improvement", better: "higher", review: 1}}},
		{"a unitless drop before its noun", "Pruning costs just 0.21 accuracy drop on average.",
			[]kind{{n: v(0.21, "", claim.AtMost), metric: "accuracy_drop", better: "lower", review: 1}}},
		{"a count of tokens cut", "It shortens answers by an average of 85 tokens.",
			[]kind{{n: v(85, "count", claim.Exact), metric: "answer_reduction|length_reduction|token_reduction", better: "higher", review: 1}}},
		{"a count of epochs as the cost", "The student recovers with only 3 epochs of training.",
			[]kind{{n: v(3, "count", claim.AtMost), metric: "epochs", better: "lower", review: 1}}},
		{"an increase in a lower-is-better score", "Quantization causes only a 0.4 increase in perplexity.",
			[]kind{{n: v(0.4, "", claim.AtMost), metric: "perplexity_increase", better: "lower"}}},
		{"plural -ches", "It serves up to 4x larger batches on one GPU.",
			[]kind{{n: v(4, "x", claim.UpTo), metric: "batch"}}},
		{"share of the original after any verb", "The compressed network stays at 97% of the original accuracy.",
			[]kind{{n: v(97, "%", claim.Exact), metric: "accuracy_retained", better: "higher"}}},
		{"a second object shares the verb", "The design cuts latency by 20% and memory use by 35% on average.",
			[]kind{{n: v(20, "%", claim.Exact), metric: "latency_reduction"}, {n: v(35, "%", claim.Exact), metric: "memory_reduction", better: "higher"}}},
		{"the metric before a parenthesis", "We see minimal quality loss (under 0.5%) on all tasks.",
			[]kind{{n: v(0.5, "%", claim.AtMost), metric: "quality_loss", better: "lower"}}},
		// Round-7 kinds (docs/importer-labels.md): where a number sits in
		// the abstract's argument, ratios whose x was lost, and metric
		// names read from the head noun and the change word.
		{"background before the contribution", "Standard 8-bit formats already give a 4x saving in memory. We propose TinyQ, which reduces latency by 30%.",
			[]kind{{n: v(30, "%", claim.Exact), metric: "latency_reduction", better: "higher"}}},
		{"a result reported before a late contribution", "Experiments show that the scheduler cuts energy by 25%. We also present an open toolkit.",
			[]kind{{n: v(25, "%", claim.Exact), metric: "energy_reduction", better: "higher"}}},
		{"a concessive clause about others", "While existing sparse kernels promise a 2x speedup, our layout decodes 3.1x faster.",
			[]kind{{n: v(3.1, "x", claim.Exact), metric: "speedup", review: -1}}},
		{"a concessive clause with a result is kept, flagged", "While memory use falls by 3x, the answers stay as accurate as before.",
			[]kind{{n: v(3, "x", claim.Exact), review: 1}}},
		{"a property exploited is not a result", "Our kernel runs 1.4x faster end to end by exploiting the 10x bandwidth of on-chip buffers.",
			[]kind{{n: v(1.4, "x", claim.Exact), metric: "speedup"}}},
		{"an opening condition", "With only 20% of the visual tokens, our model keeps 98.1% of the original accuracy.",
			[]kind{{n: v(98.1, "%", claim.Exact), metric: "accuracy_retained|accuracy", better: "higher"}}},
		{"a condition stressed with even under", "Image quality stays high even under a 6x compression of the cache.", nil},
		{"a range of a supported setting", "The framework supports any sparsity ratio between 10% and 70% and speeds up decoding by 1.5x.",
			[]kind{{n: v(1.5, "x", claim.Exact), metric: "speedup"}}},
		{"a baseline with a parenthesis", "Fine-tuning lifts accuracy from 52% (zero-shot) to 81% on the probe set.",
			[]kind{{n: v(81, "%", claim.Exact), metric: "accuracy", better: "higher"}}},
		{"a list of bare ratios before the change", "The system gives 2.1 and 3.4 speed-ups for prefill and decode.",
			[]kind{{n: v(2.1, "x", claim.Exact), metric: "speedup", review: 1}, {n: v(3.4, "x", claim.Exact), metric: "speedup", review: 1}}},
		{"a bare ratio before a reduction", "The codec gives a 5 storage reduction on all scenes.",
			[]kind{{n: v(5, "x", claim.Exact), metric: "storage_reduction", better: "higher", review: 1}}},
		{"FLOPs without a magnitude before a change", "It achieves a 3.2 FLOPs reduction on the detector.",
			[]kind{{n: v(3.2, "x", claim.Exact), metric: "flops_reduction", better: "higher", review: 1}}},
		{"a bare example after a ratio noun", "It yields clear speedups (e.g., 1.9 on BERT-base) over dense inference.",
			[]kind{{n: v(1.9, "x", claim.Exact), metric: "speedup", review: 1}}},
		{"a parenthesis after a verb and its object", "The scheduler cuts the tail latency of short jobs (up to 41.5%) without hurting throughput.",
			[]kind{{n: v(41.5, "%", claim.UpTo), metric: "latency_reduction", better: "higher"}}},
		{"a bare parenthesis after a verb and its object", "It also raises request goodput (up to 2.7) over vLLM.",
			[]kind{{n: v(2.7, "x", claim.UpTo), metric: "goodput_improvement", better: "higher", review: 1}}},
		{"a list with parentheses before its noun", "Our kernel delivers 2.4x (7B) and 5.1x (65B) speedups at equal accuracy.",
			[]kind{{n: v(2.4, "x", claim.Exact), metric: "speedup"}, {n: v(5.1, "x", claim.Exact), metric: "speedup"}}},
		{"a shared verb after a range", "It reduces the index size by 5-6x and query latency by roughly 3x.",
			[]kind{{n: r(5, 6, "x"), metric: "index_size_reduction"}, {n: v(3, "x", claim.About), metric: "latency_reduction", better: "higher"}}},
		{"a rise in a cost bounded in words", "Perplexity increases of no more than 0.1 are observed.",
			[]kind{{n: v(0.1, "", claim.AtMost), metric: "perplexity_increase", better: "lower", review: 1}}},
		{"what is won back", "Light fine-tuning recovers up to 85% of dense accuracy.",
			[]kind{{n: v(85, "%", claim.UpTo), metric: "accuracy_recovery", better: "higher"}}},
		{"a margin named after the number", "Our method outperforms the baselines by at least 2.2% top-1 accuracy.",
			[]kind{{n: v(2.2, "%", claim.AtLeast), metric: "accuracy_improvement", better: "higher"}}},
		{"more of what a gerund does", "The search ends up pruning 12% more channels than uniform pruning.",
			[]kind{{n: v(12, "%", claim.Exact), metric: "channel_pruning", better: "higher"}}},
		{"speed-ups fold to speedup", "It gives further speed-ups of 1.5x over the baseline.",
			[]kind{{n: v(1.5, "x", claim.Exact), metric: "speedup", better: "higher"}}},
		{"a duration names its activity", "The quantizer finishes calibrating in under 3 minutes on a laptop.",
			[]kind{{n: v(3, "min", claim.AtMost), metric: "calibration_time", better: "lower"}}},
		{"a bit rate after at is a setting", "The artefacts are mild at 0.5 bpp but strong at 0.1 bpp.", nil},
		{"the other side of an open comparison", "Compared with the 11.2 perplexity of the dense baseline, the pruned model scores 11.9 perplexity.",
			[]kind{{n: v(11.9, "", claim.Exact), metric: "perplexity", better: "lower", review: 1}}},
		{"what is known of others", "Round-to-nearest is known to lose 7% accuracy at 3 bits, whereas our scheme loses only 0.9%.",
			[]kind{{n: v(0.9, "%", claim.AtMost), better: "lower"}}},
		{"a contrast clause about prior work", "Unlike earlier pruners that remove 40% of heads, our method removes 65% of heads without retraining.",
			[]kind{{n: v(65, "%", claim.Exact), better: "higher"}}},
		{"a list of bare ratios after speedups of", "The kernels give speedups of 1.6, 2.2 and 2.9 on the three GPUs.",
			[]kind{{n: v(1.6, "x", claim.Exact), metric: "speedup", review: 1}, {n: v(2.2, "x", claim.Exact), metric: "speedup"}, {n: v(2.9, "x", claim.Exact), metric: "speedup"}}},
		{"under a number is a condition, not below", "The method raises accuracy by 2.6% under 60% sparsity.",
			[]kind{{n: v(2.6, "%", claim.Exact), metric: "accuracy_improvement", better: "higher"}}},
		{"bytes saved", "The cache manager saves 3.5 GB of GPU memory per request.",
			[]kind{{n: v(3.5, "GB", claim.Exact), metric: "memory_saving", better: "higher"}}},
		{"a bit-width attained", "The codebook scheme attains 2.3 bits per weight on average.",
			[]kind{{n: v(2.3, "bits", claim.Exact), better: "lower"}}},
		{"a shared verb with a long first object", "It shrinks the number of cached key-value pairs by 80% and the decoding time by 45%.",
			[]kind{{n: v(80, "%", claim.Exact)}, {n: v(45, "%", claim.Exact), metric: "decoding_time_reduction", better: "higher"}}},
		{"a share of a cost stated of the problem", "We present SKV. Attention accounts for 55% of decoding time, and SKV cuts that time by 2.1x.",
			[]kind{{n: v(2.1, "x", claim.Exact)}}},
		{"a share of a cost stated of the method is kept", "We present SKV. With SKV, the index accounts for only 4% of total memory.",
			[]kind{{n: v(4, "%", claim.Exact)}}},
		{"a concessive clause naming the method", "We introduce TurboKV. While TurboKV cuts memory by 3x, it keeps the answers exact.",
			[]kind{{n: v(3, "x", claim.Exact), metric: "memory_reduction", review: -1}}},
		{"a gap to the reference after a comma", "Our 3-bit model scores 71.4% accuracy, within 0.8% of FP16.",
			[]kind{{n: v(71.4, "%", claim.Exact), metric: "accuracy"}, {n: v(0.8, "%", claim.AtMost), metric: "accuracy_gap", better: "lower"}}},
		{"a bare gain of something not a score", "It brings a 1.9 goodput improvement and a 2.5 accuracy improvement.",
			[]kind{{n: v(1.9, "x", claim.Exact), metric: "goodput_improvement", review: 1}, {n: v(2.5, "", claim.Exact), metric: "accuracy_improvement"}}},
		{"a cost change of a bare number", "The layout gives an activation memory reduction of 2.8 during training.",
			[]kind{{n: v(2.8, "x", claim.Exact), metric: "memory_reduction", better: "higher", review: 1}}},
		{"a bare number continuing a list of ratios", "We measure a 1.5 speedup on Jetson and 2.3 on a laptop CPU.",
			[]kind{{n: v(1.5, "x", claim.Exact), metric: "speedup"}, {n: v(2.3, "x", claim.Exact), metric: "speedup", review: 1}}},
		{"a verb and object before a bare ratio", "The runtime raises serving goodput 1.6 over the default scheduler.",
			[]kind{{n: v(1.6, "x", claim.Exact), metric: "goodput_improvement", better: "higher", review: 1}}},
		{"a bare new level after from", "Distillation lowers the character error rate from 12.4 to 9.8 on the test split.",
			[]kind{{n: v(9.8, "", claim.Exact), metric: "character_error_rate", better: "lower", review: 1}}},
		{"a duration after a finite verb", "The adapter trains in 40 minutes and runs 2x faster.",
			[]kind{{n: v(40, "min", claim.Exact), metric: "training_time", better: "lower"}, {n: v(2, "x", claim.Exact), metric: "speedup"}}},
		{"bare comparatives around a decimal", "Our engine is up to 3.5 faster and 2.5 cheaper than the reference engine.",
			[]kind{{n: v(3.5, "x", claim.UpTo), metric: "speedup"}, {n: v(2.5, "x", claim.UpTo)}}},
		{"a result named before a late contribution", "Serving is costly. SwiftServe cuts latency by 40%. In this paper we present the design of SwiftServe.",
			[]kind{{n: v(40, "%", claim.Exact), metric: "latency_reduction"}}},
		{"a comparison phrase closed by a comma", "Compared to FP16 inference, our kernel achieves a 3.1x speedup.",
			[]kind{{n: v(3.1, "x", claim.Exact), metric: "speedup"}}},
		{"a small share of an overhead is a result", "We present SKV. Its index overhead accounts for under 2% of the runtime.",
			[]kind{{n: v(2, "%", claim.AtMost)}}},
		{"a usual result of the method is kept", "Our scheduler typically reduces queueing delay by 30%.",
			[]kind{{n: v(30, "%", claim.Exact), metric: "delay_reduction"}}},
		{"points with no measure named", "The planner ends 4.2 percentage points higher than the best baseline.",
			[]kind{{n: v(4.2, "pp", claim.Exact), metric: "accuracy_improvement", better: "higher", review: 1}}},
		{"a recovery of the score the sentence names", "The pruned model regains its dense accuracy after tuning (e.g., +3.3% recovery at 50% pruning).",
			[]kind{{n: v(3.3, "%", claim.Exact), metric: "accuracy_recovery", better: "higher", review: 1}}},
		{"the baseline's figure in a parenthesis", "Our pruner beats Wanda (51.8%) by 3.9% on average at 60% sparsity.",
			[]kind{{n: v(3.9, "%", claim.Beats)}}},
		{"a bare comparative closing a clause", "Its encoder is 2.6 smaller, and decoding is 30% faster.",
			[]kind{{n: v(2.6, "x", claim.Exact), review: 1}, {n: v(30, "%", claim.Exact), metric: "speedup"}}},
		{"a margin on a score named as the object", "The tuned model improves ROUGE-L by 0.9 over its teacher.",
			[]kind{{n: v(0.9, "", claim.Beats), metric: "rouge_l_improvement|rouge_improvement", review: 1}}},
		{"an opening gerund clause is the condition", "After evicting 80% of the cached keys, the model still answers 96% of the questions correctly.",
			[]kind{{n: v(96, "%", claim.Exact)}}},
		{"an opening by-clause is flagged", "By skipping 40% of the layers, the decoder runs 1.5x faster.",
			[]kind{{n: v(40, "%", claim.Exact), review: 1}, {n: v(1.5, "x", claim.Exact), metric: "speedup"}}},
		{"a share on a benchmark is a guessed accuracy", "The student scores 64.8% on ARC and 57.5% on HellaSwag.",
			[]kind{{n: v(64.8, "%", claim.Exact), metric: "accuracy", review: 1}, {n: v(57.5, "%", claim.Exact), metric: "accuracy", review: 1}}},
		{"a bit-width lowered to a level", "Mixed precision lowers the average bit-width to 2.7 bits.",
			[]kind{{n: v(2.7, "bits", claim.Exact), metric: "bit_width", better: "lower"}}},
		{"the level of a named rate", "The drafter reaches a token acceptance rate of 0.71 on chat prompts.",
			[]kind{{n: v(0.71, "", claim.Exact), metric: "acceptance_rate", better: "higher", review: 1}}},
		{"a resource used alongside a result", "The kernel reaches a 1.7x speedup while using only 48 KB of on-chip memory.",
			[]kind{{n: v(1.7, "x", claim.Exact), metric: "speedup", review: -1}, {n: v(48, "KB", claim.Exact), review: 1}}},

		// Round-8 kinds (docs/importer-labels.md).
		{"a ratio an HTML page writes three times", "Our sampler is faster by at least 3×3\\times3 × on every GPU we tried.",
			[]kind{{n: v(3, "x", claim.AtLeast)}}},
		{"an HTML range with a named relation", "The engine gives a 2.1×2.1\\times2.1 ×similar-to\\sim2.8×2.8\\times2.8 × speedup on long prompts.",
			[]kind{{n: r(2.1, 2.8, "x"), metric: "speedup"}}},
		{"signed BD-rates", "Against the HEVC anchor our codec saves bits, by -9.5% and -11.2% in BD-rate on the two test sets.",
			[]kind{{n: v(-9.5, "%", claim.Exact), metric: "bd_rate", better: "lower"}, {n: v(-11.2, "%", claim.Exact), metric: "bd_rate", better: "lower"}}},
		{"a sign that repeats the verb's direction", "Pruning shrinks the KV cache by -38% at equal quality.",
			[]kind{{n: v(38, "%", claim.Exact), metric: "kv_cache_reduction|cache_reduction", better: "higher"}}},
		{"a dash between clauses is no sign", "The cache shrinks - 40% smaller on every model.",
			[]kind{{n: v(40, "%", claim.Exact)}}},
		{"a score compared with the baseline's", "On segmentation the student reaches 47.3 versus 46.1 mIoU of its teacher.",
			[]kind{{n: v(47.3, "", claim.Exact), metric: "miou", review: 1}}},
		{"the baseline's figure after vs.", "Our 3-bit model keeps 71.5% accuracy (vs. 74.0% for the full model).",
			[]kind{{n: v(71.5, "%", claim.Exact), metric: "accuracy"}}},
		{"a new level with the old one in a parenthesis", "Tuning raises the judge score of the small model to 0.812 (from 0.774).",
			[]kind{{n: v(0.812, "", claim.Exact), metric: "score", better: "higher", review: 1}}},
		{"a duration in words is a time taken", "The whole calibration finishes in under two hours on one card.",
			[]kind{{n: v(2, "h", claim.AtMost), metric: "time", better: "lower", review: 1}}},
		{"a duration in words as an adjective", "It needs only a single-hour calibration instead of days of training.",
			[]kind{{n: v(1, "h", claim.Exact), metric: "time", better: "lower", review: 1}}},
		{"a duration in words that is a size", "We train on one hour of speech per language.", nil},
		{"one epoch is a budget", "The adapter converges in only 1 epoch of tuning.",
			[]kind{{n: v(1, "count", claim.Exact), metric: "epochs", better: "lower", review: 1}}},
		{"a signed change in a parenthesis", "The retriever lifts recall at ten (+6.4) and answer faithfulness (+3.9).",
			[]kind{{n: v(6.4, "", claim.Exact), metric: "recall_gain", better: "higher", review: 1}, {n: v(3.9, "", claim.Exact), metric: "answer_faithfulness_gain", better: "higher", review: 1}}},
		{"a gain in percentage points written %p", "The pruned network keeps 79.1% top-1 accuracy (+0.8%p).",
			[]kind{{n: v(79.1, "%", claim.Exact), metric: "accuracy"}, {n: v(0.8, "pp", claim.Exact), metric: "accuracy_gain", better: "higher"}}},
		{"a share in an aside of the opening phrase", "For the embedding tables (about 70% of the parameters), we learn a shared codebook that saves 5.2x memory.",
			[]kind{{n: v(5.2, "x", claim.Exact)}}},
		{"faster names the measure after it", "The scheduler gives 1.9x faster time-per-output-token (TPOT) under load.",
			[]kind{{n: v(1.9, "x", claim.Exact), metric: "tpot_speedup", better: "higher"}}},
		{"a change word before ratio is a ratio", "The merger reaches a 3x patch reduction ratio over earlier mergers.",
			[]kind{{n: v(3, "x", claim.Exact), metric: "patch_reduction_ratio"}}},
		{"a speedup ratio up to a value is a result", "Our drafter attains an acceleration ratio up to 4.2x on code.",
			[]kind{{n: v(4.2, "x", claim.UpTo), metric: "speedup"}}},
		{"ratios named by the sentence and a qualifier after them", "Against FP16 the kernels give speedups of 2.5x per layer and 1.8x end-to-end.",
			[]kind{{n: v(2.5, "x", claim.Exact), metric: "speedup"}, {n: v(1.8, "x", claim.Exact), metric: "end_to_end_speedup", review: 1}}},
		{"a ratio after a verb of acceleration", "The method accelerates popular detectors, such as DETR and its variants, by nearly 3x.",
			[]kind{{n: v(3, "x", claim.About), metric: "speedup", review: 1}}},
		{"a verb of change and its object with no by", "The router cuts cache traffic more than 35% on long inputs.",
			[]kind{{n: v(35, "%", claim.AtLeast), metric: "cache_traffic_reduction", better: "higher"}}},
		{"shares of a measure kept after a colon", "The compact model keeps much of the large model's quality: 88% on news and 93% on dialogue.",
			[]kind{{n: v(88, "%", claim.Exact), metric: "quality_retained", better: "higher", review: 1}, {n: v(93, "%", claim.Exact), metric: "quality_retained", review: 1}}},
		{"a pair of numbers named by a pair of words", "It runs with prefill/decode throughput of 910/64 tokens/s on one GPU.",
			[]kind{{n: v(910, "tokens/s", claim.Exact), metric: "prefill_throughput"}, {n: v(64, "tokens/s", claim.Exact), metric: "decode_throughput"}}},
		{"a rate per second named with its unit", "Serving improves by 1.4x in the images decoded per second.",
			[]kind{{n: v(1.4, "x", claim.Exact), metric: "images_decoded_per_second"}}},
		{"a loss of a score named after the number", "Our 2-bit model ends with a drop of just 0.4 C4 perplexity against FP16.",
			[]kind{{n: v(0.4, "", claim.AtMost), metric: "perplexity_drop|perplexity_loss", better: "lower", review: 1}}},
	}
	for _, tt := range tests {
		cs := Extract(tt.in)
		var gotc []Claim
		for _, c := range cs {
			if c.Value != nil || c.Min != nil {
				gotc = append(gotc, c)
			}
			if !strings.Contains(tt.in, c.Quote) {
				t.Errorf("%s: quote %q is not in the input", tt.name, c.Quote)
			}
		}
		if len(gotc) != len(tt.want) {
			var gs []string
			for _, c := range gotc {
				gs = append(gs, got(c).String()+" "+c.Metric)
			}
			t.Errorf("%s: Extract(%q) = %d claims %v; want %d", tt.name, tt.in, len(gotc), gs, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			c := gotc[i]
			if !close(got(c), w.n) {
				t.Errorf("%s: claim %d = %v; want %v", tt.name, i, got(c), w.n)
			}
			if w.metric != "" && !metricNames(w.metric, c.Metric) {
				t.Errorf("%s: claim %d metric = %q; want %q", tt.name, i, c.Metric, w.metric)
			}
			if w.better != "" && c.Better != w.better {
				t.Errorf("%s: claim %d better = %q; want %q", tt.name, i, c.Better, w.better)
			}
			if w.review == 1 && c.Review == "" || w.review == -1 && c.Review != "" {
				t.Errorf("%s: claim %d review = %q; want review %v", tt.name, i, c.Review, w.review == 1)
			}
		}
	}
}

// TestQuoteTakesTheWrapperAlong checks that a quote never closes a LaTeX
// wrapper it did not open: "$\mathbf{2.35\times \sim 3.47\times}$" is
// quoted whole.
func TestQuoteTakesTheWrapperAlong(t *testing.T) {
	in := "We obtain $\\mathbf{2.35\\times \\sim 3.47\\times}$ end-to-end speedup."
	cs := Extract(in)
	if len(cs) != 1 {
		t.Fatalf("Extract(%q) = %d claims; want 1", in, len(cs))
	}
	if q := cs[0].Quote; !strings.Contains(q, "$\\mathbf{2.35") || strings.Count(q, "{") != strings.Count(q, "}") {
		t.Errorf("Extract(%q) quote = %q; want the whole $\\mathbf{...}$", in, q)
	}
}
