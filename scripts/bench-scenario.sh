#!/usr/bin/env bash
# Benchmarks `kursus validate` on a package holding one 20,000-node scenario (the
# largest a file may have) against PyYAML's libyaml loader reading the same YAML.
# Validation parses the file, checks the whole graph (targets, reachability, dead
# ends, cycles without an ending, variables) and searches the score range; PyYAML only
# turns the YAML into dicts and lists, so it is the floor for "reading this file".
#
# Usage: scripts/bench-scenario.sh [--check]
#   --check   exit 1 when kursus takes more than 1.5 times as long as PyYAML
#
# Environment:
#   KURSUS_BENCH_SCRATCH  SwiftPM scratch path for the release build (default .build-release)
#   KURSUS_BIN            use this kursus binary instead of building one
#   KURSUS_BENCH_RUNS     timed runs of each program (default 9)
#
# The scenario is generated (same bytes on every run): a chain of choice points with
# two options each (one adds to the score), narration between them, three endings.
set -euo pipefail

check=0
for argument in "$@"; do
    case "$argument" in
    --check) check=1 ;;
    -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-scenario: unknown argument: $argument" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${KURSUS_BENCH_SCRATCH:-$root/.build-release}
runs=${KURSUS_BENCH_RUNS:-9}
bench=bench-scenario
# shellcheck source=scripts/bench-common.sh
. "$root/scripts/bench-common.sh"

missing=()
[ -x /usr/bin/time ] || missing+=(time)
/usr/bin/python3 -c 'import yaml' 2>/dev/null || missing+=(python3 python3-yaml)
[ ${#missing[@]} -eq 0 ] || install_packages "${missing[@]}"
python=/usr/bin/python3
loader=CSafeLoader
"$python" -c 'import yaml; yaml.CSafeLoader' 2>/dev/null || loader=SafeLoader
find_kursus

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/package/scenarier"
scenario=$work/package/scenarier/stor.yaml
"$python" - "$scenario" <<'PY'
import sys
n = 20000
out = ["format: kursus-scenario/1", "id: stor", "title: Stor", "participants:",
       "  - {id: p, name: Inger, role: citizen}", "call: {device: tablet, connection: weak}",
       "variables:", "  score: 0", "nodes:"]
for i in range(n - 3):
    if i % 2 == 0:
        out.append(f"  - id: n{i}\n    choice: Valg {i}\n    options:\n"
                   f"      - {{text: A, feedback: Godt, goto: n{i + 1}, effects: [{{add: score, value: 1}}]}}\n"
                   f"      - {{text: B, feedback: Mindre godt, goto: n{i + 1}}}")
    else:
        out.append(f"  - {{id: n{i}, say: p, text: Replik {i}, next: n{i + 1}}}")
out.append(f"  - id: n{n - 3}\n    choice: Slut?\n    options:\n"
           "      - {text: A, feedback: F, goto: slut-a}\n      - {text: B, feedback: F, goto: slut-b}")
out.append("  - {id: slut-a, ending: En, debrief: D}")
out.append("  - {id: slut-b, ending: To, debrief: D}")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
cat >"$work/package/course.yaml" <<'YAML'
format: kursus/1
id: bench
title: Bench
language: da
version: "1"
modules:
  - id: m
    title: M
    units:
      - {id: s, kind: scenario, title: Stor, file: scenarier/stor.yaml}
YAML

kursus_cmd=("$kursus" validate "$work/package")
pyyaml_cmd=("$python" -c "import yaml,sys; yaml.load(open(sys.argv[1]), Loader=yaml.$loader)" "$scenario")
"${kursus_cmd[@]}" >"$work/out.txt" 2>&1 || { head -20 "$work/out.txt" >&2; fail "kursus validate failed on the generated scenario"; }
"${pyyaml_cmd[@]}" >/dev/null || fail "PyYAML failed on the generated scenario"

: >"$work/kursus.txt"
: >"$work/pyyaml.txt"
measure "${kursus_cmd[@]}" >/dev/null # warm the file cache
for _ in $(seq "$runs"); do # alternate so both see the same machine load
    measure "${pyyaml_cmd[@]}" >>"$work/pyyaml.txt"
    measure "${kursus_cmd[@]}" >>"$work/kursus.txt"
done
kursus_us=$(cut -d' ' -f1 "$work/kursus.txt" | median)
pyyaml_us=$(cut -d' ' -f1 "$work/pyyaml.txt" | median)
result=$(ratio "$kursus_us" "$pyyaml_us")

printf 'input:      20000 nodes, %s bytes of scenario YAML (%s runs each%s)\n' "$(stat -c %s "$scenario")" "$runs" \
    "$([ ${#priority[@]} -gt 0 ] && echo ', real-time priority')"
printf 'kursus:     %8.3f s median   %7d KiB peak RSS   (validate: parse, graph checks, score search)\n' \
    "$(awk -v u="$kursus_us" 'BEGIN { print u / 1e6 }')" "$(cut -d' ' -f2 "$work/kursus.txt" | sort -n | tail -1)"
printf 'pyyaml:     %8.3f s median   %7d KiB peak RSS   (yaml.load, %s)\n' \
    "$(awk -v u="$pyyaml_us" 'BEGIN { print u / 1e6 }')" "$(cut -d' ' -f2 "$work/pyyaml.txt" | sort -n | tail -1)" "$loader"
printf 'ratio:      %s (kursus / PyYAML; target <= 1.5)\n' "$result"
printf 'goal:       under 1 s (issue 16; no other program validates scenarios, so PyYAML reading the file is the only peer)\n'
grep -h 'note:' "$work/out.txt" | sed 's/^/note:       /' | sed 's|/tmp/[^ ]*/||'

if [ "$check" = 1 ] && awk -v r="$result" 'BEGIN { exit !(r > 1.5) }'; then
    echo "bench-scenario: kursus validate is more than 1.5 times slower than PyYAML on the same file" >&2
    exit 1
fi
