package dev.bosun.shell.cli;

import dev.bosun.shell.js.JsEngine;
import dev.bosun.shell.render.JsonReport;
import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Entry point of the bosun executable. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (needsJs(args)) {
            warmUpInBackground();
        }
        int status = run(args);
        Timings.mark("exiting");
        System.exit(status);
    }

    /**
     * Engine boot and the first session's JS context are the largest part of start-up; on a second core they
     * overlap command-line parsing and module registration instead of following them. Meanwhile this thread
     * runs the JDK initialisers the boot would otherwise wait for ({@link JsEngine#initialiseJdkClassesAhead}).
     */
    static Thread warmUpInBackground() {
        Runnable boot = JsEngine.bootTask();
        Thread t = Thread.ofPlatform().daemon().name("bosun-engine-boot").start(() -> {
            boot.run();
            Timings.mark("JS engine warmed up");
        });
        JsEngine.initialiseJdkClassesAhead();
        return t;
    }

    /** True unless the command is one that never evaluates JS (listings, help, version, kvm, plugins). */
    static boolean needsJs(String[] args) {
        for (String a : args) {
            switch (a) {
                case "--help", "-h", "--version", "-V", "ops", "types", "completion", "kvm", "rootless", "plugins", "scratch-root",
                     "--java-home" -> {
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

    /** The subcommands by name. */
    private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("run", RunCommand.class);
        SUBCOMMANDS.put("ops", OpsCommand.class);
        SUBCOMMANDS.put("types", TypesCommand.class);
        SUBCOMMANDS.put("kvm", KvmCommand.class);
        SUBCOMMANDS.put("rootless", RootlessCommand.class);
        SUBCOMMANDS.put("quadlet", QuadletCommand.class);
        SUBCOMMANDS.put("plugins", PluginsCommand.class);
        SUBCOMMANDS.put("completion", CompletionCommand.class);
        SUBCOMMANDS.put("scratch-root", ScratchRootCommand.class);
    }

    /**
     * The picocli model for these arguments. Building the model is most of picocli's start-up cost
     * (every subcommand inherits every global option), so only the subcommand the arguments name is
     * added; help and completion, which describe them all, get all of them.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new BosunCommand());
        boolean all = false;
        String named = null;
        for (String a : args) {
            all |= a.equals("--help") || a.equals("-h") || a.equals("completion");
            if (named == null && SUBCOMMANDS.containsKey(a)) {
                named = a;
            }
        }
        for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
            if (all || e.getKey().equals(named)) {
                cl.addSubcommand(e.getKey(), e.getValue());
            }
        }
        if (cl.getSubcommands().containsKey("run")) {
            // Everything after FILE is the script's, as in node, deno and zx: `deploy.js -n 3` must not turn on
            // Bosun's dry-run, nor `--root x` change the root. Bosun's own options go before FILE.
            cl.getSubcommands().get("run").setStopAtPositional(true);
        }
        return cl;
    }

    /** Runs the command line and returns the exit status (tests call this). */
    public static int run(String... args) {
        Timings.mark("main");
        CommandLine cl = commandLine(args);
        boolean json = asksForJson(args);
        cl.setExecutionExceptionHandler((e, line, parse) -> {
            int status = e instanceof UsageException ? ExitCodes.USAGE : ExitCodes.FAILURE;
            String message = e instanceof UsageException || e.getMessage() != null ? e.getMessage() : e.toString();
            if (json) {
                usageDocument(message, line.getOut());
            } else {
                line.getErr().println("bosun: " + message);
            }
            if (status == ExitCodes.FAILURE && line.getCommandSpec().root().userObject() instanceof BosunCommand b
                    && b.global.verbose) {
                e.printStackTrace(line.getErr());
            }
            return status;
        });
        if (json) {
            cl.setParameterExceptionHandler((e, a) -> {
                usageDocument(e.getMessage(), e.getCommandLine().getOut());
                e.getCommandLine().getErr().println("Try 'bosun --help' for more information.");
                return ExitCodes.USAGE;
            });
        }
        return cl.execute(args);
    }

    /** True when --json is one of Bosun's options: before {@code run FILE}, whose arguments are the script's. */
    static boolean asksForJson(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("run")) {
                for (int j = i + 1; j < args.length && args[j].startsWith("-"); j++) {
                    if (args[j].equals("--json")) {
                        return true;
                    }
                }
                return false;
            }
            if (args[i].equals("--json")) {
                return true;
            }
        }
        return false;
    }

    private static void usageDocument(String message, java.io.PrintWriter out) {
        JsonReport report = new JsonReport();
        report.error(null, null, dev.bosun.api.Check.oneLine(String.valueOf(message),
                dev.bosun.api.BosunException.MESSAGE_LIMIT));
        out.println(report.text());
        out.flush();
    }
}
