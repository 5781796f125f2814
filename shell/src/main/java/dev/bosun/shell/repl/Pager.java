package dev.bosun.shell.repl;

import dev.bosun.shell.render.Palette;
import org.jline.builtins.Less;
import org.jline.builtins.Source;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Output taller than the screen, in a pager: the user's {@code $PAGER} when set (run by {@code sh -c}, as git
 * runs it, with {@code LESS=FRX} unless LESS is set, so that less shows colours and leaves short text on the
 * screen), else JLine's less. Only the interactive REPL pages; scripts, pipes and {@code -e} never do.
 */
final class Pager {
    private final Terminal terminal;
    private final Map<String, String> env;

    Pager(Terminal terminal, Map<String, String> env) {
        this.terminal = terminal;
        this.env = env;
    }

    /** Whether the text takes more lines than the screen has, once the terminal wraps its long lines. */
    static boolean tallerThan(String text, int columns, int rows) {
        if (rows <= 0 || columns <= 0) {
            return false; // a terminal that does not say its size (dumb) is never paged
        }
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            int w = AttributedString.fromAnsi(line).columnLength();
            lines += Math.max(1, (w + columns - 1) / columns);
            if (lines >= rows) {
                return true; // the prompt needs the last row
            }
        }
        return false;
    }

    /** Shows the text: written as it is when it fits the screen, else paged. */
    void show(String text, OutputStream screen) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        if (!tallerThan(text, terminal.getWidth(), terminal.getHeight())) {
            screen.write(text.getBytes(StandardCharsets.UTF_8));
            screen.flush();
            return;
        }
        String pager = env.get("PAGER");
        try {
            if (pager != null && !pager.isBlank()) {
                external(pager, text);
            } else {
                Less less = new Less(terminal, Path.of("."));
                less.quitIfOneScreen = true;
                less.noInit = true; // like less -X: what was read stays on the screen after q
                less.run(new Source.InputStreamSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        true, "output"));
                // less leaves its prompt on the last line: clear it for the REPL's prompt.
                terminal.puts(org.jline.utils.InfoCmp.Capability.carriage_return);
                terminal.puts(org.jline.utils.InfoCmp.Capability.clr_eol);
                terminal.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void external(String pager, String text) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", pager)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (!env.containsKey("LESS")) {
            pb.environment().put("LESS", "FRX");
        }
        terminal.pause(true); // JLine must not read the keys meant for the pager
        try {
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The pager quit before reading everything (q on the first page): nothing more to show.
            }
            p.waitFor();
        } finally {
            terminal.resume();
        }
    }

}
