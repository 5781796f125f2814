package dev.bosun.shell.cli;

import dev.bosun.shell.js.JsEngine;
import dev.bosun.shell.js.Session;
import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.shell.plugins.PluginSet;
import dev.bosun.shell.render.Failures;
import dev.bosun.shell.render.PlanPrinter;
import dev.bosun.stdlib.effect.LocalHostContext;
import org.graalvm.polyglot.Value;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What every command that runs JS shares: the module registry (stdlib and plugins), the host
 * context for the global options, a session, printing of results and plans, and the mapping of
 * failures to one-line messages and exit codes.
 */
final class Launch implements AutoCloseable {
    final GlobalOptions options;
    final PrintStream out;
    final PrintStream err;
    final PluginSet plugins;
    final ModuleRegistry registry;
    final LocalHostContext host;
    final Session session;

    private Launch(GlobalOptions options, PrintStream out, PrintStream err, String source, Path scriptDir,
                   List<String> args) {
        this.options = options;
        this.out = out;
        this.err = err;
        Timings.mark("command line parsed");
        this.plugins = options.modules(err);
        Timings.mark("modules and plugins registered");
        this.registry = plugins.registry();
        AlternateRoot.check(options.root);
        this.host = options.host(options.root, source, err);
        if (options.verbose) {
            host.plan().onChange(c -> err.println(PlanPrinter.line(c)));
        }
        Timings.mark("host context opened");
        this.session = new Session(registry, host, new Session.Options(out, err, scriptDir, args, options.verbose));
        Timings.mark("JS session ready");
        if (options.jit && !"GraalVM CE".equals(JsEngine.implementation())) {
            err.println("bosun: warning: --jit asked for the optimizing compiler, but the engine runs '"
                    + JsEngine.implementation() + "' (start bosun through the launcher with --jit)");
        }
    }

    static Launch open(GlobalOptions options, PrintStream out, PrintStream err, String source, Path scriptDir,
                       List<String> args) {
        return new Launch(options, out, err, source, scriptDir, args);
    }

    /** Prints a result as a table/block, or JSON with --json. */
    void printResult(Value v) {
        session.print(v, options.json, out);
    }

    /** Under dry-run the plan is the output that matters; with --json it goes to stderr to keep stdout JSON. */
    void printPlanIfDryRun() {
        if (options.dryRun) {
            PlanPrinter.print(host.plan().changes(), true, options.json ? err : out);
        }
    }

    /** JS work of a command: evaluates something and returns its value. */
    @FunctionalInterface
    interface Work {
        Value run() throws java.io.IOException;
    }

    /**
     * Runs a command's JS work the way every command does: print the result (when asked), turn a failure
     * into one line and its exit status, and under dry-run print the plan either way.
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
        return status;
    }

    /** One line for a failure, and the exit code it means. */
    int fail(Throwable t) {
        return Failures.report(t, err, options.verbose);
    }

    @Override
    public void close() {
        session.close();
        host.close();
        plugins.close();
    }
}
