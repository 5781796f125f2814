package dev.bosun.shell.repl;

import dev.bosun.shell.cli.Version;
import dev.bosun.shell.js.Session;
import dev.bosun.shell.ops.ModuleInfo;
import dev.bosun.shell.render.Failures;
import dev.bosun.shell.render.Palette;
import dev.bosun.shell.render.PlanPrinter;
import dev.bosun.shell.render.ValueRenderer;
import org.graalvm.polyglot.Value;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The interactive shell: JLine line editing with completion, highlighting, multi-line input and
 * persistent history; Ctrl-C stops a running evaluation (or clears the line), Ctrl-D exits. Results are laid
 * out for the terminal's width, and what one input prints is paged when it is taller than the screen.
 */
public final class Repl {
    /** An evaluation that runs longer than this shows its output as it comes, unpaged. */
    private static final long HOLD_MILLIS = 1000;

    private final Terminal terminal;
    private final ScreenOutput screen;
    private final Session session;
    private final boolean json;
    private final boolean dryRun;
    private final Palette palette;
    private final Path history;

    /**
     * @param terminal the terminal the session's output already goes to: everything (results, console.log,
     *                 help, errors) must pass through it, or JLine's redraws overwrite it
     * @param screen   the stream the session's output goes to on its way to the terminal
     * @param palette  the colours of results, plans and errors ({@link Palette#NONE}: none)
     */
    public Repl(Terminal terminal, ScreenOutput screen, Session session, boolean json, boolean dryRun, Palette palette) {
        this(terminal, screen, session, json, dryRun, palette, historyFile());
    }

    /** With the history in {@code history} instead of the user's history file (tests). */
    Repl(Terminal terminal, Session session, boolean json, boolean dryRun, Path history) {
        this(terminal, new ScreenOutput(terminal.output()), session, json, dryRun, Palette.NONE, history);
    }

    private Repl(Terminal terminal, ScreenOutput screen, Session session, boolean json, boolean dryRun,
                 Palette palette, Path history) {
        this.terminal = terminal;
        this.screen = screen;
        this.session = session;
        this.json = json;
        this.dryRun = dryRun;
        this.palette = palette;
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
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            Pager pager = new Pager(terminal, System.getenv());
            PlanGlobal plan = new PlanGlobal(session.host(), out, palette, session.context().eval("js", "undefined"));
            session.context().eval("js", "(p) => Object.defineProperty(globalThis, 'plan', { __proto__: null, "
                    + "value: p, writable: false, configurable: false, enumerable: true })").execute(plan);
            out.println("Bosun " + Version.bosun() + (dryRun ? " (dry-run: nothing will change; plan() shows the "
                    + "plan, plan.reset() starts it afresh)" : "") + " — help() lists modules, Tab completes, Ctrl-D exits.");
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
                screen.hold();
                Thread release = Thread.ofVirtual().start(() -> letThroughAfter(HOLD_MILLIS));
                try {
                    Value v = session.evalInteractive(line);
                    if (json) {
                        session.print(v, true, out);
                    } else {
                        String text = ValueRenderer.render(v, terminal.getWidth(), palette);
                        if (text != null) {
                            out.println(text);
                        }
                    }
                } catch (org.graalvm.polyglot.PolyglotException e) {
                    if (e.isHostException() && e.asHostException() instanceof dev.bosun.shell.js.ScriptExit se) {
                        exitStatus = se.status(); // exit(n) leaves the REPL, as in node
                    } else {
                        report(e, out);
                    }
                } catch (RuntimeException e) {
                    report(e, out);
                } finally {
                    release.interrupt();
                    terminal.handle(Terminal.Signal.INT, previous);
                }
                if (dryRun && session.host().plan().size() > planShown) {
                    PlanPrinter.print(session.host().plan().since(planShown), true, out, palette);
                    planShown = session.host().plan().size();
                }
                pager.show(screen.take(), screen);
                reader.getHistory().save();
            }
            reader.getHistory().save();
            return exitStatus == null ? 0 : exitStatus;
        }
    }

    /** Lets held output through once an evaluation has run for {@code millis}: a long one shows progress. */
    private void letThroughAfter(long millis) {
        try {
            Thread.sleep(millis);
            screen.letThrough();
        } catch (InterruptedException | IOException e) {
            // The evaluation ended first (or the terminal went away): the REPL shows what was held.
        }
    }

    /** A failure's one line (and -v's trace), in the error colour. */
    private void report(Throwable t, PrintStream out) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        Failures.report(t, new PrintStream(lines, true, StandardCharsets.UTF_8), false);
        for (String line : lines.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                out.println(palette.error(line));
            }
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
