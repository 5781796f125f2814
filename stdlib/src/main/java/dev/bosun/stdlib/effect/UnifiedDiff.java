package dev.bosun.stdlib.effect;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Unified diffs of file contents for plans; binary or huge contents are summarised instead. */
final class UnifiedDiff {
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private UnifiedDiff() {
    }

    /** The diff from {@code before} (null: absent) to {@code after} (null: deleted), or null when equal. */
    static String of(String path, byte[] before, byte[] after) {
        if (before != null && after != null && java.util.Arrays.equals(before, after)) {
            return null;
        }
        if (isBinary(before) || isBinary(after)) {
            return "Binary file " + path + " changed (" + size(before) + " -> " + size(after) + " bytes)\n";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(
                before == null ? "/dev/null" : "a" + path, after == null ? "/dev/null" : "b" + path, a, patch, 3);
        StringBuilder sb = new StringBuilder();
        for (String line : out) {
            sb.append(line).append('\n');
        }
        if (after != null && after.length > 0 && after[after.length - 1] != '\n') {
            sb.append("\\ No newline at end of file\n");
        }
        return sb.toString();
    }

    private static long size(byte[] b) {
        return b == null ? 0 : b.length;
    }

    private static boolean isBinary(byte[] b) {
        if (b == null) {
            return false;
        }
        if (b.length > MAX_BYTES) {
            return true;
        }
        for (byte x : b) {
            if (x == 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lines(byte[] b) {
        if (b == null || b.length == 0) {
            return List.of();
        }
        return new String(b, StandardCharsets.UTF_8).lines().toList();
    }
}
