package dev.bosun.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tarball's tree: what bin/bosun needs is there, and it runs unpacked elsewhere without a JDK. */
class DistributionTest {
    @Test
    void theTreeHoldsWhatTheLauncherNeeds() throws Exception {
        Path t = Built.TREE;
        assertTrue(Files.isExecutable(t.resolve("bin/bosun")));
        assertTrue(Files.isExecutable(t.resolve("lib/runtime/bin/java")));
        assertTrue(Files.isRegularFile(t.resolve("lib/app/bosun.jvmflags")));
        assertTrue(Files.isRegularFile(t.resolve("lib/native/libsqlitejdbc.so")));
        for (String f : List.of("share/man/man1/bosun.1", "share/bash-completion/completions/bosun",
                "share/zsh/vendor-completions/_bosun", "share/doc/bosun/copyright")) {
            assertTrue(Files.size(t.resolve(f)) > 0, f);
        }
        if (Built.AOT) {
            assertTrue(Files.size(t.resolve("lib/app/bosun.aot")) > 0);
            assertTrue(Files.size(t.resolve("lib/app/bosun-repl.aot")) > 0);
        }
        try (Stream<Path> s = Files.list(t.resolve("lib/app"))) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("aot-training")).toList(),
                    "the training's inputs and outputs stay out of the distribution");
        }
        // The driver loads lib/native's library; its jar keeps no copies for other platforms (SqliteJarNatives).
        try (Stream<Path> s = Files.list(t.resolve("lib/app/lib"))) {
            Path sqlite = s.filter(p -> p.getFileName().toString().startsWith("sqlite-jdbc-")).findFirst().orElseThrow();
            try (JarFile jar = new JarFile(sqlite.toFile())) {
                assertEquals(List.of(), jar.stream().map(java.util.zip.ZipEntry::getName)
                        .filter(n -> n.startsWith("org/sqlite/native/") && !n.endsWith("/")).toList());
                assertTrue(jar.getEntry("org/sqlite/JDBC.class") != null);
            }
        }
        // Every jar of bosun.jar's Class-Path is there (a missing one fails only when its first class loads).
        try (JarFile jar = new JarFile(t.resolve("lib/app/bosun.jar").toFile())) {
            for (String entry : jar.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
                assertTrue(Files.isRegularFile(t.resolve("lib/app").resolve(entry)), entry);
            }
        }
    }

    @Test
    void theRuntimeHasTheModulesBosunNeedsAndNoMore() throws Exception {
        String release = Files.readString(Built.TREE.resolve("lib/runtime/release"));
        String modules = release.lines().filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
        Set<String> m = new TreeSet<>(List.of(modules.replaceAll("^MODULES=\"|\"$", "").split(" ")));
        for (String needed : List.of("java.base", "java.sql", "java.logging", "jdk.unsupported", "jdk.zipfs",
                "java.management", "jdk.management")) {
            assertTrue(m.contains(needed), needed + " in " + m);
        }
        for (String left : List.of("java.desktop", "jdk.compiler", "jdk.jshell", "jdk.jlink", "java.se")) {
            assertFalse(m.contains(left), left + " in " + m);
        }
        assertFalse(Files.exists(Built.TREE.resolve("lib/runtime/lib/jexec")));
    }

    @Test
    void nothingIsWritableByOthersAndTheTarballIsTheTreeOwnedByRoot() throws Exception {
        Set<String> tree = new TreeSet<>();
        Path base = Built.TREE.getParent();
        try (Stream<Path> s = Files.walk(Built.TREE)) {
            for (Path p : s.toList()) {
                tree.add(base.relativize(p) + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""));
                if (!Files.isSymbolicLink(p)) {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                    assertFalse(perms.contains(PosixFilePermission.GROUP_WRITE)
                            || perms.contains(PosixFilePermission.OTHERS_WRITE), p + " " + perms);
                }
            }
        }
        Built.Run list = Built.run("tar", "--numeric-owner", "-tvzf", Built.TARBALL.toString());
        assertTrue(list.ok(), list.toString());
        Set<String> tarred = new TreeSet<>();
        for (String line : list.out().split("\n")) {
            String[] f = line.split("\\s+", 6);
            assertEquals("0/0", f[1], "owner of " + line);
            assertFalse(f[0].charAt(0) != 'l' && (f[0].charAt(5) == 'w' || f[0].charAt(8) == 'w'), "writable by others: " + line);
            tarred.add(f[5].replaceFirst(" -> .*$", ""));
        }
        assertEquals(tree, tarred);
    }

    /**
     * Unpacked somewhere else, with no JAVA_HOME, no JDK on PATH and a temp directory that does not exist: the
     * runtime runs GraalJS (Intl and Unicode data from ICU, regular expressions), Jackson binds a record, and the
     * state database opens (SQLite's library from lib/native, never extracted to the temp directory). The AOT
     * cache still maps after the move (-XX:AOTMode=on makes the JVM fail if it does not).
     */
    @Test
    void unpackedElsewhereItRunsWithoutAJdkOrATempDirectory(@TempDir Path dir) throws Exception {
        Built.Run untar = Built.run("tar", "-C", dir.toString(), "-xzf", Built.TARBALL.toString());
        assertTrue(untar.ok(), untar.toString());
        Path bosun = dir.resolve(Built.TREE.getFileName()).resolve("bin/bosun");
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", dir.toString());
        env.put("LANG", "C.UTF-8");
        List<String> jvm = new ArrayList<>(List.of("-Djava.io.tmpdir=" + dir.resolve("no-such-tmp")));
        if (Built.AOT) {
            jvm.add("-XX:AOTMode=on");
        }
        env.put("JAVA_TOOL_OPTIONS", String.join(" ", jvm));
        String expr = "({date: new Intl.DateTimeFormat('de', {timeZone: 'UTC'}).format(new Date(0)),"
                + " nfd: 'é'.normalize('NFD').length, letter: /\\p{L}/u.test('é'),"
                + " unit: quadlet.container({name: 'web', image: 'nginx'}) != null,"
                + " audit: audit.list().length})";
        Built.Run r = Built.run(env, dir, bosun.toString(), "--json", "--state", dir.resolve("state/bosun.db").toString(),
                "-e", expr);
        assertTrue(r.ok(), r.toString());
        JsonNode result = new ObjectMapper().readTree(r.out()).get("result");
        assertEquals("1.1.1970", result.get("date").asText(), r.out());
        assertEquals(2, result.get("nfd").asInt(), r.out());
        assertTrue(result.get("letter").asBoolean(), r.out());
        assertTrue(result.get("unit").asBoolean(), r.out());
        assertEquals(0, result.get("audit").asInt(), r.out());
        assertFalse(Files.exists(dir.resolve("no-such-tmp")));
        assertEquals(dir.resolve(Built.TREE.getFileName()).resolve("lib/runtime") + "\n",
                Built.run(env, dir, bosun.toString(), "--java-home").out());
    }

    /** Through a symbolic link (the .deb's /usr/bin/bosun), the launcher still finds its tree. */
    @Test
    void theLauncherFindsItsTreeThroughALink(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("bosun"), Built.TREE.resolve("bin/bosun"));
        Built.Run r = Built.run(Map.of("PATH", "/usr/bin:/bin"), dir, link.toString(), "--version");
        assertTrue(r.ok(), r.toString());
        assertTrue(r.out().startsWith("bosun 0."), r.out());
    }

    @Test
    void theManPageAndCompletionsCameFromTheShell() throws IOException, InterruptedException {
        Path t = Built.TREE;
        assertTrue(Files.readString(t.resolve("share/man/man1/bosun.1")).startsWith(".TH \"BOSUN\" \"1\""));
        assertTrue(Files.readString(t.resolve("share/bash-completion/completions/bosun")).contains("complete -F"));
        assertTrue(Files.readString(t.resolve("share/zsh/vendor-completions/_bosun")).startsWith("#compdef bosun\n"));
        Path man = Built.toolOrSkip("/usr/bin/man", "man-db");
        Built.Run r = Built.run(Map.of("PATH", "/usr/bin:/bin", "MANWIDTH", "80", "LANG", "C.UTF-8"), null,
                man.toString(), "--warnings", "-E", "UTF-8", "-l", t.resolve("share/man/man1/bosun.1").toString());
        assertTrue(r.ok(), r.toString());
        assertEquals("", r.err().strip(), "groff warnings");
        assertTrue(r.out().contains("bosun run FILE [ARGS...]"), r.out());
    }
}
