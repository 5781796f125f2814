#!/usr/bin/env bash
# JMH CorpusBench: parse + validate + render of the whole Podman quadlet corpus (shared/quadlet-corpus,
# found from a parent of the repository, or -Dbosun.corpus=DIR). Figure: corpora per second (Throughput).
# There is no baseline tool in this run (podman's quadlet generator is not installed here).
#   bench/quadlet.sh [jmh args]    (default: -wi 2 -i 3 -f 1; any args replace the defaults)
. "$(dirname "$0")/lib.sh"
bench_build
cd "$REPO"   # the benchmark looks for the corpus upwards from the working directory
machine_header
echo "figures: JMH Throughput, whole corpora per second (Score +- Error is the 99.9% interval)"
args=("$@"); [ $# -gt 0 ] || args=("${JMH_QUICK[@]}")
jmh CorpusBench "${args[@]}" | sed -n '/^Benchmark /,$p'
