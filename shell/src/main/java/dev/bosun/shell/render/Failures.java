package dev.bosun.shell.render;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.shell.js.ScriptExit;
import dev.bosun.shell.ops.OpFailure;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

import java.io.PrintStream;

/**
 * Failures as users see them: one line saying what was wrong (with {@code file:line} for script
 * errors), a stack trace only with {@code -v}, and the exit status the failure means. The line is the last
 * defence against hostile text (a script's own error message, a value in an internal error): it is
 * escaped and bounded like every message ({@link Check#oneLine}), whatever produced it.
 */
public final class Failures {
    public static final int FAILURE = 1;
    public static final int INTERRUPTED = 130;
    /** A syntax error's message, the source line and the caret under it. */
    private static final int SYNTAX_ERROR_LINES = 3;

    private Failures() {
    }

    /**
     * A failure as a command reports it: the exit status, the operation at fault when one is known, and the
     * parameter at fault when the failure says (an {@link dev.bosun.api.InvalidValueException} reached as such;
     * a script's JS error does not carry it), and the one-line message without the "bosun: " prefix (null for a
     * clean {@code exit(0)}).
     */
    public record Failure(int status, String op, String param, String message) {
        Failure(int status, String op, String message) {
            this(status, op, null, message);
        }
    }

    /** Prints the failure and returns the exit status for it. */
    public static int report(Throwable t, PrintStream err, boolean verbose) {
        return describe(t, err, verbose, true).status();
    }

    /**
     * The failure, with its lines printed on {@code err} when {@code print} (under --json they are in the
     * document instead); with {@code verbose} the stack trace goes to {@code err} either way.
     */
    public static Failure describe(Throwable t, PrintStream err, boolean verbose, boolean print) {
        java.util.function.Consumer<String> say = print ? err::println : s -> { };
        if (t instanceof PolyglotException pe) {
            if (pe.isExit()) {
                return exit(pe.getExitStatus());
            }
            if (pe.isHostException() && pe.asHostException() instanceof ScriptExit se) {
                return exit(se.status());
            }
            if (pe.isInterrupted() || pe.isCancelled()) {
                say.accept("bosun: interrupted");
                return new Failure(INTERRUPTED, null, "interrupted");
            }
            if (pe.isHostException()) {
                Throwable h = pe.asHostException();
                String msg = line("internal error: " + h);
                say.accept("bosun: " + msg + (verbose ? "" : " (run with -v for the stack trace)"));
                if (verbose) {
                    h.printStackTrace(err);
                }
                return new Failure(FAILURE, null, msg);
            }
            String msg = pe.getMessage() == null ? "error" : pe.getMessage().strip();
            String first;
            if (pe.isSyntaxError()) {
                // GraalJS shows the offending source line and a caret under it: kept as lines, each escaped.
                String[] lines = msg.split("\\R", SYNTAX_ERROR_LINES + 1);
                first = line(lines[0]);
                say.accept(line("bosun: " + lines[0]));
                for (int i = 1; i < Math.min(lines.length, SYNTAX_ERROR_LINES); i++) {
                    say.accept(line(lines[i]));
                }
            } else {
                first = line(msg) + line(location(pe));
                say.accept(line("bosun: " + msg) + line(location(pe)));
            }
            if (verbose) {
                for (PolyglotException.StackFrame f : pe.getPolyglotStackTrace()) {
                    if (f.isGuestFrame()) {
                        err.println("    at " + f);
                    }
                }
            }
            return new Failure(FAILURE, opOf(msg), first);
        }
        if (t instanceof BosunException be) {
            say.accept(line("bosun: " + be.getMessage()));
            String param = be instanceof dev.bosun.api.InvalidValueException iv ? iv.parameter()
                    : be.getCause() instanceof dev.bosun.api.InvalidValueException cause ? cause.parameter() : null;
            return new Failure(FAILURE, t instanceof OpFailure f ? f.op() : null, param,
                    line(String.valueOf(be.getMessage())));
        }
        String msg = line("internal error: " + t);
        say.accept("bosun: " + msg + (verbose ? "" : " (run with -v for the stack trace)"));
        if (verbose) {
            t.printStackTrace(err);
        }
        return new Failure(FAILURE, null, msg);
    }

    private static Failure exit(int status) {
        return new Failure(status, null, status == 0 ? null : "the script called exit(" + status + ")");
    }

    /**
     * The operation an error message names: operations' errors read {@code module.op: ...}, after the JS
     * error's own {@code TypeError: } or {@code Error: }; null for any other message.
     */
    static String opOf(String message) {
        java.util.regex.Matcher m = OP_PREFIX.matcher(message);
        return m.lookingAt() ? m.group(1) : null;
    }

    private static final java.util.regex.Pattern OP_PREFIX =
            java.util.regex.Pattern.compile("(?:[A-Za-z]*Error: )?([a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)+): ");

    private static String line(String text) {
        return Check.oneLine(text, BosunException.MESSAGE_LIMIT);
    }

    /** " (at file:line)" from the first user frame, skipping Bosun's internal sources. */
    private static String location(PolyglotException pe) {
        if (pe.isSyntaxError()) {
            return "";
        }
        for (PolyglotException.StackFrame f : pe.getPolyglotStackTrace()) {
            SourceSection s = f.getSourceLocation();
            if (f.isGuestFrame() && s != null && !s.getSource().getName().startsWith("bosun:internal")
                    && !s.getSource().getName().equals("<repl>")) {
                return " (at " + s.getSource().getName() + ":" + s.getStartLine() + ")";
            }
        }
        return "";
    }
}
