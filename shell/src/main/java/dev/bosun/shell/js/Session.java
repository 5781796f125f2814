package dev.bosun.shell.js;

import dev.bosun.api.Check;
import dev.bosun.shell.ops.HelpText;
import dev.bosun.shell.ops.ModuleInfo;
import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.shell.ops.OpInfo;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JS context (a REPL, an {@code -e} expression, a script run) over one host context: a
 * {@link SandboxContext} (the sandbox is described there) with the registry's modules as frozen globals,
 * {@code help}, {@code exit} and {@code args}, and {@code bosun:<module>} imports.
 */
public final class Session implements AutoCloseable {
    private final ModuleRegistry registry;
    private final LocalHostContext host;
    private final Context context;
    private final ModuleFileSystem files;
    private final JsErrors errors;
    private final Value jsonParse;
    private final Value jsonStringify;
    private final Value absent;
    private final Value entries;
    private final Value elements;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean verbose;
    private final Map<String, Namespace> modules = new LinkedHashMap<>();
    private java.util.function.Consumer<String> warnings;

    public Session(ModuleRegistry registry, LocalHostContext host, Options options) {
        this.registry = registry;
        this.host = host;
        this.out = options.out();
        this.err = options.err();
        this.verbose = options.verbose();
        this.warnings = w -> err.println("bosun: warning: " + w);
        SandboxContext sandbox = SandboxContext.take(out, err, options.scriptDir(), this::moduleSource,
                registry.modules().stream().map(ModuleInfo::name).toList());
        this.context = sandbox.context;
        this.files = sandbox.files;
        Value runtime = sandbox.runtime;
        this.errors = new JsErrors(runtime.getMember("typeError"), runtime.getMember("bosunError"));
        this.jsonParse = runtime.getMember("parse");
        this.jsonStringify = runtime.getMember("stringify");
        this.absent = runtime.getMember("absent");
        this.entries = runtime.getMember("entries");
        this.elements = runtime.getMember("elements");
        installGlobals(sandbox, options.args(), runtime.getMember("undefined"));
    }

    /** Streams and settings of a session. */
    public record Options(PrintStream out, PrintStream err, Path scriptDir, List<String> args, boolean verbose) {
        public static Options of(OutputStream out, OutputStream err) {
            return new Options(new PrintStream(out, true), new PrintStream(err, true), null, List.of(), false);
        }
    }

    private void installGlobals(SandboxContext sandbox, List<String> args, Value undefined) {
        Map<String, Object> globals = new LinkedHashMap<>();
        for (ModuleInfo m : registry.modules()) {
            Namespace ns = new Namespace(m.name(), m.name());
            for (OpInfo op : m.ops()) {
                Namespace target = ns;
                for (String seg : op.namespace()) {
                    target = target.child(seg);
                }
                target.members().put(op.simpleName(), new OpFunction(op, this));
            }
            modules.put(m.name(), ns);
            globals.put(m.name(), ns);
        }
        globals.put("help", new UsageFunction("Use help() for the modules, help(users) for a module's operations, "
                + "help(users.ensure) for one operation.", a -> {
            out.print(a.length == 0 ? help(null) : helpFor(a[0]));
            out.flush();
            return undefined; // nothing for the REPL to print after the help text
        }));
        globals.put("exit", new UsageFunction("Use exit() or Ctrl-D to leave; exit(code) ends a script with that status.",
                a -> {
                    throw new ScriptExit(a.length == 0 || !a[0].fitsInInt() ? 0 : a[0].asInt());
                }));
        // A real JS array (a fresh copy the script may change, like Node's process.argv); the global stays fixed.
        globals.put("args", toJs(List.copyOf(args)));
        sandbox.install(globals);
    }

    /** The source of the ES module {@code bosun:<name>}: the module as default and named export, and its ops. */
    private String moduleSource(String name) {
        ModuleInfo m = registry.module(name);
        if (m == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder("const m = globalThis[\"").append(name).append("\"];\n")
                .append("export default m;\nexport { m as ").append(name).append(" };\n");
        Namespace ns = modules.get(name);
        for (String member : ns.members().keySet()) {
            if (!member.equals(name) && !member.equals("default")) {
                sb.append("export const ").append(member).append(" = m.").append(member).append(";\n");
            }
        }
        return sb.toString();
    }

    /**
     * Help for what {@code help(x)} was given: a module or operation, its dotted name as a string
     * ({@code help("users.ensure")}), or else one line saying what it could not find.
     */
    private String helpFor(Value v) {
        if (v.isString()) {
            String name = v.asString();
            int dot = name.indexOf('.');
            ModuleInfo m = registry.module(dot < 0 ? name : name.substring(0, dot));
            if (m != null && dot < 0) {
                return HelpText.forModule(m);
            }
            if (m != null && m.op(name.substring(dot + 1)) != null) {
                return HelpText.forOp(m.op(name.substring(dot + 1)));
            }
            return "help: no module or operation named " + Check.quote(name) + " (modules: "
                    + String.join(", ", registry.modules().stream().map(ModuleInfo::name).toList()) + ")\n";
        }
        if (v.isProxyObject() && (v.asProxyObject() instanceof OpFunction || v.asProxyObject() instanceof Namespace)) {
            return help(v);
        }
        if (v.isNull()) {
            return "help: got " + (v.toString().equals("undefined") ? "undefined" : "null")
                    + ", not a module or an operation (a misspelt name? help() lists the modules)\n";
        }
        String shown = v.toString();
        return "help: " + Check.quote(shown.length() > 60 ? shown.substring(0, 60) + "..." : shown)
                + " is not a module or an operation; help() lists the modules, help(users) a module's operations\n";
    }

    /** Help text for a module, an operation, or (null) the overview. */
    public String help(Value v) {
        if (v != null && v.isProxyObject()) {
            Object p = v.asProxyObject();
            if (p instanceof OpFunction f) {
                return HelpText.forOp(f.op());
            }
            if (p instanceof Namespace ns) {
                return HelpText.forModule(registry.module(ns.moduleName()));
            }
        }
        StringBuilder sb = new StringBuilder("Modules (help(name) for operations, help(name.op) for one):\n");
        for (ModuleInfo m : registry.modules()) {
            sb.append(String.format("  %-10s %s%n", m.name(), HelpText.summary(m.doc())));
        }
        sb.append("\nGlobals: help(x), args, exit(code). Scripts may also import { users } from \"bosun:users\".\n");
        return sb.toString();
    }

    public Value eval(String code, String name) {
        checkNoDataImport(code);
        return run(Source.newBuilder("js", code, name).buildLiteral());
    }

    /** Evaluates REPL input: interactive so that declarations persist and the completion value is returned. */
    public Value evalInteractive(String code) {
        checkNoDataImport(code);
        return run(Source.newBuilder("js", code, "<repl>").interactive(false).buildLiteral());
    }

    /** Evaluates a source; a call of an operation a module does not have is reported as {@link #unknownMember}. */
    private Value run(Source source) {
        try {
            return context.eval(source);
        } catch (PolyglotException e) {
            String explained = unknownMember(e);
            if (explained != null) {
                throw new dev.bosun.api.BosunException(explained);
            }
            throw e;
        }
    }

    /**
     * GraalJS's error for calling a member a module does not have ({@code invokeMember (nosuch) on [module users]
     * failed due to: Unknown identifier: nosuch}) as the line a user can act on: {@code users has no operation
     * nosuch (ensure, get, linger, list, remove)} with a suggestion when one is close, and where it happened. The
     * engine raises it before any host code runs, so it cannot be thrown in this form; it is translated when
     * it leaves the script (a script that catches it sees the engine's text).
     */
    private String unknownMember(PolyglotException e) {
        if (e.isHostException() || e.getMessage() == null) {
            return null;
        }
        java.util.regex.Matcher m = UNKNOWN_MEMBER.matcher(e.getMessage());
        if (!m.matches()) {
            return null;
        }
        String[] path = m.group(2).split("\\.");
        Namespace ns = modules.get(path[0]);
        for (int i = 1; ns != null && i < path.length; i++) {
            ns = ns.members().get(path[i]) instanceof Namespace child ? child : null;
        }
        if (ns == null) {
            return null;
        }
        String at = "";
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (f.isGuestFrame() && f.getSourceLocation() != null) {
                at = " (at " + f.getSourceLocation().getSource().getName() + ":" + f.getSourceLocation().getStartLine()
                        + ")";
                break;
            }
        }
        return ns.noSuchMember(m.group(1)) + at;
    }

    private static final java.util.regex.Pattern UNKNOWN_MEMBER = java.util.regex.Pattern.compile(
            "(?:TypeError: )?invokeMember \\((.*)\\) on \\[module ([a-z][\\w.]*)\\] failed due to: Unknown identifier: .*",
            java.util.regex.Pattern.DOTALL);

    /** Runs a script file as an ES module; resolves its top-level await. */
    public Value runModule(Path file) throws IOException {
        String code = Files.readString(file);
        checkNoDataImport(code);
        Source src = Source.newBuilder("js", file.toFile()).mimeType("application/javascript+module")
                .content(code).build();
        return run(src);
    }

    /**
     * Refuses code that imports a {@code data:} URL literally: GraalJS would load it without asking the file
     * system that refuses every other specifier ({@link DataImports}).
     */
    private void checkNoDataImport(String code) {
        try {
            files.checkNoDataImport(code);
        } catch (SecurityException e) {
            throw new dev.bosun.api.BosunException(e.getMessage());
        }
    }

    /** True when the text is an unfinished statement (open brackets, a trailing operator). */
    public boolean isIncomplete(String code) {
        try {
            context.parse(Source.newBuilder("js", code, "<repl>").interactive(true).buildLiteral());
            return false;
        } catch (PolyglotException e) {
            return e.isIncompleteSource();
        }
    }

    /** Stops a running evaluation from another thread (Ctrl-C). */
    public void interrupt() {
        try {
            context.interrupt(Duration.ofSeconds(3));
        } catch (java.util.concurrent.TimeoutException e) {
            // Host code (a command, a lock wait) is still running; it will end on its own time-out.
            warn("the running operation did not stop within 3 s; it ends when the host call returns");
        }
    }

    public Value bindings() {
        return context.getBindings("js");
    }

    public Value jsonStringify(Value v, boolean pretty) {
        return jsonStringify.execute(v, pretty);
    }

    /** Prints a result for people (a table, a key/value block, text) or as JSON; nothing for undefined. */
    public void print(Value v, boolean json, PrintStream to) {
        if (v == null || v.isNull() && "undefined".equals(v.toString())) {
            return;
        }
        String text = json ? jsonStringify(v, true).asString() : dev.bosun.shell.render.ValueRenderer.render(v);
        if (text != null) {
            to.println(text);
        }
    }

    public LocalHostContext host() {
        return host;
    }

    public ModuleRegistry registry() {
        return registry;
    }

    JsErrors errors() {
        return errors;
    }

    /** A JS argument as plain data, read by the rules of {@link Plain}; {@code path} names it in messages. */
    Object plain(Value v, String path) {
        return new Plain(absent, entries, elements).copy(v, path);
    }

    /**
     * A result as a plain JS value. Strings, booleans, numbers and enum labels are handed over as they are (the
     * engine makes them JS primitives; every number a JS number, as JSON would). Records, lists and maps become
     * plain objects and arrays through their JSON text ({@link JsonCodec#write}) and the realm's own
     * {@code JSON.parse}, captured before any script ran: it defines each property on a fresh object, where writing properties from Java would run
     * setters a script put on {@code Object.prototype} (and {@code __proto__} would set the prototype).
     */
    Object toJs(Object result) {
        if (result == null || result instanceof String || result instanceof Boolean || result instanceof Integer
                || result instanceof Double) {
            return result;
        }
        if (result instanceof Long || result instanceof Short || result instanceof Byte) {
            long l = ((Number) result).longValue();
            return l == (int) l ? (Object) (int) l : (Object) (double) l;
        }
        if (result instanceof Number n) {
            return n.doubleValue();
        }
        if (result instanceof Enum<?> || result instanceof Character) {
            return result.toString();
        }
        return jsonParse.execute(JsonCodec.write(result));
    }

    void warn(String message) {
        warnings.accept(message);
    }

    /** Sends warnings to {@code sink} instead of stderr (under --json they go into the document). */
    public void onWarning(java.util.function.Consumer<String> sink) {
        this.warnings = sink;
    }

    void reportInternal(String op, Throwable t) {
        if (verbose) {
            err.println("bosun: " + op + " failed with an internal error:");
            t.printStackTrace(err);
        }
    }

    public Context context() {
        return context;
    }

    @Override
    public void close() {
        context.close(true);
    }
}
