// Package importer turns paper abstracts into spec skeletons: it is the
// engine of `repro import FILE|-`, the step before the pipeline
// spec -> fetch -> audit -> run -> measure -> verdict -> record -> report.
//
// Parse reads a daily-papers listing (or one plain abstract) into Papers;
// ID derives a short file-name-safe id from a title; Repository finds the
// code and project links an abstract gives; Extract finds the candidate
// claims, number by number; Skeleton writes the YAML a maintainer then
// reviews. Everything here is a heuristic over untrusted text: it never
// panics, every Quote is a verbatim substring of the abstract, and a claim
// the rules are unsure of carries a Review note rather than being guessed
// silently.
//
// What Extract deliberately does not take as a claim (the rules are
// general, not tuned to any listing):
//
//   - numbers without a unit: years ("ECCV 2024"), counts of methods,
//     datasets or tasks ("14 representative methods", "9 datasets"),
//     data sizes ("2 billion samples", "100K images", "1k tokens");
//     the exception is a bounded count ("supports over 20 algorithms"),
//     taken with unit count and a review note, because "over N" is a boast;
//   - numbers inside names: LLaMA-7B, ResNet-50, GPT2, top-1, nDCG@10,
//     3D, x2013, v1.5, and enumerations such as "(1)" or "2)";
//   - settings rather than results: bit-widths ("4-bit", "3-4 bits per
//     parameter", "16-bit baselines"), hyphenated adjectives ("3-way
//     kernels", "1-byte indices"), hardware ("a single 24 GB GPU"),
//     operating points ("with a 2x compression rate", "the 8x compressed
//     model", a parenthetical that starts with "with");
//   - numbers about prior work: a sentence whose subject is previous,
//     existing, alternative or other methods ("several works have shown
//     50-60% sparsity", "whereas alternative methods require 100MB").
//
// Some readings are conventions, and come with a review note: "halves" and
// "doubles" are 2x (bound about), "an order of magnitude" is 10x, "one to
// two orders of magnitude" the range 10x-100x, "half of" is 50%,
// "sub-millisecond" is at most 1 ms, "100:1" is 100x. In "from 16 GB to
// 4 GB" the claim is the 4 GB ("from 2x to 5x" is a range of ratios). A
// value "at 50% sparsity" is kept but flagged as a probable operating point.
// A placing ("won the 1st place award") is taken as a claim with unit rank,
// bound exact and better lower, since a leaderboard position is checkable.
package importer
