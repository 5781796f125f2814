package dev.bosun.stdlib.attack;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.effect.LocalHostContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Child-process main run under {@code unshare -m --propagation private} by {@link FsBindMountDeleteAttackTest}
 * (a JVM cannot unshare its own mount namespace): bind-mounts the victim directory inside a tree of the
 * scratch root, then asks Bosun to delete the tree. Prints {@code key=value} lines; the mount dies with
 * the namespace when the process ends.
 */
public final class PathBindMountScenario {
    private PathBindMountScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path victim = Path.of(args[1]);
        Path mountPoint = root.resolve("srv/box/upper/mnt");
        Process mount = new ProcessBuilder("mount", "--bind", victim.toString(), mountPoint.toString())
                .redirectErrorStream(true).start();
        String out = new String(mount.getInputStream().readAllBytes()).strip();
        if (mount.waitFor() != 0) {
            System.out.println("mount=failed " + out);
            System.exit(2);
        }
        System.out.println("mounted=" + Files.readString(Path.of("/proc/self/mountinfo")).contains(mountPoint + " "));
        try (LocalHostContext ctx = LocalHostContext.open(root, false, null, "scenario")) {
            ctx.fs().deleteTree("/srv/box");
            System.out.println("result=deleted");
        } catch (BosunException e) {
            System.out.println("result=" + e.getMessage());
        }
        try (Stream<Path> s = Files.list(mountPoint)) {
            System.out.println("through.mount=" + s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
