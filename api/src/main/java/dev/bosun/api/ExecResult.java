package dev.bosun.api;

/**
 * What a command did.
 *
 * @param command  the command line as run (with any prefix flag)
 * @param exitCode the exit status; 0 for a planned command
 * @param stdout   standard output
 * @param stderr   standard error
 * @param planned  true when, under dry-run, the command was only recorded and not run
 */
public record ExecResult(String command, int exitCode, String stdout, String stderr, boolean planned) {
    public boolean ok() {
        return exitCode == 0;
    }
}
