#!/usr/bin/env bash
# Benchmark of the compartments module. Run as root: bench/compartments.sh [compartments] [rounds]
# Applying N compartments (default 50) under --root on a fresh scratch root, and a no-op re-apply of all N, against
# the equivalent shell-script loop on the same machine in the same run. ROUNDS rounds (default 3), interleaved:
# each round runs baseline apply, Bosun apply, baseline re-apply, Bosun re-apply, each on its own fresh root
# (a copy of seven /etc files), and every figure is the median wall time of one whole step.
#   - each compartment is the nginx example's shape: group and system user qm-cN with a home, 65,536 sub-UIDs and
#     sub-GIDs, ~/.config/containers/{storage.conf,containers.conf} 0600, a volume directory
#     /var/lib/bosun-volumes/cN/html (0770, the compartment dir 0750 root:group), one Quadlet .container unit,
#     the lingering marker;
#   - baseline: an idempotent bash loop (a check before each step, as a script that is re-run must have):
#     grep + groupadd/useradd --prefix, grep + usermod --prefix --add-subuids/--add-subgids at a high-water mark,
#     install -d for the directories, printf + cmp + install for each file, touch for the marker; no lock, no
#     validation, no records, no audit;
#   - Bosun: one launcher run, ./bosun --root R -e SCRIPT, compartments.apply per compartment (JVM start included;
#     plus what the loop leaves out: unit validation, ownership records and the audit trail in the state database).
. "$(dirname "$0")/lib.sh"
N=${1:-50}
ROUNDS=${2:-3}
[ "$(id -u)" = 0 ] || { echo "bench/compartments.sh: needs root (useradd --prefix on scratch roots)" >&2; exit 2; }
bench_build
bosun_warm
machine_header

WORK=$(mktemp -d /tmp/bosun-bench-compartments.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
new_root() { # prints a new scratch root holding copies of the account files and empty sub-ID files
  local r f; r=$(mktemp -d "$WORK/root.XXXXXX")
  mkdir -p "$r/etc/default" "$r/home" "$r/var/lib"
  for f in passwd group shadow gshadow login.defs shells; do cp -a "/etc/$f" "$r/etc/$f"; done
  [ -f /etc/default/useradd ] && cp -a /etc/default/useradd "$r/etc/default/useradd"
  : > "$r/etc/subuid"; : > "$r/etc/subgid"
  echo "$r"
}

# The baseline's files, the same text Bosun writes (so cmp finds them equal on the re-apply).
unit_text() { # $1 compartment number
  printf '[Container]\nImage=docker.io/library/nginx:1.27\nPublishPort=%s:80\nVolume=/var/lib/bosun-volumes/c%s/html:/usr/share/nginx/html:ro\n\n[Install]\nWantedBy=default.target\n' \
    "$((20000 + $1))" "$1"
}
put() { # put FILE MODE UID GID: standard input to FILE unless it already holds it (temp file + rename, as install does)
  local tmp="$1.tmp"; cat > "$tmp"
  if cmp -s "$tmp" "$1"; then rm -f "$tmp"; else install -m "$2" -o "$3" -g "$4" "$tmp" "$1"; rm -f "$tmp"; fi
}
bash_loop() {   # the shell-script equivalent of applying N compartments; a second run is the no-op re-apply
  local r=$1 i name uid gid home next
  for ((i = 0; i < N; i++)); do
    name="qm-c$i"; home="/home/$name"
    grep -q "^$name:" "$r/etc/group" || groupadd --prefix "$r" -r "$name"
    grep -q "^$name:" "$r/etc/passwd" || useradd --prefix "$r" -r -m -d "$home" -g "$name" -s /usr/sbin/nologin "$name"
    if ! grep -q "^$name:" "$r/etc/subuid"; then
      next=$(awk -F: 'BEGIN { n = 100000 } { e = $2 + $3; if (e > n) n = e } END { print n }' "$r/etc/subuid")
      usermod --prefix "$r" --add-subuids "$next-$((next + 65535))" --add-subgids "$next-$((next + 65535))" "$name"
    fi
    uid=$(awk -F: -v n="$name" '$1 == n { print $3 }' "$r/etc/passwd"); gid=$(awk -F: -v n="$name" '$1 == n { print $4 }' "$r/etc/passwd")
    install -d -m 0700 -o "$uid" -g "$gid" "$r$home/.config" "$r$home/.config/containers"
    install -d -m 0755 -o "$uid" -g "$gid" "$r$home/.config/containers/systemd"
    printf '[storage]\ndriver = "overlay"\ngraphroot = "%s/.local/share/containers/storage"\nrunroot = "/run/user/%s/containers"\n' \
      "$home" "$uid" | put "$r$home/.config/containers/storage.conf" 0600 "$uid" "$gid"
    printf '[network]\ndefault_rootless_network_cmd = "pasta"\n' | put "$r$home/.config/containers/containers.conf" 0600 "$uid" "$gid"
    install -d -m 0755 -o 0 -g 0 "$r/var/lib/bosun-volumes"
    install -d -m 0750 -o 0 -g "$gid" "$r/var/lib/bosun-volumes/c$i"
    install -d -m 0770 -o "$uid" -g "$gid" "$r/var/lib/bosun-volumes/c$i/html"
    unit_text "$i" | put "$r$home/.config/containers/systemd/nginx.container" 0644 "$uid" "$gid"
    install -d -m 0755 "$r/var/lib/systemd/linger"
    [ -e "$r/var/lib/systemd/linger/$name" ] || touch "$r/var/lib/systemd/linger/$name"
  done
}
SCRIPT="for (let i = 0; i < $N; i++) compartments.apply({id: 'c' + i, volumes: [{name: 'html'}], containers: [{unit: {
  name: 'nginx', image: 'docker.io/library/nginx:1.27', publishPort: [(20000 + i) + ':80']},
  volumes: [{volume: 'html', path: '/usr/share/nginx/html', options: 'ro'}]}]});"
bosun_apply() { "$REPO/bosun" --root "$1" -e "$SCRIPT"; }

# Both ways must make N users, N sub-ID ranges, N units and N volume directories, and a re-apply must leave the
# tree as it was (the timed runs ignore failures, so this runs first, untimed).
listing() { (cd "$1" && find etc/passwd etc/subuid home var/lib/bosun-volumes var/lib/systemd -printf '%p %m %u %g %s\n' | sort | md5sum); }
check() {
  local r; r=$(new_root)
  "$1" "$r" >/dev/null 2>&1 || { echo "$1 failed on a scratch root" >&2; exit 1; }
  local before; before=$(listing "$r")
  "$1" "$r" >/dev/null 2>&1 || { echo "$1 failed when run again" >&2; exit 1; }
  [ "$before" = "$(listing "$r")" ] || { echo "$1 run again changed the root" >&2; exit 1; }
  local u s c v
  u=$(grep -c '^qm-c' "$r/etc/passwd"); s=$(grep -c '^qm-c' "$r/etc/subuid")
  c=$(find "$r/home" -name '*.container' | wc -l); v=$(find "$r/var/lib/bosun-volumes" -mindepth 2 -maxdepth 2 -type d | wc -l)
  rm -rf "$r"
  [ "$u $s $c $v" = "$N $N $N $N" ] || { echo "$1 left $u users, $s ranges, $c units, $v volumes; expected $N of each" >&2; exit 1; }
}
check bash_loop; check bosun_apply

ms() { # runs "$@", prints its wall time in ms (exit status ignored: checked above)
  local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
  awk -v d=$(( (e - s) / 1000 )) 'BEGIN { printf "%.1f\n", d / 1000 }'
}
echo "== $N compartments under --root, $ROUNDS interleaved rounds (wall time of each whole step)"
for ((round = 0; round < ROUNDS; round++)); do
  a=$(new_root); b=$(new_root)
  ms bash_loop "$a" >> "$WORK/base-apply"
  ms bosun_apply "$b" >> "$WORK/bosun-apply"
  ms bash_loop "$a" >> "$WORK/base-again"
  ms bosun_apply "$b" >> "$WORK/bosun-again"
  rm -rf "$a" "$b"
done
summarize "baseline: bash loop, apply $N" < "$WORK/base-apply"
summarize "bosun launcher: compartments.apply x $N" < "$WORK/bosun-apply"
summarize "baseline: bash loop again (no-op)" < "$WORK/base-again"
summarize "bosun launcher: re-apply x $N (no-op)" < "$WORK/bosun-again"
