#!/usr/bin/env bash
# Benchmark: overlay.diff over an upper layer of 100,000 files (10,000 replacing lower files, 90,000 new)
# next to the shell baselines people use today, all in the same run. Each figure is wall time in ms:
#   baseline: find UPPER -newer STAMP   (lists what was written after a stamp; no kinds, no whiteouts)
#   baseline: find UPPER                (the bare walk, a lower bound for any diff)
#   baseline: diff -rq LOWER MERGED     (the overlay mounted in a private mount namespace)
#   overlay.diff in one warm JVM        (OverlayDiffBench: after one untimed call, RUNS rounds of find -newer and
#                                        overlay.diff interleaved; medians, µs per entry, pair-by-pair ratio)
#   bosun --root S -e overlay.diff      (the launcher: JVM start + one diff, as a user runs it)
# Needs root (mount) and util-linux unshare. Everything lives in one temp dir, removed on exit; the mount
# lives in a namespace that dies with its shell.
# Usage: bench/overlay-diff.sh [RUNS]   (default 5)
. "$(dirname "$0")/lib.sh"
RUNS=${1:-5}
[ "$(id -u)" = 0 ] || { echo "bench/overlay-diff.sh: needs root (overlay mounts for the diff -rq baseline)" >&2; exit 2; }
bench_build
bosun_warm
machine_header

S=$(mktemp -d /tmp/bosun-bench-overlay.XXXXXX)
trap 'rm -rf "$S"' EXIT
"$REPO/bosun" scratch-root "$S" >/dev/null   # --root wants an OS tree (etc/passwd, etc/group)
mkdir -p "$S/lower"
# awk writes many files without a fork per file.
mkfiles() { awk -v dir="$1" -v n="$2" -v text="$3" 'BEGIN { for (i = 0; i < n; i++) { f = dir "/f" i; print text > f; close(f) } }'; }
for d in $(seq 0 9); do mkdir -p "$S/lower/l$d"; mkfiles "$S/lower/l$d" 1000 lower; done

# Create the overlay with Bosun itself (the layout and state record are the real ones).
"$REPO/bosun" --root "$S" -e "overlay.create('bench', {lower: ['/lower']}).name" >/dev/null
UPPER="$S/var/lib/bosun/overlays/bench/upper"
MERGED="$S/var/lib/bosun/overlays/bench/merged"
[ -d "$UPPER" ] || { echo "overlay.create did not make $UPPER" >&2; exit 1; }
touch "$S/stamp"; sleep 1
for d in $(seq 0 9); do mkdir -p "$UPPER/l$d"; mkfiles "$UPPER/l$d" 1000 upper; done
for d in $(seq 0 89); do mkdir -p "$UPPER/n$d"; mkfiles "$UPPER/n$d" 1000 new; done
echo "upper files: $(find "$UPPER" -type f | wc -l)   lower files: $(find "$S/lower" -type f | wc -l)   runs: $RUNS"

timeit "$RUNS" "baseline: find upper -newer stamp" find "$UPPER" -newer "$S/stamp"
timeit "$RUNS" "baseline: find upper" find "$UPPER"
# diff -rq needs the merged view: mount it in a private namespace that dies with the shell. The function
# definitions travel into that shell with declare -f.
unshare -m --propagation private bash -c "$(declare -f summarize timeit)"'
  set -e
  mount -t overlay overlay -o "lowerdir=$1/lower,upperdir=$2,workdir=$(dirname "$2")/work" "$3"
  timeit "$4" "baseline: diff -rq lower merged" diff -rq "$1/lower" "$3"
' bash "$S" "$UPPER" "$MERGED" "$RUNS"
"$JAVA" "${JAVA_FLAGS[@]}" -cp "$BENCH_CP" dev.bosun.bench.overlay.OverlayDiffBench "$S" bench "$RUNS" "$S/stamp"
echo "launcher check: bosun -e \"overlay.diff('bench').length\" = $("$REPO/bosun" --root "$S" -e "overlay.diff('bench').length")"
timeit "$RUNS" "bosun --root S -e overlay.diff (whole process)" "$REPO/bosun" --root "$S" -e "overlay.diff('bench').length"
if grep -q "$S" /proc/self/mountinfo; then echo "mount leaked under $S" >&2; exit 1; fi
