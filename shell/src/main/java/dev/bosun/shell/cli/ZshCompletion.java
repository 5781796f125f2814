package dev.bosun.shell.cli;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A native zsh completion function ({@code #compdef bosun}, for a directory of {@code $fpath}) written from
 * picocli's model of the command line. picocli 4.7.7 only writes bash scripts, which zsh runs through
 * {@code bashcompinit} without the descriptions zsh shows beside each option and command; this writes
 * {@code _arguments} specs instead, one function per command, so every option, command and positional
 * parameter comes with its description, and paths complete as files (directories for {@code DIR}).
 */
final class ZshCompletion {
    private ZshCompletion() {
    }

    /** The whole {@code _bosun} file for the command line whose root is {@code root}. */
    static String script(CommandSpec root) {
        StringBuilder b = new StringBuilder();
        b.append("#compdef ").append(root.name()).append('\n');
        b.append("# zsh completion for ").append(root.name())
                .append(", written from its command-line model (bosun completion zsh).\n");
        function(b, root, "_" + root.name());
        b.append("\n_").append(root.name()).append(" \"$@\"\n");
        return b.toString();
    }

    private static void function(StringBuilder b, CommandSpec spec, String name) {
        Map<String, picocli.CommandLine> subs = visibleSubcommands(spec);
        List<String> specs = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                specs.addAll(optionSpecs(o));
            }
        }
        if (subs.isEmpty()) {
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) {
                    specs.add(positionalSpec(p));
                }
            }
        } else {
            specs.add("'1: :->command'");
            specs.add("'*:: :->argument'");
        }
        b.append('\n').append(name).append("() {\n");
        if (subs.isEmpty()) {
            b.append("  _arguments -s -S");
            appendSpecs(b, specs);
            b.append("\n}\n");
            return;
        }
        b.append("  local curcontext=\"$curcontext\" state line ret=1\n");
        b.append("  typeset -A opt_args\n");
        b.append("  _arguments -C -s -S");
        appendSpecs(b, specs);
        b.append(" && ret=0\n");
        b.append("  case $state in\n");
        b.append("    command)\n");
        b.append("      local -a commands\n");
        b.append("      commands=(\n");
        for (Map.Entry<String, picocli.CommandLine> e : subs.entrySet()) {
            b.append("        ").append(quote(e.getKey().replace(":", "\\:") + ":"
                    + summary(e.getValue().getCommandSpec()))).append('\n');
        }
        b.append("      )\n");
        b.append("      _describe -t commands 'command' commands && ret=0\n");
        b.append("      ;;\n");
        b.append("    argument)\n");
        b.append("      curcontext=\"${curcontext%:*:*}:").append(spec.name()).append("-$line[1]:\"\n");
        b.append("      case $line[1] in\n");
        for (String sub : subs.keySet()) {
            b.append("        ").append(sub).append(") ").append(name).append('_').append(functionPart(sub))
                    .append(" && ret=0 ;;\n");
        }
        b.append("      esac\n");
        b.append("      ;;\n");
        b.append("  esac\n");
        b.append("  return ret\n");
        b.append("}\n");
        for (Map.Entry<String, picocli.CommandLine> e : subs.entrySet()) {
            function(b, e.getValue().getCommandSpec(), name + "_" + functionPart(e.getKey()));
        }
    }

    private static void appendSpecs(StringBuilder b, List<String> specs) {
        for (String s : specs) {
            b.append(" \\\n    ").append(s);
        }
    }

    /** Subcommands a user may type: hidden ones and aliases stay out of the list. */
    private static Map<String, picocli.CommandLine> visibleSubcommands(CommandSpec spec) {
        Map<String, picocli.CommandLine> subs = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, picocli.CommandLine> e : spec.subcommands().entrySet()) {
            CommandSpec s = e.getValue().getCommandSpec();
            if (!s.usageMessage().hidden() && e.getKey().equals(s.name())) {
                subs.put(e.getKey(), e.getValue());
            }
        }
        return subs;
    }

    /**
     * The _arguments specs of one option: one per name, so that {@code --root=DIR} and {@code --root DIR}
     * both complete; names of one option exclude each other unless the option can be repeated.
     */
    private static List<String> optionSpecs(OptionSpec o) {
        boolean repeatable = o.isMultiValue();
        String exclusion = repeatable ? "*" : "(" + String.join(" ", o.names()) + ")";
        List<String> specs = new ArrayList<>();
        boolean takesValue = o.arity().max() > 0;
        for (String n : o.names()) {
            String form = n;
            if (takesValue) {
                form = n.startsWith("--") ? n + "=" : n + "+";
            }
            String s = exclusion + form + "[" + bracketed(description(o)) + "]";
            if (takesValue) {
                s += ":" + colonFree(o.paramLabel()) + ":" + action(o);
            }
            specs.add(quote(s));
        }
        return specs;
    }

    private static String positionalSpec(PositionalParamSpec p) {
        boolean rest = p.arity().max() > 1 || p.index().max() == Integer.MAX_VALUE || p.isMultiValue();
        String position = rest ? "*" : String.valueOf(p.index().min() + 1);
        String optional = !rest && p.arity().min() == 0 ? ":" : "";
        return quote(position + ":" + optional + colonFree(p.paramLabel()) + ":" + action(p));
    }

    /** How a value completes: the candidates the model lists, files for paths (directories for DIR), else nothing. */
    private static String action(ArgSpec a) {
        Iterable<String> candidates = a.completionCandidates();
        if (candidates != null) {
            List<String> words = new ArrayList<>();
            candidates.forEach(c -> words.add(c.replaceAll("([\\\\ ()'\"])", "\\\\$1")));
            if (!words.isEmpty()) {
                return "(" + String.join(" ", words) + ")";
            }
        }
        Class<?> type = a.type();
        if (Collection.class.isAssignableFrom(type) && a.auxiliaryTypes().length > 0) {
            type = a.auxiliaryTypes()[0];
        }
        if (Path.class.isAssignableFrom(type) || java.io.File.class.isAssignableFrom(type)
                || a.paramLabel().toUpperCase(Locale.ROOT).matches("<?(FILE|PATH|OUTDIR|DIR)>?")) {
            return a.paramLabel().toUpperCase(Locale.ROOT).contains("DIR") ? "_files -/" : "_files";
        }
        return " ";
    }

    private static String description(OptionSpec o) {
        String[] d = o.description();
        return d.length == 0 ? "" : firstSentence(d[0]);
    }

    /** The first line of a command's description: what zsh shows beside its name. */
    private static String summary(CommandSpec s) {
        String[] d = s.usageMessage().description();
        return d.length == 0 ? "" : firstSentence(d[0]);
    }

    /** Up to the first ". " (descriptions go on with details a menu has no room for), without picocli's %n. */
    private static String firstSentence(String text) {
        String t = text.replace("%n", " ").replace("%%", "%").strip();
        int dot = t.indexOf(". ");
        if (dot > 0) {
            t = t.substring(0, dot);
        }
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** Inside an _arguments description, brackets end it and a backslash escapes. */
    private static String bracketed(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:");
    }

    private static String colonFree(String text) {
        return text.replace(":", "\\:");
    }

    /** A zsh function name part for a command name ({@code scratch-root} becomes {@code scratch_root}). */
    private static String functionPart(String command) {
        return command.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** Single-quoted for zsh: a quote inside becomes '\''. */
    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
