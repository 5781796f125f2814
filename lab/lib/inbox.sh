# Running a command inside a booted box, shared by lib/box and lab/exec (bash).
# The command runs as a transient service of the box's systemd (systemd-run, as `machinectl shell` does),
# started by a client that nsenter puts into the box's namespaces. So the command sees the box's root,
# processes, network and systemd, and lives in the box's own cgroup tree: a process merely entered from outside
# would sit in a cgroup outside the box's cgroup namespace, and logind refuses such callers (loginctl
# enable-linger fails with "Protocol driver not attached"). It gets a clean environment, not the caller's; a
# terminal gets a pseudo-terminal in the box (--pty), anything else the caller's descriptors (--pipe).

in_box() { # $1 = box PID 1, $2 = working directory in the box, rest = command
  local pid=$1 dir=$2 io=--pipe
  shift 2
  [ -t 0 ] && [ -t 1 ] && io=--pty
  nsenter -t "$pid" -a systemd-run --quiet --wait --collect "$io" --service-type=exec -p User=root \
    --working-directory="$dir" -E TERM="${TERM:-dumb}" -E LANG=C.UTF-8 -E BOSUN_LAB_BOX="$BOSUN_LAB_BOX" -- "$@"
}

# systemctl of the box's manager, for the lab's own questions (boot state, reboot): entered directly, so it
# works while the box is still starting, when no service could run yet.
box_systemctl() { # $1 = box PID 1, rest = systemctl arguments
  local pid=$1
  shift
  nsenter -t "$pid" -a systemctl "$@"
}

# The box's PID 1 as this process sees it: the systemd whose parent is systemd-nspawn and whose environment
# names the box (lab/run gives the box BOSUN_LAB_BOX=NAME). Empty while the box is not booted.
box_pid1() { # $1 = box name
  local d p comm ppid pcomm line
  for d in /proc/[0-9]*; do
    p=${d#/proc/}
    comm=""; read -r comm < "$d/comm" 2>/dev/null || continue
    [ "$comm" = systemd ] || continue
    grep -qzx "BOSUN_LAB_BOX=$1" "$d/environ" 2>/dev/null || continue
    ppid=""
    while read -r line; do [[ $line == PPid:* ]] && { ppid=${line#PPid:}; ppid=${ppid//[[:space:]]/}; break; }; done < "$d/status"
    pcomm=""; read -r pcomm < "/proc/$ppid/comm" 2>/dev/null || continue
    [ "$pcomm" = systemd-nspawn ] || continue
    echo "$p"
    return
  done
}
