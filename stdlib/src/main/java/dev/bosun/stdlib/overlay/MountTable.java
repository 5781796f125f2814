package dev.bosun.stdlib.overlay;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mounts of this process's mount namespace, from {@code /proc/self/mountinfo}. The file is the
 * namespace's truth regardless of {@code --root}, so it is read directly rather than through the
 * root-relative file layer.
 */
final class MountTable {
    private final List<Entry> entries;

    MountTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static MountTable current() {
        try {
            return parse(Files.readString(Path.of("/proc/self/mountinfo")));
        } catch (IOException e) {
            throw new BosunException("cannot read /proc/self/mountinfo: " + e.getMessage(), e);
        }
    }

    /**
     * One mount.
     *
     * @param mountPoint   where it is mounted (escapes decoded)
     * @param fsType       file system type, e.g. {@code overlay}
     * @param superOptions per-super-block options, e.g. {@code lowerdir=...}; values decoded
     */
    record Entry(int id, int parent, String mountPoint, String fsType, String source, Map<String, String> superOptions) {
    }

    /** Parses mountinfo lines (proc(5)): fields up to a {@code -} separator, then type, source, super options. */
    static MountTable parse(String text) {
        List<Entry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ");
            int dash = -1;
            for (int i = 6; i < f.length; i++) {
                if (f[i].equals("-")) {
                    dash = i;
                    break;
                }
            }
            if (dash < 0 || dash + 2 >= f.length) {
                throw new BosunException("cannot parse /proc/self/mountinfo line: " + Check.quote(line));
            }
            Map<String, String> opts = new LinkedHashMap<>();
            if (dash + 3 < f.length) {
                // The kernel escapes ',' inside values as \054, so splitting before decoding is safe.
                for (String o : f[dash + 3].split(",")) {
                    int eq = o.indexOf('=');
                    opts.put(unescape(eq < 0 ? o : o.substring(0, eq)), eq < 0 ? "" : unescape(o.substring(eq + 1)));
                }
            }
            out.add(new Entry(Integer.parseInt(f[0]), Integer.parseInt(f[1]), unescape(f[4]), unescape(f[dash + 1]),
                    unescape(f[dash + 2]), opts));
        }
        return new MountTable(out);
    }

    /** Decodes the kernel's octal escapes ({@code \040} space, {@code \011} tab, {@code \012}, {@code \134}). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\\' && isOctal(raw, i + 1) && isOctal(raw, i + 2) && isOctal(raw, i + 3)) {
                b.write((raw[i + 1] - '0') * 64 + (raw[i + 2] - '0') * 8 + (raw[i + 3] - '0'));
                i += 3;
            } else {
                b.write(raw[i]);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(byte[] raw, int i) {
        return i < raw.length && raw[i] >= '0' && raw[i] <= '7';
    }

    List<Entry> entries() {
        return entries;
    }

    /** The top-most mount at exactly this path, or null. */
    Entry at(String mountPoint) {
        Entry found = null;
        for (Entry e : entries) {
            if (e.mountPoint().equals(mountPoint)) {
                found = e; // later lines are stacked on top of earlier ones
            }
        }
        return found;
    }

    /** Mounts at or below a directory, deepest first (the order to unmount them in). */
    List<Entry> atOrBelow(String dir) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.mountPoint().equals(dir) || e.mountPoint().startsWith(dir.endsWith("/") ? dir : dir + "/")) {
                out.add(e);
            }
        }
        out.sort((a, b) -> {
            int depth = Long.compare(b.mountPoint().chars().filter(c -> c == '/').count(),
                    a.mountPoint().chars().filter(c -> c == '/').count());
            return depth != 0 ? depth : Integer.compare(b.id(), a.id());
        });
        return out;
    }
}
