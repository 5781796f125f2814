#!/usr/bin/env bash
# marks benchmark: recording 256 connections and 2,000 peers, then marks.apply of them into an empty scratch
# network namespace, then no-op re-applies. Needs root, iproute2 and nftables.
# Usage: bench/marks.sh [reapplies] [baseline rounds] [recording rounds]
# Figures (wall time, ms): MarksApplyBench in one JVM prints the recording time both ways, interleaved per
# round in fresh state databases (one marks.allocate/assign call per record = 2,256 commits, next to
# marks.allocateAll + marks.assignAll = 2 commits; medians and the pair-by-pair ratio), the first apply and
# the median no-op re-apply, each with the number of processes (ip/nft/sysctl) it ran. Baseline, same run:
# the same 256 rules + 128 v4 routes loaded by hand with one `ip` process per rule/route (what
# iptables-era scripts do; no nft sets, no peers), in a fresh namespace per round.
. "$(dirname "$0")/lib.sh"
REAPPLIES=${1:-5}
ROUNDS=${2:-3}
RECORD_ROUNDS=${3:-3}
[ "$(id -u)" = 0 ] || { echo "bench/marks.sh: needs root (network namespaces)" >&2; exit 2; }
bench_build
machine_header
PREFIX="bosun-b-$$"
cleanup() { local n; for n in $(ip netns list | awk -v p="$PREFIX" 'index($1, p) == 1 { print $1 }'); do ip netns del "$n"; done; }
trap cleanup EXIT

make_ns() {  # a namespace with the 128 tunnel interfaces the wireguard_ext connections are named after
  ip netns add "$1"
  for i in $(seq 0 127); do printf 'link add wgext_b%03d type veth peer name pb%03d\nlink set wgext_b%03d up\n' "$i" "$i" "$i"; done \
    | ip -n "$1" -batch -
}
make_ns "$PREFIX"
echo "== Bosun marks.apply (netns $PREFIX), in one JVM"
"$JAVA" "${JAVA_FLAGS[@]}" -cp "$BENCH_CP" dev.bosun.bench.marks.MarksApplyBench "$PREFIX" "$REAPPLIES" "$RECORD_ROUNDS"

one_ip_per_rule() { # loads the rules and routes into namespace $1; prints elapsed ms, only the loading timed
  local ns=$1 i s e
  s=$(date +%s%N)
  for i in $(seq 0 255); do
    ip -n "$ns" rule add fwmark "$(printf '0x%x' $((0x1000 + 16 * i)))" table $((1000 + i)) priority $((10001 + i))
    if [ "$i" -lt 128 ]; then ip -n "$ns" route add default dev "$(printf 'wgext_b%03d' "$i")" table $((1000 + i)); fi
  done
  e=$(date +%s%N)
  awk -v d=$(( (e - s) / 1000 )) 'BEGIN { printf "%.1f\n", d / 1000 }'
}
echo "== baseline: one ip process per rule/route, 384 processes, fresh namespace per round"
for ((k = 0; k < ROUNDS; k++)); do
  make_ns "$PREFIX-base$k"
  one_ip_per_rule "$PREFIX-base$k"
  [ "$(ip -n "$PREFIX-base$k" rule list | grep -c fwmark)" = 256 ] || { echo "baseline did not load 256 rules" >&2; exit 1; }
  ip netns del "$PREFIX-base$k"
done | summarize "baseline: 256 ip rule + 128 ip route processes"
