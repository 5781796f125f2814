#!/usr/bin/env bash
# The op-call bridge, two ways:
#  1. JMH OpCallBench: 1,000 JS -> Java operation calls through the bridge (files.exists: string in, boolean
#     out; audit.list({limit:1}): record in, record list out), next to 1,000 plain JS calls returning an object
#     literal as the floor. Figures: microseconds per 1,000 calls (AverageTime), in a JMH fork (full tiered JIT).
#  2. A script as a user runs it: N x files.exists('/etc') in `./bosun run` (the launcher's JVM flags), timed
#     inside the script after a warm-up loop, next to node's fs.existsSync in the same loop; RUNS runs each,
#     interleaved, median and range of the per-call microseconds.
#   bench/opcall.sh [jmh args]     (default: -wi 2 -i 3 -f 1; any args replace the defaults)
#   RUNS=5 N=100000 bench/opcall.sh   (RUNS=0 skips part 2; JMH=0 skips part 1)
. "$(dirname "$0")/lib.sh"
bench_build
bosun_warm
machine_header
RUNS=${RUNS:-5}
N=${N:-100000}
if [ "${JMH:-1}" != 0 ]; then
  echo "figures: JMH AverageTime, microseconds per 1,000 calls made inside JS (Score +- Error is the 99.9% interval)"
  args=("$@"); [ $# -gt 0 ] || args=("${JMH_QUICK[@]}")
  jmh OpCallBench "${args[@]}" | sed -n '/^Benchmark /,$p'
fi
if [ "$RUNS" -gt 0 ]; then
  echo "figures: microseconds per call, $N calls after $N warm-up calls, median of $RUNS interleaved runs (min, max)"
  node_loop="const fs = require('fs'); const n = $N; let k = 0;
    for (let i = 0; i < n; i++) { if (fs.existsSync('/etc')) k++; }
    const t = process.hrtime.bigint(); for (let i = 0; i < n; i++) { if (fs.existsSync('/etc')) k++; }
    console.log((Number(process.hrtime.bigint() - t) / 1000 / n).toFixed(2));"
  bosun_out=() node_out=()
  for ((i = 0; i < RUNS; i++)); do
    bosun_out+=("$("$REPO/bosun" run "$REPO/bench/opcall/exists-loop.js" "$N")")
    command -v node >/dev/null && node_out+=("$(node -e "$node_loop")")
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
    printf "median %6.2f us   (min %.2f, max %.2f, n=%d)\n", m, a[1], a[NR], NR }'; }
  printf '%-44s %s\n' "bosun run: files.exists('/etc')" "$(median "${bosun_out[@]}")"
  [ ${#node_out[@]} -gt 0 ] && printf '%-44s %s\n' "baseline: node fs.existsSync('/etc')" "$(median "${node_out[@]}")"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
