# Shared by the benchmark scripts (bench-render.sh, bench-quiz.sh). Source it after
# setting `bench` (the script's name for messages), `root` (the repository) and
# `scratch` (the SwiftPM scratch path for the release build).

fail() { echo "$bench: $*" >&2; exit 2; }

# Installs Debian packages when running as root; otherwise says which are missing.
install_packages() {
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "$bench: installing $*" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -qq "$@" >/dev/null 2>&1 ||
            { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$@" >/dev/null 2>&1; } ||
            fail "cannot install $*"
    else
        fail "needs $* (apt-get install $*)"
    fi
}

# Sets `kursus` to the release binary: $KURSUS_BIN, or a release build in $scratch.
find_kursus() {
    if [ -n "${KURSUS_BIN:-}" ]; then
        kursus=$KURSUS_BIN
    else
        echo "$bench: building kursus (release) in $scratch" >&2
        (cd "$root" && swift build -c release --scratch-path "$scratch" --product kursus >&2) || fail "release build failed"
        kursus=$scratch/release/kursus
    fi
    [ -x "$kursus" ] || fail "no kursus binary at $kursus"
}

# As root, the programs run under the real-time scheduler (chrt -f) so that other work
# on the machine disturbs the comparison less.
priority=()
if [ "$(id -u)" = 0 ] && command -v chrt >/dev/null && chrt -f 10 true 2>/dev/null; then
    priority=(chrt -f 10)
fi

# One timed run: prints "microseconds peak-kilobytes". (A plain loop rather than
# hyperfine, so that one run gives both the time and the peak RSS.) Needs $work.
measure() {
    local start end
    start=$(date +%s%N)
    "${priority[@]}" /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null
    end=$(date +%s%N)
    echo "$(((end - start) / 1000)) $(cat "$work/rss")"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
