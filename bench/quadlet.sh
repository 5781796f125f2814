#!/usr/bin/env bash
# Runs CorpusBench (parse+validate+render of the whole Podman quadlet corpus) without the bench module pom:
# compiles the JMH class against stdlib's classes with the JMH annotation processor, then runs JMH.
#   bench/quadlet.sh [jmh args, e.g. -wi 2 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
M2=${M2:-$HOME/.m2/repository}
JMH=1.37
JACKSON=$(ls -d "$M2"/com/fasterxml/jackson/core/jackson-databind/2.22.4 >/dev/null 2>&1 && echo 2.22.4)
mvn -q -B -o -pl stdlib -am compile -DskipTests >/dev/null
CP="stdlib/target/classes:api/target/classes"
for a in com/fasterxml/jackson/core/jackson-databind/$JACKSON/jackson-databind-$JACKSON.jar \
         com/fasterxml/jackson/core/jackson-core/$JACKSON/jackson-core-$JACKSON.jar \
         com/fasterxml/jackson/core/jackson-annotations/$(ls "$M2/com/fasterxml/jackson/core/jackson-annotations" | sort -V | tail -1)/jackson-annotations-$(ls "$M2/com/fasterxml/jackson/core/jackson-annotations" | sort -V | tail -1).jar \
         org/openjdk/jmh/jmh-core/$JMH/jmh-core-$JMH.jar \
         net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar \
         org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar; do
  CP="$CP:$M2/$a"
done
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
"$JAVA_HOME/bin/javac" -d "$OUT" -cp "$CP" -processorpath "$M2/org/openjdk/jmh/jmh-generator-annprocess/$JMH/jmh-generator-annprocess-$JMH.jar:$M2/org/openjdk/jmh/jmh-core/$JMH/jmh-core-$JMH.jar" \
  bench/src/main/java/dev/bosun/bench/quadlet/CorpusBench.java
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -Djmh.ignoreLock=true -cp "$OUT:$CP" org.openjdk.jmh.Main CorpusBench "$@"
