#!/usr/bin/env bash
# The example playbook of docs/ansible.md (ansible/examples/site.yml: scripts/quadlet-web.js and an operator
# account) on 1, 4 and 8 hosts at once, once as --root trees (connection local) and once as lab boxes
# (community.docker.nsenter): the wall time of ansible-playbook for --check, the first apply and a converged
# re-run, and Bosun's share of it: the wall time of the bosun processes of the average host (each runs one per
# task) next to the playbook's. All hosts run in parallel (forks = hosts) on this machine's cores.
#   bench/ansible.sh [COUNT...]           (default 1 4 8)
#   BENCH_KINDS="roots boxes" bench/ansible.sh      (which fleets; boxes need the lab: root, systemd-nspawn)
. "$(dirname "$0")/lib.sh"
if [ $# -gt 0 ]; then COUNTS=("$@"); else COUNTS=(1 4 8); fi
KINDS=${BENCH_KINDS:-roots boxes}
COLLECTIONS=${BOSUN_ANSIBLE_COLLECTIONS:-/var/cache/bosun-ansible}
command -v ansible-playbook >/dev/null || { echo "bench/ansible.sh: needs ansible-core (apt-get install ansible-core)" >&2; exit 2; }
bash "$REPO/ansible/tests/setup-collections" "$COLLECTIONS"
bosun_warm

WORK=$(mktemp -d /tmp/bosun-bench-ansible-XXXXXX)
BOXES=()
FDS=()
cleanup() {
  local fd
  for fd in "${FDS[@]}"; do eval "exec $fd>&-"; done   # the end of its stdin tears a box down
  wait 2>/dev/null || true
  rm -rf "$WORK" /tmp/bosun-bench-times
}
trap cleanup EXIT

export ANSIBLE_HOME="$WORK/ansible-home" ANSIBLE_REMOTE_TMP="$WORK/ansible-home/remote" ANSIBLE_NOCOLOR=1
export ANSIBLE_RETRY_FILES_ENABLED=0 ANSIBLE_STDOUT_CALLBACK=ansible.posix.json
export ANSIBLE_COLLECTIONS_PATH="$WORK/collections:$COLLECTIONS"
ansible-galaxy collection install -p "$WORK/collections" "$REPO/ansible/ansible_collections/bosun/host" >/dev/null

boot_boxes() { # $1 = count; sets BOXES
  local i name fifo pids=()
  BOXES=()
  for ((i = 1; i <= $1; i++)); do
    name="bench-ansible-$$-$1-$i"
    fifo="$WORK/$name.in"
    mkfifo "$fifo"
    BOSUN_NO_BUILD=1 "$REPO/lab/run" --hold --name "$name" < "$fifo" > "$WORK/$name.out" 2>"$WORK/$name.err" &
    pids+=("$!")
    exec {fd}>"$fifo"
    FDS+=("$fd")
    BOXES+=("$name")
  done
  for ((i = 0; i < ${#BOXES[@]}; i++)); do
    name=${BOXES[$i]}
    until grep -q "^ready $name" "$WORK/$name.out" 2>/dev/null; do
      kill -0 "${pids[$i]}" 2>/dev/null || { cat "$WORK/$name.err" >&2; echo "bench/ansible.sh: box $name did not boot" >&2; exit 1; }
      sleep 0.2
    done
  done
}

stop_boxes() {
  local fd
  for fd in "${FDS[@]}"; do eval "exec $fd>&-"; done
  FDS=()
  wait 2>/dev/null || true
}

# Runs the playbook; prints "WALL_MS CHANGED_TOTAL FAILED_TOTAL".
play() { # $1 = inventory, rest = options
  local inv=$1 s e
  shift
  rm -f /tmp/bosun-bench-times
  for b in "${BOXES[@]}"; do "$REPO/lab/exec" "$b" -- rm -f /tmp/bosun-bench-times; done
  s=$(date +%s%N)
  ansible-playbook -i "$inv" -f 16 -e "bosun_executable=$REPO/bench/ansible-timed-bosun" "$@" \
    "$REPO/ansible/examples/site.yml" > "$WORK/play.json" 2>"$WORK/play.err" || true
  e=$(date +%s%N)
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
st = d["stats"].values()
print(sys.argv[2], sum(h["changed"] for h in st), sum(h["failures"] + h["unreachable"] for h in st))
' "$WORK/play.json" $(( (e - s) / 1000000 ))
}

# Bosun's time per host (sum of its processes' wall times), averaged over the hosts, in ms.
bosun_ms() { # $1 = host count
  { cat /tmp/bosun-bench-times 2>/dev/null || true; for b in "${BOXES[@]}"; do "$REPO/lab/exec" "$b" -- cat /tmp/bosun-bench-times; done; } |
    awk -v n="$1" '{ s += ($2 - $1) / 1e6; c++ } END { printf "%.0f %d\n", s / n, c }'
}

machine_header
echo "figures: wall time of ansible-playbook (forks = hosts) for the example playbook; bosun = the bosun processes' wall time on the average host (2 tasks = 2 processes per host), and their share of the playbook's wall time"
printf "%-6s %5s  %-7s %9s %9s %6s %8s %6s\n" kind hosts run wall_ms bosun_ms share changed failed
for kind in $KINDS; do
  for n in "${COUNTS[@]}"; do
    inv="$WORK/$kind-$n.yml"
    args=()
    if [ "$kind" = roots ]; then
      for ((i = 1; i <= n; i++)); do
        "$REPO/bosun" scratch-root "$WORK/$kind-$n-r$i" >/dev/null
        args+=(--root "$WORK/$kind-$n-r$i")
      done
    else
      boot_boxes "$n"
      for b in "${BOXES[@]}"; do args+=(--box "$b"); done
    fi
    "$REPO/ansible/examples/lab-inventory" "${args[@]}" > "$inv"
    for run in check apply again; do
      opts=()
      [ "$run" = check ] && opts=(--check --diff)
      read -r wall changed failed < <(play "$inv" "${opts[@]}")
      read -r bms count < <(bosun_ms "$n")
      awk -v k="$kind" -v n="$n" -v r="$run" -v w="$wall" -v b="$bms" -v c="$changed" -v f="$failed" \
        'BEGIN { printf "%-6s %5d  %-7s %9d %9d %5.0f%% %8d %6d\n", k, n, r, w, b, 100 * b / w, c, f }'
    done
    [ "$kind" = boxes ] && stop_boxes
    BOXES=()
  done
done
