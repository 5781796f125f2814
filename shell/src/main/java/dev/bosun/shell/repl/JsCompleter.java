package dev.bosun.shell.repl;

import dev.bosun.shell.js.Namespace;
import dev.bosun.shell.js.OpFunction;
import dev.bosun.shell.js.Session;
import dev.bosun.shell.ops.HelpText;
import dev.bosun.shell.ops.OpInfo;
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
 * first sentence of their doc. Because operations are typed, it also completes the keys of an argument
 * literal ({@code users.ensure({cr} offers {@code createHome}) at any depth, and the fields of an operation's
 * result ({@code host.info().} offers {@code kernel}), from the declared types alone.
 */
final class JsCompleter implements Completer {
    private static final Set<String> KEYWORDS = Set.of("const", "let", "function", "return", "await", "async",
            "for", "while", "if", "else", "true", "false", "null", "undefined", "new", "typeof", "JSON", "Math",
            "Object", "Array", "String", "Number", "console");

    private final Session session;

    JsCompleter(Session session) {
        this.session = session;
    }

    private static final java.util.regex.Pattern CALL_RESULT = java.util.regex.Pattern.compile(
            "([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)\\([^()]*\\)\\.([A-Za-z_$][\\w$]*)?$");

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String before = line.line().substring(0, Math.min(line.cursor(), line.line().length()));
        candidates.addAll(candidatesAt(before, line.word()));
    }

    /** Candidates for the text before the cursor, whose last word (the part replaced) is {@code word}. */
    List<Candidate> candidatesAt(String before, String word) {
        CallSite site = CallSite.at(before);
        if (site != null) {
            return keys(site);
        }
        java.util.regex.Matcher result = CALL_RESULT.matcher(before);
        if (result.find()) {
            OpInfo op = op(result.group(1));
            if (op != null) {
                return fields(op.returnType(), result.group(2) == null ? "" : result.group(2), List.of(), "");
            }
        }
        return candidates(word);
    }

    /** The keys the literal at the call site can have, with their types and docs. */
    private List<Candidate> keys(CallSite site) {
        OpInfo op = op(site.callee());
        if (op == null || site.arg() >= op.params().size()) {
            return List.of();
        }
        java.lang.reflect.Type t = op.params().get(site.arg()).type();
        for (String step : site.path()) {
            t = step.equals(CallSite.ELEMENT) ? elementType(t) : componentType(t, step);
            if (t == null) {
                return List.of();
            }
        }
        return fields(t, site.partial(), site.present(), ": ");
    }

    /** The operation a dotted path names ({@code users.ensure}, {@code quadlet.bundle.install}), or null. */
    private OpInfo op(String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return null;
        }
        dev.bosun.shell.ops.ModuleInfo m = session.registry().module(path.substring(0, dot));
        return m == null ? null : m.op(path.substring(dot + 1));
    }

    private static List<Candidate> fields(java.lang.reflect.Type t, String partial, List<String> present, String suffix) {
        List<Candidate> out = new java.util.ArrayList<>();
        if (!(t instanceof Class<?> c) || !c.isRecord()) {
            return out;
        }
        TypeDescriber d = new TypeDescriber();
        for (java.lang.reflect.RecordComponent rc : c.getRecordComponents()) {
            if (rc.getName().startsWith(partial) && !present.contains(rc.getName())) {
                dev.bosun.api.Doc doc = rc.getAnnotation(dev.bosun.api.Doc.class);
                String type = d.ts(rc.getGenericType());
                out.add(new Candidate(rc.getName() + suffix, rc.getName(), "fields of " + c.getSimpleName(),
                        type + (doc == null ? "" : " — " + doc.value()), null, null, suffix.isEmpty()));
            }
        }
        return out;
    }

    private static java.lang.reflect.Type componentType(java.lang.reflect.Type t, String name) {
        if (t instanceof Class<?> c && c.isRecord()) {
            for (java.lang.reflect.RecordComponent rc : c.getRecordComponents()) {
                if (rc.getName().equals(name)) {
                    return rc.getGenericType();
                }
            }
        }
        return null;
    }

    private static java.lang.reflect.Type elementType(java.lang.reflect.Type t) {
        if (t instanceof java.lang.reflect.ParameterizedType pt && pt.getRawType() instanceof Class<?> raw
                && java.util.Collection.class.isAssignableFrom(raw)) {
            return pt.getActualTypeArguments()[0];
        }
        return t instanceof Class<?> c && c.isArray() ? c.getComponentType() : null;
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
