#!/usr/bin/env bash
# Benchmarks for the subids module. Run as root: bench/subids.sh [users] [rounds] [jmh args...]
#  1. JMH: subids.allocate on subuid/subgid files of 1,000 and 10,000 lines (SampleTime; p0.50 is the median,
#     microseconds per allocation).
#  2. Provisioning N users (default 200) with sub-IDs on scratch roots, same run, ROUNDS rounds (default 3);
#     each figure is the wall time of one whole round including making and removing the scratch root
#     (a copy of six /etc files, the same for all three):
#     - baseline: bash loop of useradd --prefix -r + usermod --prefix --add-subuids/--add-subgids at a
#       high-water mark (what quadletman-style scripts do), 2N processes
#     - Bosun in one plain JVM (ProvisionRun: users.ensure + subids.allocate per user, JVM start included)
#     - Bosun launcher: $REPO/bosun --root R -e SCRIPT (the same script as a user would run it)
. "$(dirname "$0")/lib.sh"
N=${1:-200}
ROUNDS=${2:-3}
shift $(( $# < 2 ? $# : 2 ))
[ "$(id -u)" = 0 ] || { echo "bench/subids.sh: needs root (useradd --prefix on scratch roots)" >&2; exit 2; }
bench_build
bosun_warm
machine_header

echo "== subids.allocate (JMH SampleTime, us/op; the :p0.50 rows are the medians)"
args=("$@"); [ $# -gt 0 ] || args=("${JMH_QUICK[@]}")
jmh SubIdAllocateBench "${args[@]}" | grep -E '^Benchmark|allocate(:p0\.50)? |Exception|rror' || true

WORK=$(mktemp -d /tmp/bosun-bench-subids.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
new_root() { # prints a new scratch root holding copies of the account files and empty sub-ID files
  local r f; r=$(mktemp -d "$WORK/root.XXXXXX")
  mkdir -p "$r/etc" "$r/home"
  for f in passwd group shadow gshadow login.defs shells; do cp -a "/etc/$f" "$r/etc/$f"; done
  : > "$r/etc/subuid"; : > "$r/etc/subgid"
  echo "$r"
}
in_fresh_root() { local r rc=0; r=$(new_root); "$@" "$r" || rc=$?; rm -rf "$r"; return $rc; }
bash_loop() {   # the shell-script baseline: create, then add sub-IDs at the high-water mark
  local r=$1 next=100000 i
  for ((i = 0; i < N; i++)); do
    useradd --prefix "$r" -r -s /usr/sbin/nologin "bq$i"
    usermod --prefix "$r" --add-subuids "$next-$((next + 65535))" --add-subgids "$next-$((next + 65535))" "bq$i"
    next=$((next + 65536))
  done
}
in_jvm() { "$JAVA" "${JAVA_FLAGS[@]}" -cp "$BENCH_CP" dev.bosun.bench.subids.ProvisionRun "$1" "$N"; }
SCRIPT="for (let i = 0; i < $N; i++) { users.ensure({name: 'bq' + i, system: true, shell: '/usr/sbin/nologin'}); subids.allocate('bq' + i); }"
launcher() { "$REPO/bosun" --root "$1" -e "$SCRIPT"; }

# timeit ignores failures, so each way first runs once untimed and must leave N subuid and N subgid lines.
check() {
  local r; r=$(new_root)
  "$1" "$r" >/dev/null 2>&1 || { echo "$1 failed on a scratch root" >&2; exit 1; }
  local u g; u=$(wc -l < "$r/etc/subuid"); g=$(wc -l < "$r/etc/subgid"); rm -rf "$r"
  [ "$u" = "$N" ] && [ "$g" = "$N" ] || { echo "$1 left $u subuid / $g subgid lines, expected $N" >&2; exit 1; }
}
check bash_loop; check in_jvm; check launcher

echo "== provisioning $N users with sub-IDs under a scratch root (wall time of a whole round, $ROUNDS rounds)"
timeit "$ROUNDS" "baseline: useradd + usermod --add-subuids loop" in_fresh_root bash_loop
timeit "$ROUNDS" "bosun in one plain JVM (ProvisionRun)" in_fresh_root in_jvm
timeit "$ROUNDS" "bosun launcher (bosun --root R -e SCRIPT)" in_fresh_root launcher
