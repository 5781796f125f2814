#!/usr/bin/env bash
# marks.apply benchmark: 256 connections, 2,000 peers, into an empty scratch network namespace, then
# no-op re-applies. Needs root, iproute2 and nftables. Usage: bench/marks.sh [reapplies]
# Prints wall time and the number of processes (ip/nft/sysctl) each apply ran, next to the baseline
# of loading the same rules by hand with one `ip` process per rule/route (what iptables-era scripts do).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
[ "$(id -u)" = 0 ] || { echo "bench/marks.sh: needs root (network namespaces)" >&2; exit 2; }
out=$(mktemp -d /tmp/bosun-marks-bench.XXXXXX)
ns="bosun-b-$$"
base="bosun-b-$$-base"
cleanup() { ip netns del "$ns" 2>/dev/null || true; ip netns del "$base" 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT

mvn -q -B -o -pl stdlib -am compile dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" >/dev/null
cp="stdlib/target/classes:api/target/classes:$(cat "$out/cp.txt")"
"$JAVA_HOME/bin/javac" -q -d "$out/classes" -cp "$cp" bench/src/main/java/dev/bosun/bench/marks/MarksApplyBench.java 2>/dev/null \
  || "$JAVA_HOME/bin/javac" -d "$out/classes" -cp "$cp" bench/src/main/java/dev/bosun/bench/marks/MarksApplyBench.java

make_ns() {  # a namespace with the 128 tunnel interfaces the wireguard_ext connections are named after
  ip netns add "$1"
  for i in $(seq 0 127); do printf 'link add wgext_b%03d type veth peer name pb%03d\nlink set wgext_b%03d up\n' "$i" "$i" "$i"; done \
    | ip -n "$1" -batch -
}
make_ns "$ns"
echo "== Bosun marks.apply (netns $ns)"
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -cp "$out/classes:$cp" dev.bosun.bench.marks.MarksApplyBench "$ns" "${1:-5}"

# Baseline: the same 256 rules + 128 routes (v4) with one `ip` process each, as hand-written scripts do.
make_ns "$base"
start=$(date +%s%N); n=0
for i in $(seq 0 255); do
  ip -n "$base" rule add fwmark "$(printf '0x%x' $((0x1000 + 16 * i)))" table $((1000 + i)) priority $((10001 + i)); n=$((n + 1))
  if [ "$i" -lt 128 ]; then ip -n "$base" route add default dev "$(printf 'wgext_b%03d' "$i")" table $((1000 + i)); n=$((n + 1)); fi
done
end=$(date +%s%N)
echo "== baseline: one ip process per rule/route (no nft, no peers): $(( (end - start) / 1000000 )) ms, $n processes"
