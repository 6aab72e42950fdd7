package audit

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// writeTree makes a fixture tree from path -> content.
func writeTree(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// checklistCase is one fixture tree and what one checklist item must say
// about it.
type checklistCase struct {
	name     string
	files    map[string]string
	want     bool
	evidence string // checked when non-empty
}

func runChecklist(t *testing.T, item string, cases []checklistCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Tree(writeTree(t, tc.files), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := r.Checklist[item]
			if got.Found != tc.want || tc.evidence != "" && got.Evidence != tc.evidence {
				t.Errorf("Tree(%v).Checklist[%s] = %+v; want found=%v evidence=%q", tc.name, item, got, tc.want, tc.evidence)
			}
			if got.Found && got.Evidence == "" {
				t.Errorf("Tree(%v).Checklist[%s] = %+v; want evidence", tc.name, item, got)
			}
		})
	}
}

func TestDependencies(t *testing.T) {
	runChecklist(t, Dependencies, []checklistCase{
		{"requirements.txt", map[string]string{"requirements.txt": "torch\n", "x.py": ""}, true, "requirements.txt"},
		{"requirement.txt", map[string]string{"requirement.txt": "torch\n"}, true, "requirement.txt"},
		{"requirements folder", map[string]string{"requirements/runtime.txt": "torch\n"}, true, "requirements/runtime.txt"},
		{"environment.yml", map[string]string{"environment.yml": "name: x\n"}, true, "environment.yml"},
		{"conda yaml", map[string]string{"conda_env.yaml": "name: x\n"}, true, "conda_env.yaml"},
		{"setup.py", map[string]string{"setup.py": ""}, true, "setup.py"},
		{"setup.cfg", map[string]string{"setup.cfg": ""}, true, "setup.cfg"},
		{"pyproject.toml", map[string]string{"pyproject.toml": ""}, true, "pyproject.toml"},
		{"Pipfile", map[string]string{"Pipfile": ""}, true, "Pipfile"},
		{"Dockerfile", map[string]string{"docker/Dockerfile_dinov2": ""}, true, "docker/Dockerfile_dinov2"},
		{"Project.toml", map[string]string{"Project.toml": ""}, true, "Project.toml"},
		{"Cargo.toml", map[string]string{"Cargo.toml": ""}, true, "Cargo.toml"},
		{"go.mod", map[string]string{"go.mod": ""}, true, "go.mod"},
		{"package.json", map[string]string{"package.json": ""}, true, "package.json"},
		{"requirements before Dockerfile", map[string]string{"Dockerfile": "", "requirements.txt": ""}, true, "requirements.txt"},
		{"README pip install", map[string]string{"README.md": "# X\n\n```\npip install -r deps.txt\n```\n"}, true, "README.md:4"},
		{"README conda", map[string]string{"README.md": "# X\nRun `conda env create -f env.yaml`.\n"}, true, "README.md:2"},
		{"README requirements list", map[string]string{"README.md": "# X\n\n## Requirements\n* Python >= 2.6.1\n* TensorFlow >= 1.4.0\n"}, true, "README.md:4"},
		{"README environment list", map[string]string{"README.md": "# X\n## Environment Requirement\n+ python == 3.6.13\n+ pytorch == 1.10.2\n"}, true, "README.md:3"},
		{"README lists libraries without versions", map[string]string{"README.md": "# X\n## Models\n- **Model**: ViT 2\n- We use the Pillow library.\n"}, false, ""},
		{"conda recipe", map[string]string{"conda/meta.yaml": ""}, true, "conda/meta.yaml"},
		{"not a dependency file", map[string]string{"requirements.md": "", "data/meta.yaml": "", "docs/requirements.txt": ""}, false, ""},
		{"vendored only", map[string]string{"third_party/foo/setup.py": "", "main.py": ""}, false, ""},
		{"nothing", map[string]string{"main.py": "import torch\n", "README.md": "# X\nPaper: https://arxiv.org/abs/1\n"}, false, ""},
	})
}

func TestTraining(t *testing.T) {
	runChecklist(t, Training, []checklistCase{
		{"train.py", map[string]string{"train.py": ""}, true, "train.py"},
		{"suffix", map[string]string{"src/model_train.py": ""}, true, "src/model_train.py"},
		{"numbered", map[string]string{"codes/8_train_orpo.py": ""}, true, "codes/8_train_orpo.py"},
		{"main_train", map[string]string{"main_train.py": ""}, true, "main_train.py"},
		{"camelCase", map[string]string{"mainTrain.py": ""}, true, "mainTrain.py"},
		{"script", map[string]string{"scripts/train_imagenet.sh": ""}, true, "scripts/train_imagenet.sh"},
		{"finetune", map[string]string{"finetune.py": ""}, true, "finetune.py"},
		{"notebook", map[string]string{"train_rgb.ipynb": "{}"}, true, "train_rgb.ipynb"},
		{"training folder", map[string]string{"llava/train/llava_trainer.py": "", "llava/train/__init__.py": ""}, true, ""},
		{"shallowest first", map[string]string{"a/b/train.py": "", "train.py": ""}, true, "train.py"},
		{"README command", map[string]string{
			"README.md":  "# X\n\n## Training\n```\ncd src\npython run.py --config c.yaml\n```\n",
			"src/run.py": "",
		}, true, "src/run.py"},
		{"optimiser in code", map[string]string{"CS_IB_Housing.py": "for x in data:\n    loss.backward()\n    optimizer.step()\n"}, true, "CS_IB_Housing.py"},
		{"train function in C", map[string]string{"embedding/word2vec.c": "void TrainModel() {\n}\n"}, true, "embedding/word2vec.c"},
		{"example comes last", map[string]string{"sparsegpt/training_example.py": "", "soft_prompt.py": "optimizer.step()\n"}, true, "soft_prompt.py"},
		{"vendored third_party", map[string]string{"third_party/foo/train.py": "", "model.py": ""}, false, ""},
		{"vendored library word", map[string]string{"third_party/foo/lib.py": "def train(x):\n    optimizer.step()\n"}, false, ""},
		{"vendor and node_modules", map[string]string{"vendor/a/train.py": "", "node_modules/b/train.js": "", "external/c/train.sh": "", "env/lib/site-packages/d/train.py": ""}, false, ""},
		{"copy with own licence", map[string]string{"diffusers/LICENSE": "x", "diffusers/examples/train_vqgan.py": "", "model.py": ""}, false, ""},
		{"project in a licensed folder", map[string]string{"method/LICENSE": "x", "method/train.py": "", "README.md": "# x\n"}, true, "method/train.py"},
		{"helper module", map[string]string{"llmc/train_utils.py": "", "diffusers/training_utils.py": ""}, false, ""},
		{"train inside a word", map[string]string{"constraint.py": "", "strain.py": ""}, false, ""},
		{"data named train", map[string]string{"data/train.csv": "", "datasets/train_chunk.jsonl": ""}, false, ""},
		{"rendered docs", map[string]string{"docs/_sources/train.ipynb": ""}, false, ""},
		{"README names a script that is absent", map[string]string{"README.md": "# X\n## Training\n`python run.py`\n"}, false, ""},
		{"gradients without an optimiser", map[string]string{"prune.py": "loss.backward()\nlayer.zero_grad()\n"}, false, ""},
	})
}

func TestEvaluation(t *testing.T) {
	runChecklist(t, Evaluation, []checklistCase{
		{"eval.py", map[string]string{"eval.py": ""}, true, "eval.py"},
		{"evaluate_x", map[string]string{"evaluate_llama.py": ""}, true, "evaluate_llama.py"},
		{"glued", map[string]string{"lmeval.py": ""}, true, "lmeval.py"},
		{"test.py", map[string]string{"test.py": ""}, true, "test.py"},
		{"tests folder", map[string]string{"tests/test_model.py": ""}, true, "tests/test_model.py"},
		{"julia tests", map[string]string{"test/runtests.jl": ""}, true, "test/runtests.jl"},
		{"benchmark", map[string]string{"src/benchmark.py": ""}, true, "src/benchmark.py"},
		{"inference", map[string]string{"inference.py": ""}, true, "inference.py"},
		{"validate", map[string]string{"validate.py": ""}, true, "validate.py"},
		{"evaluation folder", map[string]string{"evaluation/ws/ws.py": ""}, true, "evaluation/ws/ws.py"},
		{"experiments", map[string]string{"scripts/run_experiments.py": ""}, true, "scripts/run_experiments.py"},
		{"README command", map[string]string{
			"README.md": "# X\n* Step 3: start training and evaluating.\n```\npython main.py\n```\n",
			"main.py":   "",
		}, true, "main.py"},
		{"metric in code", map[string]string{"housing.py": "print('test_rmse', test_rmse)\n"}, true, "housing.py"},
		{"retrieval is not eval", map[string]string{"retrieval.py": "", "interval.py": ""}, false, ""},
		{"vendored", map[string]string{"third_party/x/eval.py": "", "third_party/x/test.py": "accuracy = 1\n"}, false, ""},
		{"test data", map[string]string{"data/test/anatomy_test.csv": "", "data/ffhqvalidation.txt": ""}, false, ""},
		{"argument is not context", map[string]string{
			"README.md": "# X\n* Start nn extraction with `python search.py -s validation`\n",
			"search.py": "",
		}, false, ""},
	})
}

func TestPretrained(t *testing.T) {
	runChecklist(t, Pretrained, []checklistCase{
		{"weights file", map[string]string{"weights/outdoor.ckpt": "x"}, true, "weights/outdoor.ckpt"},
		{"safetensors", map[string]string{"model.safetensors": "x"}, true, "model.safetensors"},
		{"drive link", map[string]string{"README.md": "# X\nDownload the pretrained models in [Google Drive](https://drive.google.com/drive/folders/abc).\n"}, true, "https://drive.google.com/drive/folders/abc"},
		{"release link under heading", map[string]string{"README.md": "# X\n## 0. Download Checkpoints\nGet them from [GitHub Release](https://github.com/o/r/releases/tag/v1).\n"}, true, "https://github.com/o/r/releases/tag/v1"},
		{"table with checkpoint column", map[string]string{"README.md": "| model | dim | pre-trained checkpoint |\n| --- | --- | --- |\n| S | 576 | [link](https://drive.google.com/file/d/x/view) |\n"}, true, "https://drive.google.com/file/d/x/view"},
		{"hugging face model", map[string]string{"README.md": "You can download the model parameters [here](https://huggingface.co/org/model-4bit).\n"}, true, "https://huggingface.co/org/model-4bit"},
		{"direct weights URL", map[string]string{"README.md": "```wget https://hf.co/o/r/resolve/main/RGB_16x.pth```\n"}, true, "https://hf.co/o/r/resolve/main/RGB_16x.pth"},
		{"baidu", map[string]string{"README.md": "Checkpoints: [Baidu](https://pan.baidu.com/s/15K)\n"}, true, "https://pan.baidu.com/s/15K"},
		{"model id in code", map[string]string{"README.md": "```python\nc = Compressor(model_name=\"org/compressor-large\")\n```\n"}, true, "README.md:2 (huggingface.co/org/compressor-large)"},
		{"download script", map[string]string{"scripts/download_pretrained_models.sh": ""}, true, "scripts/download_pretrained_models.sh"},
		{"dataset link", map[string]string{"README.md": "# X\nCompressed-NYU dataset: https://drive.google.com/file/d/1I/view\n"}, false, ""},
		{"third-party model named", map[string]string{"README.md": "### Image classification\n- **Model**: ViT ([`vit-base`](https://huggingface.co/google/vit-base-patch16-224))\n"}, false, ""},
		{"hugging face dataset", map[string]string{"README.md": "Models pretrained on [ImageNet](https://huggingface.co/datasets/imagenet-1k).\n"}, false, ""},
		{"software release", map[string]string{"README.md": "download CUB from https://github.com/NVIDIA/cub/releases/tag/1.12.1\n"}, false, ""},
		{"paper only", map[string]string{"README.md": "# X\n[Paper](https://arxiv.org/abs/2306.03078)\n"}, false, ""},
		{"calibration data", map[string]string{"data/red_pajama_n=1024.pth": "x"}, false, ""},
		{"evaluator's download script", map[string]string{"eval/gen/evaluation/download_models.sh": ""}, false, ""},
		{"vendored weights", map[string]string{"third_party/x/model.pth": "x"}, false, ""},
	})
}

func TestResults(t *testing.T) {
	runChecklist(t, Results, []checklistCase{
		{"metric table", map[string]string{"README.md": "# X\n\n| Model | GAUC|\n| ------ | ------ |\n|PNN|0.8679|\n| DIN |0.8711|\n"}, true, "README.md:3"},
		{"table with tabs and short separators", map[string]string{"README.md": "| No. \t| M \t| Avg.BPP \t|\n|:-:\t|:-:\t|:-:\t|\n| 2 \t| 2 \t| 0.1277 \t|\n"}, true, "README.md:1"},
		{"html table under results", map[string]string{"README.md": "# X\n## Results\n<table>\n<tr><th>Method</th><th>Score</th></tr>\n<tr><td>Ours</td><td>85.3</td></tr>\n</table>\n"}, true, "README.md:3"},
		{"results heading with numbers", map[string]string{"README.md": "# X\n## Results\nOur method reaches 85.3% top-1 at 0.21 bpp.\n"}, true, "README.md:3"},
		{"table introduced as results", map[string]string{"README.md": "Using this code we got the following results:\n\n| | Model | 7 Tasks |\n|---|---|---|\n| | ER | AA: 35.18 |\n"}, true, "README.md:3"},
		{"linked results page", map[string]string{
			"README.md":          "# X\n#### Released results\nSee [NOTES](./notebooks/NOTES.md#download) for details.\n",
			"notebooks/NOTES.md": "# Notes\n| Model | Accuracy |\n|---|---|\n| A | 68.9 |\n",
		}, true, "notebooks/NOTES.md:2"},
		{"paper link only", map[string]string{"README.md": "# Cauchy-Schwarz IB\n\nImplementation of the ICLR-24 paper\nhttps://openreview.net/forum?id=7wY67ZDQTE\n"}, false, ""},
		{"model size table", map[string]string{"README.md": "### Pre-trained Checkpoints\n| model | `dim` | `n_heads` | `depth` |\n| --- | --- | --- | --- |\n| **CRATE-MAE-S**(mall) | 576 | 12 | 12 |\n"}, false, ""},
		{"paper list table", map[string]string{"README.md": "| **Title & Authors** | **Areas** | **Links** |\n| --- | --- | :---: |\n| [Token Compression 2.0](https://arxiv.org/abs/2507.20198) | Image | [GitHub](https://x) |\n"}, false, ""},
		{"numbers only in code", map[string]string{"README.md": "## Results\n```\npython eval.py --lr 0.001 --wd 0.05\n```\n"}, false, ""},
		{"no README", map[string]string{"main.py": ""}, false, ""},
	})
}

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"8_train_orpo", []string{"train", "orpo"}},
		{"mainTrain", []string{"main", "train"}},
		{"CS_IB_Housing", []string{"cs", "ib", "housing"}},
		{"HTTPServer", []string{"http", "server"}},
		{"lmeval", []string{"lmeval"}},
	} {
		if got := words(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("words(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestScore(t *testing.T) {
	r, err := Tree(writeTree(t, map[string]string{
		"requirements.txt": "torch\n",
		"train.py":         "",
		"eval.py":          "",
		"README.md":        "# X\n| Method | Acc |\n|---|---|\n| ours | 91.2 |\n",
	}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Score != 4 {
		t.Errorf("Tree(4 items).Score = %d; want %d (%+v)", r.Score, 4, r.Checklist)
	}
	if len(r.Checklist) != len(Items) {
		t.Errorf("Tree().Checklist has %d items; want %d", len(r.Checklist), len(Items))
	}
}
