#!/usr/bin/env bash
# Benchmarks for the subids module (issue 3). Run as root from the repository root: bench/subids.sh [users] [rounds]
#  1. JMH: subids.allocate on subuid/subgid files of 1,000 and 10,000 lines (median = p0.50, microseconds).
#  2. Provisioning N users (default 200) with sub-IDs on scratch roots, same run, median of R rounds (default 3):
#     - bash loop: useradd --prefix -r + usermod --prefix --add-subuids/--add-subgids (high-water mark, like quadletman)
#     - Bosun in-process (one JVM session: users.ensure + subids.allocate per user)
#     - Bosun launcher (./bosun --root R -e SCRIPT), only once ./bosun exists in this tree.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}
ROUNDS=${2:-3}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
JAVA="$JAVA_HOME/bin/java"
OUT=bench/target/subids
mkdir -p "$OUT/classes"

mvn -q -B -o -pl stdlib -am package -DskipTests
mvn -q -B -o -pl stdlib dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/cp.txt" >/dev/null
M2=${M2:-$HOME/.m2/repository}
JMH="$M2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar:$M2/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar:$M2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:$M2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
CP="stdlib/target/classes:api/target/classes:$(cat "$OUT/cp.txt"):$JMH"
"$JAVA_HOME/bin/javac" -proc:full -d "$OUT/classes" -cp "$CP" bench/src/main/java/dev/bosun/bench/subids/*.java
CP="$OUT/classes:$CP"

echo "== subids.allocate (JMH SampleTime, us/op; p0.50 is the median)"
"$JAVA" --sun-misc-unsafe-memory-access=allow -cp "$CP" org.openjdk.jmh.Main 'SubIdAllocateBench' -rf text -rff "$OUT/jmh.txt" \
  | grep -E '^Benchmark|allocate(:p0\.50)? |Exception|rror' || true

fresh_root() {
  local r; r=$(mktemp -d /tmp/bosun-bench-root-XXXXXX)
  mkdir -p "$r/etc" "$r/home"
  for f in passwd group shadow gshadow login.defs shells; do cp -a "/etc/$f" "$r/etc/$f"; done
  : > "$r/etc/subuid"; : > "$r/etc/subgid"
  echo "$r"
}

bash_loop() {   # the shell-script baseline: create, then add sub-IDs at the high-water mark
  local r=$1 next=100000 i
  for ((i = 0; i < N; i++)); do
    useradd --prefix "$r" -r -s /usr/sbin/nologin "bq$i"
    usermod --prefix "$r" --add-subuids "$next-$((next + 65535))" --add-subgids "$next-$((next + 65535))" "bq$i"
    next=$((next + 65536))
  done
}

ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

T_BASH=(); T_INPROC=(); T_LAUNCHER=()
for ((k = 0; k < ROUNDS; k++)); do
  r=$(fresh_root); t=$(ms); bash_loop "$r"; T_BASH+=($(( $(ms) - t ))); rm -rf "$r"
  r=$(fresh_root); t=$(ms); "$JAVA" --sun-misc-unsafe-memory-access=allow -cp "$CP" dev.bosun.bench.subids.ProvisionRun "$r" "$N" >/dev/null
  T_INPROC+=($(( $(ms) - t ))); rm -rf "$r"
  if [[ -x ./bosun ]]; then
    r=$(fresh_root)
    script="for (let i = 0; i < $N; i++) { users.ensure({name: 'bq' + i, system: true, shell: '/usr/sbin/nologin'}); subids.allocate('bq' + i); }"
    t=$(ms); ./bosun --root "$r" -e "$script" >/dev/null; T_LAUNCHER+=($(( $(ms) - t ))); rm -rf "$r"
  fi
done
echo "== provisioning $N users with sub-IDs under a scratch root (median of $ROUNDS, ms, including JVM start for Bosun)"
echo "bash useradd --prefix + usermod --add-subuids loop: $(printf '%s\n' "${T_BASH[@]}" | median)"
echo "bosun in-process (users.ensure + subids.allocate):  $(printf '%s\n' "${T_INPROC[@]}" | median)"
if [[ -n "${T_LAUNCHER[*]:-}" ]]; then
  echo "bosun launcher (./bosun --root -e):                  $(printf '%s\n' "${T_LAUNCHER[@]}" | median)"
else
  echo "bosun launcher: skipped, ./bosun does not exist in this tree yet"
fi
