package dev.bosun.stdlib.effect;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Unified diffs of file contents for plans, in the form GNU {@code patch} applies: a new file's hunk starts at
 * {@code -0,0}, a deleted one's ends at {@code +0,0}, and a last line without a newline is followed by
 * {@code \ No newline at end of file} on the side it belongs to. Binary or huge contents are summarised instead.
 * Secrets are masked ({@link SecretMask}); a masked diff describes the change but no longer applies.
 */
final class UnifiedDiff {
    private static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Marks a last line that has no newline, so that it differs from the same text with one (NUL is never text here). */
    private static final char NO_NEWLINE = '\0';
    private static final String NO_NEWLINE_NOTE = "\\ No newline at end of file";

    private UnifiedDiff() {
    }

    /** The diff from {@code before} (null: absent) to {@code after} (null: deleted), or null when equal. */
    static String of(String path, byte[] before, byte[] after) {
        if (before == null && after == null || before != null && after != null && java.util.Arrays.equals(before, after)) {
            return null;
        }
        if (isBinary(before) || isBinary(after)) {
            return "Binary file " + path + " changed (" + size(before) + " -> " + size(after) + " bytes)\n";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(
                before == null ? "/dev/null" : "a" + path, after == null ? "/dev/null" : "b" + path, a, patch,
                SecretMask.contextLines(path));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < out.size(); i++) {
            String line = out.get(i);
            // The first two lines are the ---/+++ headers, hunk headers start with @@, the rest is content.
            if (i >= 2 && !line.startsWith("@@") && !line.isEmpty()) {
                boolean open = line.charAt(line.length() - 1) == NO_NEWLINE;
                String text = line.substring(1, line.length() - (open ? 1 : 0));
                line = line.charAt(0) + SecretMask.line(path, text) + (open ? String.valueOf(NO_NEWLINE) : "");
            }
            if (line.startsWith("@@ ")) {
                // java-diff-utils numbers an empty side from 1; patch(1) expects 0 there.
                line = line.replace("@@ -1,0 ", "@@ -0,0 ").replace(" +1,0 @@", " +0,0 @@");
            }
            if (!line.isEmpty() && line.charAt(line.length() - 1) == NO_NEWLINE) {
                sb.append(line, 0, line.length() - 1).append('\n').append(NO_NEWLINE_NOTE).append('\n');
            } else {
                sb.append(line).append('\n');
            }
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
        List<String> out = new java.util.ArrayList<>(List.of(new String(b, StandardCharsets.UTF_8).split("\n", -1)));
        if (out.getLast().isEmpty()) {
            out.removeLast(); // the text after the final newline
        } else {
            out.set(out.size() - 1, out.getLast() + NO_NEWLINE);
        }
        return out;
    }
}
