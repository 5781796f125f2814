package dev.bosun.shell.attack;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.shell.render.Failures;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values built to flood or forge the error line: one error once quoted a 16 MiB value, and a value with bidi
 * overrides, zero-width characters or terminal escapes can make a message read as something else. Every
 * error puts a value through {@link Check#quote} (at most 80 characters shown, the rest counted; invisible
 * and control characters escaped), keys in paths are quoted, and the line the CLI prints is escaped and
 * bounded once more whatever produced it.
 */
@Tag("attack")
class JsErrorLineAttackTest {
    /** Characters that must never reach an error line as they are. */
    private static final String HIDDEN = "\n\r\u0000\u001b\u007f\u0085\u061c\u200b\u200c\u200d\u200e\u200f"
            + "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "users.ensure({name: 'x'.repeat(16 * 1024 * 1024 - 16)})",
        "users.ensure({name: 'root\\u202e\\u2066evil\\u2069\\n\\u001b[2J'})",
        "users.ensure({name: 'm', ['a\\u202eb\\n'.repeat(100000)]: 1})",
        "users.ensure({name: 'm', ['\\u200b'.repeat(10)]: 1})",
        "quadlet.container({name: 'w', image: 'x', environment: {['k\\u202e\\n' + 'y'.repeat(10000)]: 5}})",
        "subids.list({kind: '\\u202e'.repeat(1000000)})",
        "files.read('/etc/' + '\\u202e'.repeat(100000))",
        "quadlet.parse('[Container]\\n' + '\\u202ejunk'.repeat(100000))"})
    void errorLinesQuoteABoundedEscapedPrefix(String call) throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, false, null)) {
            String outcome = s.attempt("return " + call + ";");
            assertTrue(outcome.startsWith("TypeError|") || outcome.startsWith("BosunError|"), outcome);
            assertTrue(outcome.length() < 600, () -> outcome.length() + ": " + outcome.substring(0, 600));
            assertNoHiddenCharacters(outcome);
            s.assertNothingChanged();
        }
    }

    @Test
    void aLongValueIsShownAsAPrefixAndItsLength() throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, false, null)) {
            assertEquals("TypeError|users.ensure: name \"" + "x".repeat(80) + "\u2026\" (5000 characters) must match "
                    + "[a-z_][a-z0-9_-]*[$]? (at most 32 characters)",
                    s.attempt("return users.ensure({name: 'x'.repeat(5000)});"));
            assertEquals("TypeError|users.ensure: spec has no option \"a\\u202eb\" (known: name, system, uid, group,"
                    + " groups, home, createHome, shell, comment)", s.attempt("return users.ensure({name: 'm', 'a\\u202eb': 1});"));
            assertEquals("TypeError|quadlet.container: spec.environment[\"k\\u202e\\n\"] must be a string, not a number (5)",
                    s.attempt("return quadlet.container({name: 'w', image: 'x', environment: {'k\\u202e\\n': 5}});"));
            s.assertNothingChanged();
        }
    }

    @Test
    void theCliLineIsBoundedAndEscapedWhateverTheScriptThrows() throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, false, null)) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> s.session.eval(
                    "throw new Error('\\u202e\\u001b[31m' + 'A'.repeat(16 * 1024 * 1024) + '\\nforged line')", "x.js"));
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            assertEquals(Failures.FAILURE, Failures.report(e, new PrintStream(buf, true, StandardCharsets.UTF_8), false));
            String printed = buf.toString(StandardCharsets.UTF_8);
            assertTrue(printed.endsWith("\n"));
            String line = printed.substring(0, printed.length() - 1);
            assertTrue(line.length() < BosunException.MESSAGE_LIMIT + 100, "printed " + line.length() + " characters");
            assertTrue(line.startsWith("bosun: Error: \\u202e\\x1b[31mAAAA"), line.substring(0, 40));
            assertTrue(line.matches(".*A\u2026 \\(\\d{8} characters\\) \\(at x\\.js:1\\)$"), line.substring(line.length() - 60));
            assertNoHiddenCharacters(line);
            s.assertNothingChanged();
        }
    }

    private static void assertNoHiddenCharacters(String text) {
        for (int i = 0; i < HIDDEN.length(); i++) {
            assertFalse(text.indexOf(HIDDEN.charAt(i)) >= 0,
                    "U+" + Integer.toHexString(HIDDEN.charAt(i)) + " in " + text.substring(0, Math.min(200, text.length())));
        }
    }
}
