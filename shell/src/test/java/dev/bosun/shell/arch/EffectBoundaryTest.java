package dev.bosun.shell.arch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one effect boundary, checked on compiled classes: only the classes named in {@link #ALLOWED} write
 * or delete files, start or kill processes, open the database or call native code; modules, the shell
 * and plugins go through {@code HostContext}. Every class file of api, stdlib, shell and the example
 * plugins is scanned for the calls listed in {@link HostEffect} (lambdas and nested classes included).
 *
 * <p>bench is not scanned: it builds scratch roots of its own (temp directories, seeded {@code etc/} files)
 * to time operations against, is never part of the shell or a plugin, and no module code reaches it.
 */
class EffectBoundaryTest {
    /**
     * The only classes allowed to touch the host directly, each by its exact binary name (a nested
     * class is listed on its own), with the reason. An entry that no longer touches the host fails the
     * test, so the list never grows stale.
     */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            entry("dev.bosun.stdlib.effect.LocalHostContext", "the effect layer: creates the dry-run scratch directory"),
            entry("dev.bosun.stdlib.effect.LocalHostContext$LazyState",
                    "the effect layer: copies the state database's bytes (read, no-follow) into a dry-run's scratch view"),
            entry("dev.bosun.stdlib.effect.StateLocation",
                    "the effect layer: creates the state directory (0700) and database (0600, O_EXCL|O_NOFOLLOW), tightens their modes"),
            entry("dev.bosun.stdlib.effect.ProcessExec", "the effect layer: Exec, the one place processes start and are killed"),
            entry("dev.bosun.stdlib.effect.SqliteState", "the effect layer: State, the one JDBC connection"),
            entry("dev.bosun.stdlib.effect.LinuxFiles$H", "the effect layer: the FFM bindings of the Linux *at file calls"
                    + " (openat2, statx, renameat, unlinkat, ...) that every Fs operation runs on"),
            entry("dev.bosun.stdlib.effect.DeviceCalls", "the effect layer: the FFM calls (openat2, statx, ioctl) of Devices probes"),
            entry("dev.bosun.stdlib.quadlet.generate.OutputDir",
                    "the Quadlet generator's output directory: a systemd generator writes before state or audit exist"),
            entry("dev.bosun.shell.repl.Repl", "creates the directory of the REPL history file, the user's own, not the host's"),
            entry("dev.bosun.shell.repl.Pager", "runs the user's $PAGER on the REPL's own output, as git does; never "
                    + "outside the interactive REPL"));

    @TempDir
    static Path tmp;
    static EffectScanner repository;

    @BeforeAll
    static void scanRepository() throws IOException {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        repository = new EffectScanner(EffectBoundaryTest.class.getClassLoader());
        for (String module : List.of("api", "stdlib", "shell")) {
            Path classes = repo.resolve(module).resolve("target/classes");
            assertTrue(repository.addTree(classes), classes + " is missing: build with the reactor (-pl shell -am)");
        }
        // The plugins are built after the shell in the reactor, so their target/classes may not exist yet
        // (or be stale): compile their sources here, against the same api, stdlib and PF4J.
        try (Stream<Path> dirs = Files.list(repo.resolve("plugins"))) {
            for (Path src : dirs.map(d -> d.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList()) {
                Path out = tmp.resolve("plugins").resolve(src.getParent().getParent().getFileName().toString());
                compile(src, out);
                repository.addTree(out);
            }
        }
    }

    @Test
    void onlyTheAllowedClassesTouchTheHost() {
        List<String> violations = repository.scan().stream().filter(f -> !ALLOWED.containsKey(f.className()))
                .map(EffectScanner.Finding::toString).toList();
        assertTrue(violations.isEmpty(), "host effects outside the effect layer (go through HostContext, or add the "
                + "class to EffectBoundaryTest.ALLOWED with a reason):\n" + String.join("\n", violations));
    }

    @Test
    void theScanCoversEveryModule() {
        Set<String> names = repository.classNames();
        for (String cls : List.of("dev.bosun.api.HostContext", "dev.bosun.stdlib.kvm.KvmModule", "dev.bosun.shell.cli.Main",
                "dev.bosun.plugins.loopback.LoopbackModule", "dev.bosun.plugins.sandbox.SandboxModule",
                "dev.bosun.plugins.template.TemplateModule")) {
            assertTrue(names.contains(cls), cls + " was not scanned");
        }
    }

    @Test
    void everyAllowedClassExistsAndStillNeedsIt() {
        Set<String> touching = repository.scan().stream().map(EffectScanner.Finding::className)
                .collect(Collectors.toSet());
        Set<String> stale = new TreeSet<>(ALLOWED.keySet());
        stale.removeAll(touching);
        assertTrue(stale.isEmpty(), "ALLOWED names classes that do not exist or no longer touch the host; remove them: "
                + stale);
        ALLOWED.forEach((cls, why) -> assertTrue(!why.isBlank() && !why.contains("\n"), cls + ": one-line reason"));
    }

    /**
     * The scan can fail: a fixture class with one method per kind of host effect (split across lines, in
     * a lambda, a method reference, a nested, an anonymous class, through a subclass) is compiled here
     * and every one of them is flagged, while its plain reads are not.
     */
    @Test
    void theScanFlagsEveryKindOfHostEffect() throws Exception {
        Path out = tmp.resolve("fixture");
        compile(Path.of(EffectBoundaryTest.class.getResource("/arch-fixture").toURI()), out);
        EffectScanner fixture = new EffectScanner(EffectBoundaryTest.class.getClassLoader());
        fixture.addTree(out);
        List<EffectScanner.Finding> found = fixture.scan();
        // class (binary name), method it is in, member called
        List<String[]> expected = List.of(
                new String[] {"fixture.Violations", "filesWrite", "Files.writeString"},
                new String[] {"fixture.Violations", "splitAcrossLines", "Files.delete"},
                new String[] {"fixture.Violations", "fileChannelOpen", "FileChannel.open"},
                new String[] {"fixture.Violations", "asyncChannelOpen", "AsynchronousFileChannel.open"},
                new String[] {"fixture.Violations", "fileOutputStream", "FileOutputStream.<init>"},
                new String[] {"fixture.Violations", "randomAccessFile", "RandomAccessFile.<init>"},
                new String[] {"fixture.Violations", "fileWriter", "FileWriter.<init>"},
                new String[] {"fixture.Violations", "printWriterOnName", "PrintWriter.<init>"},
                new String[] {"fixture.Violations", "fileDelete", "File.delete"},
                new String[] {"fixture.Violations", "fileRenameTo", "File.renameTo"},
                new String[] {"fixture.Violations", "fileMkdir", "File.mkdir"},
                new String[] {"fixture.Violations", "posixView", "PosixFileAttributeView.setPermissions"},
                new String[] {"fixture.Violations", "processBuilder", "ProcessBuilder.<init>"},
                new String[] {"fixture.Violations", "processBuilder", "ProcessBuilder.start"},
                new String[] {"fixture.Violations", "runtimeExec", "Runtime.exec"},
                new String[] {"fixture.Violations", "processDestroy", "ProcessHandle.destroy"},
                new String[] {"fixture.Violations", "jdbc", "DriverManager.getConnection"},
                new String[] {"fixture.Violations", "dataSource", "DataSource.getConnection"},
                new String[] {"fixture.Violations", "downcall", "Linker.downcallHandle"},
                new String[] {"fixture.Violations", "libraryLookup", "SymbolLookup.libraryLookup"},
                new String[] {"fixture.Violations", "systemLoadLibrary", "System.loadLibrary"},
                new String[] {"fixture.Violations", null, "Unsafe"},
                new String[] {"fixture.Violations", "lambda$lambda$", "Files.createDirectories"},
                new String[] {"fixture.Violations", "methodReference", "File.deleteOnExit"},
                new String[] {"fixture.Violations$1", "run", "File.mkdirs"},
                new String[] {"fixture.Violations$Inner", "moves", "Files.move"},
                new String[] {"fixture.Violations$OwnFile", "createNewFile2", "Violations$OwnFile.setWritable"});
        List<String> missing = new ArrayList<>();
        for (String[] e : expected) {
            boolean hit = found.stream().anyMatch(f -> f.className().equals(e[0]) && f.member().equals(e[2])
                    && (e[1] == null || f.where().contains(" in " + e[1])));
            if (!hit) {
                missing.add(String.join(" ", e[0], String.valueOf(e[1]), e[2]));
            }
        }
        assertTrue(missing.isEmpty(), "not flagged: " + missing + "\nfound:\n"
                + found.stream().map(Object::toString).collect(Collectors.joining("\n")));
        assertTrue(found.stream().noneMatch(f -> f.where().contains(" in reads")), found.toString());
        assertEquals(expected.size(), found.size(), "one finding per fixture call:\n"
                + found.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    /** Compiles a source tree with the test class path; fails with javac's diagnostics. */
    static void compile(Path sourceRoot, Path out) throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                "--release", "25", "-proc:none", "-g", "-nowarn", "-Xlint:none"));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diag = new ByteArrayOutputStream();
        int rc = javac.run(null, diag, diag, args.toArray(String[]::new));
        assertEquals(0, rc, "cannot compile " + sourceRoot + ":\n" + diag);
    }
}
