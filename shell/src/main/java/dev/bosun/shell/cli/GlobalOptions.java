package dev.bosun.shell.cli;

import dev.bosun.api.Change;
import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.shell.render.ColorMode;
import dev.bosun.shell.render.JsonReport;
import dev.bosun.shell.render.Palette;
import dev.bosun.shell.plugins.PluginSet;
import dev.bosun.stdlib.effect.LocalHostContext;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Options every bosun command takes, before or after the subcommand. */
public final class GlobalOptions {
    @Option(names = "--root", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Work on the system under DIR instead of / (files, shadow-utils --prefix, state DB).")
    Path root;

    @Option(names = {"-n", "--dry-run"}, scope = ScopeType.INHERIT,
            description = "Plan only: print the changes (with diffs) and change nothing.")
    boolean dryRun;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print one JSON document on stdout: ok, result, plan, warnings, error (docs/json.md).")
    boolean json;

    @Option(names = "--detailed-exitcode", scope = ScopeType.INHERIT,
            description = "With --dry-run: exit 0 when the plan has no changes (notes do not count), 3 when it has.")
    boolean detailedExitcode;

    @Option(names = "--state", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "State database (default: /var/lib/bosun/bosun.db for root, "
                    + "$XDG_STATE_HOME/bosun/bosun.db otherwise, DIR/var/lib/bosun/bosun.db under --root).")
    Path state;

    @Option(names = "--no-audit", scope = ScopeType.INHERIT,
            description = "Record no audit rows: mutating operations run even when the audit trail cannot be "
                    + "written (said on stderr and in the plan). Without it, no audit means no change.")
    boolean noAudit;

    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Also load plugins from DIR (repeatable).")
    List<Path> pluginDirs = new ArrayList<>();

    @Option(names = "--no-plugins", scope = ScopeType.INHERIT,
            description = "Load no plugins, only the built-in modules (for a misbehaving plugin, or reproducible output).")
    boolean noPlugins;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show each change as it happens and stack traces of internal errors.")
    boolean verbose;

    @Option(names = "--color", paramLabel = "WHEN", scope = ScopeType.INHERIT, converter = ColorOption.class,
            description = "Colour status words, errors and plans: auto (default: on a terminal, that is the REPL, "
                    + "or -e and run with stdin and stdout a terminal; not when NO_COLOR is set), always (errors on "
                    + "stderr too), never. --json output is never coloured.")
    ColorMode color = ColorMode.AUTO;

    @Option(names = "--jit", scope = ScopeType.INHERIT,
            description = "Use the optimizing JS compiler (the launcher sets up the JVM; pays off for long scripts).")
    boolean jit;

    /**
     * The host context of a command on {@code root} (null: /): the state database of --state, dry-run, and
     * --no-audit, which is said here, once, on err.
     */
    LocalHostContext host(Path root, String source, Consumer<String> warn) {
        if (detailedExitcode && !dryRun) {
            throw new UsageException("--detailed-exitcode needs --dry-run (-n): it tells whether the plan has changes");
        }
        LocalHostContext host = LocalHostContext.open(root, dryRun, state, source);
        if (noAudit) {
            host.withoutAudit();
            warn.accept("--no-audit: the changes of this run are not recorded in the audit trail");
        }
        return host;
    }

    /** Where warnings go: into the document under --json, else a "bosun: warning:" line on {@code err}. */
    Consumer<String> warnings(JsonReport report, PrintStream err) {
        return json ? report::warn : w -> err.println("bosun: warning: " + w);
    }

    /**
     * Ends a command that prints no JS results: under --json writes the document (with this plan) on
     * {@code out}, and returns the exit status ({@link #exitStatus}).
     */
    int finish(JsonReport report, int status, List<Change> plan, PrintStream out) {
        if (json) {
            report.plan(plan);
            report.write(out);
        }
        return exitStatus(status, plan);
    }

    /**
     * The exit status of a command that ended with {@code status} and this plan: under --detailed-exitcode a
     * successful dry-run whose plan has a change (a note is not one) exits {@link ExitCodes#CHANGES}.
     */
    int exitStatus(int status, List<Change> plan) {
        boolean changes = plan.stream().anyMatch(c -> c.kind() != Change.Kind.NOTE);
        return status == ExitCodes.OK && detailedExitcode && dryRun && changes ? ExitCodes.CHANGES : status;
    }

    /** The colours of output to a terminal ({@code terminal}) or elsewhere; none under --json. */
    Palette palette(boolean terminal) {
        return json ? Palette.NONE : color.palette(terminal);
    }

    /** {@code --color} takes the lower-case words auto, always and never. */
    static final class ColorOption implements picocli.CommandLine.ITypeConverter<ColorMode> {
        @Override
        public ColorMode convert(String value) {
            for (ColorMode m : ColorMode.values()) {
                if (m.name().equalsIgnoreCase(value)) {
                    return m;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("--color takes auto, always or never, not '"
                    + dev.bosun.api.Check.oneLine(value, 40) + "'");
        }
    }

    /** The built-in modules plus, unless --no-plugins, the plugins; skipped plugins are reported on err. */
    PluginSet modules(PrintStream err) {
        return noPlugins ? PluginSet.loadFrom(List.of(), ModuleRegistry.withStdlib()) : PluginSet.load(pluginDirs, err);
    }
}
