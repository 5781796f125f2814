package dev.bosun.shell.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * OpenSSH's {@code StrictModes} (and sudo's check of sudoers) for the files that decide what code Bosun
 * runs as root. A plugin file or directory is trusted only when it, and every directory on the way to it
 * from {@code /}, is owned by root and not writable by anyone else: then nobody but root can replace,
 * rename or add code between this check and PF4J reading it, so the check cannot be raced.
 *
 * <p>The rules, each decided with {@code lstat} (a link is never followed to judge it):
 * <ul>
 * <li>Owner: root (uid 0). A directory or file owned by any other user is refused, wherever it is on the way.</li>
 * <li>Mode: no group or other write bit ({@code 022}); with POSIX ACLs the group bits are the ACL mask, so a
 *     named user or group granted write shows up here too.</li>
 * <li>Sticky directories: a directory above the plugin directory may be writable by others when its sticky bit
 *     is set ({@code /tmp}, 1777): others can then add names to it but cannot rename or remove an entry they do
 *     not own, and the entry on the way is itself checked to be root's. The plugin directory and the plugin files
 *     themselves are never allowed to be writable by others, sticky or not.</li>
 * <li>Symbolic links on the way are followed the way the kernel would, judged twice: the link must be owned by
 *     root (it sits in a directory already checked), and its target is checked from {@code /} (absolute) or from
 *     the link's directory (relative) like any other path. More than 40 links is refused, like ELOOP.</li>
 * <li>Inside an unpacked plugin directory, every file and directory is checked the same way and a symbolic link
 *     is refused: PF4J would follow it to code outside the checked tree.</li>
 * </ul>
 * Bosun applies the rules when its effective uid is 0; another user's plugins run with that user's rights.
 */
final class StrictModes {
    /** What to do about a refused path, appended to the reason. */
    static final String RULE = "as root, plugins load only from root-owned directories not writable by others";
    private static final int MAX_LINKS = 40;
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;
    private static final int S_ISVTX = 01000;

    private StrictModes() {
    }

    /** Whether the rules apply to this process: its effective uid is 0, or it cannot be read (then they apply). */
    static boolean enforced() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]) == 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Fall through: without knowing who we are, check as if root.
        }
        return true;
    }

    /**
     * Null when {@code target} and every directory on the way to it pass, else the reason in a few words
     * ({@code /x is writable by others (mode 0777)}).
     *
     * @throws NoSuchFileException when something on the way does not exist
     */
    static String check(Path target) throws IOException {
        Deque<String> todo = new ArrayDeque<>(components(target.toAbsolutePath()));
        Path at = Path.of("/");
        String bad = judge(at, lstat(at), todo.isEmpty());
        int links = 0;
        while (bad == null && !todo.isEmpty()) {
            String name = todo.removeFirst();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                // The path so far has no links left in it, so its lexical parent is the real one.
                at = at.getParent() == null ? at : at.getParent();
                continue;
            }
            Path next = at.resolve(name);
            Map<String, Object> st = lstat(next);
            if (type(st) == S_IFLNK) {
                if (++links > MAX_LINKS) {
                    return next + " leads through more than " + MAX_LINKS + " symbolic links";
                }
                if (uid(st) != 0) {
                    return next + " is a symbolic link owned by " + owner(next, st);
                }
                Path linkTarget = Files.readSymbolicLink(next);
                List<String> rest = new ArrayList<>(components(linkTarget));
                rest.addAll(todo);
                todo.clear();
                todo.addAll(rest);
                if (linkTarget.isAbsolute()) {
                    at = Path.of("/");
                }
                continue;
            }
            bad = judge(next, st, todo.stream().allMatch(c -> c.isEmpty() || c.equals(".")));
            at = next;
        }
        return bad;
    }

    /**
     * {@link #check} for an unpacked plugin directory, then every file and directory inside it: each must pass
     * on its own (no sticky exception) and none may be a symbolic link.
     */
    static String checkTree(Path dir) throws IOException {
        String bad = check(dir);
        if (bad != null) {
            return bad;
        }
        Deque<Path> todo = new ArrayDeque<>(List.of(dir.toAbsolutePath()));
        while (!todo.isEmpty()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(todo.removeFirst())) {
                for (Path e : entries) {
                    Map<String, Object> st = lstat(e);
                    if (type(st) == S_IFLNK) {
                        return e + " is a symbolic link; a plugin directory may not contain links";
                    }
                    bad = judge(e, st, true);
                    if (bad != null) {
                        return bad;
                    }
                    if (type(st) == S_IFDIR) {
                        todo.addLast(e);
                    }
                }
            }
        }
        return null;
    }

    /**
     * {@link #check}, or {@link #checkTree} when {@code tree}, with a path that is missing or cannot be read
     * given as the reason instead of thrown: either way it is not loaded.
     */
    static String reasonAgainst(Path p, boolean tree) {
        try {
            return tree ? checkTree(p) : check(p);
        } catch (NoSuchFileException e) {
            return e.getFile() + " does not exist";
        } catch (IOException e) {
            return "cannot check it: " + e;
        }
    }

    /**
     * Null when Bosun may create {@code dir} (and its missing parents) to install plugins into: the deepest part
     * of it that exists passes {@link #check} as if it were the plugin directory itself, so no one else can
     * have made, or later replace, what gets created below it.
     */
    static String checkCreatable(Path dir) throws IOException {
        Path p = dir.toAbsolutePath().normalize();
        while (p.getParent() != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            p = p.getParent();
        }
        return check(p);
    }

    private static String judge(Path p, Map<String, Object> st, boolean last) throws IOException {
        if (uid(st) != 0) {
            return p + " is owned by " + owner(p, st);
        }
        int mode = (Integer) st.get("mode");
        if ((mode & 022) == 0) {
            return null;
        }
        if (!last && type(st) == S_IFDIR && (mode & S_ISVTX) != 0) {
            return null;
        }
        String who = (mode & 002) != 0 ? "others" : "its group";
        return p + " is writable by " + who + " (mode " + String.format("%04o", mode & 07777) + ")";
    }

    private static Map<String, Object> lstat(Path p) throws IOException {
        return Files.readAttributes(p, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int type(Map<String, Object> st) {
        return (Integer) st.get("mode") & S_IFMT;
    }

    private static int uid(Map<String, Object> st) {
        return (Integer) st.get("uid");
    }

    private static String owner(Path p, Map<String, Object> st) throws IOException {
        String name = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).owner().getName();
        return name.equals(String.valueOf(uid(st))) ? "uid " + uid(st) : name + " (uid " + uid(st) + ")";
    }

    private static List<String> components(Path p) {
        List<String> out = new ArrayList<>();
        for (Path c : p) {
            out.add(c.toString());
        }
        return out;
    }
}
