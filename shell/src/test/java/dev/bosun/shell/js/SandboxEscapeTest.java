package dev.bosun.shell.js;

import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way out of the sandbox we could think of, each denied with a clear error or simply absent.
 * Each attempt returns what it achieved; the expected text is the denial.
 */
class SandboxEscapeTest {
    @TempDir
    static Path root;
    static Path scriptDir;
    static Sessions s;

    @BeforeAll
    static void open() throws Exception {
        scriptDir = Files.createDirectories(root.resolve("scripts"));
        Files.writeString(scriptDir.resolve("lib.mjs"), "export const ok = 42;\n");
        Files.writeString(root.resolve("secret.mjs"), "export const secret = 'leaked';\n");
        Files.createSymbolicLink(scriptDir.resolve("link.mjs"), root.resolve("secret.mjs"));
        s = new Sessions(root, false, scriptDir.toRealPath());
    }

    @AfterAll
    static void close() {
        s.close();
    }

    static Stream<Arguments> attempts() {
        return Stream.of(
                Arguments.of("Java global", "typeof Java", "undefined"),
                Arguments.of("Java.type", "Java.type('java.lang.Runtime')", "ReferenceError: Java is not defined"),
                Arguments.of("Packages global", "typeof Packages + typeof java", "undefinedundefined"),
                Arguments.of("Polyglot.eval", "Polyglot.eval('js', '1')", "ReferenceError: Polyglot is not defined"),
                Arguments.of("Polyglot.import", "typeof Polyglot", "undefined"),
                Arguments.of("load", "load('/etc/passwd')", "ReferenceError: load is not defined"),
                Arguments.of("loadWithNewGlobal", "typeof loadWithNewGlobal", "undefined"),
                Arguments.of("print/quit/Graal", "typeof print + typeof quit + typeof Graal", "undefinedundefinedundefined"),
                Arguments.of("require/process", "typeof require + typeof process", "undefinedundefined"),
                Arguments.of("getClass on an operation", "sample.echo.getClass()", "TypeError"),
                Arguments.of("getClass on a module", "sample.getClass()", "TypeError"),
                Arguments.of("getClass on a result", "sample.echo({name:'x', system:true}).getClass()",
                        "getClass is not a function"),
                Arguments.of("reflection through the host context is not reachable",
                        "Object.getOwnPropertyNames(sample).concat(Object.keys(sample.echo)).join(',')",
                        "add,box,count,crash,nested,echo,fail,none,scale,touch"),
                Arguments.of("eval of Java lookup", "eval('typeof Java')", "undefined"),
                Arguments.of("Function constructor", "new Function('return typeof Java')()", "undefined"),
                Arguments.of("replacing an operation (sloppy mode: silently ignored)",
                        "sample.echo = () => 'evil'; sample.echo({name:'still', system:true}).name", "still"),
                Arguments.of("replacing an operation (strict mode)",
                        "(() => { 'use strict'; sample.echo = () => 'evil'; })()", "TypeError: writeMember (echo) on [module sample] failed"),
                Arguments.of("deleting an operation", "delete sample.echo; sample.echo({name:'kept', system:true}).name",
                        "kept"),
                Arguments.of("defining a property on a module",
                        "Object.defineProperty(sample, 'echo', {value: 1}); typeof sample.echo", "TypeError"),
                Arguments.of("replacing a module global", "'use strict'; globalThis.sample = {}; 'replaced'",
                        "TypeError: Cannot assign to read only property"),
                Arguments.of("prototype pollution does not inject options",
                        "Object.prototype.kind = 'deterministic'; Object.prototype.uid = 0; "
                                + "const r = sample.echo({name:'p', system:true}); delete Object.prototype.kind; "
                                + "delete Object.prototype.uid; r.kind", "first-fit"),
                Arguments.of("a getter cannot change an argument after validation",
                        "let n = 0; const spec = { get name() { return n++ === 0 ? 'ok' : 'Evil/../x'; }, system: true };"
                                + " sample.echo(spec).name", "ok"),
                Arguments.of("a module proxy passed as data", "sample.echo({name: 'x', system: true, env: sample})",
                        "spec.env must be data, not a Bosun module or operation"),
                Arguments.of("files escape the root with ..", "files.read('/../../../etc/passwd')",
                        "must not contain '.' or '..' segments"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void attemptIsDenied(String name, String code, String expected) {
        String outcome = s.eval("(() => { try { return String(eval(" + jsString(code) + ")); } "
                + "catch (e) { return String(e); } })()");
        assertTrue(outcome.contains(expected), name + ": got " + outcome);
        assertFalse(outcome.contains("leaked"), name + ": " + outcome);
    }

    @Test
    void importOfAbsoluteFileOutsideTheScriptDirectoryIsRefused() {
        PolyglotException e = assertThrows(PolyglotException.class, () -> s.session.eval(
                "import { secret } from '" + root.resolve("secret.mjs") + "'; secret", "x.mjs"));
        assertTrue(e.getMessage().contains("outside the script's directory"), e.getMessage());
    }

    @Test
    void importOfFileUrlAndRelativeEscapeAndSymlinkAreRefused() throws Exception {
        Path main = scriptDir.resolve("main.mjs");
        for (String spec : new String[] {"file://" + root.resolve("secret.mjs"), "../secret.mjs", "./link.mjs",
            "/etc/passwd", "bosun:../../secret"}) {
            Files.writeString(main, "import * as m from '" + spec + "'; export const v = JSON.stringify(m);\n");
            PolyglotException e = assertThrows(PolyglotException.class, () -> s.session.runModule(main), spec);
            assertTrue(e.getMessage().contains("outside the script's directory") || e.getMessage().contains("Cannot find")
                    || e.getMessage().contains("is not allowed"), spec + ": " + e.getMessage());
        }
    }

    @Test
    void importInsideTheScriptDirectoryAndBosunModulesWork() throws Exception {
        Path main = scriptDir.resolve("ok.mjs");
        Files.writeString(main, "import { ok } from './lib.mjs'; import { sample, add } from 'bosun:sample';\n"
                + "import files from 'bosun:files';\nexport const v = ok + add(1, 2) + sample.add(1) + "
                + "(typeof files.read === 'function' ? 1 : 0);\n");
        assertEquals(47, s.session.runModule(main).getMember("v").asInt());
    }

    @Test
    void dynamicImportOfAFileFromTheReplIsRefused() {
        try (Sessions repl = new Sessions(root, false, null)) {
            repl.eval("let r = 'pending'; import('" + root.resolve("secret.mjs")
                    + "').then(m => r = m.secret, e => r = String(e)); r");
            assertTrue(repl.eval("r").contains("only possible from scripts"), repl.eval("r"));
        }
    }

    @Test
    void dynamicImportOutsideTheScriptDirectoryIsRefused() {
        String outcome = s.eval("let r = 'pending'; import('" + root.resolve("secret.mjs")
                + "').then(m => r = m.secret, e => r = String(e)); r");
        assertEquals("pending", outcome);
        assertTrue(s.eval("r").contains("outside the script's directory"), s.eval("r"));
    }

    @Test
    void constrainedPolicyAcceptsTheSameHostObjects() {
        // A CONSTRAINED context (GraalJS's own validator) must accept our proxies: we do not rely on wide host access.
        try (var ctx = org.graalvm.polyglot.Context.newBuilder("js")
                .sandbox(org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
                .out(java.io.OutputStream.nullOutputStream()).err(java.io.OutputStream.nullOutputStream()).build()) {
            ctx.getBindings("js").putMember("sample", s.session.bindings().getMember("sample").asProxyObject());
            assertEquals("object", ctx.eval("js", "typeof sample").asString());
            assertEquals("undefined", ctx.eval("js", "typeof Java").asString());
        }
    }

    private static String jsString(String code) {
        return "'" + code.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
