# docgen — see README.md. Every target runs offline once modules are downloaded.

GO      ?= go
DOCGEN  := $(GO) run ./cmd/docgen
# Each directory under docs-src/ is one area, generated into generated/<area>
# as package <area>.
AREAS   := $(notdir $(patsubst %/,%,$(wildcard docs-src/*/)))
# The one-entity, models-only package bench/ builds (see BENCHMARKS.md).
BENCH_GRAPH := -o bench/cmd/docgen/graph -pkg graph -types mobileThreatDefenseConnector -http=false docs-src/seeds

.PHONY: all generate check golden test lint staticcheck tidy-check regen-check fuzz-smoke ci interop

all: generate test

## generate: regenerate generated/ from docs-src/
generate:
	@set -e; for a in $(AREAS); do \
		echo "docgen generate -o generated/$$a -pkg $$a docs-src/$$a"; \
		$(DOCGEN) generate -o generated/$$a -pkg $$a docs-src/$$a; \
	done
	$(DOCGEN) generate $(BENCH_GRAPH)
	cd examples && $(GO) generate ./...

## check: fail if generated/ (or bench's one-entity package) is stale (writes nothing)
check:
	@set -e; for a in $(AREAS); do \
		$(DOCGEN) check -o generated/$$a -pkg $$a docs-src/$$a; \
	done
	@$(DOCGEN) check $(BENCH_GRAPH)

## golden: rewrite the golden files from the current code
golden:
	$(GO) test ./golden -update

## test: all tests, with the race detector
test:
	$(GO) test -race ./...

## lint: gofmt and go vet
lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

## staticcheck: staticcheck (pinned) on the generated packages, without their DO NOT EDIT line
staticcheck:
	GO=$(GO) .ci/staticcheck

## tidy-check: go.mod and go.sum are tidy
tidy-check:
	$(GO) mod tidy -diff

## regen-check: regenerating changes no file and leaves none behind (needs git)
regen-check: generate
	@git diff --exit-code --stat && test -z "$$(git status --porcelain)" || \
		{ echo "generated/ is stale or generate left files behind:"; git status --porcelain; exit 1; }

## interop: the official Graph beta SDK against docgen's fake server and models (interop/,
## a module of its own, not in CI: the first run compiles the SDK, ~10 minutes and ~10 GB;
## results in INTEROP.md)
interop:
	cd interop && $(GO) test -count=1 -v ./...

## fuzz-smoke: every fuzz target for 1,000 executions (see FUZZING.md for long runs)
fuzz-smoke:
	.ci/fuzz-smoke 1000x

## ci: what .ci/run does
ci: lint tidy-check test check regen-check fuzz-smoke staticcheck
