package dev.bosun.stdlib.overlay;

import dev.bosun.api.BosunException;
import dev.bosun.api.Command;
import dev.bosun.api.FileStat;
import dev.bosun.api.HostContext;

import java.util.HashSet;
import java.util.Set;

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
        String upperDir = lay.upperOf(mergedDir);
        if (!ctx.dryRun() && Xattr.isY(ctx.fs().xattr(upperDir, r.xattrs().opaque()))) {
            return; // already marked: an ensure changes nothing
        }
        // The xattr goes on a directory of the overlay's own upper layer, under the root: a file effect there.
        ctx.exec().run(Command.of("setfattr", "-h", "-n", r.xattrs().opaque(), "-v", "y", mounts.real(upperDir))
                .insideRoot());
        if (!ctx.dryRun() && !Xattr.isY(ctx.fs().xattr(upperDir, r.xattrs().opaque()))) {
            throw new BosunException("setfattr ran, but " + upperDir + " does not carry " + r.xattrs().opaque()
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
    boolean pristine(OverlayRecord r) {
        String upper = r.layout().upper();
        Set<String> expected = new HashSet<>();
        for (String dir : r.opaque()) {
            for (String acc = dir; !acc.isEmpty(); acc = acc.substring(0, acc.lastIndexOf('/'))) {
                expected.add(acc);
            }
            if (!OverlayHealth.isMarkedOpaque(ctx, r, r.layout().upperOf(dir))) {
                return false;
            }
        }
        boolean[] onlyExpected = {true};
        ctx.fs().walk(upper, e -> {
            if (!expected.contains(e.path().substring(upper.length()))) {
                onlyExpected[0] = false;
            }
            return onlyExpected[0];
        });
        return onlyExpected[0];
    }
}
