#!/bin/bash
# Instructions per byte of one BenchmarkExtractLanguage case, counted by cachegrind
# (load-independent, unlike the benchmark's MB/s on a shared machine; needs valgrind).
# usage: BIN=/tmp/x.test [GC=on] scripts/count-instr.sh CASE-REGEX BYTES
# BIN: an extract test binary (go test -c -o /tmp/NAME.test ./extract), absolute path.
# CASE-REGEX matches one sub-benchmark, e.g. 'zh_cn-rs-2024' ; BYTES from the table below.
#   zh_cn-rs-2024 14038 | zh-Hant_cn-rs-2024 14038 | en_us-ie-2021 6740
#   sr-Cyrl_cn-rs-2025-green 2530 | sr-Latn_cn-rs-2025-green 1444
#   sr-Cyrl_rs-kz-2026-long 9770 | sr-Latn_rs-kz-2026-long 5546
# Default GOGC=off (the work itself); GC=on counts the collector as well (default GOGC).
# GODEBUG=cpu.rdtscp=off: the runtime reads the clock with RDTSCP when a thread waits for a
# runtime lock (more often with the collector on), an instruction valgrind 3.19 does not know:
# the run died with SIGILL and the script printed a count of nothing (-38 per byte, seen).
c=$1; b=$2; r=()
cd "$(dirname "$0")/../extract" || exit 1  # the benchmark reads testdata and the corpus from here
gc=off; lo=50; hi=450
# with the collector on, a cycle more or less in the window moves the count: use a longer window
[ "${GC:-}" = on ] && { gc=100; lo=100; hi=2100; }
for n in $lo $hi; do
  out=$(GODEBUG=cpu.rdtscp=off GOGC=$gc valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null ${BIN:?set BIN} -test.run '^$' -test.bench "BenchmarkExtractLanguage/$c\$" -test.cpu 1 -test.benchtime ${n}x 2>&1)
  # a run that died still prints a count: refuse it
  grep -q '^PASS' <<<"$out" || { echo "$c: the run of ${n}x did not finish:" >&2; grep -m3 -i 'unrecognised\|panic\|fatal' <<<"$out" >&2; exit 1; }
  r+=($(grep 'I *refs' <<<"$out" | awk '{gsub(",","",$NF); print $NF}'))
done
python3 -c "print('$c', 'GOGC=$gc', round(($((${r[1]}-${r[0]})))/($hi-$lo)/$b,1), 'instructions/byte')"
