package dev.bosun.shell.js;

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
    void unknownOptionWrongTypeMissingFieldAndBadEnumAreExplained() {
        assertEquals("sample.echo: spec has no option \"nmae\" (known: name, system, uid, groups, env, kind, password)",
                message("sample.echo({nmae:'x', name:'y', system:true})"));
        assertEquals("sample.echo: spec.uid must be an integer", message("sample.echo({name:'x', system:true, uid:'7'})"));
        assertEquals("sample.echo: spec.uid must be an integer", message("sample.echo({name:'x', system:true, uid:1.5})"));
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
