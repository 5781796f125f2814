package dev.bosun.stdlib.overlay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a mount made by this process stays out of the live system's mount table. Read from
 * {@code /proc} directly: like {@link MountTable} it is a fact about this process, not about the root.
 *
 * <p>Under {@code --root DIR} a mount or umount is refused unless it provably lands in a namespace of
 * Bosun's own, which the operator chose by starting Bosun in one ({@code unshare -m} or {@code unshare -rm}).
 * Anything not provable counts as live, so an unreadable {@code /proc} entry only ever refuses.
 */
final class MountNamespace {
    /** {@code PROC_USER_INIT_INO} of the kernel: the initial user namespace's inode, a constant. */
    static final String INITIAL_USER_NS = "user:[4026531837]";

    private MountNamespace() {
    }

    /**
     * A description of this process's mount namespace when mounts made in it cannot reach the live
     * system, else null. Either Bosun runs in a user namespace other than the initial one (a mount can only
     * succeed in a mount namespace that user namespace owns, which is less privileged: the kernel turns
     * its shared mounts into slaves, so nothing propagates back), or its mount namespace differs from its
     * parent's and from PID 1's (where readable) and none of its mounts is shared.
     */
    static String privateOne() {
        String mnt = link("/proc/self/ns/mnt");
        if (mnt == null) {
            return null;
        }
        String user = link("/proc/self/ns/user");
        if (user != null && !user.equals(INITIAL_USER_NS)) {
            return mnt + " (owned by " + user + ")";
        }
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        String parentMnt = parent > 0 ? link("/proc/" + parent + "/ns/mnt") : null;
        String initMnt = link("/proc/1/ns/mnt");
        if (parentMnt == null || parentMnt.equals(mnt) || mnt.equals(initMnt) || anyShared()) {
            return null;
        }
        return mnt;
    }

    /** True when a mount of this namespace has a {@code shared:N} tag: a mount below it would propagate to peers. */
    private static boolean anyShared() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                int dash = line.indexOf(" - ");
                String[] fields = (dash < 0 ? line : line.substring(0, dash)).split(" ");
                for (int i = 6; i < fields.length; i++) {
                    if (fields[i].startsWith("shared:")) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static String link(String path) {
        try {
            return Files.readSymbolicLink(Path.of(path)).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }
}
