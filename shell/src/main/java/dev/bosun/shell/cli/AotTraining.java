package dev.bosun.shell.cli;

/**
 * The AOT cache's training run ({@code mvn package}): what a user's first seconds load, in one process —
 * a script run, then (when stdin is a terminal, which the build provides with {@code script(1)}) an
 * interactive session fed from a file, so JLine's terminal, line reader and completion are in the cache
 * too. Read-only apart from its own state database.
 *
 * <p>Arguments: the state database, the training script.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] args) {
        Thread warmUp = Main.warmUpInBackground();
        int status = Main.run("--state", args[0], "run", args[1]);
        try {
            warmUp.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (status == ExitCodes.OK && System.console() != null && System.console().isTerminal()) {
            status = Main.run("--state", args[0]);
        }
        System.exit(status);
    }
}
