#!/usr/bin/env bash
# Whole-process start-up: bosun -e '1+1', bosun -e 'host.info().kernel' and the REPL to its first prompt,
# next to node -e and java -version on the same machine, in the same run. Each line: wall time from fork to
# exit (or to the prompt on screen) of RUNS runs.
#   bench/startup.sh [RUNS]        (default 21)
. "$(dirname "$0")/lib.sh"
N=${1:-21}
B="$REPO/bosun"
bosun_warm

repl_to_prompt() { # starts the REPL in tmux and returns when the prompt is on screen
  local s="bench-$$-$RANDOM"
  tmux new-session -d -s "$s" -x 120 -y 30 "$B"
  until tmux capture-pane -p -t "$s" 2>/dev/null | grep -q '^bosun>'; do sleep 0.005; done
  tmux kill-session -t "$s"
}

machine_header
echo "figures: wall time of one whole process (fork to exit), $N runs each"
timeit "$N" "bosun -e '1+1'" "$B" -e '1+1'
# As a user runs it: the launcher also checks whether the sources are newer than the build (a find, ~5 ms).
timeit "$N" "bosun -e '1+1' with the launcher's stale check" env -u BOSUN_NO_BUILD "$B" -e '1+1'
timeit "$N" "bosun --no-plugins -e '1+1'" "$B" --no-plugins -e '1+1'
timeit "$N" "bosun -e 'host.info().kernel'" "$B" -e 'host.info().kernel'
command -v tmux >/dev/null && timeit "$N" "bosun (REPL) to first prompt" repl_to_prompt
# The launcher's JVM flags without -XX:AOTCache: what the cache is worth.
read -r -a DIST_FLAGS < "$REPO/shell/target/bosun.jvmflags"
timeit "$N" "bosun -e '1+1' without the AOT cache" "$JAVA" "${DIST_FLAGS[@]}" -jar "$REPO/shell/target/bosun.jar" -e '1+1'
command -v node >/dev/null && timeit "$N" "baseline: node -e '1+1'" node -e '1+1'
timeit "$N" "baseline: java -version" "$JAVA" -version
