package importer

import (
	"strings"
	"testing"

	"github.com/repro-harness/repro/harness/spec"
)

func TestID(t *testing.T) {
	tests := []struct {
		title string
		taken []string
		want  string
	}{
		{"SpQR: A Sparse-Quantized Representation for Near-Lossless LLM Weight Compression", nil, "spqr"},
		{"LLMLingua-2: Data Distillation for Efficient and Faithful Task-Agnostic Prompt Compression", nil, "llmlingua-2"},
		{"Squeeze3D: Your 3D Generation Model is Secretly an Extreme Neural Compressor", nil, "squeeze3d"},
		{"Deep Interest Network for Click-Through Rate Prediction", nil, "deep-interest-network"},
		{"LLMC+: Benchmarking Vision-Language Model Compression with a Plug-and-play Toolkit", nil, "llmc-plus"},
		{"Compress, Then Prompt: Improving Accuracy-Efficiency Trade-off", nil, "compress-then-prompt"},
		{"The Sparse Frontier: Sparse Attention Trade-offs in Transformer LLMs", nil, "sparse-frontier"},
		{"Class-dependent Compression of Deep Neural Networks", nil, "class-dependent-compression"},
		{"Word and Document Embeddings based on Neural Network Approaches", nil, "word-document-embeddings"},
		{"Learning Low-Rank Representations for Model Compression", nil, "learning-low-rank-representations"},
		{"Hierarchical Patch Compression for ColPali: Efficient Multi-Vector Document Retrieval", nil, "hierarchical-patch-compression"},
		{"LR^2VQ: Low-Rank Vector Quantization", nil, "lr2vq"},
		{"Naïve Bayes Revisited", nil, "naive-bayes-revisited"},
		{"SpQR: again", []string{"spqr"}, "spqr-2"},
		{"SpQR: again", []string{"spqr", "spqr-2"}, "spqr-3"},
		{"", nil, "paper"},
		{"!!! ???", []string{"paper"}, "paper-2"},
		{"日本語のタイトル", nil, "paper"},
		{strings.Repeat("Supercalifragilistic", 10), nil, "supercalifragilisticsupercalifragilistics"[:40]},
	}
	for _, tt := range tests {
		taken := map[string]bool{}
		for _, id := range tt.taken {
			taken[id] = true
		}
		if got := ID(tt.title, taken); got != tt.want {
			t.Errorf("ID(%q, %v) = %q; want %q", tt.title, tt.taken, got, tt.want)
		}
	}
}

func TestIDLongSuffix(t *testing.T) {
	title := strings.Repeat("abcdefghij", 10)
	taken := map[string]bool{}
	for i := 0; i < 12; i++ {
		id := ID(title, taken)
		if taken[id] || !spec.ValidID(id) {
			t.Fatalf("ID(%q, %d taken) = %q; want a new valid id", title, len(taken), id)
		}
		taken[id] = true
	}
}
