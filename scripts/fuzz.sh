#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer driver (Fuzz/kursus-fuzz) with AddressSanitizer into
# .build-fuzz and runs every target (or those named) for FUZZ_SECONDS each. Anything the
# fuzzer finds (a crash, a leak, a timeout over 1 s, an input over FUZZ_RSS_MB) is copied
# to Fuzz/Regressions/<target>/, which the normal test suite replays; commit it with the
# fix. New corpus entries stay in .build-fuzz/corpus/<target> for the next run.
#
#   scripts/fuzz.sh [TARGET...]       FUZZ_SECONDS=60 FUZZ_RSS_MB=1024 FUZZ_MAX_LEN=0
#   scripts/fuzz.sh --build           only build
#   scripts/fuzz.sh --list            the targets
#
# Prints one line per target: executions, executions per second, and what was found;
# the same lines go to .build-fuzz/fuzz-summary.tsv. Exits 1 when anything was found.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_RSS_MB=${FUZZ_RSS_MB:-1024}
FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-0}
scratch=.build-fuzz
# SwiftPM renames `main` and gold fails on the result, so the driver calls
# LLVMFuzzerRunDriver itself and is linked with lld. KURSUS_FUZZ=1 declares it in
# Package.swift; the C targets (libyaml in Yams) are instrumented too.
build_flags=(-c release --scratch-path "$scratch" --product kursus-fuzz
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xcc -fsanitize=fuzzer-no-link,address)
export KURSUS_FUZZ=1

"$SWIFT" build "${build_flags[@]}" >&2
bin="$("$SWIFT" build "${build_flags[@]}" --show-bin-path)/kursus-fuzz"
case "${1:-}" in
--build) exit 0 ;;
--list) "$bin" --list; exit 0 ;;
esac

if [ "$#" -gt 0 ]; then targets=("$@"); else mapfile -t targets < <("$bin" --list | cut -f1); fi
summary="$scratch/fuzz-summary.tsv"
mkdir -p "$scratch/logs"
printf 'target\tseconds\texecutions\texec/s\tpeak_rss_mb\tfound\n' >"$summary"
found_any=0
for target in "${targets[@]}"; do
    work="$scratch/corpus/$target"
    artifacts="$scratch/artifacts/$target"
    log="$scratch/logs/$target.log"
    mkdir -p "$work" "$artifacts" "Fuzz/Regressions/$target"
    rm -f "$artifacts"/*
    status=0
    # timeout: a hang outside libFuzzer's own -timeout (in start-up, say) still ends.
    # Leaks: libFuzzer runs an input twice and asks LeakSanitizer when the second run
    # allocated more than it freed. The check at exit is off: it reports Swift's lazily
    # made globals (held through enum payloads whose spare bits hide the pointer) as leaks.
    SWIFT_BACKTRACE=enable=no KURSUS_FUZZ_TARGET="$target" \
        ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:leak_check_at_exit=0:allocator_may_return_null=1}" \
        timeout -k 10 $((FUZZ_SECONDS + 120)) "$bin" \
        -max_total_time="$FUZZ_SECONDS" -timeout=1 -rss_limit_mb="$FUZZ_RSS_MB" -max_len="$FUZZ_MAX_LEN" \
        -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "$work" "Fuzz/Corpus/$target" "Fuzz/Regressions/$target" >"$log" 2>&1 || status=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    found=""
    for artifact in "$artifacts"/*; do
        [ -f "$artifact" ] || continue
        cp "$artifact" "Fuzz/Regressions/$target/"
        found="$found $(basename "$artifact")"
    done
    if [ -z "$found" ] && [ "$status" -ne 0 ]; then found=" exit status $status (see $log)"; fi
    [ -n "$found" ] && found_any=1
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$FUZZ_SECONDS" "${executions:-?}" "${rate:-?}" "${rss:-?}" "${found:- none}" | tee -a "$summary"
done
if [ "$found_any" -ne 0 ]; then
    echo "fuzz: findings were copied to Fuzz/Regressions/; the logs are in $scratch/logs" >&2
    exit 1
fi
