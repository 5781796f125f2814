package dev.bosun.shell.cli;

import picocli.CommandLine;

/** Entry point of the bosun executable. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (tests call this). */
    public static int run(String... args) {
        Timings.mark("main");
        CommandLine cl = new CommandLine(new BosunCommand());
        // Script arguments such as --name go to the script; Bosun's own options are still recognised.
        cl.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
        cl.setExecutionExceptionHandler((e, line, parse) -> {
            line.getErr().println("bosun: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (line.getCommandSpec().root().userObject() instanceof BosunCommand b && b.global.verbose) {
                e.printStackTrace(line.getErr());
            }
            return ExitCodes.FAILURE;
        });
        return cl.execute(args);
    }
}
