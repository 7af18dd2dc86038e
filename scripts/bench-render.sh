#!/usr/bin/env bash
# Benchmarks `kursus render` against the cmark-gfm command line (HTML
# output) on a multi-megabyte file of real Markdown assembled from the
# documentation found on this machine.
#
# Usage: scripts/bench-render.sh [--check]
#   --check   exit 1 when kursus takes more than 1.5 times as long as cmark-gfm
#
# Environment:
#   KURSUS_BENCH_SCRATCH  SwiftPM scratch path for the release build (default .build-release)
#   KURSUS_BIN            use this kursus binary instead of building one
#   KURSUS_BENCH_RUNS     timed runs of each program (default 9)
#   KURSUS_BENCH_BYTES    minimum size of the Markdown file (default 5000000)
#
# Prints the median wall time of each program, the ratio kursus/cmark-gfm
# and the peak resident memory of each. Exits non-zero only when it cannot
# run (or with --check, when the ratio is above 1.5).
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
lines=$(wc -l <"$input")

kursus_cmd=("$kursus" render "$input" --width 80 --color never)
cmark_cmd=(cmark-gfm -e table -e strikethrough -e tasklist -e autolink "$input")

"${kursus_cmd[@]}" >/dev/null || fail "kursus render failed on the benchmark file"
"${cmark_cmd[@]}" >/dev/null || fail "cmark-gfm failed on the benchmark file"


: >"$work/kursus.txt"
: >"$work/cmark.txt"
measure "${kursus_cmd[@]}" >/dev/null # warm the file cache
measure "${cmark_cmd[@]}" >/dev/null
for _ in $(seq "$runs"); do # alternate so both see the same machine load
    measure "${cmark_cmd[@]}" >>"$work/cmark.txt"
    measure "${kursus_cmd[@]}" >>"$work/kursus.txt"
done

kursus_us=$(cut -d' ' -f1 "$work/kursus.txt" | median)
cmark_us=$(cut -d' ' -f1 "$work/cmark.txt" | median)
kursus_rss=$(cut -d' ' -f2 "$work/kursus.txt" | sort -n | tail -1)
cmark_rss=$(cut -d' ' -f2 "$work/cmark.txt" | sort -n | tail -1)
ratio=$(ratio "$kursus_us" "$cmark_us")

printf 'input:      %s bytes, %s lines of Markdown (%s runs each%s)\n' "$size" "$lines" "$runs" \
    "$([ ${#priority[@]} -gt 0 ] && echo ', real-time priority')"
printf 'kursus:     %8.3f s median   %7d KiB peak RSS   (render --width 80 --color never)\n' \
    "$(awk -v u="$kursus_us" 'BEGIN { print u / 1e6 }')" "$kursus_rss"
printf 'cmark-gfm:  %8.3f s median   %7d KiB peak RSS   (HTML, GFM extensions)\n' \
    "$(awk -v u="$cmark_us" 'BEGIN { print u / 1e6 }')" "$cmark_rss"
printf 'ratio:      %s (kursus / cmark-gfm; target <= 1.5)\n' "$ratio"

if [ "$check" = 1 ] && awk -v r="$ratio" 'BEGIN { exit !(r > 1.5) }'; then
    echo "bench-render: kursus is more than 1.5 times slower than cmark-gfm" >&2
    exit 1
fi
