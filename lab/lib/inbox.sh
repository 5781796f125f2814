# Running a command inside a booted box, shared by lib/box and lab/exec (bash).
# nsenter joins every namespace of the box's PID 1 (mount, PID, network, UTS, IPC, cgroup), so the command sees
# the box's root, processes, network and systemd exactly as a process started there; it gets a clean
# environment, not the caller's.

BOX_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

in_box() { # $1 = box PID 1, $2 = working directory in the box, rest = command
  local pid=$1 dir=$2
  shift 2
  # --default-signal: a command started in the background of a script would inherit SIGINT and SIGQUIT
  # ignored, and Ctrl-C would not reach it.
  nsenter -t "$pid" -a env -i --default-signal=INT,QUIT PATH="$BOX_PATH" HOME=/root USER=root LOGNAME=root SHELL=/bin/bash \
    TERM="${TERM:-dumb}" LANG=C.UTF-8 BOSUN_LAB_BOX="$BOSUN_LAB_BOX" \
    sh -c 'cd "$1" 2>/dev/null || cd /root; shift; exec "$@"' sh "$dir" "$@"
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
