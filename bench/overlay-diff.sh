#!/usr/bin/env bash
# Benchmark: overlay.diff over an upper layer of 100,000 files (10,000 replacing lower files, 90,000 new)
# next to the shell baselines people use today, all in the same run:
#   find UPPER -newer STAMP      (lists what was written after a stamp; no kinds, no whiteouts)
#   find UPPER                   (the bare walk, a lower bound for any diff)
#   diff -rq LOWER MERGED        (the overlay mounted in a private mount namespace)
# Needs root (mount), util-linux unshare, and a built tree (mvn -o -pl stdlib -am test-compile).
# Usage: bench/overlay-diff.sh [RUNS]   (default 5; medians in milliseconds)
set -euo pipefail
RUNS=${1:-5}
HERE=$(cd "$(dirname "$0")/.." && pwd)
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
M2=${M2_REPO:-$HOME/.m2/repository}
CP="$HERE/stdlib/target/classes:$HERE/api/target/classes"
for j in org/xerial/sqlite-jdbc/3.54.1.0/sqlite-jdbc-3.54.1.0.jar org/pf4j/pf4j/3.15.0/pf4j-3.15.0.jar \
         org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar \
         io/github/java-diff-utils/java-diff-utils/4.15/java-diff-utils-4.15.jar; do
  CP="$CP:$M2/$j"
done
[ "$(id -u)" = 0 ] || { echo "needs root (overlay mounts for the diff -rq baseline)" >&2; exit 2; }

S=$(mktemp -d /tmp/bosun-bench-overlay.XXXXXX)
trap 'rm -rf "$S"' EXIT
mkdir -p "$S/lower"
# awk writes many files without a fork per file.
mkfiles() { awk -v dir="$1" -v n="$2" -v text="$3" 'BEGIN { for (i = 0; i < n; i++) { f = dir "/f" i; print text > f; close(f) } }'; }
for d in $(seq 0 9); do mkdir -p "$S/lower/l$d"; mkfiles "$S/lower/l$d" 1000 lower; done

# Create the overlay with Bosun itself (the layout and state record are the real ones).
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP:$HERE/stdlib/target/test-classes" \
  dev.bosun.stdlib.overlay.CreateOnce "$S" bench - 2>/dev/null | grep -q '^won$' || { echo "create failed" >&2; exit 1; }
UPPER="$S/var/lib/bosun/overlays/bench/upper"
MERGED="$S/var/lib/bosun/overlays/bench/merged"
touch "$S/stamp"; sleep 1
for d in $(seq 0 9); do mkdir -p "$UPPER/l$d"; mkfiles "$UPPER/l$d" 1000 upper; done
for d in $(seq 0 89); do mkdir -p "$UPPER/n$d"; mkfiles "$UPPER/n$d" 1000 new; done
echo "upper files: $(find "$UPPER" -type f | wc -l)   lower files: $(find "$S/lower" -type f | wc -l)   runs: $RUNS"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
timeit() { # prints the median wall time in ms of running "$@" RUNS times (output discarded)
  for _ in $(seq 1 "$RUNS"); do
    t0=$(date +%s%N); "$@" > /dev/null 2>&1 || true; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 ))
  done | median
}
echo "find upper -newer stamp   median_ms=$(timeit find "$UPPER" -newer "$S/stamp")"
echo "find upper                median_ms=$(timeit find "$UPPER")"
# diff -rq needs the merged view: mount it in a private namespace that dies with the shell.
unshare -m --propagation private bash -c '
  set -e
  mount -t overlay overlay -o "lowerdir=$1/lower,upperdir=$2,workdir=$(dirname "$2")/work" "$3"
  for _ in $(seq 1 "$4"); do
    t0=$(date +%s%N); diff -rq "$1/lower" "$3" > /dev/null 2>&1 || true; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 ))
  done | sort -n | awk "{ a[NR] = \$1 } END { print \"diff -rq lower merged    median_ms=\" a[int((NR + 1) / 2)] }"
' bash "$S" "$UPPER" "$MERGED" "$RUNS"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP:$HERE/bench/src/main/java" \
  "$HERE/bench/src/main/java/dev/bosun/bench/overlay/OverlayDiffBench.java" "$S" bench "$RUNS" 2>/dev/null
echo "overlay.diff whole process (JVM start + one diff): median_ms=$(timeit "$JAVA" --enable-native-access=ALL-UNNAMED \
  -cp "$CP" -XX:TieredStopAtLevel=1 "$HERE/bench/src/main/java/dev/bosun/bench/overlay/OverlayDiffBench.java" "$S" bench 0)"
grep -q "$S" /proc/self/mountinfo && { echo "mount leaked" >&2; exit 1; } || true
