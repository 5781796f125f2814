package dev.bosun.shell.js;

import dev.bosun.shell.ops.ModuleInfo;
import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.shell.ops.OpInfo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of every module, called with hostile values in every parameter position, in a
 * dry-run session on a scratch root. Each call must either succeed or fail with a one-line
 * {@code module.op: ...} error (TypeError or BosunError), never an internal error, and the scratch
 * root must be byte-identical afterwards.
 */
class HostileInputTest {
    private static final List<String> HOSTILE = List.of("undefined", "null", "''", "'../../etc/shadow'",
            "'a\\nb'", "'x\\u0000y'", "'/etc/passwd\\n[Service]'", "-1", "1e308", "NaN", "9007199254740993",
            "true", "[]", "[[[[]]]]", "{}", "{__proto__: {admin: true}}", "{name: {toString() { return 'x'; }}}",
            "() => 1", "'%h%n'", "'" + "a".repeat(5000) + "'", "10n ** 30n", "5n", "new Array(2 ** 32 - 1)",
            "[, 'x']", "'\\u202e\\u2066'.repeat(50000)", "new Map([['a', 1]])", "Symbol('s')", "new Date(0)");

    @TestFactory
    Stream<DynamicTest> everyOperationRejectsHostileValuesCleanly() throws IOException {
        ModuleRegistry registry = ModuleRegistry.withStdlib();
        List<DynamicTest> tests = new ArrayList<>();
        for (ModuleInfo m : registry.modules()) {
            for (OpInfo op : m.ops()) {
                tests.add(DynamicTest.dynamicTest(op.qualifiedName(), () -> check(op)));
            }
        }
        return tests.stream();
    }

    private static void check(OpInfo op) throws IOException {
        Path root = Files.createTempDirectory("bosun-hostile-");
        try {
            Files.createDirectories(root.resolve("etc"));
            Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
            String before = snapshot(root);
            try (Sessions s = new Sessions(root, true, null)) {
                int arity = Math.max(1, op.params().size());
                for (int pos = 0; pos < arity; pos++) {
                    for (String value : HOSTILE) {
                        String call = call(op, pos, value);
                        String outcome = s.eval("(() => { try { " + call + "; return 'ok'; } catch (e) { "
                                + "return e.name + '|' + e.message; } })()");
                        if (outcome.equals("ok")) {
                            continue;
                        }
                        assertTrue(outcome.startsWith("TypeError|" + op.qualifiedName() + ": ")
                                        || outcome.startsWith("BosunError|" + op.qualifiedName() + ": "),
                                call + " -> " + outcome);
                        assertFalse(outcome.contains("internal error"), call + " -> " + outcome);
                        assertFalse(outcome.contains("\n"), call + " -> multi-line: " + outcome);
                        assertTrue(outcome.length() < 1000, call + " -> " + outcome.length() + " characters");
                    }
                }
            }
            assertEquals(before, snapshot(root), op.qualifiedName() + " changed the root under dry-run");
        } finally {
            try (Stream<Path> w = Files.walk(root)) {
                for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The op called with a plausible value in every position but {@code pos}, which gets the hostile one. */
    private static String call(OpInfo op, int pos, String value) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < op.params().size(); i++) {
            args.add(i == pos ? value : "undefined");
        }
        String path = op.module() + "." + op.name();
        return path + "(" + String.join(", ", args) + ")";
    }

    private static String snapshot(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> w = Files.walk(root)) {
            for (Path p : w.sorted().toList()) {
                if (p.toString().endsWith("state.db") || p.toString().contains("state.db-")) {
                    continue;
                }
                sb.append(root.relativize(p)).append(Files.isRegularFile(p) ? ":" + Files.readString(p).hashCode() : "")
                        .append('\n');
            }
        }
        return sb.toString();
    }
}
