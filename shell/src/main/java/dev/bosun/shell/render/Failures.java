package dev.bosun.shell.render;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.shell.js.ScriptExit;
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

    /** Prints the failure and returns the exit status for it. */
    public static int report(Throwable t, PrintStream err, boolean verbose) {
        if (t instanceof PolyglotException pe) {
            if (pe.isExit()) {
                return pe.getExitStatus();
            }
            if (pe.isHostException() && pe.asHostException() instanceof ScriptExit se) {
                return se.status();
            }
            if (pe.isInterrupted() || pe.isCancelled()) {
                err.println("bosun: interrupted");
                return INTERRUPTED;
            }
            if (pe.isHostException()) {
                Throwable h = pe.asHostException();
                err.println(line("bosun: internal error: " + h) + (verbose ? "" : " (run with -v for the stack trace)"));
                if (verbose) {
                    h.printStackTrace(err);
                }
                return FAILURE;
            }
            String msg = pe.getMessage() == null ? "error" : pe.getMessage().strip();
            if (pe.isSyntaxError()) {
                // GraalJS shows the offending source line and a caret under it: kept as lines, each escaped.
                String[] lines = msg.split("\\R", SYNTAX_ERROR_LINES + 1);
                err.println(line("bosun: " + lines[0]));
                for (int i = 1; i < Math.min(lines.length, SYNTAX_ERROR_LINES); i++) {
                    err.println(line(lines[i]));
                }
            } else {
                err.println(line("bosun: " + msg) + line(location(pe)));
            }
            if (verbose) {
                for (PolyglotException.StackFrame f : pe.getPolyglotStackTrace()) {
                    if (f.isGuestFrame()) {
                        err.println("    at " + f);
                    }
                }
            }
            return FAILURE;
        }
        if (t instanceof BosunException be) {
            err.println(line("bosun: " + be.getMessage()));
            return FAILURE;
        }
        err.println(line("bosun: internal error: " + t) + (verbose ? "" : " (run with -v for the stack trace)"));
        if (verbose) {
            t.printStackTrace(err);
        }
        return FAILURE;
    }

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
