package dev.bosun.shell.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The manual page {@code bosun.1} in troff (man macros), written from picocli's model of the command line, so
 * options and commands in the page are the ones {@code --help} shows. picocli's own ManPageGenerator
 * (picocli-codegen 4.7.7) writes AsciiDoc, which needs Asciidoctor (Ruby, or JRuby in the build) to become a
 * man page; troff is a small, fixed format. The distribution's build runs {@link #main}; lintian and
 * {@code man --warnings} check the result.
 */
public final class ManPage {
    private ManPage() {
    }

    /** Prints {@code bosun.1} on stdout. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.print(render(Main.commandLine("--help").getCommandSpec()));
        out.flush();
    }

    /** The page for the command line whose root is {@code root}. */
    static String render(CommandSpec root) {
        Troff t = new Troff();
        String name = root.name();
        t.macro(".TH", name.toUpperCase(java.util.Locale.ROOT), "1", "", name + " " + Version.bosun(), "User Commands");
        t.macro(".SH", "NAME");
        t.text(t.escape(name) + " \\- " + t.escape(firstLine(root.usageMessage().description())), true);

        t.macro(".SH", "SYNOPSIS");
        t.synopsis(name, "[OPTIONS] [-e EXPR]");
        t.line(".br");
        t.synopsis(name, "[OPTIONS] COMMAND [ARGS...]");

        t.macro(".SH", "DESCRIPTION");
        for (String d : root.usageMessage().description()) {
            t.paragraph(d);
        }
        t.paragraph("Every change can be planned (--dry-run prints the exact commands and unified diffs and changes "
                + "nothing), pointed at another root (--root DIR), and is audited when applied. Bad input is refused "
                + "before anything runs, with one line that names the operation, the value and the rule.");

        t.macro(".SH", "OPTIONS");
        options(t, root.options());

        t.macro(".SH", "COMMANDS");
        commands(t, root);

        if (!root.usageMessage().exitCodeList().isEmpty()) {
            t.macro(".SH", "EXIT STATUS");
            for (Map.Entry<String, String> e : root.usageMessage().exitCodeList().entrySet()) {
                t.line(".TP");
                t.text("\\fB" + t.escape(e.getKey().strip()) + "\\fR", true);
                t.text(e.getValue(), false);
            }
        }

        t.macro(".SH", "ENVIRONMENT");
        t.item("BOSUN_PLUGIN_PATH", "Directories (separated by :) to load plugins from, after those given with --plugins.");
        t.item("XDG_STATE_HOME", "Base of a non-root user's state database and REPL history (default ~/.local/state).");
        t.item("XDG_DATA_HOME", "Base of the user plugin directory (default ~/.local/share).");
        t.item("BOSUN_HISTORY", "The REPL history file, instead of $XDG_STATE_HOME/bosun/history.");

        t.macro(".SH", "FILES");
        t.item("/var/lib/bosun/bosun.db", "The state database of root: the audit trail and the ID allocations. "
                + "Its directory is 0700 and the database 0600; Bosun refuses a database or directory that "
                + "someone else could have written.");
        t.item("DIR/var/lib/bosun/bosun.db", "The state database under --root DIR.");
        t.item("/usr/lib/bosun/plugins", "Plugins installed for every user; as root, only root-owned plugin "
                + "files that no one else can write are loaded.");

        t.macro(".SH", "SEE ALSO");
        t.text("\\fBpodman\\fR(1), \\fBpodman-systemd.unit\\fR(5), \\fBuseradd\\fR(8), \\fBsubuid\\fR(5)", false);
        return t.toString();
    }

    private static void options(Troff t, List<OptionSpec> options) {
        for (OptionSpec o : options) {
            if (o.hidden()) {
                continue;
            }
            t.line(".TP");
            List<String> names = new ArrayList<>();
            for (String n : o.names()) {
                names.add("\\fB" + t.escapeOption(n) + "\\fR");
            }
            String label = o.arity().max() > 0 ? " \\fI" + t.escape(o.paramLabel()) + "\\fR" : "";
            t.text(String.join(", ", names) + label, true);
            t.text(String.join(" ", o.description()), false);
        }
    }

    /** Each command the user can type, with its own options (the global ones are listed once, above). */
    private static void commands(Troff t, CommandSpec spec) {
        for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (sub.usageMessage().hidden() || !e.getKey().equals(sub.name())) {
                continue;
            }
            List<OptionSpec> own = sub.options().stream().filter(o -> !o.inherited() && !o.hidden()
                    && !o.usageHelp() && !o.versionHelp()).toList();
            StringBuilder usage = new StringBuilder(sub.qualifiedName(" "));
            if (!own.isEmpty()) {
                usage.append(" [OPTIONS]");
            }
            for (PositionalParamSpec p : sub.positionalParameters()) {
                if (p.hidden()) {
                    continue;
                }
                String label = p.paramLabel() + (p.isMultiValue() ? "..." : "");
                usage.append(' ').append(p.arity().min() == 0 ? "[" + label + "]" : label);
            }
            if (!sub.subcommands().isEmpty()) {
                usage.append(" COMMAND");
            }
            t.macro(".SS", usage.toString());
            for (String d : sub.usageMessage().description()) {
                t.paragraph(d);
            }
            List<PositionalParamSpec> params = sub.positionalParameters().stream().filter(p -> !p.hidden()).toList();
            for (PositionalParamSpec p : params) {
                t.line(".TP");
                t.text("\\fI" + t.escape(p.paramLabel()) + "\\fR", true);
                t.text(String.join(" ", p.description()), false);
            }
            options(t, own);
            commands(t, sub);
        }
    }

    private static String firstLine(String[] description) {
        String d = description.length == 0 ? "" : description[0];
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    /** troff output: text escaped so no line starts a request by accident, and no character is one groff lacks. */
    private static final class Troff {
        private final StringBuilder b = new StringBuilder();

        void line(String request) {
            b.append(request).append('\n');
        }

        /** A macro with quoted arguments. */
        void macro(String macro, String... args) {
            b.append(macro);
            for (String a : args) {
                b.append(" \"").append(escape(a).replace("\"", "\\(dq")).append('"');
            }
            b.append('\n');
        }

        void synopsis(String name, String rest) {
            b.append(".B ").append(escape(name)).append('\n').append(escapeOption(rest)).append('\n');
        }

        void paragraph(String text) {
            line(".PP");
            text(text, false);
        }

        void item(String tag, String text) {
            line(".TP");
            text("\\fB" + escape(tag) + "\\fR", true);
            text(text, false);
        }

        /** Text lines; {@code raw} text already holds troff escapes (fonts) and is not escaped again. */
        void text(String text, boolean raw) {
            String t = text.replace("%n", "\n").replace("%%", "%");
            for (String l : t.split("\n")) {
                String s = raw ? l : escape(l.strip());
                if (s.startsWith(".") || s.startsWith("'")) {
                    s = "\\&" + s;
                }
                if (!s.isEmpty()) {
                    b.append(s).append('\n');
                }
            }
        }

        /** Backslashes, and characters outside ASCII as groff's Unicode escapes. */
        String escape(String s) {
            StringBuilder e = new StringBuilder();
            s.codePoints().forEach(c -> {
                if (c == '\\') {
                    e.append("\\e");
                } else if (c > 126) {
                    e.append(String.format("\\[u%04X]", c));
                } else {
                    e.append((char) c);
                }
            });
            return e.toString();
        }

        /** Option names and synopses: hyphens are minus signs, which a user types. */
        String escapeOption(String s) {
            return escape(s).replace("-", "\\-");
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }
}
