# Shared by the bench/*.sh drivers: the JDK the launcher uses, the bench classpath (built on demand), the
# default JMH settings, a machine-facts header, a warm launcher build and median/spread helpers.
# Source it: . "$(dirname "$0")/lib.sh"
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JDK="$("$REPO/bosun" --java-home)"
JAVA="$JDK/bin/java"
JAVA_FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dpolyglot.engine.WarnInterpreterOnly=false)

# Builds the bench module (and what it needs) unless its jar is newer than every source.
bench_build() {
  local jar="$REPO/bench/target/bosun-bench.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$REPO"/api/src "$REPO"/stdlib/src/main "$REPO"/shell/src/main "$REPO"/bench/src \
       -newer "$jar" -type f -print -quit)" ]; then
    (cd "$REPO" && JAVA_HOME="$JDK" MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow" \
      ./mvnw -q -B -DskipTests package -pl bench -am >/dev/null)
  fi
  BENCH_CP="$REPO/bench/target/bosun-bench.jar:$REPO/bench/target/lib/*"
}

# Runs a JMH benchmark class pattern with the given JMH arguments.
jmh() {
  bench_build
  "$JAVA" "${JAVA_FLAGS[@]}" -Djmh.ignoreLock=true -cp "$BENCH_CP" org.openjdk.jmh.Main "$@"
}

# The default JMH settings of the drivers: short enough that a driver finishes in a few minutes on 2 cores.
# Any JMH arguments given to a driver replace them (JMH rejects an option given twice).
JMH_QUICK=(-wi 2 -i 3 -f 1)

# One line of machine facts, printed first by every driver so a figure can be read against its load.
machine_header() {
  echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), kernel $(uname -r), $("$JAVA" -version 2>&1 | head -1)"
}

# Builds the launcher's distribution once (outside any measurement), then makes every later ./bosun run
# use it as it is: a stale check or a build inside a timed run would measure Maven, not Bosun.
bosun_warm() {
  BOSUN_NO_BUILD=0 "$REPO/bosun" -e 1 >/dev/null
  export BOSUN_NO_BUILD=1
}

# Reads one number per line (milliseconds) and prints "label: median X ms (min A, max B, n=N)".
summarize() {
  sort -n | awk -v label="$1" '
    { a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
      printf "%-48s median %8.1f ms   (min %.1f, max %.1f, n=%d)\n", label, m, a[1], a[NR], NR }'
}

# Times a command N times (output discarded, exit status ignored); prints its summary line with 0.1 ms
# resolution. Usage: timeit N label cmd...
timeit() {
  local n=$1 label=$2; shift 2
  local i s e
  for ((i = 0; i < n; i++)); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    awk -v d=$(( (e - s) / 1000 )) 'BEGIN { printf "%.1f\n", d / 1000 }'
  done | summarize "$label"
}
