package dev.bosun.shell.cli;

import dev.bosun.shell.js.JsEngine;
import picocli.CommandLine;

/** Entry point of the bosun executable. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (needsJs(args)) {
            // Engine boot is the largest part of start-up; on a second core it overlaps command-line parsing
            // and module registration instead of following them.
            Thread.ofPlatform().daemon().name("bosun-engine-boot").start(JsEngine::get);
        }
        System.exit(run(args));
    }

    /** True unless the command is one that never evaluates JS (listings, help, version, kvm, plugins). */
    static boolean needsJs(String[] args) {
        for (String a : args) {
            switch (a) {
                case "--help", "-h", "--version", "-V", "ops", "types", "completion", "kvm", "plugins", "--java-home" -> {
                    return false;
                }
                case "run", "-e", "--eval" -> {
                    return true;
                }
                default -> {
                    // options and their values: keep looking for the command
                }
            }
        }
        return true;
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
