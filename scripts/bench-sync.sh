#!/usr/bin/env bash
# Times one sync of 10,000 pending statements to a real Ralph LRS on loopback with a
# release build (the goal: under 30 s). It runs the test SyncBenchmark
# (Tests/KursusRecordsTests/Sync/SyncBenchmark.swift), which runs only when
# KURSUS_BENCH_SYNC=1, so `swift test` and `make test` never time anything.
#
#   scripts/bench-sync.sh [COUNT [BATCH]]     defaults: 10000 statements, batches of 100
#
# The release build goes to .build-bench-sync (or $KURSUS_BENCH_SCRATCH); the first one
# takes a long while. Other test targets use @testable, hence -enable-testing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${KURSUS_BENCH_SCRATCH:-$root/.build-bench-sync}
flags=(-c release -Xswiftc -enable-testing --scratch-path "$scratch")

"$root/scripts/ensure-deps.sh"
"$root/scripts/ralph-lrs.sh" install
cd "$root"
echo "bench-sync: building tests (release) in $scratch" >&2
swift build --build-tests "${flags[@]}" >&2
KURSUS_BENCH_SYNC=1 KURSUS_BENCH_SYNC_COUNT="${1:-10000}" KURSUS_BENCH_SYNC_BATCH="${2:-100}" \
    swift test --skip-build "${flags[@]}" --filter SyncBenchmark 2>&1 | grep -E 'bench-sync:|✘|✔ Test run|error'
