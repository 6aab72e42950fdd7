// Command repro checks research papers' quantitative claims against their
// code: it fetches each paper's repository (go-git, pinned commit), audits
// it, runs the declared reproduction steps where the machine allows,
// measures every claim and records a verdict with its evidence.
//
// Usage:
//
//	repro check [flags] PAPER…|--all   fetch, audit, run, measure; write results/<paper>/<time>.json
//	repro fetch [flags] PAPER…|--all   fetch code and artifacts into the caches ahead of a check
//	repro pin PAPER…|--all             write what fetch and check found into specs (artifacts' sha256 and size, images' digests)
//	repro validate [PATH|PAPER…]       report every spec problem as file:line:col: message
//	repro schema                       print the JSON Schema of the spec format
//	repro list [--format json]         one line per paper: its latest status
//	repro show PAPER                   the latest record of one paper, readable (--format json: as stored)
//	repro history PAPER [--format json] a paper's records over time
//	repro report [--format F] [-o P]   claimed versus verified over the latest records;
//	                                   F is text, markdown, json, csv, junit or html (-o DIR);
//	                                   --since REV marks what changed since a git revision
//	repro diff [OLD [NEW]]             compare two result sets (folders or git revisions of
//	                                   results/; default HEAD and the folder); exit 1 on a regression
//	repro matrix [--shards N]          the catalogue's shards as JSON, for a CI matrix job
//	repro import FILE|-                spec skeletons, claims extracted, from a listing of abstracts
//	repro new ID TITLE                 a spec skeleton for one paper
//	repro cancel [PAPER…]              cancel the Slurm jobs of check --executor slurm
//	repro demo [DIR]                   build the demo paper's git repository (for the README's main command)
//	repro completion bash|zsh|fish     print a shell completion script (commands, flags, paper ids)
//	repro help [COMMAND]               this list, or a command's flags (also repro COMMAND --help)
//	repro version                      the harness version
//
// Help goes to stdout and exits 0; a mistake (an unknown command or flag, a
// missing argument) prints the error, with a did-you-mean where one is
// near, and the command's usage on stderr and exits 2. Flags are written
// --flag (one-letter flags -j, -o, -q); -flag works too.
//
// The project: repro looks for a folder named specs/ in the current folder
// and then in each folder above it, as git looks for .git. The first one
// found is the project root; --specs and --results default to its specs/
// and results/. Outside a project, commands that need either fail with
// "not in a repro project (no specs/ folder found here or above)" unless
// --specs and --results name them; a folder a flag names must exist.
//
// Papers are named by id (specs/<id>.yaml) or by spec path; a folder means
// every spec in it. A misspelt id gets a did-you-mean.
//
// Common flags:
//
//	--specs DIR     folder of specs (default: the project's specs/)
//	--results DIR   folder of run records (default: the project's results/)
//	--cache DIR     repository cache (env REPRO_CACHE; default the user cache dir)
//	--mirror F=T    rewrite repository URLs starting with F to start with T (repeatable;
//	                env REPRO_MIRRORS, comma separated). When T is a local folder,
//	                https://github.com/owner/name becomes T/owner/name or T/owner/name.git.
//	                F and T may not start with "-"; a URL never maps outside T.
//	--artifact-mirror F=T  rewrite artifact URLs (or hf:… names) starting with F to start
//	                with T, a URL or a local folder (repeatable; env REPRO_ARTIFACT_MIRRORS,
//	                comma separated). check and fetch only.
//
// Check flags:
//
//	--all            every spec in the specs folder
//	--format F       text (default), json or markdown
//	--audit-only     fetch and audit, do not run the steps (artefact and static
//	                 measures, which need only the checked-out tree, are still taken)
//	--dry-run        print the plan and stop, fetching nothing: per paper "no code",
//	                 "fetch and audit" (--audit-only, or no steps), "skip:" and every
//	                 reason (unmet requirements, artifacts missing offline, a missing
//	                 runtime with its install hint), or "run N steps (NAMES)" and what
//	                 would contain them: "in bwrap", "in podman, image REF", "in docker,
//	                 image built from FILE", "bare (--runtime none)", or with the Slurm
//	                 executor "in a slurm job" (its node decides); then the steps with
//	                 network and the artefact and static measures read from the tree.
//	                 A real check carries out these same decisions. Exit 2 on an invalid spec.
//	                 With --format json the plan is one document (schema 1, docs/json.md):
//	                 the machine, per paper id, action (run, skip, audit-only, no-code),
//	                 reasons, steps, network, runtime, image or build, elsewhere (Slurm),
//	                 artefact and static measure counts; the invalid specs with their
//	                 errors; the totals. --format markdown prints the plan as a table.
//	--executor E     local (default: -j papers at a time on this machine) or slurm (one
//	                 batch job per paper; env REPRO_EXECUTOR, config executor:)
//	--repo-dir DIR   check this local working copy instead of fetching (one paper)
//	-j N             papers checked concurrently (default: number of CPUs)
//	--keep           keep the working trees (printed) for inspection
//	--runtime R      what contains the steps: podman, docker, apptainer, bwrap, or none
//	                 (bare: only a pid namespace and a cleared environment; the record
//	                 and report carry a warning). Default (env REPRO_RUNTIME): the first
//	                 of podman, docker, apptainer that works, for papers with an image or
//	                 a build, and bwrap for the others. A paper whose runtime is missing
//	                 is skipped with the install hint.
//
// Steps see only their declared environment plus PATH, LANG and a private
// HOME and TMPDIR; every process they start ends with them; network is off
// unless a step declares network: true.
//
// Data sets named in a spec's reproduce.requires.data are found through
// REPRO_DATA_<NAME> or the colon-separated folders of REPRO_DATA.
//
// Artifacts (reproduce.artifacts: data sets and weights by https URL or
// hf:OWNER/REPO@REVISION/PATH) are fetched by check and fetch into
// <cache>/artifacts, verified against their sha256 and size, and given to
// the steps as REPRO_ARTIFACT_<NAME> (a read-only path). REPRO_OFFLINE=1
// forbids the network: only the cache and local mirror folders are read,
// and a paper missing an artifact is skipped. HF_TOKEN (or
// HUGGING_FACE_HUB_TOKEN) is sent to the hub for hf: artifacts and stored
// nowhere; HF_ENDPOINT replaces https://huggingface.co.
//
// Fetch flags: --all, --format text|json, -j N (papers at a time, default 4),
// -q (no progress). Exit 3 when anything could not be fetched. pin exits 3
// when an artifact to pin was never fetched.
//
// pin also pins an environment image given as a tag (with review:): the
// digest the paper's latest record resolved for that reference replaces
// it, image: NAME:TAG becoming image: NAME@sha256:DIGEST, comments and
// layout kept; the environment's review: line is removed (it only excused
// the missing digest), or left with a note when it spans several lines or
// sits in a flow mapping. pin exits 3 when no record resolved the image
// (run repro check PAPER first).
//
// Exit status:
//
//	0    every paper checked out (no claim refuted, no step failed)
//	1    a claim was refuted or a step failed, or a paper is inconsistent (its own
//	     artefacts contradict a claim) (check), or a regression (diff)
//	2    usage error or invalid spec
//	3    infrastructure failure: repository unreachable, commit missing, results not
//	     writable, or not-checked (no local mirror of the repository on this machine)
//	130  interrupted (Ctrl-C); the record says "interrupted"
//
// When several apply, the highest of 2, 3 and 1 wins, in that order.
//
// Signals: a first Ctrl-C (SIGINT) or SIGTERM stops in order: running steps
// get SIGTERM, then SIGKILL after a grace period, and every record says
// "interrupted". A second one stops at once: the papers still unfinished
// get a record that says "interrupted: second signal (SIGINT) while <stage>",
// and repro exits with 130 without waiting for anything else.
//
// A paper whose steps ran but none of whose claims could be measured (every
// claim ended in error, for instance a NaN) is "failed", exit 1.
//
// Evidence: each measure says how its value is obtained: rerun (the steps
// printed or wrote it), artefact (read from a file the authors published at
// the pinned commit) or static (counted from the repository's content).
// Artefact and static measures are read from the checked-out tree before
// any step runs, also when the steps are skipped or --audit-only is given.
// Only rerun evidence makes a paper reproduced, partial or refuted; when the
// steps did not run, artefact and static verdicts make it "consistent" or
// "inconsistent", and reports say why the steps did not run. Reports show
// the evidence kind beside every verdict, count claims by verdict and
// evidence kind, mark a plan that no record has run as "plan never run" and
// an audit of a tree with files missing as "incomplete tree".
package main
