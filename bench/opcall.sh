#!/usr/bin/env bash
# JMH OpCallBench: 1,000 JS -> Java operation calls through the bridge (files.exists: string in, boolean
# out; audit.list({limit:1}): record in, record list out), next to 1,000 plain JS calls returning an object
# literal as the floor. Figures: microseconds per 1,000 calls (AverageTime).
#   bench/opcall.sh [jmh args]     (default: -wi 2 -i 3 -f 1; any args replace the defaults)
. "$(dirname "$0")/lib.sh"
bench_build
machine_header
echo "figures: JMH AverageTime, microseconds per 1,000 calls made inside JS (Score +- Error is the 99.9% interval)"
args=("$@"); [ $# -gt 0 ] || args=("${JMH_QUICK[@]}")
jmh OpCallBench "${args[@]}" | sed -n '/^Benchmark /,$p'
