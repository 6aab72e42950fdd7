# repro: the README's two commands are `make demo` and `make test`.
GO       ?= go
BIN      := bin/repro
DEMO     := .demo
FUZZTIME ?= 10m

.PHONY: build test demo fuzz fuzz-short bench bench-catalogue vet status clean

build:
	$(GO) build -o $(BIN) ./cmd/repro

# The tests: unit, golden, testscript end-to-end and a short fuzz smoke run.
test:
	$(GO) vet ./...
	$(GO) test ./...

# The main job: build the demo paper's git repository, then a real
# `repro check` of it end to end, offline, through a mirror. The demo has
# one overstated claim, so repro exits 1 (refuted); that is the expected
# outcome here, any other status fails the target.
demo: build
	rm -rf $(DEMO)
	$(BIN) demo $(DEMO)/mirror/repro-demo
	$(BIN) check --specs demo --results $(DEMO)/results --cache $(DEMO)/cache \
	    --mirror https://github.com/repro-demo/=$(DEMO)/mirror/repro-demo huffpack; \
	    status=$$?; test $$status -eq 0 -o $$status -eq 1
	grep -q '"status": "refuted"' $(DEMO)/results/huffpack/*.json

# Each fuzz target for FUZZTIME (go test runs one -fuzz target at a time).
fuzz:
	$(GO) test ./harness/spec -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME)
	$(GO) test ./harness/claim -run '^$$' -fuzz '^FuzzParseTolerance$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/importer -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/importer -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/importer -run '^$$' -fuzz '^FuzzID$$' -fuzztime $(FUZZTIME)
	$(GO) test ./harness/audit -run '^$$' -fuzz '^FuzzLicense$$' -fuzztime $(FUZZTIME)
	$(GO) test ./harness/audit -run '^$$' -fuzz '^FuzzReadme$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/run -run '^$$' -fuzz '^FuzzNotebook$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/run -run '^$$' -fuzz '^FuzzMarkdownTable$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/gitrepo -run '^$$' -fuzz '^FuzzCheckout$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/gitrepo -run '^$$' -fuzz '^FuzzIndexPack$$' -fuzztime $(FUZZTIME)
	$(GO) test ./harness/report -run '^$$' -fuzz '^FuzzPrintable$$' -fuzztime $(FUZZTIME)

fuzz-short:
	$(MAKE) fuzz FUZZTIME=20s

# Benchmarks; docs/benchmarks.md has the table and how to read it. The
# harness benchmarks run each iteration against its reference (the git
# CLI, a plain decoder) and report ratios; BENCH_SIZE picks the generated
# repository: full (5,000 commits, 20,000 files, 200 MB), small or tiny.
BENCH_SIZE  ?= full
BENCH_COUNT ?= 3
bench:
	REPRO_BENCH_SIZE=$(BENCH_SIZE) $(GO) test -run '^$$' -bench . -benchtime 1x -count $(BENCH_COUNT) -timeout 60m ./internal/gitrepo ./internal/cli
	$(GO) test -run '^$$' -bench . -benchmem $$($(GO) list ./... | grep -v -e /internal/gitrepo -e /internal/cli)

# The catalogue comparison (docs/benchmarks.md): with REPRO_BENCH_MIRRORS
# (a folder of OWNER/NAME mirrors of the catalogue's repositories), cold,
# warm, -j 1 and one paper against the git CLI on the same pins, by the
# repro binary, offline; without it, cold, warm-tree and warm checks of the
# generated repository (REPRO_BENCH_CHECK_SIZE, default small). Prints the
# ratios.
bench-catalogue:
	$(GO) test -run '^$$' -bench '^(BenchmarkCatalogue|BenchmarkCheckWarmVsCold)$$' -benchtime 1x -count $(BENCH_COUNT) -timeout 60m ./internal/cli

# Regenerate STATUS.md from the committed records.
status: build
	$(BIN) report --format markdown -o STATUS.md

clean:
	rm -rf bin $(DEMO)
