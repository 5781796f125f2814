#!/usr/bin/env bash
# Builds the self-contained distribution (mvn package, module dist): a tree that runs on a Linux host with no JDK,
# and its tarball NAME.tar.gz:
#   bin/bosun                               the launcher (dist/src/main/launcher/bosun)
#   lib/runtime/                            a Java runtime made by jlink with only the modules Bosun needs
#   lib/app/bosun.jar, lib/app/lib/*.jar    the shell and its libraries, as shell/target has them
#   lib/app/bosun.jvmflags                  the JVM flags (the same line the source tree's launcher reads)
#   lib/app/bosun.aot, bosun-repl.aot       JDK 25 AOT caches trained with lib/runtime (not with -Dbosun.skipAot)
#   lib/native/libsqlitejdbc.so             SQLite's JNI library, so the driver never extracts one into /tmp
#   share/man/man1/bosun.1                  the manual page, written from the command-line model
#   share/bash-completion/completions/bosun, share/zsh/vendor-completions/_bosun
#   share/doc/bosun/copyright               what is bundled and under which licence
#   tarball.sh JDK SHELL_TARGET OUT NAME SRC SKIP_AOT
#     JDK: the build's JDK 25 (jdeps, jlink); SHELL_TARGET: shell/target; OUT: dist/target; NAME: the tree's and
#     the tarball's name; SRC: dist/src; SKIP_AOT: true to leave the caches out (the launcher runs without them).
set -euo pipefail
JDK=$1 SHELL_TARGET=$2 OUT=$3 NAME=$4 SRC=$5 SKIP_AOT=$6
TREE=$OUT/$NAME
APP=$TREE/lib/app
step() { echo "tarball.sh: $*"; }
command -v strip >/dev/null || { echo "tarball.sh: strip is missing (apt-get install binutils)" >&2; exit 1; }

rm -rf "$TREE" "$OUT/$NAME.tar.gz"
mkdir -p "$TREE/bin" "$APP/lib" "$TREE/lib/native" "$TREE/share/man/man1" "$TREE/share/bash-completion/completions" \
  "$TREE/share/zsh/vendor-completions" "$TREE/share/doc/bosun"

# Jars keep their times: an AOT cache records each jar's modification time and is refused if one changed.
cp -p "$SHELL_TARGET/bosun.jar" "$SHELL_TARGET/bosun.jvmflags" "$APP/"
cp -p "$SHELL_TARGET"/lib/*.jar "$APP/lib/"
if cp -p "$SHELL_TARGET"/native/libsqlitejdbc.* "$TREE/lib/native/" 2>/dev/null; then
  # The driver loads that library, so the jar's copies for every platform (11 MB of the tarball) can go.
  "$JDK/bin/java" "$SRC/build/SqliteJarNatives.java" "$APP"/lib/sqlite-jdbc-*.jar
else
  step "no SQLite library in $SHELL_TARGET/native: the driver will extract its own at run time"
fi

# The modules: what jdeps finds the jars use, with two corrections it cannot know about.
#  - without java.desktop (about 24 MB with its native libraries): Jackson reaches java.beans only to read two
#    optional annotations and carries on without them, and ICU4J's java.awt.font uses are in text-shaping APIs
#    GraalJS does not call; DistributionTest runs Intl, normalisation and record binding on this runtime.
#  - with jdk.zipfs: a provider found through ServiceLoader (no class refers to it), which PF4J uses to read
#    plugin jars through the zip file system.
step "jdeps: the modules the jars use"
modules=$("$JDK/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps \
  --class-path "$APP/lib/*" "$APP/bosun.jar" "$APP"/lib/*.jar | tail -n 1)
modules=$(tr ',' '\n' <<<"$modules" | grep -vx 'java.desktop' | paste -sd, -),jdk.zipfs
step "jlink: $modules"
"$JDK/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$TREE/lib/runtime"
# What Debian's dh_strip does to shared objects: the symbol tables go (about 5 MB), the dynamic symbols stay.
# Before the training, so the caches are made by the very files that ship.
# jexec (which runs executable jars through binfmt_misc) is of no use to Bosun; jspawnhelper starts every command.
rm -f "$TREE/lib/runtime/lib/jexec"
find "$TREE/lib/runtime" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) \
  -exec strip --strip-unneeded --remove-section=.comment --remove-section=.note {} +
# jlink copies the legal notices read-only (0444); files are 0644 like any other in a package.
chmod -R u+w "$TREE/lib/runtime"

install -m 0755 "$SRC/main/launcher/bosun" "$TREE/bin/bosun"
install -m 0644 "$SRC/main/share/copyright" "$TREE/share/doc/bosun/copyright"

# The page and the completions come from the runtime just made: a first proof that it runs the shell.
read -r -a FLAGS < "$APP/bosun.jvmflags"
"$TREE/lib/runtime/bin/java" "${FLAGS[@]}" -cp "$APP/bosun.jar" dev.bosun.shell.cli.ManPage > "$TREE/share/man/man1/bosun.1"
"$TREE/bin/bosun" completion bash > "$TREE/share/bash-completion/completions/bosun"
"$TREE/bin/bosun" completion zsh > "$TREE/share/zsh/vendor-completions/_bosun"

if [ "$SKIP_AOT" = true ]; then
  step "no AOT caches (-Dbosun.skipAot=true): bin/bosun starts without them"
else
  # The training the source tree's caches get (shell/src/main/dist/aot-train.sh), with this runtime, in the
  # directory the jars ship in: a cache only maps into the JVM and the class path it was made with. No plugins:
  # the distribution brings none, and the builder's own plugins must not end up in the cache's training.
  step "training the AOT caches with lib/runtime (log: $OUT/aot-training.log)"
  cp "$SHELL_TARGET/aot-training.mjs" "$SHELL_TARGET/aot-training.repl" "$APP/"
  mkdir -p "$OUT/aot-training-home"
  if ! env -u BOSUN_PLUGIN_PATH XDG_DATA_HOME="$OUT/aot-training-home" XDG_STATE_HOME="$OUT/aot-training-home" \
      bash "$SHELL_TARGET/aot-train.sh" "$TREE/lib/runtime/bin/java" "$APP" > "$OUT/aot-training.log" 2>&1; then
    tail -n 30 "$OUT/aot-training.log" >&2
    exit 1
  fi
  rm -f "$APP/aot-training.mjs" "$APP/aot-training.repl"
  rm -rf "$OUT/aot-training-home"
fi

# Nothing in the tree is writable by anyone but its owner, whatever the build's umask was.
chmod -R go-w "$TREE"
step "$NAME.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$OUT" -czf "$OUT/$NAME.tar.gz" "$NAME"
step "$(du -sh "$TREE" | cut -f1) unpacked, $(du -h "$OUT/$NAME.tar.gz" | cut -f1) packed"
