package dev.bosun.stdlib.quadlet.corpus;

import dev.bosun.stdlib.quadlet.unit.UnitFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operator of the directive language, each shown true and false (and inverted), plus the errors. */
class DirectiveEvaluatorTest {
    private static final String SERVICE = """
            [Unit]
            Requires=a.service
            Requires=b.service
            After=x.service
            [Service]
            Environment=A=1
            ExecStartPre=/usr/bin/podman --module=m.conf --cfg a=1,b=2 pod create --name p "--label=a b" --mount "type=bind,src=/x,\\"dst=/y,1\\""
            ExecStart=/usr/bin/podman --log-level=debug --cfg x=1 run --name c --mount type=volume,source=v,destination=/d -d img arg1 arg2
            ExecStop=/usr/bin/podman --module=x stop c --mount a=1,b=2 final
            ExecStopPost=-/usr/bin/podman --module=y rm -f c --mount k=v last
            ExecReload=/usr/bin/podman --module=z kill --signal HUP c --mount r=1 end
            """;

    @TempDir
    Path out;

    private boolean eval(String line) throws Exception {
        return new DirectiveEvaluator(UnitFile.parse(SERVICE), "some error text here", out)
                .evaluate(DirectiveEvaluator.words(line));
    }

    private void both(String trueLine, String falseLine) throws Exception {
        assertTrue(eval(trueLine), trueLine);
        assertFalse(eval("!" + trueLine.strip()), "!" + trueLine);
        assertFalse(eval(falseLine), falseLine);
        assertTrue(eval("!" + falseLine.strip()), "!" + falseLine);
    }

    @Test
    void thereAreFiftyOperators() {
        assertEquals(50, DirectiveEvaluator.OPERATORS.size());
        assertEquals(50, new HashSet<>(DirectiveEvaluator.OPERATORS).size());
    }

    @Test
    void generalOperators() throws Exception {
        assertTrue(eval("assert-failed"));
        both("assert-stderr-contains \"error text\"", "assert-stderr-contains warning");
        both("assert-key-is Unit Requires a.service b.service", "assert-key-is Unit Requires a.service");
        both("assert-key-is-regex Unit Requires ^a b\\.", "assert-key-is-regex Unit Requires ^b a");
        both("assert-has-key Unit Requires b.service", "assert-has-key Unit Requires c.service");
        both("assert-key-is-empty Unit Wants", "assert-key-is-empty Unit After");
        both("assert-key-contains Service Environment =1", "assert-key-contains Service Environment =2");
        both("assert-key-not-contains Service Environment =2", "assert-key-not-contains Service Environment A=");
        both("assert-last-key-contains Service ExecStart arg2", "assert-last-key-contains Service ExecStart arg3");
        both("assert-last-key-not-contains Service ExecStart arg3", "assert-last-key-not-contains Service ExecStart img");
        both("assert-last-key-is-regex Service ExecStart img.*arg2$", "assert-last-key-is-regex Service ExecStart ^img");
    }

    @Test
    void symlinks() throws Exception {
        Files.createDirectories(out.resolve("w.service.wants"));
        Files.createSymbolicLink(out.resolve("w.service.wants/u.service"), Path.of("../u.service"));
        both("assert-symlink w.service.wants/u.service ../u.service", "assert-symlink w.service.wants/u.service u.service");
        assertThrows(DirectiveEvaluator.EvaluationError.class, () -> eval("assert-symlink missing x"));
    }

    @Test
    void commandLineOperatorsOfEveryKey() throws Exception {
        both("assert-podman-args run --name c", "assert-podman-args run c");
        both("assert-podman-args-regex ^--na c$", "assert-podman-args-regex ^--na d$");
        both("assert-podman-global-args run --log-level=debug", "assert-podman-global-args run -d");
        both("assert-podman-global-args-regex run ^--log", "assert-podman-global-args-regex run ^img");
        both("assert-podman-args-key-val --mount , destination=/d,type=volume,source=v", "assert-podman-args-key-val --mount , type=volume,source=v");
        both("assert-podman-args-key-val-regex --mount , type=vol.*,source=^v$,destination=/", "assert-podman-args-key-val-regex --mount , type=bind,source=v,destination=/d");
        both("assert-podman-final-args img arg1 arg2", "assert-podman-final-args img arg1");
        both("assert-podman-final-args-regex ^i arg[0-9] 2$", "assert-podman-final-args-regex arg1$");

        both("assert-podman-pre-args pod create", "assert-podman-pre-args create pod");
        both("assert-podman-pre-args \"--label=a b\"", "assert-podman-pre-args --label=a");
        both("assert-podman-pre-args-regex \"^--label=a b$\"", "assert-podman-pre-args-regex ^--name$ q");
        both("assert-podman-pre-global-args pod --module=m.conf", "assert-podman-pre-global-args pod create");
        both("assert-podman-pre-global-args-regex pod conf$", "assert-podman-pre-global-args-regex pod ^create$");
        both("assert-podman-pre-args-key-val --mount , \"type=bind,src=/x,\\\"dst=/y,1\\\"\"", "assert-podman-pre-args-key-val --mount , type=bind,src=/x");
        both("assert-podman-pre-args-key-val-regex --mount , \"type=b,src=/,\\\"dst=,1$\\\"\"", "assert-podman-pre-args-key-val-regex --mount , type=b,src=/");
        both("assert-podman-pre-global-args-key-val pod --cfg , b=2,a=1", "assert-podman-pre-global-args-key-val pod --cfg , a=1");
        both("assert-podman-pre-global-args-key-val-regex pod --cfg , a=^1$,b=2", "assert-podman-pre-global-args-key-val-regex pod --name , p");
        both("assert-podman-pre-final-args --mount \"type=bind,src=/x,\\\"dst=/y,1\\\"\"", "assert-podman-pre-final-args pod");
        both("assert-podman-pre-final-args-regex dst", "assert-podman-pre-final-args-regex ^pod$");
        both("assert-podman-global-args-key-val run --cfg , x=1", "assert-podman-global-args-key-val run --cfg , x=2");
        both("assert-podman-global-args-key-val-regex run --cfg , x=^1$", "assert-podman-global-args-key-val-regex run --name , c");

        for (String[] k : new String[][] {{"stop", "final"}, {"stop-post", "last"}, {"reload", "end"}}) {
            String p = "assert-podman-" + k[0] + "-";
            both(p + "args --mount", p + "args --nope");
            both(p + "global-args --mount --module=" + (k[0].equals("stop") ? "x" : k[0].equals("stop-post") ? "y" : "z"), p + "global-args --mount " + k[1]);
            both(p + "final-args " + k[1], p + "final-args --mount");
            both(p + "final-args-regex ^" + k[1].charAt(0), p + "final-args-regex ^--");
            String kv = k[0].equals("stop") ? "b=2,a=1" : k[0].equals("stop-post") ? "k=v" : "r=1";
            both(p + "args-key-val --mount , " + kv, p + "args-key-val --mount , q=1");
            both(p + "args-key-val-regex --mount , " + kv.replace("=", "=^"), p + "args-key-val-regex --mount , zz=.");
        }
    }

    @Test
    void whatTheHarnessWouldNotAcceptIsAnError() {
        assertThrows(DirectiveEvaluator.EvaluationError.class, () -> eval("assert-bogus x"));
        assertThrows(DirectiveEvaluator.EvaluationError.class, () -> eval("assert-has-key Unit Requires"));
        assertThrows(DirectiveEvaluator.EvaluationError.class, () -> eval("assert-key-is Unit Requires"));
        assertThrows(DirectiveEvaluator.EvaluationError.class, () -> DirectiveEvaluator.words(" assert-podman-args (x"));
        assertThrows(DirectiveEvaluator.EvaluationError.class, () -> DirectiveEvaluator.words(" assert-podman-args \"x"));
        assertThrows(DirectiveEvaluator.EvaluationError.class, () -> eval("assert-podman-final-args-key-val a , b"));
        assertThrows(DirectiveEvaluator.EvaluationError.class,
                () -> new DirectiveEvaluator(null, "", out).evaluate(List.of("assert-key-is", "Unit", "A", "b")));
    }

    @Test
    void shellWordsAndRegexesAreGos() throws Exception {
        assertEquals(List.of("a", "b c", "d\te", "x\\ny", ""), ShellWords.parse("a \"b c\" d\\te 'x\\ny' \"\""));
        assertEquals(List.of("a"), ShellWords.parse("a ; rm -rf /"));
        assertEquals(List.of("a", "b\nc"), DirectiveEvaluator.words("a b\\\\nc").stream()
                .map(w -> w.replace("\\n", "\n")).toList());
        assertTrue(Re2.find("b", "abc"));
        assertFalse(Re2.find("c$", "abc\n"));
        assertFalse(Re2.find("(", "("));
        Set<String> none = Set.of();
        assertTrue(none.isEmpty());
    }
}
