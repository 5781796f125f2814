package dev.bosun.shell.repl;

import dev.bosun.shell.js.Session;
import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REPL's parser and completer as plain objects (the tmux test covers them in a real terminal). */
class ReplPartsTest {
    @TempDir
    static Path root;
    static LocalHostContext host;
    static Session session;

    @BeforeAll
    static void open() {
        host = LocalHostContext.open(root, false, root.resolve("s.db"), "test");
        session = new Session(ModuleRegistry.withStdlib(), host, Session.Options.of(OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void close() {
        session.close();
        host.close();
    }

    @Test
    void globalsCompleteToModules() {
        List<Candidate> c = new JsCompleter(session).candidates("hos");
        assertEquals(List.of("host."), c.stream().map(Candidate::value).toList());
    }

    @Test
    void membersCompleteWithSignatures() {
        List<Candidate> c = new JsCompleter(session).candidates("host.");
        assertEquals("host.info()", c.getFirst().value());
        assertTrue(c.getFirst().descr().startsWith("info(): HostInfo — "), c.getFirst().descr());
        assertTrue(new JsCompleter(session).candidates("users.en").stream().anyMatch(x -> x.value().equals("users.ensure(")));
    }

    @Test
    void argumentLiteralsCompleteTheirTypedKeys() {
        JsCompleter c = new JsCompleter(session);
        List<String> keys = c.candidatesAt("users.ensure({", "").stream().map(Candidate::value).toList();
        assertTrue(keys.contains("name: ") && keys.contains("createHome: "), keys.toString());
        Candidate name = c.candidatesAt("users.ensure({na", "na").getFirst();
        assertEquals("name: ", name.value());
        assertTrue(name.descr().startsWith("string — "), name.descr());
        // Keys already given are not offered again; strings and finished values do not confuse the position.
        List<String> rest = c.candidatesAt("users.ensure({name: 'a,{b', ", "").stream().map(Candidate::value).toList();
        assertTrue(!rest.contains("name: ") && rest.contains("createHome: "), rest.toString());
        assertEquals(List.of(), c.candidatesAt("users.ensure({name: 'cr", "cr"));
        // Deeper: an element of a list of records, a later argument.
        List<String> nested = c.candidatesAt("quadlet.generate([{", "").stream().map(Candidate::value).toList();
        assertTrue(nested.isEmpty() || nested.stream().allMatch(k -> k.endsWith(": ")), nested.toString());
        List<String> second = c.candidatesAt("files.write('/x', 'y', {m", "m").stream().map(Candidate::value).toList();
        assertEquals(List.of("mode: "), second);
        // The result of a call: the fields of its declared type, without running it.
        List<String> fields = c.candidatesAt("host.info().ke", "ke").stream().map(Candidate::value).toList();
        assertEquals(List.of("kernel"), fields);
        assertTrue(c.candidatesAt("host.info().", "").size() > 5);
    }

    @Test
    void unfinishedInputContinuesAndFinishedInputIsAccepted() {
        JsParser p = new JsParser(session);
        assertThrows(EOFError.class, () -> p.parse("function f() {", 14, Parser.ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> p.parse("let x = ", 8, Parser.ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> p.parse("1 +* 2", 6, Parser.ParseContext.ACCEPT_LINE));
        assertEquals("users.en", p.parse("x = users.en", 12, Parser.ParseContext.COMPLETE).word());
    }

    @Test
    void aTerminalThatGoesAwayEndsTheReplQuietly(@TempDir Path dir) throws Exception {
        // Reads from a hung-up terminal fail with EIO; JLine turns that into an IOError from readLine.
        java.io.InputStream hungUp = new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("Input/output error");
            }
        };
        try (org.jline.terminal.Terminal terminal = new org.jline.terminal.impl.DumbTerminal("hung-up", "dumb", hungUp,
                new java.io.ByteArrayOutputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            assertEquals(0, new Repl(terminal, session, false, false, dir.resolve("history")).run());
        }
    }
}
