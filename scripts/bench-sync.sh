#!/usr/bin/env bash
# Times `kursus sync` of 10,000 pending statements (a learner's outbox journal of valid
# xAPI 1.0.3 `answered` statements, made here) to a real Ralph LRS started on loopback,
# with the release binary. The issue's goal: under 30 s. Ralph is the peer that runs
# side by side: the figure is mostly its time to store the statements.
#
# Usage: scripts/bench-sync.sh [--check]
#   --check   exit 1 when the sync takes 30 s or more
#
# Environment:
#   KURSUS_BENCH_SCRATCH   SwiftPM scratch path for the release build (default .build-release)
#   KURSUS_BIN             use this kursus binary instead of building one
#   KURSUS_BENCH_STATEMENTS  statements to send (default 10000)
set -euo pipefail

check=0
[ "${1:-}" = "--check" ] && check=1
bench=bench-sync
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${KURSUS_BENCH_SCRATCH:-$root/.build-release}
count=${KURSUS_BENCH_STATEMENTS:-10000}
# shellcheck source=bench-common.sh
. "$root/scripts/bench-common.sh"
find_kursus
work=$(mktemp -d)
trap '"$root/scripts/ralph-lrs.sh" stop "$work/ralph" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

mkdir -p "$work/ralph"
url=$("$root/scripts/ralph-lrs.sh" start "$work/ralph" | tail -1)
mkdir -p -m 700 "$work/data/learners/bench/outbox"
python3 - "$count" "$work/data/learners/bench/outbox/statements.jsonl" <<'PY'
import json, sys, uuid
count, path = int(sys.argv[1]), sys.argv[2]
namespace = uuid.UUID("494530d2-e927-434c-a672-d33bd9861dcf")
base = "https://kursus.invalid/xapi/courses/bench/units/quiz/questions/"
with open(path, "w") as out:
    for i in range(count):
        statement = {
            "id": str(uuid.uuid5(namespace, f"bench/{i}")),
            "actor": {"objectType": "Agent", "account": {"homePage": "https://kursus.invalid", "name": "bench"}},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en": "answered"}},
            "object": {"objectType": "Activity", "id": base + f"q{i}", "definition": {
                "type": "http://adlnet.gov/expapi/activities/cmi.interaction", "interactionType": "choice",
                "name": {"da": f"Spørgsmål {i}"}, "correctResponsesPattern": ["2"],
                "choices": [{"id": "1", "description": {"da": "Ringer op igen."}}, {"id": "2", "description": {"da": "Spørger om kameraet."}}]}},
            "result": {"response": "2", "success": True, "score": {"scaled": 1, "raw": 1, "min": 0, "max": 1}},
            "context": {"registration": str(uuid.uuid5(namespace, "bench/registration")), "language": "da", "platform": "Kursus"},
            "timestamp": "2026-12-06T09:00:%02d.%03dZ" % (i // 1000 % 60, i % 1000),
        }
        out.write(json.dumps(statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n")
PY
chmod 600 "$work/data/learners/bench/outbox/statements.jsonl"
start=$(date +%s%N)
"$kursus" sync --data-dir "$work/data" --lrs "$url" --credentials "$work/ralph/credentials.yaml" 2>/dev/null
end=$(date +%s%N)
seconds=$(awk -v n="$((end - start))" 'BEGIN { printf "%.2f", n / 1e9 }')
held=$("$kursus" outbox --data-dir "$work/data" --format json | python3 -c 'import json, sys; print(sum(r["sent"] for r in json.load(sys.stdin)))')
echo "$bench: kursus sync of $count statements to Ralph on loopback: $seconds s ($held marked sent; goal: under 30 s)"
[ "$held" = "$count" ] || { echo "$bench: not every statement was delivered" >&2; exit 1; }
if [ "$check" = 1 ] && awk -v s="$seconds" 'BEGIN { exit !(s >= 30) }'; then exit 1; fi
