package dev.bosun.shell.repl;

import dev.bosun.shell.cli.Version;
import dev.bosun.shell.js.Session;
import dev.bosun.shell.ops.ModuleInfo;
import dev.bosun.shell.render.Failures;
import dev.bosun.shell.render.PlanPrinter;
import org.graalvm.polyglot.Value;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The interactive shell: JLine line editing with completion, highlighting, multi-line input and
 * persistent history; Ctrl-C stops a running evaluation (or clears the line), Ctrl-D exits.
 */
public final class Repl {
    private final Terminal terminal;
    private final Session session;
    private final boolean json;
    private final boolean dryRun;
    private final Path history;

    /**
     * @param terminal the terminal the session's output already goes to: everything (results, console.log,
     *                 help, errors) must pass through it, or JLine's redraws overwrite it
     */
    public Repl(Terminal terminal, Session session, boolean json, boolean dryRun) {
        this(terminal, session, json, dryRun, historyFile());
    }

    /** With the history in {@code history} instead of the user's history file (tests). */
    Repl(Terminal terminal, Session session, boolean json, boolean dryRun, Path history) {
        this.terminal = terminal;
        this.session = session;
        this.json = json;
        this.dryRun = dryRun;
        this.history = history;
    }

    /** The system terminal for a REPL. */
    static Terminal openTerminal() throws IOException {
        return TerminalBuilder.builder().system(true).build();
    }

    /** Runs until Ctrl-D; returns the exit status. */
    public int run() throws IOException {
        Set<String> moduleNames = new HashSet<>();
        for (ModuleInfo m : session.registry().modules()) {
            moduleNames.add(m.name());
        }
        {
            Files.createDirectories(history.getParent());
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("bosun")
                    .parser(new JsParser(session))
                    .completer(new JsCompleter(session))
                    .highlighter(new JsHighlighter(moduleNames))
                    .variable(LineReader.HISTORY_FILE, history)
                    .variable(LineReader.HISTORY_SIZE, 5000)
                    .variable(LineReader.HISTORY_FILE_SIZE, 5000)
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P ... ")
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                    .option(LineReader.Option.AUTO_FRESH_LINE, true)
                    .build();
            PrintStream out = new PrintStream(terminal.output(), true);
            out.println("Bosun " + Version.bosun() + (dryRun ? " (dry-run: nothing will change)" : "")
                    + " — help() lists modules, Tab completes, Ctrl-D exits.");
            String prompt = dryRun ? "bosun (dry-run)> " : "bosun> ";
            dev.bosun.shell.cli.Timings.mark("REPL ready for input");
            int planShown = 0;
            Integer exitStatus = null;
            while (exitStatus == null) {
                String line;
                try {
                    line = reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                } catch (java.io.IOError e) {
                    // The terminal went away (window closed, ssh dropped: reads fail with EIO): as end of input,
                    // without a stack trace nobody can see.
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> session.interrupt());
                try {
                    Value v = session.evalInteractive(line);
                    session.print(v, json, out);
                } catch (org.graalvm.polyglot.PolyglotException e) {
                    if (e.isHostException() && e.asHostException() instanceof dev.bosun.shell.js.ScriptExit se) {
                        exitStatus = se.status(); // exit(n) leaves the REPL, as in node
                    } else {
                        Failures.report(e, out, false);
                    }
                } catch (RuntimeException e) {
                    Failures.report(e, out, false);
                } finally {
                    terminal.handle(Terminal.Signal.INT, previous);
                }
                if (dryRun && session.host().plan().size() > planShown) {
                    PlanPrinter.print(session.host().plan().since(planShown), true, out);
                    planShown = session.host().plan().size();
                }
                reader.getHistory().save();
            }
            reader.getHistory().save();
            return exitStatus == null ? 0 : exitStatus;
        }
    }

    /** $XDG_STATE_HOME/bosun/history (default ~/.local/state/bosun/history); BOSUN_HISTORY overrides. */
    static Path historyFile() {
        String override = System.getenv("BOSUN_HISTORY");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("bosun").resolve("history");
    }
}
