#!/usr/bin/env bash
# Benchmarks `kursus report` (issue 10) on cohorts made by make-cohort, side by side with
# jq reading the same statements (`unzip -p … | jq`, counting statements per verb: the
# least any tool must do, parse every statement once), and prints the ratios.
#
#   1. The programme's size: 3 teams × 25 learners through the bundled course (about
#      9,600 statements), from a data directory and from a transfer file. Goal: < 1 s.
#   2. Large: about 2 million statements (16,750 learners; a learner who starts leaves
#      about 130) in transfer files of 2,000 learners. Goals: < 30 s and < 1 GB.
#
# Usage: scripts/bench-report.sh [--small]      (--small: only the first)
#
# Environment:
#   KURSUS_BENCH_SCRATCH      SwiftPM scratch path for the release build (default .build-release)
#   KURSUS_BIN                use this kursus binary instead of building one
#   KURSUS_BENCH_RUNS         timed runs of the small report (default 5)
#   KURSUS_BENCH_COHORTS      where the generated cohorts are kept between runs
#                             (default .build-bench-cohorts; the large one takes minutes to make)
#   KURSUS_BENCH_LARGE_TEAMS  teams of 25 in the large cohort (default 670)
set -euo pipefail

small_only=0
[ "${1:-}" = "--small" ] && small_only=1
bench=bench-report
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${KURSUS_BENCH_SCRATCH:-$root/.build-release}
runs=${KURSUS_BENCH_RUNS:-5}
cohorts=${KURSUS_BENCH_COHORTS:-$root/.build-bench-cohorts}
large_teams=${KURSUS_BENCH_LARGE_TEAMS:-670}
# shellcheck source=bench-common.sh
. "$root/scripts/bench-common.sh"
for tool in jq unzip; do command -v "$tool" >/dev/null || install_packages "$tool"; done
find_kursus
(cd "$root" && swift build -c release --scratch-path "$scratch" --product make-cohort >&2) || fail "release build of make-cohort failed"
make_cohort=$scratch/release/make-cohort
course=$root/Courses/digital-kompetence
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$cohorts"

seconds() { awk -v u="$1" 'BEGIN { printf "%.2f s", u / 1e6 }'; }

# The small cohort, made again each time (seconds).
rm -rf "$cohorts/small"
"$make_cohort" --course "$course" --seed 1 --data-dir "$cohorts/small/data" --transfer "$cohorts/small/cohort.kursus-records" >&2

report_times=() transfer_times=() jq_times=()
for _ in $(seq "$runs"); do
    report_times+=("$(measure "$kursus" report --course "$course" --data-dir "$cohorts/small/data" --format json | cut -d' ' -f1)")
    transfer_times+=("$(measure "$kursus" report --course "$course" --transfer "$cohorts/small/cohort.kursus-records" --format json | cut -d' ' -f1)")
    jq_times+=("$(measure sh -c "unzip -p '$cohorts/small/cohort.kursus-records' statements.jsonl | jq -c '.verb.id' | sort | uniq -c" | cut -d' ' -f1)")
done
small_data=$(printf '%s\n' "${report_times[@]}" | median)
small_transfer=$(printf '%s\n' "${transfer_times[@]}" | median)
small_jq=$(printf '%s\n' "${jq_times[@]}" | median)
echo "$bench: 75 learners (3 teams × 25), median of $runs runs"
echo "  kursus report, data directory:  $(seconds "$small_data") (goal: under 1 s)"
echo "  kursus report, transfer file:   $(seconds "$small_transfer")"
echo "  jq, statements per verb:        $(seconds "$small_jq")"
echo "  ratio report/jq: $(ratio "$small_transfer" "$small_jq")"
[ "$small_only" = 1 ] && exit 0

large=$cohorts/large-$large_teams
if [ ! -f "$large/done" ]; then
    echo "$bench: making the large cohort ($large_teams teams × 25; this takes several minutes, once)" >&2
    rm -rf "$large" && mkdir -p "$large"
    "$make_cohort" --course "$course" --seed 1 --teams "$large_teams" --learners-per-team 25 \
        --transfer "$large/cohort.kursus-records" --learners-per-file 2000 >&2
    touch "$large/done"
fi
files=("$large"/*.kursus-records)
arguments=()
for file in "${files[@]}"; do arguments+=(--transfer "$file"); done
read -r large_report large_rss < <(measure "$kursus" report --course "$course" "${arguments[@]}" --format json)
statements=$("$kursus" report --course "$course" "${arguments[@]}" --format json | jq '.reading.statementsRead')
read -r large_jq _ < <(measure sh -c "for f in ${files[*]}; do unzip -p \"\$f\" statements.jsonl; done | jq -c '.verb.id' | sort | uniq -c")
echo "$bench: $statements statements in ${#files[@]} transfer files, one run"
echo "  kursus report:           $(seconds "$large_report"), peak $((large_rss / 1024)) MB (goals: under 30 s, under 1 GB)"
echo "  jq, statements per verb: $(seconds "$large_jq")"
echo "  ratio report/jq: $(ratio "$large_report" "$large_jq")"
