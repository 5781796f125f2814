package dev.bosun.stdlib.subids;

import dev.bosun.stdlib.testing.ScratchRoot;
import dev.bosun.stdlib.users.ShadowTool;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Several Bosun JVMs allocate while a useradd --prefix loop adds users on the same root. Afterwards every
 * line parses, every user has exactly one range per file, and no two ranges share an ID.
 */
class ConcurrentAllocationTest {
    private static final int PROCESSES = 3;
    private static final int USERS_PER_PROCESS = 6;
    private static final int USERADDS = 8;

    @Test
    void noOverlapsNoTornLinesUnderContention() throws Exception {
        assumeTrue(ShadowTool.usable(), "needs root and shadow-utils (useradd --prefix)");
        try (ScratchRoot root = ScratchRoot.fromHostEtc()) {
            root.write("/etc/subuid", "# shared with useradd\nghost:100000:65536\n");
            root.write("/etc/subgid", "ghost:100000:65536\n");
            List<String> expected = new ArrayList<>();
            StringBuilder passwd = new StringBuilder();
            List<List<String>> perProcess = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                List<String> names = new ArrayList<>();
                for (int u = 0; u < USERS_PER_PROCESS; u++) {
                    String name = "cw" + p + "-" + u;
                    names.add(name);
                    passwd.append(name).append(":x:").append(7000 + p * 100 + u).append(":7000::/nonexistent:/bin/sh\n");
                }
                perProcess.add(names);
                expected.addAll(names);
            }
            Files.writeString(root.path("/etc/passwd"), passwd, StandardOpenOption.APPEND);

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Process> procs = new ArrayList<>();
            for (List<String> names : perProcess) {
                List<String> argv = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                        AllocatorProcess.class.getName(), root.dir().toString()));
                argv.addAll(names);
                procs.add(new ProcessBuilder(argv).redirectErrorStream(true).start());
            }
            // useradd keeps going for as long as any allocator runs, so the two really interleave.
            for (int i = 0; i < 300 && (i < USERADDS || procs.stream().anyMatch(Process::isAlive)); i++) {
                ShadowTool.Result r = ShadowTool.run(root.dir(), "useradd", "ua" + i);
                assertEquals(0, r.rc(), r.out());
                expected.add("ua" + i);
            }
            for (Process p : procs) {
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), "allocator process finished");
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, p.exitValue(), out);
            }
            for (SubIdKind kind : SubIdKind.values()) {
                verify(root, kind, expected);
            }
        }
    }

    private static void verify(ScratchRoot root, SubIdKind kind, List<String> expected) throws Exception {
        byte[] bytes = Files.readAllBytes(root.path(kind.path()));
        SubIdFile file = SubIdFile.parse(kind, bytes);
        for (SubIdFile.Line l : file.lines()) {
            String t = l.text();
            assertTrue(l.range() != null || t.startsWith("#"), "torn or garbage line in " + kind.path() + ": " + t);
            assertTrue(l.newline(), "every line complete");
        }
        Map<String, Integer> perOwner = new HashMap<>();
        for (SubIdRange r : file.ranges()) {
            perOwner.merge(r.owner(), 1, Integer::sum);
        }
        for (String name : expected) {
            assertNotNull(perOwner.get(name), name + " has no range in " + kind.path() + ":\n" + new String(bytes));
            assertEquals(1, perOwner.get(name), name + " has several ranges in " + kind.path());
        }
        List<SubIdRange> all = file.ranges();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertFalse(all.get(i).overlaps(all.get(j)), all.get(i) + " overlaps " + all.get(j));
            }
        }
        assertEquals(expected.size() + 1, all.size());
    }
}
