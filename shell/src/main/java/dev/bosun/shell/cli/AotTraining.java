package dev.bosun.shell.cli;

/**
 * The AOT caches' training runs ({@code aot-train.sh}, at build time): what a user's first seconds load, in
 * one process. The script path ({@code -e} and {@code run}) is an expression with an operation call and then
 * a script run; with {@code --repl}, an interactive session fed from a file follows (stdin must be a terminal,
 * which the build provides with {@code script(1)}), so JLine's terminal, line reader and completion are in
 * that cache too. Each start path gets its own cache because every class a cache holds is loaded at every
 * start: the REPL's classes would slow {@code -e} down. Read-only apart from its own state database.
 *
 * <p>Arguments: the state database, the training script, and optionally {@code --repl}.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] args) {
        Thread warmUp = Main.warmUpInBackground();
        int status = Main.run("--state", args[0], "-e", "host.info().kernel");
        try {
            warmUp.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (status == ExitCodes.OK) {
            status = Main.run("--state", args[0], "run", args[1]);
        }
        if (status == ExitCodes.OK && args.length > 2 && args[2].equals("--repl")) {
            if (System.console() == null || !System.console().isTerminal()) {
                System.err.println("bosun: AOT training: --repl needs a terminal on stdin");
                status = ExitCodes.FAILURE;
            } else {
                status = Main.run("--state", args[0]);
            }
        }
        System.exit(status);
    }
}
