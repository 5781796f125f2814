package dev.bosun.shell.cli;

import dev.bosun.shell.repl.OpeningTerminal;
import dev.bosun.shell.repl.Repl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bosun}: the REPL, or {@code -e EXPR}; subcommands for scripts, listings and plugins (added by
 * {@link Main#commandLine}, only those the command line can reach).
 */
@Command(name = "bosun", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"A scriptable shell for hosts that run rootless containers.",
            "Without a command: the interactive REPL (or, with piped input, run stdin as a script)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (with -n --detailed-exitcode: the plan has no changes)",
            "1:an operation or the script failed", "2:usage error",
            "3:with -n --detailed-exitcode: the plan has changes"})
public final class BosunCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Option(names = {"-e", "--eval"}, paramLabel = "EXPR", description = "Evaluate EXPR, print the result and exit.")
    String expression;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (expression != null) {
            return evaluate(expression, "-e");
        }
        if (System.console() == null || !System.console().isTerminal()) {
            String input = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return evaluate(input, "<stdin>");
        }
        try (OpeningTerminal terminal = OpeningTerminal.start()) {
            java.io.PrintStream console = new java.io.PrintStream(terminal.output(), true,
                    java.nio.charset.StandardCharsets.UTF_8);
            try (Launch launch = Launch.interactive(global, console)) {
                Repl repl = new Repl(terminal.get(), terminal.output(), launch.session, global.json, global.dryRun,
                        global.palette(true));
                Timings.mark("terminal opened");
                return repl.run();
            }
        }
    }

    private int evaluate(String code, String name) throws java.io.IOException {
        try (Launch launch = Launch.open(global, System.out, System.err, name, null, List.of())) {
            return launch.execute(() -> launch.session.eval(code, name), true);
        }
    }
}
