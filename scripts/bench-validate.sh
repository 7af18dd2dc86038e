#!/usr/bin/env bash
# Benchmarks `kursus validate` of a 2,000-lesson course against cmark-gfm parsing
# the same lesson text (issue 16: at most 3 times cmark-gfm).
#
# Usage: scripts/bench-validate.sh [--check]
#   --check   exit 1 when kursus takes more than 3 times cmark-gfm's CPU time
#
# Environment:
#   KURSUS_BENCH_SCRATCH  SwiftPM scratch path for the release build (default .build-release)
#   KURSUS_BIN            use this kursus binary instead of building one
#   KURSUS_BENCH_RUNS     timed runs of each program (default 7)
#   KURSUS_BENCH_LESSONS  lessons in the generated course (default 2000, the unit limit)
#
# The course is generated into a temporary folder: 100 modules of 20 lessons, each a
# copy of one of the bundled course's lessons (Danish and English texts, in turn) under
# its own id. cmark-gfm (with the GFM extensions Kursus uses) parses all lesson files
# concatenated, to HTML. Prints the median wall and CPU (user + system) time and peak
# resident memory of each, and the ratios kursus/cmark-gfm. Exits non-zero only when it
# cannot run (or with --check, when the CPU ratio is above 3).
set -euo pipefail

check=0
for argument in "$@"; do
    case "$argument" in
    --check) check=1 ;;
    -h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-validate: unknown argument: $argument" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${KURSUS_BENCH_SCRATCH:-$root/.build-release}
runs=${KURSUS_BENCH_RUNS:-7}
count=${KURSUS_BENCH_LESSONS:-2000}

bench=bench-validate
# shellcheck source=scripts/bench-common.sh
. "$root/scripts/bench-common.sh"

missing=()
command -v cmark-gfm >/dev/null || missing+=(cmark-gfm)
[ -x /usr/bin/time ] || missing+=(time)
[ ${#missing[@]} -eq 0 ] || install_packages "${missing[@]}"

find_kursus

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
course=$work/course
mkdir -p "$course/lektioner"

sources=("$root"/Courses/digital-kompetence/lektioner/*.md)
[ ${#sources[@]} -gt 0 ] || fail "no lessons in Courses/digital-kompetence/lektioner"
{
    printf 'format: kursus/1\nid: bench-validate\ntitle: Bench\nlanguage: da\nversion: 1.0.0\nmodules:\n'
    for ((module = 0; module * 20 < count; module++)); do
        printf '  - id: modul-%d\n    title: Modul %d\n    units:\n' "$module" "$module"
        for ((unit = module * 20; unit < count && unit < module * 20 + 20; unit++)); do
            printf '      - {id: lektion-%d, kind: lesson, title: Lektion %d, file: lektioner/l%d.md}\n' "$unit" "$unit" "$unit"
        done
    done
} >"$course/course.yaml"
for ((unit = 0; unit < count; unit++)); do
    cp "${sources[unit % ${#sources[@]}]}" "$course/lektioner/l$unit.md"
done
cat "$course"/lektioner/*.md >"$work/all.md"
size=$(stat -c %s "$work/all.md")

kursus_cmd=("$kursus" validate "$course")
cmark_cmd=(cmark-gfm -e table -e strikethrough -e tasklist -e autolink "$work/all.md")
"${kursus_cmd[@]}" >"$work/validate.txt" || { tail -5 "$work/validate.txt" >&2; fail "kursus validate failed on the generated course"; }

# One run: "wall-microseconds cpu-microseconds peak-KiB" (CPU = user + system, from
# bash's `time`, which has millisecond precision; the peak RSS from GNU time).
timed() {
    local TIMEFORMAT='%3R %3U %3S'
    { time "${priority[@]}" /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null; } 2>"$work/time"
    awk -v rss="$(cat "$work/rss")" '{ printf "%d %d %d\n", $1 * 1e6, ($2 + $3) * 1e6, rss }' "$work/time"
}
: >"$work/kursus.txt"
: >"$work/cmark.txt"
timed "${kursus_cmd[@]}" >/dev/null # warm the file cache
timed "${cmark_cmd[@]}" >/dev/null
for _ in $(seq "$runs"); do
    timed "${cmark_cmd[@]}" >>"$work/cmark.txt"
    timed "${kursus_cmd[@]}" >>"$work/kursus.txt"
done
column_median() { cut -d' ' -f"$1" "$2" | median; }
kursus_wall=$(column_median 1 "$work/kursus.txt")
kursus_cpu=$(column_median 2 "$work/kursus.txt")
kursus_rss=$(cut -d' ' -f3 "$work/kursus.txt" | sort -n | tail -1)
cmark_wall=$(column_median 1 "$work/cmark.txt")
cmark_cpu=$(column_median 2 "$work/cmark.txt")
cmark_rss=$(cut -d' ' -f3 "$work/cmark.txt" | sort -n | tail -1)
cpu_ratio=$(ratio "$kursus_cpu" "$cmark_cpu")
wall_ratio=$(ratio "$kursus_wall" "$cmark_wall")

seconds() { awk -v u="$1" 'BEGIN { printf "%.3f", u / 1e6 }'; }
printf 'input:      %s lessons, %s bytes of Markdown (%s runs each)\n' "$count" "$size" "$runs"
printf 'kursus:     %s s wall  %s s CPU  %7d KiB peak RSS   (validate)\n' "$(seconds "$kursus_wall")" "$(seconds "$kursus_cpu")" "$kursus_rss"
printf 'cmark-gfm:  %s s wall  %s s CPU  %7d KiB peak RSS   (HTML of all lessons, GFM extensions)\n' \
    "$(seconds "$cmark_wall")" "$(seconds "$cmark_cpu")" "$cmark_rss"
printf 'ratio:      %s CPU, %s wall (kursus validate / cmark-gfm; target <= 3)\n' "$cpu_ratio" "$wall_ratio"

if [ "$check" = 1 ] && awk -v r="$cpu_ratio" 'BEGIN { exit !(r > 3) }'; then
    echo "bench-validate: kursus validate takes more than 3 times cmark-gfm's CPU time" >&2
    exit 1
fi
