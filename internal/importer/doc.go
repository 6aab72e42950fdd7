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
//     the exception is a bounded count after a verb of capacity ("supports
//     over 20 algorithms"), taken with unit count and a review note; after
//     anything else "over N things" is the scope of a study or a data set
//     ("over 280,000 posts", "benchmarked over 30 LLMs");
//   - numbers inside names: LLaMA-7B, ResNet-50, GPT2, top-1, nDCG@10,
//     3D, x2013, v1.5, and enumerations such as "(1)" or "2)";
//   - settings rather than results: bit-widths ("4-bit", "3-4 bits per
//     parameter", "16-bit baselines"), hyphenated adjectives ("3-way
//     kernels", "1-byte indices"), hardware ("a single 24 GB GPU"),
//     operating points ("with a 2x compression rate", "the 8x compressed
//     model", a parenthetical that starts with "with");
//   - numbers about prior work: a sentence whose subject is previous,
//     existing, alternative or other methods ("several works have shown
//     50-60% sparsity", "whereas alternative methods require 100MB");
//   - background, by where a number sits in the abstract's argument
//     (discourse.go): a sentence before the paper says what it proposes
//     that has no word of the paper's own or of its results, a concessive
//     clause about others ("While NF4 enables 4x memory reduction, ...";
//     kept with a review note when it has only words of a result), an open
//     comparison phrase ("Compared with X's 9.8 perplexity, ..."), what is
//     known of others ("X is known to lose 5%"), a share of a cost stated of
//     the problem ("attention accounts for 55% of decoding time"), a
//     property exploited ("by leveraging the 12x latency advantage of"),
//     and conditions that open a sentence ("With only 25% of the tokens,
//     ...", "When evicting 80% of the keys, ...").
//
// Phrasings it reads (docs/importer-labels.md says how claims are labelled
// to measure it): a times sign glued to a word or rendered twice
// ("3.5×faster", "2.67×\times"), LaTeX ranges and decorations
// ("$\mathbf{2.35\times \sim 3.47\times}$"), an uncertainty after "\pm"
// (dropped), "ranging from 0.9% to 23.4%" (a range; "from 139 to 215" is
// a change to 215), lists that share a unit ("6 and 8 ms"), magnitudes
// before a unit ("4 million tokens/s", "380K tokens/s"), "only" before a
// loss, drop or gap (at-most), "respectively" lists named from the list of
// metrics before them, and the words after the last member of a list naming
// every member. "even when pruning 90% of the tokens" and "(with 251%
// acceleration)" are operating conditions, and so are the settings listed after a count ("three sparsity rates (25%,
// 37.5%, and 50%)"), "for similar latency (within 5.2%)" and "while
// removing 50% of the parameters"; "doubles the required compute" is a
// problem, not a result; "the state-of-the-art, X, achieves" is prior work; "(e.g. 75%)" after a setting is kept with a review note. "reduces X to N" names X (lower is better),
// "cuts X by N" an X reduction, "losing N EM" an EM loss. A number an
// arXiv HTML page writes twice ("1.66×1.66\times", "34.6%34.6\%", the range
// "2.02.02.5×2.5\times") is read once; "$0.228" is a price (metric cost);
// "20 lower TTFT than vLLM" is a ratio whose x was lost; a bare change is
// named from the measured noun after "in" ("92% in the DSP utilization"),
// the subject of the verb ("inference speeds are observed to improve by")
// or the reference ("accuracy within 2-5% of full-precision baselines" is
// an accuracy gap); "1.78x on RTX 3090" after "1.66x end-to-end speedup on
// L40S" repeats the speedup.
//
// Some readings are conventions, and come with a review note: "halves" and
// "doubles" are 2x (bound about), "an order of magnitude" is 10x, "one to
// two orders of magnitude" the range 10x-100x, "half of" is 50%,
// "sub-millisecond" is at most 1 ms, "100:1" is 100x; a bare number before
// "speedup" or "compression", or after "improves X by", is a ratio whose "x"
// the listing lost; a change in a score without a unit ("a 0.05 decline in
// CLIP score") is kept; a bit-width that is the result ("an average bit
// length of 1.007 bits") is kept. In "from 16 GB to
// 4 GB" the claim is the 4 GB ("from 2x to 5x" is a range of ratios). A
// value "at 50% sparsity" is kept but flagged as a probable operating point.
// A placing ("won the 1st place award") is taken as a claim with unit rank,
// bound exact and better lower, since a leaderboard position is checkable.
//
// A number no rule can name takes the measure nearest to it in its clause
// from a vocabulary of measures (measures.txt, vocabulary.go) learned from
// the labelled development abstracts, and says so in its review note.
package importer
