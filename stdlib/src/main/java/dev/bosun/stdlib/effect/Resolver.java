package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;

import java.util.ArrayDeque;
import java.util.Deque;

import static dev.bosun.stdlib.effect.LinuxFiles.AT_EMPTY_PATH;
import static dev.bosun.stdlib.effect.LinuxFiles.AT_SYMLINK_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_CLOEXEC;
import static dev.bosun.stdlib.effect.LinuxFiles.O_NOFOLLOW;
import static dev.bosun.stdlib.effect.LinuxFiles.O_PATH;
import static dev.bosun.stdlib.effect.LinuxFiles.RESOLVE_BENEATH;
import static dev.bosun.stdlib.effect.LinuxFiles.RESOLVE_NO_MAGICLINKS;
import static dev.bosun.stdlib.effect.LinuxFiles.RESOLVE_NO_SYMLINKS;

/**
 * Resolves a host path beneath a {@link RootDir} one component at a time, on descriptors, the way
 * systemd's {@code chase()} does with {@code CHASE_SAFE}:
 * <ul>
 * <li>each component is opened relative to the directory descriptor before it with
 *     {@code openat2(O_PATH|O_NOFOLLOW, RESOLVE_BENEATH|RESOLVE_NO_SYMLINKS|RESOLVE_NO_MAGICLINKS)}, so
 *     the kernel itself guarantees the step stays in that directory and follows nothing;</li>
 * <li>a symlink is read and its text resolved here: an absolute target starts again at the root
 *     descriptor, a relative one continues from the current directory, at most {@value #MAX_SYMLINKS}
 *     links (Linux's MAXSYMLINKS). {@code ..} pops a stack of directory descriptors and never goes
 *     above the root ({@code ..} is never opened). Under {@code --root DIR} this is the kernel's
 *     {@code RESOLVE_IN_ROOT}: nothing ever resolves outside DIR; with the root {@code /} it is
 *     ordinary resolution;</li>
 * <li>an unsafe transition is refused: a directory owned by someone other than root (or the user
 *     Bosun runs as) may only hold entries of that same owner, an absolute link owned by such a user
 *     may not lead to a root owned by someone else, and {@code ..} may not lead out of such a user's
 *     directory into another owner's. This is what keeps a user's {@code ~/.config -> /etc} from
 *     turning root's write into their home into a write into {@code /etc}.</li>
 * </ul>
 * The kernel's whole-path {@code RESOLVE_IN_ROOT} would give the same containment in one call, but
 * not the ownership rule, which needs the metadata of every step; so the walk is done here.
 */
final class Resolver {
    /** Linux's limit on links followed in one resolution. */
    static final int MAX_SYMLINKS = 40;

    private static final int STEP_FLAGS = O_PATH | O_NOFOLLOW | O_CLOEXEC;
    private static final long STEP_RESOLVE = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    private static final int STAT_FD = AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW;

    private Resolver() {
    }

    /** One component to look up; {@code origin} is its index in the caller's path, or -1 when it came from a link. */
    private record Step(String name, int origin) {
    }

    /** A directory on the way, its metadata, and the name it was opened by. */
    private record Dir(Fd fd, Statx stat, String name) {
    }

    /**
     * Walks {@code hostPath} (absolute, normalised) beneath {@code root}.
     *
     * @param followLast also follow the last component when it is a link (reads, listings); otherwise
     *                   the link itself is meant (stat, replace, delete)
     * @throws BosunException on an unsafe transition or a link loop, naming {@code hostPath}'s prefix
     * @throws SyscallException when a lookup fails for another reason than a missing component
     */
    static Resolved resolve(RootDir root, String hostPath, boolean followLast) {
        String[] original = split(hostPath);
        Deque<Step> todo = new ArrayDeque<>();
        for (int i = 0; i < original.length; i++) {
            todo.addLast(new Step(original[i], i));
        }
        Statx rootStat = root.stat();
        Deque<Dir> stack = new ArrayDeque<>();
        stack.push(new Dir(root.fd(), rootStat, null));
        int at = -1;
        int links = 0;
        try {
            while (!todo.isEmpty()) {
                Step step = todo.pollFirst();
                if (step.origin() >= 0) {
                    at = step.origin();
                }
                String name = step.name();
                if (name.equals(".")) {
                    continue;
                }
                if (name.equals("..")) {
                    if (stack.size() > 1) {
                        Dir out = stack.pop();
                        out.fd().close();
                        Dir into = stack.peek();
                        if (unsafe(root, out.stat(), into.stat())) {
                            throw refusal(original, at, "'..' leads from a directory owned by " + owner(out.stat())
                                    + " to one owned by " + owner(into.stat()));
                        }
                    }
                    continue;
                }
                boolean last = todo.isEmpty();
                Dir top = stack.peek();
                Fd child;
                try {
                    child = Fd.of(LinuxFiles.openat2(top.fd().get(), name, STEP_FLAGS, 0, STEP_RESOLVE));
                } catch (SyscallException e) {
                    if (!e.is(Errno.ENOENT)) {
                        throw e;
                    }
                    if (last) {
                        stack.pop();
                        return Resolved.absent(top.fd(), top.stat(), name);
                    }
                    return Resolved.unreachable(e);
                }
                Statx st;
                try {
                    st = LinuxFiles.statx(child.get(), "", STAT_FD);
                    if (unsafe(root, top.stat(), st)) {
                        throw refusal(original, at, "a directory owned by " + owner(top.stat()) + " holds "
                                + article(st) + " owned by " + owner(st));
                    }
                } catch (RuntimeException e) {
                    child.close();
                    throw e;
                }
                if (st.isSymlink() && (!last || followLast)) {
                    String target;
                    try (child) {
                        if (++links > MAX_SYMLINKS) {
                            throw new BosunException(shown(original, at) + ": too many levels of symbolic links");
                        }
                        target = LinuxFiles.readlinkat(child.get(), "");
                    }
                    if (target.startsWith("/")) {
                        if (unsafe(root, st, rootStat)) {
                            throw refusal(original, at, "a link owned by " + owner(st) + " leads to a directory owned by "
                                    + owner(rootStat));
                        }
                        while (stack.size() > 1) {
                            stack.pop().fd().close();
                        }
                    }
                    String[] t = split(target);
                    for (int i = t.length - 1; i >= 0; i--) {
                        todo.addFirst(new Step(t[i], -1));
                    }
                    continue;
                }
                if (last) {
                    stack.pop();
                    return Resolved.found(top.fd(), top.stat(), name, child, st);
                }
                if (!st.isDirectory()) {
                    child.close();
                    return Resolved.unreachable(new SyscallException("openat2", Errno.ENOTDIR));
                }
                stack.push(new Dir(child, st, name));
            }
            // Nothing left: the path ends on a directory of the stack (the root itself, or after "..").
            Dir end = stack.pop();
            Dir holder = stack.poll();
            return holder == null ? Resolved.found(null, null, null, end.fd(), end.stat())
                    : Resolved.found(holder.fd(), holder.stat(), end.name(), end.fd(), end.stat());
        } finally {
            for (Dir d : stack) {
                d.fd().close();
            }
        }
    }

    /**
     * systemd's {@code unsafe_transition}: from a directory (or link) owned by a trusted uid anything
     * goes; otherwise the next step must have the same owner.
     */
    private static boolean unsafe(RootDir root, Statx from, Statx to) {
        return !root.trusted(from.uid()) && from.uid() != to.uid();
    }

    private static BosunException refusal(String[] original, int at, String why) {
        return new BosunException("refusing " + shown(original, at) + ": " + why + " (unsafe path transition)");
    }

    /** The caller's path up to the component being resolved: what a user recognises, never an internal path. */
    private static String shown(String[] original, int at) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= at && i < original.length; i++) {
            sb.append('/').append(original[i]);
        }
        return sb.isEmpty() ? "/" : sb.toString();
    }

    private static String owner(Statx st) {
        return st.uid() == 0 ? "root" : "uid " + Integer.toUnsignedString(st.uid());
    }

    private static String article(Statx st) {
        return st.isDirectory() ? "a directory" : st.isSymlink() ? "a link" : st.isRegularFile() ? "a file"
                : "a " + st.type();
    }

    /** The non-empty components of a path or link text. */
    static String[] split(String path) {
        int n = 0;
        int len = path.length();
        for (int i = 0; i < len; ) {
            while (i < len && path.charAt(i) == '/') {
                i++;
            }
            if (i < len) {
                n++;
            }
            while (i < len && path.charAt(i) != '/') {
                i++;
            }
        }
        String[] out = new String[n];
        int k = 0;
        for (int i = 0; i < len; ) {
            while (i < len && path.charAt(i) == '/') {
                i++;
            }
            int start = i;
            while (i < len && path.charAt(i) != '/') {
                i++;
            }
            if (i > start) {
                out[k++] = path.substring(start, i);
            }
        }
        return out;
    }
}
