package audit

import (
	"net/url"
	"path"
	"regexp"
	"strings"
)

// weightExts are the extensions of model weight files.
var weightExts = map[string]bool{
	".pth": true, ".pt": true, ".ckpt": true, ".safetensors": true, ".bin": true, ".h5": true, ".hdf5": true,
	".onnx": true, ".tflite": true, ".caffemodel": true, ".pdparams": true, ".gguf": true, ".keras": true, ".mlmodel": true,
}

// dataDirs hold data, fixtures or calibration sets, whose .pt and .bin
// files are not model weights.
var dataDirs = map[string]bool{
	"data": true, "dataset": true, "datasets": true, "test": true, "tests": true, "testdata": true, "fixtures": true, "calibration": true,
}

// weightsRank ranks rel as a model weights file (1) or not (0).
func weightsRank(rel string) int {
	if !weightExts[strings.ToLower(path.Ext(rel))] {
		return 0
	}
	for _, p := range strings.Split(path.Dir(rel), "/") {
		if dataDirs[strings.ToLower(p)] {
			return 0
		}
	}
	return 1
}

// downloadScriptRe names a script that fetches models:
// download_pretrained_models.sh, get_weights.py, download_ckpt.sh.
var downloadScriptRe = regexp.MustCompile(`(?i)^(download|get|fetch)[-_]?\w*(model|weight|ckpt|checkpoint|pretrain)\w*\.(sh|py)$`)

// downloadRank ranks rel as a script that downloads the authors' models
// (1) or not (0). One inside evaluation tooling fetches the evaluators'
// models, not the paper's.
func downloadRank(rel string) int {
	if !downloadScriptRe.MatchString(path.Base(rel)) {
		return 0
	}
	for _, w := range dirWords(rel) {
		if evalDirWords[w] || isEvalWord(w) {
			return 0
		}
	}
	return 1
}

var (
	urlRe = regexp.MustCompile(`https?://[^\s<>"'` + "`" + `)\]|]+`)
	// modelCtxRe is what a line (or its table header or heading) says when
	// it links the authors' models rather than a dataset or a paper.
	modelCtxRe = regexp.MustCompile(`(?i)checkpoint|\bckpts?\b|\bweights?\b|pre-?trained|model zoo|trained models?|our models?|model parameters|released models?|download (the )?models?|models? download`)
	// hfIDRe is a Hugging Face model id passed in README code.
	hfIDRe   = regexp.MustCompile(`\b(?:model_name|model_name_or_path|model_id|repo_id|from_pretrained\()\s*=?\s*["']([\w.-]+/[\w.-]+)["']`)
	imageExt = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".svg": true, ".webp": true, ".pdf": true, ".mp4": true}
)

// pretrained finds pre-trained models: a README link to weights, a Hugging
// Face model the README loads, a script that downloads models, or weights
// in the tree.
func (t *tree) pretrained(rd *doc) Item {
	if rd != nil {
		if ev := rd.weightsLink(); ev != "" {
			return Item{Found: true, Evidence: ev}
		}
		for i, l := range rd.lines {
			if m := hfIDRe.FindStringSubmatch(l.text); m != nil {
				return Item{Found: true, Evidence: rd.at(i) + " (huggingface.co/" + m[1] + ")"}
			}
		}
	}
	if p := t.best(downloadRank); p != "" {
		return Item{Found: true, Evidence: p}
	}
	if p := t.best(weightsRank); p != "" {
		return Item{Found: true, Evidence: p}
	}
	return Item{}
}

// weightsLink returns the first link in the README to model weights: a
// URL to a weights file, or a model host (Hugging Face, GitHub releases,
// Google Drive, Dropbox, Baidu, …) on a line whose wording, table header or
// heading speaks of checkpoints, weights or pre-trained models.
func (d *doc) weightsLink() string {
	for i, l := range d.lines {
		for _, raw := range urlRe.FindAllString(l.text, -1) {
			u, err := url.Parse(strings.TrimRight(raw, ".,;:!>"))
			if err != nil || u.Host == "" {
				continue
			}
			ext := strings.ToLower(path.Ext(u.Path))
			if imageExt[ext] {
				continue
			}
			if weightExts[ext] {
				return u.String()
			}
			if !modelHost(u) {
				continue
			}
			if modelCtxRe.MatchString(l.text) || modelCtxRe.MatchString(d.tableHeader(i)) || modelCtxRe.MatchString(d.sectionOf(i)) {
				return u.String()
			}
		}
	}
	return ""
}

// modelHost reports whether u is on a host where authors publish model
// weights, and points at something that can hold them.
func modelHost(u *url.URL) bool {
	h := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	p := strings.Trim(u.Path, "/")
	switch {
	case h == "huggingface.co" || h == "hf.co":
		first, _, _ := strings.Cut(p, "/")
		switch first {
		case "datasets", "spaces", "docs", "papers", "blog", "join", "login", "settings", "learn", "":
			return false
		}
		return strings.Contains(p, "/")
	case h == "github.com":
		return strings.Contains(p, "/releases")
	case h == "drive.google.com" || h == "docs.google.com" && strings.HasPrefix(p, "uc"):
		return true
	case strings.HasSuffix(h, "dropbox.com"), h == "pan.baidu.com", h == "onedrive.live.com", h == "1drv.ms",
		strings.HasSuffix(h, "sharepoint.com"), h == "zenodo.org", h == "figshare.com", strings.HasSuffix(h, "modelscope.cn"),
		h == "box.com" || strings.HasSuffix(h, ".box.com"):
		return true
	}
	return false
}
