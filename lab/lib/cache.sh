# The box cache, sourced by lab/build and lab/run (bash). One box tree per cache key: the hash of the suite,
# the package list and the recipe (packages, recipe, box/). Kept in $CACHE, outside the repository:
#   KEY.tar      the built tree, as a tarball (what a CI cache would keep)
#   KEY.tree/    the tarball unpacked: the read-only lower layer every box is an overlay on
#   KEY.inuse    running boxes hold a shared lock on it, so no build prunes a tree a box is using
#   .lock        every build and prune holds it exclusively: two builds never race

CACHE=${BOSUN_LAB_CACHE:-/var/cache/bosun-lab}
SUITE=${BOSUN_LAB_SUITE:-trixie}

die() { echo "lab: $*" >&2; exit "${DIE_STATUS:-1}"; }

# Exit statuses callers (the JUnit lab) turn into a skip with the message: the machine cannot have a box.
CANNOT=3

cache_key() {
  { echo "suite $SUITE"; cat "$LAB/packages" "$LAB/recipe";
    (cd "$LAB/box" && find . -type f -print0 | sort -z | xargs -0 sha256sum);
    (cd "$LAB/box" && find . -print0 | sort -z | xargs -0 stat -c '%n %a'); } | sha256sum | cut -c1-16
}

# The Debian archive this machine's apt uses (first deb source that is not a security or updates suite);
# BOSUN_LAB_MIRROR overrides it.
debian_mirror() {
  if [ -n "${BOSUN_LAB_MIRROR:-}" ]; then echo "$BOSUN_LAB_MIRROR"; return; fi
  local f uri
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    uri=$(sed -nE 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([a-z]+:\/\/[^[:space:]]+)[[:space:]]+[a-z]+([[:space:]].*)?$/\2/p' "$f" \
          | grep -v security | head -n 1)
    [ -n "$uri" ] && { echo "${uri%/}"; return; }
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(sed -nE 's/^URIs:[[:space:]]*([^[:space:]]+).*/\1/p' "$f" | grep -v security | head -n 1)
    [ -n "$uri" ] && { echo "${uri%/}"; return; }
  done
  echo http://deb.debian.org/debian
}

archive_reachable() { # $1 = mirror
  local url="$1/dists/$SUITE/Release"
  if command -v curl >/dev/null; then curl -fsS -o /dev/null --max-time 30 "$url"
  elif command -v wget >/dev/null; then wget -q -O /dev/null --timeout=30 "$url"
  else return 0; fi
}

# Builds KEY.tar and KEY.tree (under .lock). Slow: debootstrap downloads and installs the packages.
build_tree() { # $1 = key
  local key=$1 mirror tmp start=$SECONDS
  mirror=$(debian_mirror)
  command -v debootstrap >/dev/null || DIE_STATUS=$CANNOT die "debootstrap is not installed (apt-get install debootstrap) and there is no cached box $CACHE/$key.tar"
  archive_reachable "$mirror" || DIE_STATUS=$CANNOT die "the Debian archive $mirror ($SUITE) is unreachable and there is no cached box $CACHE/$key.tar"
  tmp="$CACHE/.build-$key"
  rm -rf --one-file-system "$tmp" "$CACHE/$key.tar.part"
  mkdir -p "$tmp"
  echo "lab: building the box $key (Debian $SUITE from $mirror; once per package list, a few minutes)..." >&2
  local pkgs
  pkgs=$(grep -v '^[[:space:]]*\(#\|$\)' "$LAB/packages" | paste -sd, -)
  # debootstrap mounts /proc and /sys inside the tree and runs maintainer scripts: a private mount and PID
  # namespace keeps those mounts off the host's table and takes any daemon a script starts down with it.
  if ! unshare --mount --propagation private --pid --fork \
      debootstrap --variant=minbase --include="$pkgs" "$SUITE" "$tmp" "$mirror" >"$CACHE/build.log" 2>&1; then
    tail -n 30 "$CACHE/build.log" >&2
    rm -rf --one-file-system "$tmp"
    die "debootstrap failed (full log: $CACHE/build.log)"
  fi
  ( TREE=$tmp; set -e; source "$LAB/recipe"; recipe ) >>"$CACHE/build.log" 2>&1 \
    || { tail -n 30 "$CACHE/build.log" >&2; rm -rf --one-file-system "$tmp"; die "the recipe failed (full log: $CACHE/build.log)"; }
  tar -C "$tmp" --numeric-owner --xattrs --xattrs-include='*' --acls -cf "$CACHE/$key.tar.part" .
  mv "$CACHE/$key.tar.part" "$CACHE/$key.tar"
  mv "$tmp" "$CACHE/$key.tree"
  echo "lab: built the box $key in $((SECONDS - start)) s ($CACHE/$key.tar)" >&2
}

unpack_tree() { # $1 = key: KEY.tree from KEY.tar (a cache restored from elsewhere holds only the tarball)
  local key=$1 tmp="$CACHE/.unpack-$1"
  rm -rf --one-file-system "$tmp"
  mkdir -p "$tmp"
  tar -C "$tmp" --numeric-owner --xattrs --xattrs-include='*' --acls -xpf "$CACHE/$key.tar" \
    || { rm -rf --one-file-system "$tmp"; die "could not unpack $CACHE/$key.tar"; }
  mv "$tmp" "$CACHE/$key.tree"
}

# Boxes of other keys (an older package list or recipe) that no box is using any more.
prune_others() { # $1 = current key
  local f k
  for f in "$CACHE"/*.tar "$CACHE"/*.tree; do
    [ -e "$f" ] || continue
    k=${f##*/}; k=${k%.tar}; k=${k%.tree}
    [ "$k" = "$1" ] && continue
    exec 6>"$CACHE/$k.inuse"
    if flock -n -x 6; then
      rm -rf --one-file-system "$CACHE/$k.tar" "$CACHE/$k.tree" "$CACHE/$k.inuse"
    fi
    exec 6>&-
  done
}

# Sets TREE to the current box tree, building it when missing, and holds a shared lock on it (fd 7) for as
# long as the calling process and its children live.
box_tree() {
  [ "$(id -u)" = 0 ] || DIE_STATUS=$CANNOT die "the lab needs root (debootstrap, systemd-nspawn, mounts)"
  local key
  key=$(cache_key)
  install -d -m 0700 "$CACHE"
  exec 8>"$CACHE/.lock"
  if ! flock -n 8; then
    echo "lab: waiting for another build of the box..." >&2
    flock 8
  fi
  rm -rf --one-file-system "$CACHE"/.build-* "$CACHE"/.unpack-* "$CACHE"/*.tar.part
  [ -f "$CACHE/$key.tar" ] || build_tree "$key"
  [ -d "$CACHE/$key.tree" ] || unpack_tree "$key"
  prune_others "$key"
  exec 7>"$CACHE/$key.inuse"
  flock -s 7
  exec 8>&-
  TREE="$CACHE/$key.tree"
  BOX_KEY=$key
}
