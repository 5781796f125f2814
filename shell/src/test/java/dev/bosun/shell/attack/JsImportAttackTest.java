package dev.bosun.shell.attack;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports a script may not make, and features it may not use, each refused with one line that says it is not
 * allowed and what is, instead of GraalJS's "Illegal character in opaque part", "Socket IO is not allowed" or
 * "Unsupported operation". The imported code must never run: each refused module would write a marker.
 */
@Tag("attack")
class JsImportAttackTest {
    private static final String ALLOWED = "scripts import bosun:<module> (";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "import fs from 'node:fs';",
        "import x from 'https://example.com/evil.mjs';",
        "import x from 'http://127.0.0.1:1/evil.mjs';",
        "import x from 'jar:file:/tmp/x.jar!/evil.mjs';",
        "import _ from 'lodash';",
        "import x from '@scope/pkg';",
        "import x from 'bosun:nope';",
        "import x from 'data:text/javascript,globalThis.ran = 1';",
        "import x from 'data:text/javascript,export default files.write(\"/pwned\", \"x\")';",
        "import x from \"\\x64ata:text/javascript,globalThis.ran=1\";",
        "export * from 'data:text/javascript;base64,Z2xvYmFsVGhpcy5yYW49MQ==';",
        "await import('node:child_process');",
        "await import ( /* spaced */ 'data:text/javascript,globalThis.ran=1' );"})
    void refusedImportsSayWhatIsAllowed(String source) throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Path main = scripts.resolve("main.mjs");
        Files.writeString(main, source + "\nglobalThis.ran = 1;\n");
        try (JsAttackSession s = new JsAttackSession(dir, false, scripts.toRealPath())) {
            String message = failureOf(() -> s.session.runModule(main));
            assertTrue(message.contains(" is not allowed: ") && message.contains(ALLOWED)
                    && message.contains("relative path"), source + " -> " + message);
            assertFalse(message.contains("\n"), message);
            assertEquals("undefined", s.session.eval("typeof globalThis.ran", "check.js").asString(), source);
            s.assertNothingChanged();
        }
    }

    @Test
    void anImportedFileThatImportsADataUrlIsRefusedToo() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("lib.mjs"), "// import x from 'data:in a comment is fine';\n"
                + "const s = \"from 'data:in a string is fine'\";\n"
                + "export * from 'data:text/javascript,globalThis.ran=1';\n");
        Path main = scripts.resolve("main.mjs");
        Files.writeString(main, "import './lib.mjs';\n");
        try (JsAttackSession s = new JsAttackSession(dir, false, scripts.toRealPath())) {
            String message = failureOf(() -> s.session.runModule(main));
            assertTrue(message.contains("import \"data:text/javascript,globalThis.ran=1\" is not allowed"), message);
            s.assertNothingChanged();
        }
    }

    @Test
    void importsThatMentionDataOnlyInCommentsAndStringsRun() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("lib.mjs"), "export const ok = 'from \"data:x\"'.length;\n");
        Path main = scripts.resolve("main.mjs");
        Files.writeString(main, "// import x from 'data:text/javascript,1';\n"
                + "/* export * from \"data:x\" */ import { ok } from './lib.mjs';\n"
                + "const re = /import 'data:/; export const v = ok + String(re).length + `import 'data:`.length;\n");
        try (JsAttackSession s = new JsAttackSession(dir, false, scripts.toRealPath())) {
            assertEquals(13 + 15 + 13, s.session.runModule(main).getMember("v").asInt());
            s.assertNothingChanged();
        }
    }

    @Test
    void dynamicImportFromAnExpressionIsRefusedWithTheSameLine() throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, false, null)) {
            s.session.eval("globalThis.r = 'pending'; import('node:fs').then(m => r = 'loaded', e => r = e.message);",
                    "repl.js");
            String message = s.session.eval("r", "check.js").asString();
            assertTrue(message.startsWith("import \"node:fs\" is not allowed: " + ALLOWED), message);
            s.assertNothingChanged();
        }
    }

    @Test
    void atomicsWaitSaysItIsNotAllowed() throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, false, null)) {
            assertEquals("TypeError|Atomics.wait is not allowed: a script runs on one thread, so nothing could wake "
                    + "it; use await on a Promise instead", s.attempt(
                    "return Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);"));
            s.assertNothingChanged();
        }
    }

    private interface Run {
        Object run() throws Exception;
    }

    /** The one-line message the CLI would print for the failure (what Failures reports, without "bosun: "). */
    private static String failureOf(Run r) {
        try {
            r.run();
        } catch (Exception e) {
            return e.getMessage();
        }
        return "no failure";
    }
}
