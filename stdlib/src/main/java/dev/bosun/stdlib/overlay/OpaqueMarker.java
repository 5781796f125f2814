package dev.bosun.stdlib.overlay;

import dev.bosun.api.BosunException;
import dev.bosun.api.Command;
import dev.bosun.api.FileStat;
import dev.bosun.api.HostContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Marks opaque directories on the upper layer, never through merged: written through a mounted
 * overlay the xattr is stored escaped ({@code trusted.overlay.overlay.opaque}, kernel 6.7+) and hides
 * nothing, while reading it back through merged still shows it. So the xattr goes on the upper
 * directory (create and reset run only while unmounted) and is verified there with lgetxattr.
 */
final class OpaqueMarker {
    private final HostContext ctx;
    private final OverlayMounts mounts;

    OpaqueMarker(HostContext ctx) {
        this.ctx = ctx;
        this.mounts = new OverlayMounts(ctx);
    }

    void markAll(OverlayRecord r) {
        for (String dir : r.opaque()) {
            mark(r, dir);
        }
    }

    private void mark(OverlayRecord r, String mergedDir) {
        Layout lay = r.layout();
        // Upper directories decide the merged view's modes and owners, so each one made here copies the
        // lower directory it stands in for (e.g. a 0700 /root stays 0700); new ones are 0755 as in sdme.
        String acc = "";
        for (String seg : mergedDir.substring(1).split("/")) {
            acc = acc + "/" + seg;
            FileStat like = lowerDirectory(r, acc);
            ctx.fs().mkdirs(lay.upperOf(acc), like != null ? like.mode() : Layout.UPPER_MODE,
                    like != null ? like.uid() : null, like != null ? like.gid() : null);
        }
        String real = mounts.real(lay.upperOf(mergedDir));
        if (!ctx.dryRun() && Xattr.isY(Xattr.get(Path.of(real), r.xattrs().opaque()))) {
            return; // already marked: an ensure changes nothing
        }
        ctx.exec().run(Command.of("setfattr", "-h", "-n", r.xattrs().opaque(), "-v", "y", real).asMutating());
        if (!ctx.dryRun() && !Xattr.isY(Xattr.get(Path.of(real), r.xattrs().opaque()))) {
            throw new BosunException("setfattr ran, but " + real + " does not carry " + r.xattrs().opaque()
                    + "=y (does the file system support " + r.xattrs() + " xattrs?)");
        }
    }

    private FileStat lowerDirectory(OverlayRecord r, String mergedPath) {
        for (String l : r.lower()) {
            FileStat st = ctx.fs().stat(l.equals("/") ? mergedPath : l + mergedPath);
            if (st != null) {
                return st.type() == FileStat.Type.DIRECTORY ? st : null;
            }
        }
        return null;
    }

    /** True when upper holds exactly the marked opaque dirs and their parents, nothing else. */
    boolean pristine(OverlayRecord r, Path upper) {
        Set<String> expected = new HashSet<>();
        for (String dir : r.opaque()) {
            for (String acc = dir; !acc.isEmpty(); acc = acc.substring(0, acc.lastIndexOf('/'))) {
                expected.add(acc);
            }
            Path p = upper.resolve(dir.substring(1));
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || !Xattr.isY(Xattr.get(p, r.xattrs().opaque()))) {
                return false;
            }
        }
        try (Stream<Path> walk = Files.walk(upper)) {
            return walk.filter(p -> !p.equals(upper)).allMatch(p -> expected.contains("/" + upper.relativize(p)));
        } catch (IOException e) {
            throw new BosunException("cannot read " + upper + ": " + e.getMessage(), e);
        }
    }
}
