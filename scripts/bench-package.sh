#!/usr/bin/env bash
# Benchmarks opening a large one-file course package (.kursus): a generated 50 MB
# package with 2,000 lesson units (the issue's target: first frame in under 300 ms).
# It times, from the archive and from the same course unpacked in a folder:
#   - the first frame: `kursus preview` in a real terminal (tmux), from start until the
#     course menu is on screen (polled every 5 ms);
#   - `kursus validate`, which opens the package and reads every lesson;
# and, side by side, Info-ZIP's `unzip -l` (read the zip's index) and `unzip -p` (inflate
# course.yaml and every lesson) on the same file: the floor for reading that index and
# those lessons. A package is never unpacked: kursus reads the index once and inflates
# only the files it needs (the manifest and lessons; none of the 40 MB of images).
#
# Usage: scripts/bench-package.sh [--check]
#   --check   exit 1 when the first frame from the archive takes 300 ms or more
#
# Environment:
#   KURSUS_BENCH_SCRATCH  SwiftPM scratch path for the release build (default .build-release)
#   KURSUS_BIN            use this kursus binary instead of building one
#   KURSUS_BENCH_RUNS     timed runs of each program (default 7)
set -euo pipefail

check=0
for argument in "$@"; do
    case "$argument" in
    --check) check=1 ;;
    -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-package: unknown argument: $argument" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${KURSUS_BENCH_SCRATCH:-$root/.build-release}
runs=${KURSUS_BENCH_RUNS:-7}
bench=bench-package
# shellcheck source=scripts/bench-common.sh
. "$root/scripts/bench-common.sh"

missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v unzip >/dev/null || missing+=(unzip)
command -v tmux >/dev/null || missing+=(tmux)
command -v python3 >/dev/null || missing+=(python3)
[ ${#missing[@]} -eq 0 ] || install_packages "${missing[@]}"
find_kursus

work=$(mktemp -d)
socket="kursus-bench-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

# The course: 20 modules of 100 lessons (about 2 KB of Markdown each, one image
# reference each) and 200 images of 250 KB (random bytes: incompressible, stored).
python3 - "$work/course" <<'PY'
import os, random, sys
root = sys.argv[1]
rng = random.Random(11)
os.makedirs(f"{root}/lektioner", exist_ok=True)
os.makedirs(f"{root}/billeder", exist_ok=True)
for i in range(200):
    with open(f"{root}/billeder/b{i:03}.png", "wb") as f:
        f.write(rng.randbytes(250_000))
words = "patient borger video konsultation samtykke journal sikkerhed adgangskode kollega afdeling".split()
lines = ["format: kursus/1", "id: stor", "title: Et stort kursus", "language: da", 'version: "1.0.0"', "modules:"]
for m in range(20):
    lines += [f"  - id: m{m:02}", f"    title: Modul {m + 1}", "    units:"]
    for u in range(100):
        n = m * 100 + u
        lines.append(f"      - {{id: l{n:04}, kind: lesson, file: lektioner/l{n:04}.md}}")
        body = "\n\n".join(" ".join(rng.choice(words) for _ in range(60)) for _ in range(4))
        with open(f"{root}/lektioner/l{n:04}.md", "w") as f:
            f.write(f"---\ntitle: Lektion {n + 1}\nminutes: 3\n---\n# Lektion {n + 1}\n\n{body}\n\n![Figur](../billeder/b{n % 200:03}.png)\n")
open(f"{root}/course.yaml", "w").write("\n".join(lines) + "\n")
PY
package=$work/stor.kursus
"$kursus" pack "$work/course" -o "$package" >"$work/pack.txt" 2>&1 || { cat "$work/pack.txt" >&2; fail "kursus pack failed"; }

# First frame: start `kursus preview` in tmux and poll until the menu shows.
first_frame() {
    local start end
    tmux -L "$socket" kill-server 2>/dev/null || true
    start=$(date +%s%N)
    tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 30 \
        "env LANG=C.UTF-8 TERM=tmux-256color $(printf '%q ' "${priority[@]}" "$kursus" preview "$1" --lang da); sleep 60"
    until tmux -L "$socket" capture-pane -p 2>/dev/null | grep -q 'Lektion 1\b'; do
        sleep 0.005
        [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 20000 ] || fail "no first frame of $1 within 20 s"
    done
    end=$(date +%s%N)
    tmux -L "$socket" kill-server 2>/dev/null || true
    echo $(((end - start) / 1000))
}

lessons=$(cd "$work/course" && ls lektioner/*.md | tr '\n' ' ')
: >"$work/frame-archive.txt"; : >"$work/frame-folder.txt"
: >"$work/validate-archive.txt"; : >"$work/validate-folder.txt"
: >"$work/unzip-l.txt"; : >"$work/unzip-p.txt"
"$kursus" validate "$package" >"$work/validate.txt" 2>&1 || { tail -5 "$work/validate.txt" >&2; fail "kursus validate failed on the package"; }
first_frame "$package" >/dev/null # warm the file cache
for _ in $(seq "$runs"); do
    first_frame "$package" >>"$work/frame-archive.txt"
    first_frame "$work/course" >>"$work/frame-folder.txt"
    measure "$kursus" validate "$package" | cut -d' ' -f1 >>"$work/validate-archive.txt"
    measure "$kursus" validate "$work/course" | cut -d' ' -f1 >>"$work/validate-folder.txt"
    measure unzip -l "$package" | cut -d' ' -f1 >>"$work/unzip-l.txt"
    # shellcheck disable=SC2086
    measure unzip -p "$package" course.yaml $lessons | cut -d' ' -f1 >>"$work/unzip-p.txt"
done
ms() { awk -v u="$(median <"$1")" 'BEGIN { printf "%8.1f ms", u / 1000 }'; }
frame_archive=$(median <"$work/frame-archive.txt")

printf 'input:            %s (%s bytes, 2000 lessons, 200 images; %s runs each%s)\n' "$(basename "$package")" "$(stat -c %s "$package")" \
    "$runs" "$([ ${#priority[@]} -gt 0 ] && echo ', real-time priority')"
printf 'first frame:      archive %s   folder %s   (kursus preview in tmux until the menu shows)\n' \
    "$(ms "$work/frame-archive.txt")" "$(ms "$work/frame-folder.txt")"
printf 'validate:         archive %s   folder %s   (kursus validate: every lesson read)\n' \
    "$(ms "$work/validate-archive.txt")" "$(ms "$work/validate-folder.txt")"
printf 'unzip:            -l %s   -p course.yaml + lessons %s\n' "$(ms "$work/unzip-l.txt")" "$(ms "$work/unzip-p.txt")"
printf 'ratio:            first frame archive/folder %s; validate archive / unzip -p %s (target: first frame < 300 ms)\n' \
    "$(ratio "$frame_archive" "$(median <"$work/frame-folder.txt")")" \
    "$(ratio "$(median <"$work/validate-archive.txt")" "$(median <"$work/unzip-p.txt")")"

if [ "$check" = 1 ] && [ "$frame_archive" -ge 300000 ]; then
    echo "bench-package: the first frame from the archive took $((frame_archive / 1000)) ms (limit 300 ms)" >&2
    exit 1
fi
