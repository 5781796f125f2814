# Shared by the bench/*.sh drivers: the JDK the launcher uses, the bench classpath (built on demand), and
# a median/spread helper. Source it: . "$(dirname "$0")/lib.sh"
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

# Times a command N times; prints "label: median X ms (min A, max B, n=N)". Usage: timeit N label cmd...
timeit() {
  local n=$1 label=$2; shift 2
  local times=() i s e
  for ((i = 0; i < n; i++)); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '
    { a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
      printf "%-44s median %6.0f ms   (min %d, max %d, n=%d)\n", label, m, a[1], a[NR], NR }'
}
