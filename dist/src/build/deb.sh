#!/usr/bin/env bash
# Builds bosun_VERSION_ARCH.deb from the distribution tree tarball.sh made, with dpkg-deb (mvn package, module dist,
# where dpkg-deb exists). The package installs:
#   /usr/lib/bosun/{bin,lib}           the tree (runtime, jars, AOT caches, SQLite library); /usr/lib/bosun/plugins
#                                      is where Bosun looks for plugins installed for every user
#   /usr/bin/bosun                     -> ../lib/bosun/bin/bosun (the launcher finds its tree through the link)
#   /usr/share/man/man1/bosun.1.gz, /usr/share/bash-completion/completions/bosun, /usr/share/zsh/vendor-completions/_bosun
#   /usr/share/doc/bosun/{copyright,changelog.gz}
#   /var/lib/bosun                     root's state directory, 0700 as Bosun itself creates it (the database in it
#                                      is made 0600 by Bosun at first use); a purge removes it
#   deb.sh TREE OUT VERSION DEB_SRC
set -euo pipefail
TREE=$1 OUT=$2 VERSION=$3 DEB_SRC=$4
ARCH=$(dpkg --print-architecture)
PKG=$OUT/deb/bosun_${VERSION}_${ARCH}
DEB=$OUT/bosun_${VERSION}_${ARCH}.deb

rm -rf "$OUT/deb" "$DEB"
mkdir -p "$PKG/DEBIAN" "$PKG/usr/lib/bosun" "$PKG/usr/bin" "$PKG/usr/share/doc/bosun" "$PKG/usr/share/man/man1" \
  "$PKG/usr/share/lintian/overrides"
# cp -a: the jars keep their times, which the AOT caches check.
cp -a "$TREE/bin" "$TREE/lib" "$PKG/usr/lib/bosun/"
ln -s ../lib/bosun/bin/bosun "$PKG/usr/bin/bosun"
cp -a "$TREE/share/zsh" "$PKG/usr/share/"
# bash-completion sources the file: picocli's #! line has no meaning there (lintian: bash-completion-with-hashbang).
install -d "$PKG/usr/share/bash-completion/completions"
sed '1{/^#!/d}' "$TREE/share/bash-completion/completions/bosun" > "$PKG/usr/share/bash-completion/completions/bosun"
gzip -9n < "$TREE/share/man/man1/bosun.1" > "$PKG/usr/share/man/man1/bosun.1.gz"
install -m 0644 "$TREE/share/doc/bosun/copyright" "$PKG/usr/share/doc/bosun/copyright"
sed "s/@VERSION@/$VERSION/" "$DEB_SRC/changelog" | gzip -9n > "$PKG/usr/share/doc/bosun/changelog.gz"
install -m 0644 "$DEB_SRC/lintian-overrides" "$PKG/usr/share/lintian/overrides/bosun"
install -d -m 0700 "$PKG/var/lib/bosun"
install -m 0755 "$DEB_SRC/postrm" "$PKG/DEBIAN/postrm"

# Installed-Size in KiB, as dpkg-gencontrol counts it.
size=$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$size/" "$DEB_SRC/control" > "$PKG/DEBIAN/control"
(cd "$PKG" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) \
  > "$PKG/DEBIAN/md5sums"
chmod -R go-w "$PKG"
chmod 0644 "$PKG/DEBIAN/control" "$PKG/DEBIAN/md5sums"

# gzip, not dpkg-deb's default xz: xz made the package a fifth smaller (75 MB, not 92 MB) but took 14 minutes on
# two busy cores, against 2 for gzip.
dpkg-deb --root-owner-group -Zgzip --build "$PKG" "$DEB"
echo "deb.sh: $DEB ($(du -h "$DEB" | cut -f1))"
