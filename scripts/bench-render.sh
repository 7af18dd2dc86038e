#!/usr/bin/env bash
# Benchmarks `kursus render` against the cmark-gfm command line (HTML
# output) on a multi-megabyte file of real Markdown assembled from the
# documentation found on this machine.
#
# Usage: scripts/bench-render.sh [--check]
#   --check   exit 1 when kursus takes more than 1.5 times cmark-gfm's CPU time
#
# Environment:
#   KURSUS_BENCH_SCRATCH  SwiftPM scratch path for the release build (default .build-release)
#   KURSUS_BIN            use this kursus binary instead of building one
#   KURSUS_BENCH_RUNS     timed runs of each program (default 9)
#   KURSUS_BENCH_BYTES    minimum size of the Markdown file (default 5000000)
#   KURSUS_BENCH_INPUT    also keep the assembled Markdown file at this path
#
# Prints the median wall and CPU (user + system) time of each program, the
# ratios kursus/cmark-gfm of both, and the peak resident memory of each. Both
# programs run on one thread (kursus render lays out on one). Exits non-zero
# only when it cannot run (or with --check, when the CPU ratio is above 1.5).
set -euo pipefail

check=0
for argument in "$@"; do
    case "$argument" in
    --check) check=1 ;;
    -h | --help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-render: unknown argument: $argument" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${KURSUS_BENCH_SCRATCH:-$root/.build-release}
runs=${KURSUS_BENCH_RUNS:-9}
min_bytes=${KURSUS_BENCH_BYTES:-5000000}
max_bytes=$((15 * 1024 * 1024)) # stay below kursus's 16 MiB limit

bench=bench-render
# shellcheck source=scripts/bench-common.sh
. "$root/scripts/bench-common.sh"

# Tools: cmark-gfm and GNU time; installed with apt when running as root.
missing=()
command -v cmark-gfm >/dev/null || missing+=(cmark-gfm)
[ -x /usr/bin/time ] || missing+=(time)
[ ${#missing[@]} -eq 0 ] || install_packages "${missing[@]}"


find_kursus

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input=$work/bench.md

# Real Markdown documents: package documentation, toolchain release notes,
# READMEs of the Swift package mirrors, and this repository's own docs.
list=$work/sources.txt
{
    find /usr/share/doc /usr/local/share/doc /opt /root/.rustup /usr/lib/node_modules -name '*.md' -type f -size +2k 2>/dev/null || true
    find "$root/docs" "$root/Courses" "$root/README.md" -name '*.md' -type f 2>/dev/null || true
} | sort -u >"$list"
: >"$input"
append() { # append one document if it is valid UTF-8
    if iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; then
        cat "$1" >>"$input"
        printf '\n\n' >>"$input"
    fi
}
while IFS= read -r file; do
    append "$file"
    [ "$(stat -c %s "$input")" -ge "$min_bytes" ] && break
done <"$list"
if [ "$(stat -c %s "$input")" -lt "$min_bytes" ]; then
    for repo in /opt/swift-packages/*/*.git; do
        [ -d "$repo" ] || continue
        ref=$(git -C "$repo" describe --tags --abbrev=0 2>/dev/null || echo HEAD)
        git -C "$repo" show "$ref:README.md" >"$work/readme.md" 2>/dev/null && append "$work/readme.md"
        [ "$(stat -c %s "$input")" -ge "$min_bytes" ] && break
    done
fi
[ -s "$input" ] || fail "found no Markdown documents on this machine"
# Too little real text: repeat what there is (still real Markdown).
cp "$input" "$work/unit.md"
while [ "$(stat -c %s "$input")" -lt "$min_bytes" ]; do cat "$work/unit.md" >>"$input"; done
if [ "$(stat -c %s "$input")" -gt "$max_bytes" ]; then
    head -c "$max_bytes" "$input" >"$work/cut.md"
    mv "$work/cut.md" "$input"
fi
iconv -f UTF-8 -t UTF-8 -c "$input" >"$work/clean.md" && mv "$work/clean.md" "$input"
size=$(stat -c %s "$input")
[ -z "${KURSUS_BENCH_INPUT:-}" ] || cp "$input" "$KURSUS_BENCH_INPUT"
lines=$(wc -l <"$input")

kursus_cmd=("$kursus" render "$input" --width 80 --color never)
cmark_cmd=(cmark-gfm -e table -e strikethrough -e tasklist -e autolink "$input")

"${kursus_cmd[@]}" >/dev/null || fail "kursus render failed on the benchmark file"
"${cmark_cmd[@]}" >/dev/null || fail "cmark-gfm failed on the benchmark file"


: >"$work/kursus.txt"
: >"$work/cmark.txt"
# One run: "wall-microseconds cpu-microseconds peak-KiB" (CPU = user + system, from
# bash's `time`, which has millisecond precision; the peak RSS from GNU time).
timed() {
    local TIMEFORMAT='%3R %3U %3S'
    { time "${priority[@]}" /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null; } 2>"$work/time"
    awk -v rss="$(cat "$work/rss")" '{ printf "%d %d %d\n", $1 * 1e6, ($2 + $3) * 1e6, rss }' "$work/time"
}
timed "${kursus_cmd[@]}" >/dev/null # warm the file cache
timed "${cmark_cmd[@]}" >/dev/null
for _ in $(seq "$runs"); do # alternate so both see the same machine load
    timed "${cmark_cmd[@]}" >>"$work/cmark.txt"
    timed "${kursus_cmd[@]}" >>"$work/kursus.txt"
done

column_median() { cut -d' ' -f"$1" "$2" | median; }
kursus_wall=$(column_median 1 "$work/kursus.txt")
kursus_cpu=$(column_median 2 "$work/kursus.txt")
cmark_wall=$(column_median 1 "$work/cmark.txt")
cmark_cpu=$(column_median 2 "$work/cmark.txt")
kursus_rss=$(cut -d' ' -f3 "$work/kursus.txt" | sort -n | tail -1)
cmark_rss=$(cut -d' ' -f3 "$work/cmark.txt" | sort -n | tail -1)
cpu_ratio=$(ratio "$kursus_cpu" "$cmark_cpu")
wall_ratio=$(ratio "$kursus_wall" "$cmark_wall")
seconds() { awk -v u="$1" 'BEGIN { printf "%8.3f", u / 1e6 }'; }

printf 'input:      %s bytes, %s lines of Markdown (%s runs each%s)\n' "$size" "$lines" "$runs" \
    "$([ ${#priority[@]} -gt 0 ] && echo ', real-time priority')"
printf 'kursus:     %s s wall %s s CPU  %7d KiB peak RSS   (render --width 80 --color never, one thread)\n' \
    "$(seconds "$kursus_wall")" "$(seconds "$kursus_cpu")" "$kursus_rss"
printf 'cmark-gfm:  %s s wall %s s CPU  %7d KiB peak RSS   (HTML, GFM extensions)\n' \
    "$(seconds "$cmark_wall")" "$(seconds "$cmark_cpu")" "$cmark_rss"
printf 'ratio:      %s CPU, %s wall (kursus / cmark-gfm; target <= 1.5 in CPU time)\n' "$cpu_ratio" "$wall_ratio"

if [ "$check" = 1 ] && awk -v r="$cpu_ratio" 'BEGIN { exit !(r > 1.5) }'; then
    echo "bench-render: kursus takes more than 1.5 times cmark-gfm's CPU time" >&2
    exit 1
fi
