package dev.bosun.stdlib.attack;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.overlay.CreateSpec;
import dev.bosun.stdlib.overlay.DiffEntry;
import dev.bosun.stdlib.overlay.OverlayModule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Child-process main run under {@code unshare -m --propagation private} by {@link OverlayDiffAttackTest}:
 * creates overlay {@code box} on the scratch root, bind-mounts the victim directory on {@code upper/mnt}, then
 * asks for the diff and the status. Prints {@code key=value} lines; the mount dies with the namespace.
 */
public final class OverlayDiffMountScenario {
    private OverlayDiffMountScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path victim = Path.of(args[1]);
        OverlayModule overlay = new OverlayModule();
        try (LocalHostContext ctx = LocalHostContext.open(root, false, null, "scenario")) {
            overlay.create(ctx, "box", new CreateSpec(List.of("/lower"), null, null));
            Path upper = root.resolve("var/lib/bosun/overlays/box/upper");
            Files.writeString(upper.resolve("own.txt"), "container data");
            Path mountPoint = Files.createDirectory(upper.resolve("mnt"));
            Process mount = new ProcessBuilder("mount", "--bind", victim.toString(), mountPoint.toString())
                    .redirectErrorStream(true).start();
            String out = new String(mount.getInputStream().readAllBytes()).strip();
            if (mount.waitFor() != 0) {
                System.out.println("mount=failed " + out);
                System.exit(2);
            }
            System.out.println("mounted=" + Files.readString(Path.of("/proc/self/mountinfo")).contains(mountPoint + " "));
            for (DiffEntry d : overlay.diff(ctx, "box")) {
                System.out.println("diff=" + d.path() + " " + d.kind());
            }
            System.out.println("upperEntries=" + overlay.status(ctx, "box").upperEntries());
        } catch (BosunException e) {
            System.out.println("error=" + e.getMessage());
            System.exit(1);
        }
    }
}
