# A box's own cgroups, sourced by lab/run and lib/box (bash).
# systemd-nspawn puts the box in the cgroup it was started from (it makes "supervisor" and "payload" below it).
# Started from the same shell, two boxes would share one cgroup tree: a user manager in one box would wait for
# the processes of the same user's manager in the other (a 90 s stop), and their units would mix. So each box
# gets a cgroup of its own, bosun-lab/NAME, in the cgroup2 hierarchy and in the name=systemd v1 hierarchy of
# a hybrid host; lab/run removes them once the box's processes are gone.

box_cgroups() { # $1 = box name: prints the box's cgroup directories
  local line mp rest fstype opts
  while IFS= read -r line; do
    mp=$(cut -d' ' -f5 <<<"$line")
    rest=${line#* - }
    fstype=${rest%% *}
    opts=${rest##* }
    case "$fstype" in
      cgroup2) echo "$mp/bosun-lab/$1" ;;
      cgroup) [[ ,$opts, == *,name=systemd,* ]] && echo "$mp/bosun-lab/$1" ;;
    esac
  done < /proc/self/mountinfo | sort -u
}

# Moves the calling shell ($$ is its PID in its own namespace, which is how cgroup.procs reads it) into the
# box's cgroups.
join_box_cgroups() { # $1 = box name
  local d
  for d in $(box_cgroups "$1"); do
    mkdir -p "$d"
    echo $$ > "$d/cgroup.procs"
  done
}

# Removes the box's cgroups (empty once its processes are gone), deepest first; fails if one is still in use.
remove_box_cgroups() { # $1 = box name
  local d ok=0
  for d in $(box_cgroups "$1"); do
    [ -d "$d" ] || continue
    find "$d" -depth -type d -exec rmdir {} + 2>/dev/null || true
    [ -d "$d" ] && { echo "lab: cgroup $d is still in use" >&2; ok=1; }
    rmdir "${d%/*}" 2>/dev/null || true   # bosun-lab/ itself, once no box uses it
  done
  return "$ok"
}
