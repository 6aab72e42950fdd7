// Package artifact fetches the data sets and model weights a paper's steps
// read (spec reproduce.artifacts) into a content-addressed cache: once,
// verified against their size and SHA-256, resumable, mirrorable and usable
// offline. In the pipeline it sits between fetching the code and running
// the steps: spec -> fetch (gitrepo, artifact) -> audit -> run -> measure.
//
// The cache folder holds
//
//	sha256/<hex>/<name>   a verified file, named as in its URL
//	unpacked/<hex>/       an archive's content, complete when
//	unpacked/<hex>.complete exists
//	urls/<sha256(url)>    the hash first seen at an unpinned URL (review:)
//	tmp/                  downloads in progress (resumed with HTTP Range)
//	locks/                one flock per artifact, so processes download once
//
// Nothing enters sha256/ or unpacked/ except by rename after verification,
// so a killed process never leaves a half entry behind.
package artifact
