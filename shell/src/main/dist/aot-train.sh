#!/usr/bin/env bash
# AOT training run for the JDK 25 cache (called by mvn package; see AotTraining). The interactive part needs a
# terminal: script(1) (util-linux, essential on Debian) provides one and feeds it the REPL input file. Without
# script(1) only the script path is trained.
# The JVM flags are read from bosun.jvmflags, the file the launcher reads: the JVM silently ignores a cache
# trained with other module flags.
#   aot-train.sh JAVA TARGET_DIR
set -euo pipefail
JAVA=$1 T=$2
read -r -a FLAGS < "$T/bosun.jvmflags"
cmd=("$JAVA" -XX:AOTCacheOutput="$T/bosun.aot" "${FLAGS[@]}" -cp "$T/bosun.jar" dev.bosun.shell.cli.AotTraining
     "$T/aot-training.db" "$T/aot-training.mjs")
rm -f "$T/aot-training.db"*
if command -v script >/dev/null; then
  quoted=$(printf '%q ' "${cmd[@]}")
  # Each line is typed after the previous one was read; the pty echo goes to the log only.
  # Bounded: a session that never reaches exit() must fail the build, not hang it.
  timeout 300 script -qec "$quoted" /dev/null < "$T/aot-training.repl"
else
  timeout 300 "${cmd[@]}" < /dev/null
fi
