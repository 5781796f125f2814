package dev.bosun.shell.repl;

import dev.bosun.shell.js.Namespace;
import dev.bosun.shell.js.OpFunction;
import dev.bosun.shell.js.Session;
import dev.bosun.shell.ops.HelpText;
import dev.bosun.shell.ops.TypeDescriber;
import org.graalvm.polyglot.Value;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Completes global names and members along a dotted path by walking the bindings (never by
 * evaluating the input, so completion has no side effects). Operations show their signature and the
 * first sentence of their doc.
 */
final class JsCompleter implements Completer {
    private static final Set<String> KEYWORDS = Set.of("const", "let", "function", "return", "await", "async",
            "for", "while", "if", "else", "true", "false", "null", "undefined", "new", "typeof", "JSON", "Math",
            "Object", "Array", "String", "Number", "console");

    private final Session session;

    JsCompleter(Session session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates.addAll(candidates(line.word()));
    }

    /** Candidates for a word such as {@code hos} or {@code users.en}; public for tests. */
    List<Candidate> candidates(String word) {
        List<Candidate> out = new java.util.ArrayList<>();
        int dot = word.lastIndexOf('.');
        if (dot < 0) {
            Value b = session.bindings();
            Set<String> names = new TreeSet<>(b.getMemberKeys());
            names.addAll(KEYWORDS);
            for (String n : names) {
                if (n.startsWith(word)) {
                    Value v = b.getMember(n);
                    out.add(candidate(n, n, v));
                }
            }
            return out;
        }
        String prefix = word.substring(0, dot);
        String partial = word.substring(dot + 1);
        Value target = resolve(prefix);
        if (target == null || !target.hasMembers()) {
            return out;
        }
        for (String key : new TreeSet<>(target.getMemberKeys())) {
            if (key.startsWith(partial)) {
                out.add(candidate(prefix + "." + key, key, target.getMember(key)));
            }
        }
        return out;
    }

    private Value resolve(String path) {
        Value v = session.bindings();
        for (String seg : path.split("\\.")) {
            if (v == null || !v.hasMembers() || !v.hasMember(seg)) {
                return null;
            }
            v = v.getMember(seg);
        }
        return v;
    }

    private static Candidate candidate(String value, String name, Value v) {
        if (v != null && v.isProxyObject()) {
            Object p = v.asProxyObject();
            if (p instanceof OpFunction f) {
                String sig = new TypeDescriber().signature(f.op());
                String args = f.op().params().isEmpty() ? "()" : "(";
                return new Candidate(value + args, name + "()", "operations", sig + " — "
                        + HelpText.summary(f.op().doc()), null, null, false);
            }
            if (p instanceof Namespace ns) {
                return new Candidate(value + ".", name, "modules", null, null, null, false);
            }
        }
        if (v != null && v.canExecute()) {
            return new Candidate(value + "(", name + "()", "functions", null, null, null, false);
        }
        return new Candidate(value, name, v != null && v.hasMembers() ? "objects" : "names", null, null, null, true);
    }
}
