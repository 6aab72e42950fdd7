package audit

import (
	"path"
	"strings"
	"unicode"
)

// codeExts are the extensions of files that hold runnable code: the
// training and evaluation items look only at these, so data files such as
// data/test/x.csv or train_chunk.jsonl never count.
var codeExts = map[string]bool{
	".py": true, ".ipynb": true, ".sh": true, ".bash": true, ".zsh": true, ".slurm": true, ".sbatch": true,
	".jl": true, ".lua": true, ".m": true, ".r": true, ".c": true, ".cc": true, ".cpp": true, ".cxx": true,
	".cu": true, ".rs": true, ".go": true, ".java": true, ".scala": true, ".kt": true, ".js": true, ".ts": true,
	".swift": true, ".pl": true, ".ps1": true,
}

// isCode reports whether rel names a source file.
func isCode(rel string) bool {
	return codeExts[strings.ToLower(path.Ext(rel))]
}

// words splits a file or folder name into lower-case alphabetic words,
// breaking at punctuation, digits and camelCase humps: "8_train_orpo"
// gives [train orpo], "mainTrain" gives [main train].
func words(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case unicode.IsLower(r):
			cur = append(cur, r)
		case unicode.IsUpper(r):
			// A hump starts a word unless it continues an acronym.
			if len(cur) > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// stem is a file name without its extension.
func stem(rel string) string {
	b := path.Base(rel)
	return strings.TrimSuffix(b, path.Ext(b))
}

// dirWords returns the words of every folder above rel.
func dirWords(rel string) []string {
	var out []string
	d := path.Dir(rel)
	if d == "." {
		return nil
	}
	for _, p := range strings.Split(d, "/") {
		out = append(out, words(p)...)
	}
	return out
}

var (
	trainWords  = map[string]bool{"train": true, "training": true, "trainer": true, "trainers": true, "finetune": true, "finetuning": true, "pretrain": true, "pretraining": true}
	notTrain    = map[string]bool{"strain": true, "constrain": true, "restrain": true}
	helperWords = map[string]bool{"util": true, "utils": true, "helper": true, "helpers": true, "test": true, "tests": true, "data": true, "dataset": true, "datasets": true, "loader": true, "config": true, "configs": true, "args": true, "arguments": true, "init": true}
	evalWords   = map[string]bool{
		"eval": true, "evals": true, "evaluate": true, "evaluation": true, "evaluations": true, "evaluator": true, "evaluating": true,
		"test": true, "tests": true, "testing": true, "runtests": true, "unittest": true, "unittests": true,
		"benchmark": true, "benchmarks": true, "benchmarking": true, "bench": true,
		"inference": true, "infer": true, "validate": true, "validation": true, "validator": true, "val": true,
		"predict": true, "prediction": true, "metric": true, "metrics": true, "experiment": true, "experiments": true,
	}
	evalDirWords = map[string]bool{"eval": true, "evals": true, "evaluation": true, "evaluate": true, "test": true, "tests": true, "benchmark": true, "benchmarks": true, "experiments": true, "validate": true}
	notEval      = map[string]bool{"retrieval": true, "interval": true, "medieval": true}
)

// isTrainWord reports whether w is a training word, also when glued to
// another ("maintrain") but not inside an unrelated one ("constrain").
func isTrainWord(w string) bool {
	return trainWords[w] || strings.HasSuffix(w, "train") && !notTrain[w]
}

// isEvalWord reports whether w is an evaluation word, also when glued to
// another ("lmeval") but not inside an unrelated one ("retrieval").
func isEvalWord(w string) bool {
	return evalWords[w] || strings.HasSuffix(w, "eval") && !notEval[w]
}

// trainingRank ranks rel as training code: 1 a file named for training
// (train.py, main_train.py, 8_train_orpo.py, finetune.sh), 2 code in a
// training folder (llava/train/x.py), 0 not training code.
func trainingRank(rel string) int {
	if !isCode(rel) {
		return 0
	}
	ws := words(stem(rel))
	var train, helper bool
	for _, w := range ws {
		train = train || isTrainWord(w)
		helper = helper || helperWords[w]
	}
	switch {
	case train && !helper && example(ws):
		return 3
	case train && !helper:
		return 1
	case !helper && len(ws) > 0:
		for _, w := range dirWords(rel) {
			if isTrainWord(w) {
				return 2
			}
		}
	}
	return 0
}

// example reports whether a name's words mark it as an example or demo,
// weaker evidence than a script of the paper's own.
func example(ws []string) bool {
	for _, w := range ws {
		switch w {
		case "example", "examples", "demo", "toy", "sample":
			return true
		}
	}
	return false
}

// evaluationRank ranks rel as evaluation code: 1 a file named for
// evaluation (eval.py, test_x.py, benchmark.py, inference.py, lmeval.py),
// 2 code in an evaluation folder (tests/, evaluation/ws/ws.py), 0 not.
func evaluationRank(rel string) int {
	if !isCode(rel) {
		return 0
	}
	for _, w := range words(stem(rel)) {
		if isEvalWord(w) {
			return 1
		}
	}
	if s := stem(rel); s == "__init__" || s == "conftest" {
		return 0
	}
	for _, w := range dirWords(rel) {
		if evalDirWords[w] {
			return 2
		}
	}
	return 0
}
