package dev.bosun.scripts;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher as a new user runs it: finds JDK 25, uses the packaged distribution and its AOT cache. */
class LauncherTest {
    @Test
    void evaluatesAndPrintsRecordsAndJson() throws Exception {
        Bosun.Result two = Bosun.run("-e", "1+1");
        assertEquals(0, two.status(), two.err());
        assertEquals("2\n", two.out());
        assertEquals("", two.err(), "no JVM or engine warnings on stderr");
        Bosun.Result info = Bosun.run("--json", "-e", "host.info()");
        assertEquals(0, info.status(), info.err());
        assertTrue(dev.bosun.shell.render.JsonContract.result(info.out()).get("kernel").isTextual(), info.out());
    }

    @Test
    void findsAJdk25() throws Exception {
        Bosun.Result r = Bosun.run("--java-home");
        assertEquals(0, r.status(), r.err());
        String release = Files.readString(java.nio.file.Path.of(r.out().strip(), "release"));
        assertTrue(release.contains("JAVA_VERSION=\"25"), release);
    }

    @Test
    void aotCacheIsUsedWithoutErrors() throws Exception {
        assertTrue(Files.exists(Bosun.REPO.resolve("shell/target/bosun.aot")), "the build produces the AOT cache");
        Bosun.Result r = Bosun.run(java.util.Map.of("JDK_JAVA_OPTIONS", "-Xlog:aot=error:stderr"), "-e", "1+1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().lines().noneMatch(l -> l.contains("[error]")), "AOT cache errors: " + r.err());
    }

    private static final java.util.Map<String, String> CLASS_LOG = java.util.Map.of("JDK_JAVA_OPTIONS",
            "-Xlog:class+load=info:stdout");

    private static boolean fromCache(String log, String className) {
        return log.lines().anyMatch(l -> l.contains(" " + className + " source: shared objects file"));
    }

    @Test
    void theScriptPathCacheHoldsPicocliButNotTheRepl() throws Exception {
        Bosun.Result r = Bosun.run(CLASS_LOG, "-e", "1+1");
        assertEquals(0, r.status(), r.err());
        assertTrue(fromCache(r.out(), "dev.bosun.shell.cli.Main"), "the cache is used");
        // picocli ships Java 5 class files; only the build's class-file upgrade lets the cache hold them.
        assertTrue(fromCache(r.out(), "picocli.CommandLine"), "picocli comes from the cache");
        assertFalse(r.out().contains(" org.jline.reader.impl.LineReaderImpl "), "-e does not load the REPL");
    }

    @Test
    void theReplStartsWithItsOwnCache() throws Exception {
        Assumptions.assumeTrue(Files.exists(Bosun.REPO.resolve("shell/target/bosun-repl.aot")),
                "no REPL cache: script(1) was missing at build time");
        // No command and no -e: the REPL's cache. (With stdin not a terminal Bosun runs stdin as a script, but the
        // launcher picks the cache by the command line alone, and a cache's classes are all loaded at start.)
        Bosun.Result r = Bosun.run(CLASS_LOG);
        assertEquals(0, r.status(), r.err());
        assertTrue(fromCache(r.out(), "org.jline.reader.impl.LineReaderImpl"), "the REPL's classes come from its cache");
    }

    @Test
    void aScriptRunThroughTheLauncherImportsOnlyFromItsOwnDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // The launcher's session takes the context the boot thread built before the script was known, and binds
        // the script's directory to its file system afterwards: imports must still stop at that directory.
        java.nio.file.Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(dir.resolve("outside.mjs"), "export const secret = 42;\n");
        Files.writeString(scripts.resolve("lib.mjs"), "export const answer = 41 + 1;\n");
        Files.writeString(scripts.resolve("inside.mjs"), "import { answer } from './lib.mjs';\nconsole.log(answer);\n");
        Files.writeString(scripts.resolve("escape.mjs"), "import { secret } from '../outside.mjs';\nconsole.log(secret);\n");

        Bosun.Result inside = Bosun.run("run", scripts.resolve("inside.mjs").toString());
        assertEquals(0, inside.status(), inside.err());
        assertEquals("42\n", inside.out());

        Bosun.Result escape = Bosun.run("run", scripts.resolve("escape.mjs").toString());
        assertEquals(1, escape.status(), escape.out());
        assertFalse(escape.out().contains("42"), escape.out());
        assertTrue(escape.err().contains("outside the script's directory"), escape.err());
    }

    @Test
    void theSqliteDriverLoadsItsLibraryFromTheDistributionNotTheTempDirectory(@org.junit.jupiter.api.io.TempDir
                                                                             java.nio.file.Path dir) throws Exception {
        java.nio.file.Path lib = Bosun.REPO.resolve("shell/target/native/libsqlitejdbc.so");
        Assumptions.assumeTrue(Files.exists(lib), "sqlite-jdbc has no native library for this machine");
        Bosun.Result r = Bosun.run(java.util.Map.of("JDK_JAVA_OPTIONS", "-Xlog:library=info:stderr"),
                "--state", dir.resolve("s.db").toString(), "-e", "audit.list({limit: 1}).length");
        assertEquals(0, r.status(), r.err());
        assertEquals("0\n", r.out());
        assertTrue(r.err().contains("Loaded library " + lib + ","), r.err());
        assertFalse(r.err().lines().anyMatch(l -> l.contains("Loaded library") && l.contains("sqlitejdbc")
                && !l.contains(lib.toString())), "a second copy was loaded: " + r.err());
    }

    @Test
    void usageErrorExitsTwo() throws Exception {
        assertEquals(2, Bosun.run("--no-such-option").status());
    }
}
