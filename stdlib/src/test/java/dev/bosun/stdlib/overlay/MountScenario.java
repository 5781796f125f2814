package dev.bosun.stdlib.overlay;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.effect.LocalHostContext;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Child-process main run under {@code unshare -m --propagation private} (or {@code unshare -rm}) by
 * {@link OverlayMountTest}: real overlay mounts on a scratch root, each fact printed as one
 * {@code key=value} line for the test to assert. The root must hold {@code /lower} with
 * {@code keep.txt}, {@code etc/motd}, {@code etc/gone.txt} and {@code var/log/syslog}.
 */
public final class MountScenario {
    private MountScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        OverlayModule overlay = new OverlayModule();
        try (LocalHostContext ctx = LocalHostContext.open(root, false, null, "scenario")) {
            OverlayInfo info = overlay.create(ctx, "box", new CreateSpec(List.of("/lower"), List.of("/var/log/"), null));
            Path dir = root.resolve("var/lib/bosun/overlays/box");
            Path merged = dir.resolve("merged");
            say("xattr", info.opaqueXattr() + "=" + new String(ctx.fs().xattr(info.upper() + "/var/log", info.opaqueXattr()),
                    StandardCharsets.UTF_8));
            MountResult m = overlay.mount(ctx, "box", null);
            say("mount.changed", m.changed());
            say("mount.options", m.options());
            say("mount.again.changed", overlay.mount(ctx, "box", null).changed());
            say("mountinfo", Files.readString(Path.of("/proc/self/mountinfo")).contains(merged + " "));
            say("merged.var.log", names(merged.resolve("var/log")));
            say("merged.keep", Files.readString(merged.resolve("keep.txt")).strip());
            Files.writeString(merged.resolve("new.txt"), "hello");
            Files.writeString(merged.resolve("var/log/app.log"), "started");
            Files.writeString(merged.resolve("etc/motd"), "changed");
            Files.delete(merged.resolve("etc/gone.txt"));
            for (DiffEntry d : overlay.diff(ctx, "box")) {
                say("diff", d.path() + " " + d.kind());
            }
            OverlayStatus st = overlay.status(ctx, "box");
            say("status", "mounted=" + st.mounted() + " healthy=" + st.healthy() + " problems=" + st.problems());
            say("lower.untouched", Files.readString(root.resolve("lower/etc/motd")).strip() + ","
                    + Files.exists(root.resolve("lower/etc/gone.txt")) + "," + names(root.resolve("lower/var/log")));
            say("unmount.changed", overlay.unmount(ctx, "box").changed());
            say("unmount.again.changed", overlay.unmount(ctx, "box").changed());
            say("after.unmount.mounted", overlay.status(ctx, "box").mounted());
            say("after.unmount.diff.size", overlay.diff(ctx, "box").size());
            MountResult ro = overlay.mount(ctx, "box", new MountSpec(true, List.of("noatime")));
            say("ro.new", Files.readString(merged.resolve("new.txt")));
            say("ro.status", overlay.status(ctx, "box").healthy());
            say("ro.options", ro.options());
            overlay.unmount(ctx, "box");
            say("remove", overlay.remove(ctx, "box", null).detail().startsWith("deleted"));
            say("dir.exists", Files.exists(dir));
            busy(ctx, overlay, root);
            say("list", overlay.list(ctx).size());
        } catch (BosunException e) {
            say("error", e.getMessage());
            System.exit(1);
        }
    }

    /** A mount held open by this very process: remove refuses, remove with force detaches lazily. */
    private static void busy(LocalHostContext ctx, OverlayModule overlay, Path root) throws Exception {
        overlay.create(ctx, "busy", new CreateSpec(List.of("/lower"), null, null));
        overlay.mount(ctx, "busy", null);
        Path merged = root.resolve("var/lib/bosun/overlays/busy/merged");
        try (FileChannel held = FileChannel.open(merged.resolve("held.txt"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            try {
                overlay.remove(ctx, "busy", null);
                say("busy.remove", "succeeded");
            } catch (BosunException e) {
                say("busy.remove", e.getMessage());
            }
            say("busy.still.mounted", overlay.status(ctx, "busy").mounted());
            say("busy.force", overlay.remove(ctx, "busy", new RemoveSpec(true)).changed());
            say("busy.dir.exists", Files.exists(root.resolve("var/lib/bosun/overlays/busy")));
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void say(String key, Object value) {
        System.out.println(key + "=" + value);
    }
}
