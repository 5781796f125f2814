package dev.bosun.shell.repl;

import dev.bosun.shell.js.Session;
import dev.bosun.shell.plugins.PluginSet;
import dev.bosun.shell.plugins.TestPlugins;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plugin module's operations complete in the REPL like built-in ones, with signature and summary. */
class PluginCompletionTest {
    @Test
    void pluginModuleAndOpsComplete(@TempDir Path tmp) throws IOException {
        TestPlugins.build(tmp, "hello", TestPlugins.Spec.of("hello", "1.0.0", "*",
                Map.of("t.hello.HelloModule", TestPlugins.module("t.hello", "HelloModule", "hello", ""))));
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        try (PluginSet plugins = PluginSet.loadFrom(List.of(tmp), dev.bosun.shell.ops.ModuleRegistry.withStdlib());
             LocalHostContext host = LocalHostContext.open(tmp, true, tmp.resolve("s.db"), "test");
             Session session = new Session(plugins.registry(), host, new Session.Options(quiet, quiet, null, List.of(), false))) {
            JsCompleter c = new JsCompleter(session);
            // Top-level names are not checked: the bindings object lists no members on GraalJS 25 (see report).
            List<Candidate> ops = c.candidates("hello.");
            List<String> values = ops.stream().map(Candidate::value).toList();
            assertTrue(values.contains("hello.greet(") && values.contains("hello.mark("), values.toString());
            String greet = ops.stream().filter(o -> o.value().equals("hello.greet(")).findFirst().orElseThrow().descr();
            assertTrue(greet.contains("greet(name: string): string") && greet.contains("Says hello"), greet);
        }
    }
}
