#!/usr/bin/env bash
# buildcost.sh: cold build cost of docgen's generated code against the official
# Microsoft Graph beta SDK (github.com/microsoftgraph/msgraph-beta-sdk-go).
#
# Usage (from bench/):
#   ./buildcost.sh        docgen + plain tiny programs, and all of ../generated/...
#   ./buildcost.sh sdk    the same plus the SDK tiny program (opt-in, see below)
#   ./buildcost.sh sdk-only
#
# Every build runs with an EMPTY build cache (GOCACHE=$(mktemp -d), removed
# afterwards), so the standard library is compiled too; the last line builds
# generated/... again with the standard library packages it needs compiled
# beforehand (untimed), which is what the generated code itself costs. The small builds run
# at the normal priority (NICE=n to change it: timings under `nice -n 19` on
# a busy machine mostly measure the other load); the SDK build runs under
# `nice -n ${SDK_NICE:-19}`, so that it does not starve the rest of a shared
# machine for ten minutes.
# The module cache is filled first (go mod download), so no network time is
# counted. For each build it prints wall clock and CPU time and max RSS of the
# largest single process (GNU `/usr/bin/time -v`), the peak of the summed RSS
# of the whole build process tree (sampled every 0.2 s), and, for the
# programs, the binary size (default and with -ldflags='-s -w').
#
# WARNING, the SDK part: cmd/sdk imports .../msgraph-beta-sdk-go/models, one
# package of 6,645 files (80 MB of source; the module is 294 MB). Measured on
# 2 cores (AMD EPYC), Go 1.26.8, 2026-11-23, on a busy machine at nice 19:
# 10 minutes wall clock, 200 CPU-seconds, and a single compile process of
# 10 GB RSS (BENCHMARKS.md, "Side by side with the official SDK (issue 8)").
# Machines with less than ~12 GB free memory will swap or be killed by the OOM
# killer. That is why it is opt-in.
#
# KEEP_GOCACHE=DIR keeps each build's cache in DIR/<build> instead of removing
# it, so that, e.g., the SDK's compiled models package can be reused by
# `GOCACHE=DIR/cmd_sdk go test` afterwards instead of being compiled again.
#
# Needs GNU time at /usr/bin/time (Debian/Ubuntu package "time").
set -euo pipefail

cd "$(dirname "$0")"
mode=${1:-default}
case $mode in
default | sdk | sdk-only) ;;
*)
	echo "usage: $0 [sdk|sdk-only]" >&2
	exit 2
	;;
esac

if [[ ! -x /usr/bin/time ]]; then
	echo "buildcost.sh: needs GNU time at /usr/bin/time" >&2
	exit 1
fi

go mod download
(cd .. && go mod download)

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# descendants PID: PID and all its descendants.
descendants() {
	local p
	echo "$1"
	for p in $(ps -o pid= --ppid "$1" 2>/dev/null); do
		descendants "$p"
	done
}

# sample PID FILE: writes the peak summed RSS (KiB) of PID's process tree to
# FILE when PID exits.
sample() {
	local peak=0 sum p rss
	while kill -0 "$1" 2>/dev/null; do
		sum=0
		for p in $(descendants "$1"); do
			rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
			sum=$((sum + ${rss:-0}))
		done
		((sum > peak)) && peak=$sum
		sleep 0.2
	done
	echo "$peak" >"$2"
}

human() { # KiB -> "x.y GB" or "x MB"
	awk -v k="$1" 'BEGIN { if (k >= 1048576) printf "%.1f GB", k/1048576; else printf "%.0f MB", k/1024 }'
}

printf '| build | wall | CPU (user+sys) | max RSS, one process | peak RSS, whole build | binary | binary -s -w |\n'
printf '|---|---|---|---|---|---|---|\n'

# measure NICE NAME DIR BINARY-OR-EMPTY GO-ARGS...
measure() {
	local level=$1 name=$2 dir=$3 bin=$4
	shift 4
	local key=${name//[^A-Za-z0-9]/_} cache
	if [[ -n ${KEEP_GOCACHE:-} ]]; then
		cache=$KEEP_GOCACHE/$key
		rm -rf "$cache"
		mkdir -p "$cache"
	else
		cache=$(mktemp -d)
	fi
	if [[ -n ${WARM:-} ]]; then
		# The standard library packages the build needs, compiled first
		# (untimed): what the generated code itself costs.
		(cd "$dir" && GOCACHE=$cache go build $(go list -deps -f '{{if .Standard}}{{.ImportPath}}{{end}}' "${@: -1}"))
	fi
	(
		cd "$dir"
		GOCACHE=$cache nice -n "$level" /usr/bin/time -v -o "$out/$key.time" go "$@" >"$out/$key.log" 2>&1 &
		pid=$!
		sample "$pid" "$out/$key.peak" &
		spid=$!
		rc=0
		wait "$pid" || rc=$?
		wait "$spid"
		if ((rc != 0)); then
			echo "buildcost.sh: $name: go $* failed:" >&2
			cat "$out/$key.log" "$out/$key.time" >&2
			exit 1
		fi
	)
	local wall user sys rss peak size="" stripped=""
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/$key.time")
	user=$(awk -F': ' '/User time/ {print $2}' "$out/$key.time")
	sys=$(awk -F': ' '/System time/ {print $2}' "$out/$key.time")
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/$key.time")
	peak=$(cat "$out/$key.peak")
	if [[ -n $bin ]]; then
		size=$(stat -c %s "$bin")
		# Relinking only: the packages are in the cache already.
		(cd "$dir" && GOCACHE=$cache nice -n "$level" go build -ldflags='-s -w' -o "$bin.stripped" "${@: -1}")
		stripped=$(stat -c %s "$bin.stripped")
		size="$(awk -v b="$size" 'BEGIN{printf "%.1f MB", b/1048576}')"
		stripped="$(awk -v b="$stripped" 'BEGIN{printf "%.1f MB", b/1048576}')"
	fi
	[[ -n ${KEEP_GOCACHE:-} ]] || rm -rf "$cache"
	printf '| %s | %s | %.0f s | %s | %s | %s | %s |\n' "$name" "$wall" \
		"$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" \
		"$(human "$rss")" "$(human "$peak")" "$size" "$stripped"
}

if [[ $mode != sdk-only ]]; then
	measure "${NICE:-0}" cmd/plain . "$out/plain" build -o "$out/plain" ./cmd/plain
	measure "${NICE:-0}" cmd/docgen . "$out/docgen" build -o "$out/docgen" ./cmd/docgen
	measure "${NICE:-0}" "generated/... (seeds + intune)" .. "" build ./generated/...
	WARM=1 measure "${NICE:-0}" "generated/..., standard library already compiled" .. "" build ./generated/...
fi
if [[ $mode != default ]]; then
	measure "${SDK_NICE:-19}" cmd/sdk . "$out/sdk" build -o "$out/sdk" ./cmd/sdk
fi

echo
echo "$(go version), $(nproc) cores, $(date -u +%F)"
