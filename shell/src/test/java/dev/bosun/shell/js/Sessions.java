package dev.bosun.shell.js;

import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.stdlib.effect.LocalHostContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** A session over stdlib plus {@link SampleModule} on a scratch root, with captured output. */
final class Sessions implements AutoCloseable {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final LocalHostContext host;
    final Session session;

    Sessions(Path root, boolean dryRun, Path scriptDir) {
        ModuleRegistry registry = ModuleRegistry.withStdlib();
        registry.add(new SampleModule(), "test");
        host = LocalHostContext.open(root, dryRun, root.resolve("state.db"), "test");
        session = new Session(registry, host, new Session.Options(new PrintStream(out, true),
                new PrintStream(err, true), scriptDir, List.of("a1", "--flag"), false));
    }

    String eval(String code) {
        return session.eval(code, "test.js").toString();
    }

    @Override
    public void close() {
        session.close();
        host.close();
    }
}
