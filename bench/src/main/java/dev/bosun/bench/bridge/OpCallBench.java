package dev.bosun.bench.bridge;

import dev.bosun.shell.js.Session;
import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.graalvm.polyglot.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one JS → Java operation call through the bridge (argument binding with Jackson, the call,
 * the result back as a JS object), next to a plain JS function call and a JS object literal as the
 * floor. Each benchmark op runs 1,000 calls inside JS, so the figure is per 1,000 calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class OpCallBench {
    private Path root;
    private LocalHostContext host;
    private Session session;
    private Value exists;
    private Value audit;
    private Value plainJs;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = Files.createTempDirectory("bosun-bench-");
        Files.createDirectories(root.resolve("etc"));
        host = LocalHostContext.open(root, false, root.resolve("state.db"), "bench");
        session = new Session(ModuleRegistry.withStdlib(), host,
                Session.Options.of(OutputStream.nullOutputStream(), OutputStream.nullOutputStream()));
        // files.exists: a string argument and a boolean result; the smallest real operation.
        exists = session.eval("() => { let n = 0; for (let i = 0; i < 1000; i++) { if (files.exists('/etc')) n++; } "
                + "return n; }", "bench-exists.js");
        // audit.list: a record argument built from a JS object and a record list result.
        audit = session.eval("() => { let n = 0; for (let i = 0; i < 1000; i++) { n += audit.list({limit: 1}).length; } "
                + "return n; }", "bench-audit.js");
        plainJs = session.eval("() => { const f = (p) => ({path: p, ok: p.length > 0}); let n = 0; "
                + "for (let i = 0; i < 1000; i++) { if (f('/etc').ok) n++; } return n; }", "bench-js.js");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        session.close();
        host.close();
        try (var w = Files.walk(root)) {
            for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public int filesExists1000() {
        return exists.execute().asInt();
    }

    @Benchmark
    public int auditListRecordArg1000() {
        return audit.execute().asInt();
    }

    @Benchmark
    public int plainJsFunction1000() {
        return plainJs.execute().asInt();
    }
}
