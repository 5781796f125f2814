package dev.bosun.plugins.loopback;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built loopback zip, loaded by the real shell in separate JVMs (bosun -e): concurrent
 * allocations from different processes never share an address, and a full pool is a clear error.
 */
class LoopbackIT {
    @TempDir
    static Path tmp;
    static Path pluginRoot;

    @BeforeAll
    static void unpackBuiltZip() throws IOException {
        Path zip = Path.of(System.getProperty("bosun.plugin.zip"));
        assertTrue(Files.isRegularFile(zip), "built plugin zip " + zip);
        pluginRoot = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(zip, pluginRoot.resolve(zip.getFileName()));
    }

    static Process bosun(Path state, String expr) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-cp", System.getProperty("java.class.path"),
                "dev.bosun.shell.cli.Main", "--plugins", pluginRoot.toString(), "--state", state.toString(),
                "--json", "-e", expr));
        return new ProcessBuilder(cmd).redirectErrorStream(false).start();
    }

    /** Exit status, the --json document's result (compact JSON), and its error message (else stderr). */
    static String[] run(Path state, String expr) throws Exception {
        Process p = bosun(state, expr);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        com.fasterxml.jackson.databind.JsonNode doc = dev.bosun.shell.render.JsonContract.document(out);
        return new String[] {Integer.toString(status), doc.get("result").toString(),
            doc.get("error").isNull() ? err : doc.get("error").get("message").asText()};
    }

    @Test
    void concurrentProcessesGetDistinctLowestAddresses() throws Exception {
        Path state = tmp.resolve("concurrent.db");
        // Four JVMs, each allocating three sandboxes, all at once.
        List<Process> procs = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            procs.add(bosun(state, "[0,1,2].map(i => loopback.allocate('p" + p + "-' + i).address)"));
        }
        Set<String> seen = new HashSet<>();
        Pattern addr = Pattern.compile("\"(127\\.0\\.0\\.\\d+)\"");
        for (Process p : procs) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), err);
            Matcher m = addr.matcher(dev.bosun.shell.render.JsonContract.result(out).toString());
            int n = 0;
            while (m.find()) {
                assertTrue(seen.add(m.group(1)), "duplicate " + m.group(1));
                n++;
            }
            assertEquals(3, n, out);
        }
        Set<String> expected = new HashSet<>();
        for (int i = 16; i < 28; i++) {
            expected.add("127.0.0." + i);
        }
        assertEquals(expected, seen, "twelve allocations take the twelve lowest addresses");
    }

    @Test
    void exhaustionReleaseAndAllowlist() throws Exception {
        Path state = tmp.resolve("small.db");
        String[] r = run(state, "loopback.configure({first: '127.0.0.40', last: '127.0.0.41'}); "
                + "[loopback.allocate('a').address, loopback.allocate('b').address, loopback.allocate('a').changed]");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"127.0.0.40\"") && r[1].contains("\"127.0.0.41\"") && r[1].contains("false"), r[1]);

        String[] listed = run(state, "loopback.list().map(a => Object.keys(a).join(',') + ' ' + a.address)");
        assertEquals("0", listed[0], listed[2]);
        assertTrue(listed[1].contains("slug,address,allowlist 127.0.0.40") && !listed[1].contains("changed"),
                "list shows what is allocated, without the changed of allocate: " + listed[1]);

        String[] full = run(state, "loopback.allocate('c')");
        assertEquals("1", full[0]);
        assertTrue(full[2].contains("loopback.allocate: loopback pool 127.0.0.40-127.0.0.41 is exhausted (2 of 2 "
                + "addresses allocated)"), full[2]);

        String[] after = run(state, "loopback.release('a'); [loopback.allocate('c').address, loopback.allowlist('c')]");
        assertEquals("0", after[0], after[2]);
        assertTrue(after[1].contains("\"127.0.0.40\"") && after[1].contains("\"127.0.0.40/32\""), after[1]);

        String[] bad = run(state, "loopback.allocate('Bad Slug')");
        assertEquals("1", bad[0]);
        assertTrue(bad[2].contains("loopback.allocate: slug \"Bad Slug\" must match [a-z0-9][a-z0-9_.-]{0,62}"), bad[2]);

        String[] own = run(state, "loopback.configure({first: '127.0.0.1', last: '127.0.0.9'})");
        assertEquals("1", own[0]);
        assertTrue(own[2].contains("must not be 127.0.0.0, 127.255.255.255 or the host's own 127.0.0.1"), own[2]);
    }

    @Test
    void zipCarriesNoHostClasses() throws IOException {
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(Path.of(System.getProperty("bosun.plugin.zip"))))) {
            List<String> names = new ArrayList<>();
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
            assertTrue(names.contains("plugin.properties"), names.toString());
            assertTrue(names.stream().filter(n -> n.startsWith("lib/")).allMatch(n -> n.equals("lib/")
                    || n.equals("lib/bosun-loopback-0.1.0.jar")), "only the plugin jar in lib/: " + names);
        }
    }
}
