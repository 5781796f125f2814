package dev.bosun.shell.cli;

import dev.bosun.shell.js.JsEngine;
import dev.bosun.shell.js.Session;
import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.shell.plugins.PluginSet;
import dev.bosun.shell.render.Failures;
import dev.bosun.shell.render.JsonReport;
import dev.bosun.shell.render.PlanPrinter;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.graalvm.polyglot.Value;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What every command that runs JS shares: the module registry (stdlib and plugins), the host
 * context for the global options, a session, printing of results and plans, and the mapping of
 * failures to one-line messages and exit codes. Under --json all of it goes into one {@link JsonReport}
 * on stdout, and what a script prints goes to stderr, so that stdout holds the document and nothing else.
 */
final class Launch implements AutoCloseable {
    final GlobalOptions options;
    final PrintStream out;
    final PrintStream err;
    final PluginSet plugins;
    final ModuleRegistry registry;
    final LocalHostContext host;
    final Session session;
    final JsonReport report = new JsonReport();
    /** Under --json, except in the interactive REPL: the output is one document. */
    private final boolean document;

    private Launch(GlobalOptions options, PrintStream out, PrintStream err, String source, Path scriptDir,
                   List<String> args, boolean interactive) {
        this.options = options;
        this.document = options.json && !interactive;
        this.out = out;
        this.err = err;
        Timings.mark("command line parsed");
        this.plugins = options.modules(err);
        Timings.mark("modules and plugins registered");
        this.registry = plugins.registry();
        AlternateRoot.check(options.root);
        this.host = options.host(options.root, source, warnings());
        if (options.verbose) {
            host.plan().onChange(c -> err.println(PlanPrinter.line(c)));
        }
        Timings.mark("host context opened");
        this.session = new Session(registry, host, new Session.Options(document ? err : out, err, scriptDir, args,
                options.verbose));
        session.onWarning(warnings());
        Timings.mark("JS session ready");
        if (options.jit && !"GraalVM CE".equals(JsEngine.implementation())) {
            warnings().accept("--jit asked for the optimizing compiler, but the engine runs '"
                    + JsEngine.implementation() + "' (start bosun through the launcher with --jit)");
        }
    }

    static Launch open(GlobalOptions options, PrintStream out, PrintStream err, String source, Path scriptDir,
                       List<String> args) {
        return new Launch(options, out, err, source, scriptDir, args, false);
    }

    /** For the interactive REPL: --json formats each result, and warnings stay lines on the terminal. */
    static Launch interactive(GlobalOptions options, PrintStream console) {
        return new Launch(options, console, console, "repl", null, List.of(), true);
    }

    private java.util.function.Consumer<String> warnings() {
        return document ? report::warn : w -> err.println("bosun: warning: " + w);
    }

    /** Prints a result as a table/block; under --json it becomes the document's result. */
    void printResult(Value v) {
        if (!document && options.json) {
            session.print(v, true, out);
        } else if (!document) {
            // Not the REPL: nothing wraps, so the output is the same wherever it goes; colour only if asked for.
            String text = dev.bosun.shell.render.ValueRenderer.render(v, dev.bosun.shell.render.ValueRenderer.UNBOUNDED,
                    palette());
            if (text != null) {
                out.println(text);
            }
        } else if (v != null && !(v.isNull() && "undefined".equals(v.toString()))) {
            Value text = session.jsonStringify(v, false);
            report.resultJson(text.isString() ? text.asString() : null);
        }
    }

    /** --color for stdout: auto colours only when stdin and stdout are a terminal (what the JDK can tell). */
    private dev.bosun.shell.render.Palette palette() {
        java.io.Console console = System.console();
        return options.palette(out == System.out && console != null && console.isTerminal());
    }

    /** Under dry-run the plan is the output that matters (under --json it is in the document, dry-run or not). */
    void printPlanIfDryRun() {
        if (document) {
            report.plan(host.plan().changes());
        } else if (options.dryRun) {
            PlanPrinter.print(host.plan().changes(), true, out, palette());
        }
    }

    /** JS work of a command: evaluates something and returns its value. */
    @FunctionalInterface
    interface Work {
        Value run() throws java.io.IOException;
    }

    /**
     * Runs a command's JS work the way every command does: print the result (when asked), turn a failure
     * into one line and its exit status, under dry-run print the plan either way, and under --json print the
     * one document. With --detailed-exitcode a dry-run that plans changes exits 3.
     */
    int execute(Work work, boolean printResult) throws java.io.IOException {
        int status = ExitCodes.OK;
        try {
            Value v = work.run();
            if (printResult) {
                printResult(v);
                Timings.mark("result printed");
            }
        } catch (RuntimeException e) {
            status = fail(e);
        }
        printPlanIfDryRun();
        if (document) {
            report.write(out);
        }
        return options.exitStatus(status, host.plan().changes());
    }

    /** One line for a failure (in the document under --json), and the exit code it means. */
    int fail(Throwable t) {
        // stderr is coloured only under --color=always: the JDK cannot tell whether stderr is a terminal.
        dev.bosun.shell.render.Palette palette = document || options.color != dev.bosun.shell.render.ColorMode.ALWAYS
                ? dev.bosun.shell.render.Palette.NONE : dev.bosun.shell.render.Palette.ANSI;
        if (!palette.enabled()) {
            Failures.Failure f = Failures.describe(t, err, options.verbose, !document);
            report.error(f);
            return f.status();
        }
        // The same lines, in the error colour (--color, or a terminal under auto).
        java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
        Failures.Failure f = Failures.describe(t, new PrintStream(lines, true, java.nio.charset.StandardCharsets.UTF_8),
                options.verbose, true);
        lines.toString(java.nio.charset.StandardCharsets.UTF_8).lines().forEach(l -> err.println(palette.error(l)));
        report.error(f);
        return f.status();
    }

    @Override
    public void close() {
        session.close();
        host.close();
        plugins.close();
    }
}
