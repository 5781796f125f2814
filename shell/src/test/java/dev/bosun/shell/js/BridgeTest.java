package dev.bosun.shell.js;

import dev.bosun.api.BosunException;

import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BridgeTest {
    @TempDir
    Path root;
    Sessions s;

    @BeforeEach
    void open() {
        s = new Sessions(root, false, null);
    }

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void recordsEnumsListsAndMapsCrossTheBoundary() {
        assertEquals("{\"name\":\"web\",\"changed\":false,\"kind\":\"deterministic\",\"groups\":[\"a\",\"b\"],"
                + "\"env\":{\"TZ\":\"UTC\"}}", s.eval("JSON.stringify(sample.echo({name:'web', system:true, "
                + "groups:['a','b'], env:{TZ:'UTC'}, kind:'deterministic'}))"));
    }

    @Test
    void resultsArePlainJsObjectsAndArrays() {
        assertEquals("true", s.eval("const r = sample.echo({name:'x', system:false, groups:['g']}); "
                + "Array.isArray(r.groups) && Object.getPrototypeOf(r) === Object.prototype"));
        assertEquals("x|first-fit|1", s.eval("const c = {...sample.echo({name:'x', system:false})}; "
                + "c.name + '|' + c.kind + '|' + Object.keys(c).filter(k => k === 'name').length"));
        assertEquals("null", s.eval("String(sample.none())"));
    }

    @Test
    void badValueIsATypeErrorNamingOpParameterAndRule() {
        assertEquals("TypeError|sample.echo: name \"Web/1\" must match [a-z_][a-z0-9_-]{0,31}",
                s.eval("try { sample.echo({name:'Web/1', system:true}); 'no error' } "
                        + "catch (e) { e.constructor.name + '|' + e.message }"));
    }

    @Test
    void nullElementsAndValuesAreRefusedWhereTheDeclarationDoesNotAllowThem() {
        assertEquals("sample.echo: spec.groups[1] is null or undefined: every element of an array must be a value "
                + "(leave it out instead)", message("sample.echo({name:'x', system:true, groups:['a', null]})"));
        assertEquals("sample.echo: spec.groups[0] is null or undefined: every element of an array must be a value "
                + "(leave it out instead)", message("sample.echo({name:'x', system:true, groups:[undefined]})"));
        assertEquals("sample.echo: spec.env.HOME is null: every value of this object must be given (leave the key "
                + "out instead)", message("sample.echo({name:'x', system:true, env:{HOME: null}})"));
        assertEquals("sample.scale: counts.a is null: every value of this object must be given (leave the key out "
                + "instead)", message("sample.scale(1, {a: null})"));
        assertEquals("sample.echo: spec.name is required: null is not a value here",
                message("sample.echo({name: null, system: true})"));
        assertEquals("sample.echo: spec.system is null: give a value or leave it out",
                message("sample.echo({name: 'x', system: null})"));
        // @Optional components may be null (as if left out); an undefined map value is a key left out.
        assertEquals("x|", s.eval("const r = sample.echo({name:'x', system:true, groups:null, uid:null}); "
                + "r.name + '|' + r.groups"));
        assertEquals("6", s.eval("String(sample.scale(2, {a: 1, b: undefined, c: 2}))"));
    }

    @Test
    void callingAnOperationAModuleDoesNotHaveSaysWhichItHas() {
        BosunException e = assertThrows(BosunException.class, () -> s.eval("const x = 1;\nusers.nosuch({name: 'x'})"));
        assertEquals("users has no operation nosuch (ensure, get, linger, list, remove) (at test.js:2)", e.getMessage());
        e = assertThrows(BosunException.class, () -> s.eval("users.ensrue({name: 'x'})"));
        assertEquals("users has no operation ensrue; did you mean ensure? (ensure, get, linger, list, remove) "
                + "(at test.js:1)", e.getMessage());
        e = assertThrows(BosunException.class, () -> s.eval("sample.nested.deeep('x')"));
        assertEquals("sample.nested has no operation deeep; did you mean deep? (deep) (at test.js:1)", e.getMessage());
        // Reading a member that is not there stays undefined: scripts test for optional modules' operations.
        assertEquals("undefined|false", s.eval("typeof users.nosuch + '|' + ('nosuch' in users)"));
    }

    @Test
    void numbersMustBeOfTheDeclaredKind() {
        assertEquals("sample.scale: factor 12n must be a number, not a BigInt (write 12)", message("sample.scale(12n)"));
        assertEquals("sample.scale: counts.a 2147483648 must be between -2147483648 and 2147483647 (a 32-bit integer)",
                message("sample.scale(1, {a: 2 ** 31})"));
        assertEquals("sample.scale: counts.a 4294967296 must be between -2147483648 and 2147483647 (a 32-bit integer)",
                message("sample.scale(1, {a: 2n ** 32n})"));
        assertEquals("sample.echo: spec.uid must be an integer, not a number (2.5)",
                message("sample.echo({name:'x', system:true, uid: 2.5})"));
        assertEquals("sample.add: a 9007199254740992 is not a safe integer: beyond 2^53 - 1 a JS number cannot hold "
                + "every integer exactly, so give it as a BigInt (e.g. 9007199254740992n)", message("sample.add(2 ** 53)"));
        assertEquals("sample.add: a is a BigInt outside the 64-bit integer range", message("sample.add(2n ** 63n)"));
        assertEquals("sample.scale: counts.a 9007199254740992 must be between -2147483648 and 2147483647 (a 32-bit "
                + "integer)", message("sample.scale(1, {a: 2 ** 53})"));
        // What the declaration allows: a BigInt for an integer, any finite number for a double.
        assertEquals("1099511627777", s.eval("String(sample.add(2n ** 40n, 1n))"));
        assertEquals("9007199254740991", s.eval("String(sample.add(2 ** 53 - 1))"));
        assertEquals("5", s.eval("String(sample.scale(2.5, {a: 2}))"));
        assertEquals("-3", s.eval("String(sample.scale(-3))"));
    }

    @Test
    void unknownOptionWrongTypeMissingFieldAndBadEnumAreExplained() {
        // A near miss names what it meant; a key nothing like a known one gets the list.
        assertEquals("sample.echo: spec has no option \"nmae\"; did you mean name?",
                message("sample.echo({nmae:'x', name:'y', system:true})"));
        assertEquals("sample.echo: spec has no option \"NAME\"; did you mean name?",
                message("sample.echo({NAME:'x', name:'y', system:true})"));
        assertEquals("sample.echo: spec has no option \"colour\" (known: name, system, uid, groups, env, kind, password)",
                message("sample.echo({colour:'x', name:'y', system:true})"));
        assertEquals("sample.echo: spec.uid must be an integer, not a string (\"7\")",
                message("sample.echo({name:'x', system:true, uid:'7'})"));
        assertEquals("sample.echo: spec.uid must be an integer, not a number (1.5)",
                message("sample.echo({name:'x', system:true, uid:1.5})"));
        assertEquals("sample.echo: spec.system is required", message("sample.echo({name:'x'})"));
        assertEquals("sample.echo: spec.kind \"best\" must be one of first-fit, deterministic",
                message("sample.echo({name:'x', system:true, kind:'best'})"));
        assertEquals("sample.echo: spec is required", message("sample.echo()"));
        assertEquals("sample.add: arguments are 3, but sample.add takes at most 2", message("sample.add(1, 2, 3)"));
        assertEquals("sample.echo: spec.name must be data, not a function",
                message("sample.echo({name: () => 1, system: true})"));
    }

    @Test
    void aResultCanBePassedBackAsAnArgument() {
        assertEquals("{\"items\":[\"a\",\"b\"]}", s.eval("JSON.stringify(sample.box(['a','b']))"));
        assertEquals("2", s.eval("sample.count(sample.box(['a','b']))"));
    }

    @Test
    void optionalScalarsAndNestedNamespaces() {
        assertEquals("5", s.eval("sample.add(5)"));
        assertEquals("7", s.eval("sample.add(5, 2)"));
        assertEquals("deep:x", s.eval("sample.nested.deep('x')"));
    }

    @Test
    void operationFailuresAreCatchableOneLineErrors() {
        assertEquals("BosunError|sample.fail: cannot do it: no reason",
                s.eval("try { sample.fail('no reason') } catch (e) { e.name + '|' + e.message }"));
        String crash = message("sample.crash()");
        assertTrue(crash.startsWith("sample.crash: internal error: java.lang.IllegalStateException: unexpected"), crash);
    }

    @Test
    void uncaughtErrorReachesJavaAsGuestException() {
        PolyglotException e = assertThrows(PolyglotException.class, () -> s.eval("sample.echo({name:'A', system:1})"));
        assertTrue(e.isGuestException());
        assertTrue(e.getMessage().startsWith("TypeError: sample.echo: "), e.getMessage());
    }

    @Test
    void appliedMutatingCallsAreAuditedWithSecretsRedacted() {
        s.eval("sample.touch({name:'a', system:true, password:'hunter2'})");
        s.eval("try { sample.fail('x') } catch (e) {}");
        s.eval("sample.echo({name:'b', system:true})");
        s.eval("try { sample.touch({name:'Bad/1', system:true}) } catch (e) {}"); // refused: not audited
        String rows = s.eval("JSON.stringify(audit.list().map(r => [r.op, r.changed, r.outcome, r.args, r.error]))");
        assertEquals("[[\"sample.fail\",false,\"error\",{\"why\":\"x\"},\"cannot do it: x\"],"
                + "[\"sample.touch\",true,\"ok\",{\"spec\":{\"name\":\"a\",\"system\":true,"
                + "\"password\":\"***\"}},null]]", rows);
    }

    @Test
    void dryRunDoesNotAudit(@TempDir Path other) {
        try (Sessions dry = new Sessions(other, true, null)) {
            dry.eval("sample.touch({name:'a', system:true})");
            assertEquals("0", dry.eval("audit.list().length"));
            assertEquals(1, dry.host.plan().size());
        }
    }

    @Test
    void helpShowsDocsOfModulesAndOperations() {
        s.eval("help(sample.echo)");
        String out = s.out.toString();
        assertTrue(out.startsWith("sample.echo(spec: Spec): Result"), out);
        assertTrue(out.contains("Echoes the spec back"), out);
        assertTrue(out.contains("name: string  the name"), out);
        s.eval("help(sample)");
        assertTrue(s.out.toString().contains("sample.nested.deep(s: string): string"), s.out.toString());
    }

    @Test
    void scriptArgsAreVisible() {
        assertEquals("a1,--flag", s.eval("args.join(',')"));
    }

    @Test
    void scriptArgsAreAPlainArrayThatPrintsAndChangesLikeOne() {
        assertEquals("true|a1,--flag,x|[\"a1\",\"--flag\",\"x\"]|3", s.eval("args.push('x'); Array.isArray(args) + '|'"
                + " + String(args) + '|' + JSON.stringify(args) + '|' + args.length"));
        assertEquals("a1", s.eval("args.shift()"));
        // The global itself stays: a script can change the copy, not swap it.
        assertEquals("--flag,x", s.eval("args = ['evil']; args.join(',')"));
    }

    private String message(String code) {
        return s.eval("try { " + code + "; 'no error' } catch (e) { e.message }");
    }
}
