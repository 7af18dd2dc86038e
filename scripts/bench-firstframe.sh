#!/usr/bin/env bash
# Benchmarks the first frame of a large course: `kursus play` of a generated 2,000-lesson
# course (about 6 MB of Markdown) from process start until the course menu has been
# drawn, against the same for the bundled course (the peer: a large course should open
# as fast as a small one). `KURSUS_EXIT_AFTER_FIRST_FRAME=1` makes `play` quit (saving as
# on `q`) right after it has drawn the course menu the first time; the script starts
# kursus on a pseudo-terminal of 80x24 and times it with a monotonic clock until it has
# exited, several runs, median. The learner is opened with --learner (no PIN), after a
# first untimed run that creates them, so every timed run opens a returning learner.
#
# Two first frames are timed for the large course: "cold", the first start after its
# files changed (the fingerprint cache does not know them, so every lesson is read in
# full), and "warm", every later start (only what the menu needs is read).
#
# Usage: scripts/bench-firstframe.sh [--check]
#   --check   exit 1 when the large course's warm first frame takes 100 ms or more, or
#             more than 1.5 times the bundled course's
#
# Environment:
#   KURSUS_BENCH_SCRATCH  SwiftPM scratch path for the release build (default .build-release)
#   KURSUS_BIN            use this kursus binary instead of building one
#   KURSUS_BENCH_RUNS     timed runs of each course (default 15)
set -euo pipefail

check=0
for argument in "$@"; do
    case "$argument" in
    --check) check=1 ;;
    -h | --help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-firstframe: unknown argument: $argument" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${KURSUS_BENCH_SCRATCH:-$root/.build-release}
runs=${KURSUS_BENCH_RUNS:-15}
bench=bench-firstframe
# shellcheck source=scripts/bench-common.sh
. "$root/scripts/bench-common.sh"
case "$runs" in '' | *[!0-9]* | 0) fail "KURSUS_BENCH_RUNS must be a whole number >= 1" ;; esac

command -v python3 >/dev/null || install_packages python3
find_kursus

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The course: 40 modules of 50 lessons, titles, minutes and objectives in each lesson's
# front matter (as in the bundled course), about 3 KB of Danish Markdown per lesson:
# headings, paragraphs, lists, emphasis, a table in every fifth lesson. The same bytes
# on every run.
python3 - "$work/stor" <<'PY' || fail "could not generate the course"
import os, sys
root = sys.argv[1]
os.makedirs(f"{root}/lektioner", exist_ok=True)
topics = ["videokonsultationen", "prøveopkaldet", "journalføringen", "samtykket", "borgerens tablet",
          "mikrofonen", "kameraet", "netforbindelsen", "den pårørende", "opfølgningen", "sikker mail",
          "MitID-login", "skærmdelingen", "tolkningen", "hjemmeplejen", "genoptræningen"]
roles = ["sygeplejersken", "diætisten", "ergoterapeuten", "fysioterapeuten", "lægesekretæren", "teamlederen"]
things = ["en tydelig plan B", "et telefonnummer til borgeren", "et roligt rum", "lys forfra",
          "en hørbar lyd", "en kort dagsorden", "borgerens samtykke", "en opdateret app"]
def pick(seq, i, k=1): return seq[(i * k + i // len(seq)) % len(seq)]
def paragraph(i, j):
    return (f"Når {pick(roles, i + j)} forbereder {pick(topics, i + j, 3)}, er det en god idé at have "
            f"**{pick(things, i + j, 5)}** klar. Borgeren skal vide, hvad der sker, og hvem der ringer. "
            f"Tænk også på *{pick(topics, i + j, 7)}*, og aftal, hvad I gør, hvis forbindelsen svigter "
            f"midt i samtalen. Skriv det ned i journalen bagefter, så kollegerne kan følge op.\n")
manifest = ["format: kursus/1", "id: stor", "title: Et stort kursus", "language: da", "version: 1.0.0", "modules:"]
for m in range(40):
    manifest += [f"  - id: modul-{m + 1:02}", f'    title: "Modul {m + 1}: {pick(topics, m).capitalize()}"', "    units:"]
    for u in range(50):
        i = m * 50 + u
        name = f"m{m + 1:02}-{u + 1:02}-{pick(topics, i).replace(' ', '-')}.md"
        manifest += [f"      - id: lektion-{i + 1:04}", "        kind: lesson", f"        file: lektioner/{name}"]
        out = ["---", f'title: "{pick(topics, i, 3).capitalize()}: {pick(roles, i)} og {pick(things, i)} ({i + 1})"',
               f"minutes: {2 + i % 3}", "objectives:"]
        out += [f"  - Du kan forklare {pick(topics, i + k, 5)} for {pick(roles, i + k, 3)}." for k in range(3)]
        out += ["---", "", f"# {pick(topics, i, 3).capitalize()}", "", paragraph(i, 0)]
        for s in range(3):
            out += [f"## {pick(things, i + s, 3).capitalize()}", "", paragraph(i, s + 1)]
            out += [paragraph(i, s + 5)] if s < 2 else []
            out += [f"- {pick(topics, i + s + k, 11).capitalize()}: husk {pick(things, i + k, 7)}." for k in range(4)]
            out += [""]
        if i % 5 == 0:
            out += ["| Hvem | Hvad | Hvornår |", "| --- | --- | --- |"]
            out += [f"| {pick(roles, i + k)} | {pick(things, i + k, 3)} | dag {k + 1} |" for k in range(4)]
            out += [""]
        out += ["> **Husk:** " + paragraph(i, 9)]
        with open(f"{root}/lektioner/{name}", "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
with open(f"{root}/course.yaml", "w", encoding="utf-8") as f:
    f.write("\n".join(manifest) + "\n")
PY
"$kursus" validate "$work/stor" >"$work/out.txt" 2>&1 || { head -20 "$work/out.txt" >&2; fail "the generated course does not validate"; }
bundled=$root/Courses/digital-kompetence
[ -f "$bundled/course.yaml" ] || fail "no bundled course at $bundled"

# Starts kursus on a pseudo-terminal (80x24) and times it until it exits: prints
# "microseconds cpu-microseconds peak-kilobytes". Fails when kursus fails or takes more
# than 20 s (it did not quit after the first frame).
cat >"$work/firstframe.py" <<'PY'
import fcntl, os, pty, select, struct, subprocess, sys, termios, time
master, slave = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", KURSUS_EXIT_AFTER_FIRST_FRAME="1")
start = time.monotonic_ns()
child = subprocess.Popen(sys.argv[1:], stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
os.close(slave)
output = b""
deadline = start + 20_000_000_000
while True:  # drain the terminal so kursus never blocks writing to it
    ready, _, _ = select.select([master], [], [], 0.01)
    if ready:
        try:
            output = (output + os.read(master, 65536))[-4096:]
        except OSError:
            pass
    pid, status, usage = os.wait4(child.pid, os.WNOHANG)
    if pid:
        break
    if time.monotonic_ns() > deadline:
        child.kill()
        sys.exit("kursus did not exit after its first frame within 20 s")
end = time.monotonic_ns()
if os.waitstatus_to_exitcode(status) != 0:
    sys.exit("kursus exited with status %d: %r" % (os.waitstatus_to_exitcode(status), output[-400:]))
cpu = int((usage.ru_utime + usage.ru_stime) * 1e6)
rss = usage.ru_maxrss
print((end - start) // 1000, cpu, rss)
PY

play() { # course data-dir
    python3 "$work/firstframe.py" "$kursus" play "$1" --data-dir "$2" --learner bench
}
touch_lessons() { find "$work/stor/lektioner" -name '*.md' -exec touch {} +; }

# The cache keeps a fingerprint only once every file is 2 s old (a file written in the
# same clock tick as it was read could otherwise keep its stamp; see
# CourseFingerprintCache), so the course rests 2 s before the runs that fill the cache.
sleep 2.1
play "$bundled" "$work/data-bundled" >/dev/null || fail "kursus play of the bundled course failed"
play "$work/stor" "$work/data-stor" >/dev/null || fail "kursus play of the large course failed"
play "$work/stor" "$work/data-stor" >/dev/null || fail "kursus play of the large course failed"
: >"$work/bundled.txt"
: >"$work/warm.txt"
: >"$work/cold.txt"
for _ in $(seq "$runs"); do # interleaved so all see the same machine load
    play "$bundled" "$work/data-bundled" >>"$work/bundled.txt"
    play "$work/stor" "$work/data-stor" >>"$work/warm.txt"
    touch_lessons
    sleep 2.1
    play "$work/stor" "$work/data-stor" >>"$work/cold.txt"
done

declare -A us cpu rss
for name in bundled warm cold; do
    us[$name]=$(cut -d' ' -f1 "$work/$name.txt" | median)
    cpu[$name]=$(cut -d' ' -f2 "$work/$name.txt" | median)
    rss[$name]=$(cut -d' ' -f3 "$work/$name.txt" | sort -n | tail -1)
done
row() { # label name description
    printf '%-13s %7.1f ms median   %7.1f ms CPU   %7d KiB peak RSS   (%s)\n' "$1" \
        "$(awk -v u="${us[$2]}" 'BEGIN { print u / 1e3 }')" "$(awk -v u="${cpu[$2]}" 'BEGIN { print u / 1e3 }')" "${rss[$2]}" "$3"
}
lessons=$(find "$work/stor/lektioner" -name '*.md' | wc -l)
bytes=$(cat "$work/stor/course.yaml" "$work/stor/lektioner"/*.md | wc -c)
printf 'input:        %s lessons, %s bytes (%s runs each)\n' "$lessons" "$bytes" "$runs"
row bundled bundled "the bundled course, process start to the course menu drawn"
row large-warm warm "the large course, started before"
row large-cold cold "the large course after every lesson file was touched"
warm_ratio=$(ratio "${us[warm]}" "${us[bundled]}")
printf 'ratio:        %s (large-warm / bundled; target <= 1.5, and large-warm under 100 ms)\n' "$warm_ratio"
printf 'ratio:        %s (large-cold / bundled)\n' "$(ratio "${us[cold]}" "${us[bundled]}")"

if [ "$check" = 1 ]; then
    if awk -v r="$warm_ratio" -v u="${us[warm]}" 'BEGIN { exit !(r > 1.5 || u >= 100000) }'; then
        echo "bench-firstframe: the large course's first frame is over 100 ms or more than 1.5 times the bundled course's" >&2
        exit 1
    fi
fi
