#!/usr/bin/env bash
# gencost.sh: wall clock and peak memory of the docgen command itself, on
# docs-src, as a user runs it (the in-memory benchmarks are in
# ../internal/cli/bench_test.go).
#
# Usage (from bench/): ./gencost.sh [RUNS]      (default 5 runs of each step)
#
# Steps, each run RUNS times with a docgen binary built once beforehand
# (so no compile time is counted):
#   generate all   every area under docs-src (seeds, intune) into an empty
#                  directory, one docgen process per area, as `make generate`
#   check all      `docgen check` of every area on that up-to-date output, as
#                  `make check`
#   scale 1x/2x/4x generate of every 4th, every 2nd and every page of
#                  docs-src/intune (file name order): cost should double
# For each step it prints the fastest and the median wall clock of the runs
# (per step, summed over the areas), the median CPU time (user + sys; less
# sensitive than wall clock to other load on the machine) and the largest max
# RSS of any docgen process (GNU `/usr/bin/time`). Needs GNU time at /usr/bin/time.
set -euo pipefail

cd "$(dirname "$0")/.."
runs=${1:-5}
if [[ ! -x /usr/bin/time ]]; then
	echo "gencost.sh: needs GNU time at /usr/bin/time" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/docgen" ./cmd/docgen

areas=()
for d in docs-src/*/; do
	areas+=("$(basename "$d")")
done
# The pages docgen reads from docs-src/intune (it skips README*, SOURCE*,
# MANIFEST*, ... in directories, not when they are named).
mapfile -t intune < <(find docs-src/intune -type f -name '*.md' ! -iname 'readme*' ! -iname 'source*' ! -iname 'manifest*' | LC_ALL=C sort)

# timed FILE CMD...: runs CMD, appends "wall_s max_rss_kib user_s sys_s" to FILE.
timed() {
	local f=$1
	shift
	/usr/bin/time -f '%e %M %U %S' -o "$tmp/one" "$@" >/dev/null 2>"$tmp/stderr" || {
		echo "gencost.sh: ${*:1:4} ... failed:" >&2
		cat "$tmp/stderr" >&2
		exit 1
	}
	cat "$tmp/one" >>"$f"
}

# summary NAME PAGES FILE: FILE has one line per process; lines are grouped
# into runs of $per processes (set by the caller).
summary() {
	local name=$1 pages=$2 f=$3 rss cpu
	rss=$(awk '$2 > m { m = $2 } END { print m }' "$f")
	cpu=$(awk -v per="$per" '{ c[int((NR - 1) / per)] += $3 + $4 } END { for (r in c) print c[r] }' "$f" |
		sort -n | awk '{ c[++n] = $1 } END { print (n % 2) ? c[(n + 1) / 2] : (c[n / 2] + c[n / 2 + 1]) / 2 }')
	awk -v per="$per" '{ w[int((NR - 1) / per)] += $1 } END { for (r in w) print w[r] }' "$f" |
		sort -n |
		awk -v name="$name" -v pages="$pages" -v rss="$rss" -v cpu="$cpu" '
			{ w[++n] = $1 }
			END {
				med = (n % 2) ? w[(n + 1) / 2] : (w[n / 2] + w[n / 2 + 1]) / 2
				printf "| %s | %d | %d | %.2f s | %.2f s | %.2f s | %.0f pages/s | %.0f MB |\n", name, pages, n, w[1], med, cpu, pages / w[1], rss / 1024
			}'
}

printf '| step | pages | runs | fastest wall | median wall | median CPU (user+sys) | pages/s (fastest) | max RSS |\n'
printf '|---|---|---|---|---|---|---|---|\n'

pages=$(find "${areas[@]/#/docs-src/}" -type f \( -name '*.md' -o -name '*.txt' -o -name '*.html' \) ! -iname 'readme*' ! -iname 'source*' ! -iname 'manifest*' | wc -l)
per=${#areas[@]}
for ((i = 0; i < runs; i++)); do
	rm -rf "$tmp/out"
	for a in "${areas[@]}"; do
		timed "$tmp/gen" "$tmp/docgen" generate -o "$tmp/out/$a" -pkg "$a" -import "example.com/out/$a" "docs-src/$a"
	done
done
summary "generate all" "$pages" "$tmp/gen"
for ((i = 0; i < runs; i++)); do
	for a in "${areas[@]}"; do
		timed "$tmp/check" "$tmp/docgen" check -o "$tmp/out/$a" -pkg "$a" -import "example.com/out/$a" "docs-src/$a"
	done
done
summary "check all (unchanged)" "$pages" "$tmp/check"

per=1
for s in 4 2 1; do
	files=()
	for ((i = s - 1; i < ${#intune[@]}; i += s)); do
		files+=("${intune[i]}")
	done
	for ((i = 0; i < runs; i++)); do
		rm -rf "$tmp/scale"
		timed "$tmp/scale$s" "$tmp/docgen" generate -o "$tmp/scale" -pkg intune -import example.com/scale "${files[@]}"
	done
	summary "scale $((4 / s))x (intune)" "${#files[@]}" "$tmp/scale$s"
done

echo
echo "$(go version), $(nproc) cores, GOMAXPROCS=${GOMAXPROCS:-default}, $(date -u +%F)"
