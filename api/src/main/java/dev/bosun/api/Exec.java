package dev.bosun.api;

/**
 * Runs commands: argv only (never a shell string), a controlled environment, a timeout and captured
 * output. Under dry-run, a {@link Command#mutating() mutating} command is not run: it is recorded in
 * the plan, or, when it accepts a root prefix ({@link Command#prefix()}), run against the scratch view.
 */
public interface Exec {
    /**
     * Runs the command. With {@link Command#check()} (the default) a non-zero exit becomes a
     * {@link BosunException} naming the command and its stderr.
     */
    ExecResult run(Command command);

    /** True when the program is found on the controlled PATH. */
    boolean available(String program);
}
