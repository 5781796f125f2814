package dev.bosun.stdlib.effect;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every diff a plan shows is one GNU patch applies: a user can review a dry-run and apply it by hand. */
class UnifiedDiffTest {
    private static final List<String[]> CASES = List.of(
            new String[]{null, "a\nb\n"},
            new String[]{null, "a"},
            new String[]{"a\nb\n", null},
            new String[]{"a", null},
            new String[]{"", "a\n"},
            new String[]{"a\nb\n", "a\nc\n"},
            new String[]{"a\nb", "a\nb\n"},
            new String[]{"a\nb\n", "a\nb"},
            new String[]{"a\nb", "a\nc"},
            new String[]{"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n"},
            new String[]{"x:1\r\ny:2\r\n", "x:1\r\ny:3\r\n"});

    @Test
    void noFileBeforeOrAfterIsNoChange() {
        assertNull(UnifiedDiff.of("/etc/x", null, null));
        assertNull(UnifiedDiff.of("/etc/x", bytes("a\n"), bytes("a\n")));
    }

    @Test
    void aNewFileStartsAtLineZero() {
        assertTrue(UnifiedDiff.of("/etc/x", null, bytes("a\nb\n")).contains("@@ -0,0 +1,2 @@"));
        assertTrue(UnifiedDiff.of("/etc/x", bytes("a\nb\n"), null).contains("@@ -1,2 +0,0 @@"));
    }

    @Test
    void gnuPatchAppliesEveryDiff(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/patch")), "GNU patch is not installed (.ci/run installs it)");
        int n = 0;
        for (String[] c : CASES) {
            Path work = Files.createDirectory(dir.resolve("case" + n++));
            Path f = work.resolve("etc/x");
            Files.createDirectories(f.getParent());
            if (c[0] != null) {
                Files.writeString(f, c[0]);
            }
            String diff = UnifiedDiff.of("/etc/x", bytes(c[0]), bytes(c[1]));
            Process p = new ProcessBuilder("patch", "-p1", "--batch", "--silent", "--no-backup-if-mismatch")
                    .directory(work.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().write(diff.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String what = Arrays.toString(c).replace("\n", "\\n") + "\n" + diff + out;
            assertEquals(0, p.waitFor(), what);
            if (c[1] == null) {
                assertFalse(Files.exists(f) && Files.size(f) > 0, what);
            } else {
                assertEquals(c[1], Files.readString(f), what);
            }
        }
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
