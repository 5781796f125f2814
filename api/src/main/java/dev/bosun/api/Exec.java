package dev.bosun.api;

/**
 * Runs commands: argv only (never a shell string), a controlled environment, a timeout and captured
 * output. Under dry-run, a {@link Command#mutating() mutating} command is not run: it is recorded in
 * the plan, or, when it accepts a root prefix ({@link Command#prefix()}), run against the scratch view.
 * Commands are mutating unless declared {@link Command#readOnly()}. When the root is not {@code /}, a
 * mutating command that reaches the live system ({@link Command.Reach#LIVE}) is refused, in apply and
 * dry-run alike, before it is planned: see {@link Command#refusalUnder(String)}.
 */
public interface Exec {
    /**
     * Runs the command. With {@link Command#check()} (the default) a non-zero exit becomes a
     * {@link BosunException} naming the command and its stderr; a command the root cannot take is a
     * {@link BosunException} with the one-line reason.
     */
    ExecResult run(Command command);

    /** True when the program is found on the controlled PATH. */
    boolean available(String program);
}
