// Package audit inspects a checked-out repository without running it: the
// ML Code Completeness Checklist, the licence, submodules, LFS pointers,
// large files, and which claimed numbers the README states.
//
// It is the "audit" step of the pipeline, between fetch and run, and it
// reads only the materialised tree, so it works for every paper with code.
//
// Tree decides mostly by file names (train*.py, eval*.py, requirements.txt,
// *.pth) and reads little: the top-level README (up to 1 MiB), the licence
// files, .gitmodules, the first bytes of files small enough to be LFS
// pointers, and, only when names decide nothing, a bounded number of source
// files. Code in vendored folders (third_party/, vendor/, node_modules/ …,
// or a folder with its own licence inside a project with code of its own)
// is never evidence. Every item found carries its evidence: a path, a
// path:line, or the README's link.
package audit
