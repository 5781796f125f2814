#!/usr/bin/env bash
# Trains the distribution's JDK 25 AOT caches (see AotTraining): bosun.aot for the script path (-e, run and
# the other commands) and, when script(1) (util-linux) can provide the terminal the REPL needs, bosun-repl.aot
# for the REPL. The launcher picks one by the command line.
# The JVM flags are read from bosun.jvmflags, the file the launcher reads: the JVM silently ignores a cache
# trained with other module flags. With PLUGINS_ROOT, the plugins built under PLUGINS_ROOT/*/target/plugin
# are loaded as the launcher loads them from the source tree, so plugin loading is trained too.
#   aot-train.sh JAVA TARGET_DIR [PLUGINS_ROOT]
set -euo pipefail
JAVA=$1 T=$2 PLUGINS_ROOT=${3:-}
read -r -a FLAGS < "$T/bosun.jvmflags"
if [ -n "$PLUGINS_ROOT" ]; then
  BOSUN_PLUGIN_PATH=""
  for d in "$PLUGINS_ROOT"/*/target/plugin; do
    [ -d "$d" ] && BOSUN_PLUGIN_PATH="${BOSUN_PLUGIN_PATH:+$BOSUN_PLUGIN_PATH:}$d"
  done
  export BOSUN_PLUGIN_PATH
fi

# The REPL part must not add its lines to the user's own REPL history.
export BOSUN_HISTORY="$T/aot-training.history"

train() { # train CACHE [--repl]
  local cache=$1; shift
  rm -f "$T/aot-training.db"* "$T/$cache"
  echo "aot-train.sh: training $cache${BOSUN_PLUGIN_PATH:+ with plugins $BOSUN_PLUGIN_PATH}"
  cmd=("$JAVA" -XX:AOTCacheOutput="$T/$cache" "${FLAGS[@]}" -cp "$T/bosun.jar" dev.bosun.shell.cli.AotTraining
       "$T/aot-training.db" "$T/aot-training.mjs" "$@")
  if [ "${1:-}" = --repl ]; then
    # Each line is typed after the previous one was read; the pty echo goes to the log only.
    # Bounded: a session that never reaches exit() must fail the build, not hang it.
    timeout 300 script -qec "$(printf '%q ' "${cmd[@]}")" /dev/null < "$T/aot-training.repl"
  else
    timeout 300 "${cmd[@]}" < /dev/null
  fi
}

train bosun.aot
if command -v script >/dev/null; then
  train bosun-repl.aot --repl
else
  rm -f "$T/bosun-repl.aot"
  echo "aot-train.sh: no script(1): the REPL starts with the script path's cache"
fi
rm -f "$T/aot-training.db"* "$BOSUN_HISTORY"
