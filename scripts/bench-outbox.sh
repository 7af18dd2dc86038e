#!/usr/bin/env bash
# Benchmarks what learning records add to saving progress: the hidden `kursus save-loop`
# saves N successive progress states through the real ProgressSaver, each one durable
# (fsync) before the next, once with one statement per save for the outbox (padded to
# the size of a real `answered` statement, about 1.6 kB) and once without. A save with a
# statement is acknowledged once the progress file that carries it is durable; the
# journal is fsynced in groups, as in the player. Each run starts from an empty data
# directory.
#
# Usage: scripts/bench-outbox.sh [--check]
#   --check   exit 1 when saving with statements takes more than 1.5 times as long
#
# Environment:
#   KURSUS_BENCH_SCRATCH  SwiftPM scratch path for the release build (default .build-release)
#   KURSUS_BIN            use this kursus binary instead of building one
#   KURSUS_BENCH_RUNS     timed runs of each (default 5)
#   KURSUS_BENCH_SAVES    saves per run (default 300)
#
# Prints the median wall time of each, the time per save, and the ratio
# with-statements/without (the issue's goal: at most 1.5).
set -euo pipefail

check=0
limit=1.5
[ "${1:-}" = "--check" ] && check=1
bench=bench-outbox
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${KURSUS_BENCH_SCRATCH:-$root/.build-release}
runs=${KURSUS_BENCH_RUNS:-5}
saves=${KURSUS_BENCH_SAVES:-300}
# shellcheck source=bench-common.sh
. "$root/scripts/bench-common.sh"
find_kursus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_once() {
    rm -rf "$work/data"
    measure "$kursus" save-loop --data-dir "$work/data" --learner bench --course k --count "$saves" "$@" | cut -d' ' -f1
}

without=() with=()
for _ in $(seq "$runs"); do
    without+=("$(run_once --no-statements)")
    with+=("$(run_once --statement-bytes 1600)")
done
plain=$(printf '%s\n' "${without[@]}" | median)
records=$(printf '%s\n' "${with[@]}" | median)
r=$(ratio "$records" "$plain")
echo "$bench: $saves saves, median of $runs runs"
echo "  progress alone:            $(awk -v u="$plain" -v n="$saves" 'BEGIN { printf "%.3f s (%.2f ms a save)", u / 1e6, u / 1e3 / n }')"
echo "  progress with a statement: $(awk -v u="$records" -v n="$saves" 'BEGIN { printf "%.3f s (%.2f ms a save)", u / 1e6, u / 1e3 / n }')"
echo "  ratio with/without: $r (goal: at most $limit)"
if [ "$check" = 1 ] && awk -v r="$r" -v l="$limit" 'BEGIN { exit !(r > l) }'; then exit 1; fi
