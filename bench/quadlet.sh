#!/usr/bin/env bash
# Quadlet generator benchmarks, all in one run on the same machine:
#  1. Podman's e2e corpus (the 216 manifest cases, staged once as Podman's harness stages them, one directory per
#     case): Bosun's generator over every case in ONE JVM (CorpusRun; wall time of the whole process, JVM start
#     included) against Podman's own generator binary run ONCE PER CASE (216 processes, what Podman's harness and
#     a daemon-reload per unit directory do). Then the same Bosun run in-process: cold first round and warm rounds.
#     Podman's binary: $QUADLET, else ${TMPDIR:-/tmp}/quadlet-oracle/sid/... from shared/tools/quadlet-reference-setup.sh.
#  2. One `bosun quadlet generate -dryrun` process (launcher, one case): what a single invocation costs.
#  3. JMH GenerateBench: quadlet.generate latency per unit (parse + convert), one corpus unit of each type, us/op.
#  4. JMH CorpusBench: parse + validate (the generator's verdict plus Bosun's checks) + render of every corpus file.
#   bench/quadlet.sh [ROUNDS] [jmh args]    (ROUNDS default 5; jmh default -wi 2 -i 3 -f 1)
. "$(dirname "$0")/lib.sh"
R=${1:-5}
shift $(( $# < 1 ? $# : 1 ))
bench_build
[ "${BOSUN_NO_BUILD:-0}" = 1 ] || bosun_warm
cd "$REPO"
SHARED="$REPO/../shared"
CORPUS="$SHARED/quadlet-corpus"
MANIFEST="$SHARED/quadlet-corpus-manifest.json"
[ -d "$CORPUS" ] && [ -f "$MANIFEST" ] || { echo "bench/quadlet.sh: no corpus at $CORPUS" >&2; exit 2; }
Q=${QUADLET:-${TMPDIR:-/tmp}/quadlet-oracle/sid/usr/libexec/podman/quadlet}
WORK=$(mktemp -d /tmp/bosun-bench-quadlet.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
run_java() { "$JAVA" "${JAVA_FLAGS[@]}" -XX:TieredStopAtLevel=1 -cp "$BENCH_CP" dev.bosun.bench.quadlet.CorpusRun "$@"; }

machine_header
run_java stage "$CORPUS" "$MANIFEST" "$WORK"
CASES=$(ls "$WORK" | wc -l)
echo "== 1. the whole corpus ($CASES cases), wall time of all processes, $R runs each"
timeit "$R" "bosun: all $CASES cases in one JVM (CorpusRun)" run_java generate "$WORK" 1
if [ -x "$Q" ]; then
  podman_each() {
    local d
    for d in "$WORK"/*/; do
      env -i QUADLET_UNIT_DIRS="${d}quadlet" PODMAN=/usr/bin/podman "$Q" -no-kmsg-log "${d}podman" >/dev/null 2>&1 || true
    done
  }
  timeit "$R" "podman $("$Q" -version): quadlet once per case ($CASES)" podman_each
else
  echo "(no Podman generator at $Q: run ../shared/tools/quadlet-reference-setup.sh for the baseline)"
fi
run_java generate "$WORK" 21

echo "== 2. one bosun quadlet generate process (launcher, basic.container, -dryrun)"
ONE_DIR=$(dirname "$(ls "$WORK"/*/quadlet/basic.container | head -1)")
timeit "$R" "bosun quadlet generate -dryrun (one case)" env QUADLET_UNIT_DIRS="$ONE_DIR" "$REPO/bosun" quadlet generate -dryrun
[ -x "$Q" ] && timeit "$R" "podman quadlet -dryrun (one case)" env -i QUADLET_UNIT_DIRS="$ONE_DIR" "$Q" -dryrun

args=("$@"); [ $# -gt 0 ] || args=("${JMH_QUICK[@]}")
echo "== 3. quadlet.generate latency per unit (JMH AverageTime, us/op)"
jmh GenerateBench "${args[@]}" | sed -n '/^Benchmark /,$p'
echo "== 4. parse + validate + render of the whole corpus (JMH Throughput, corpora/s)"
jmh CorpusBench "${args[@]}" | sed -n '/^Benchmark /,$p'
