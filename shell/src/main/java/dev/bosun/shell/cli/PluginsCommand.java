package dev.bosun.shell.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bosun.api.BosunException;
import dev.bosun.shell.js.JsonCodec;
import dev.bosun.shell.plugins.InspectedPlugin;
import dev.bosun.shell.ops.Invocation;
import dev.bosun.shell.plugins.PluginInstaller;
import dev.bosun.shell.plugins.PluginSet;
import dev.bosun.shell.plugins.PluginStatus;
import dev.bosun.shell.render.Failures;
import dev.bosun.shell.render.JsonReport;
import dev.bosun.shell.render.PlanPrinter;
import dev.bosun.stdlib.effect.LocalHostContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code bosun plugins list|info|install|remove}: what is loaded from where, and the user plugin directory. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List, inspect, install and remove plugins.",
            "Plugins load from --plugins DIR, $BOSUN_PLUGIN_PATH, the user directory "
                    + "($XDG_DATA_HOME/bosun/plugins) and /usr/lib/bosun/plugins, in that order."},
        subcommands = {PluginsCommand.ListCommand.class, PluginsCommand.InfoCommand.class,
            PluginsCommand.InstallCommand.class, PluginsCommand.RemoveCommand.class})
public final class PluginsCommand implements Runnable {
    @ParentCommand
    BosunCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: list, info, install or remove");
    }

    GlobalOptions global() {
        return parent.global;
    }

    List<Path> roots() {
        return new ArrayList<>(PluginSet.directories(global().pluginDirs));
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every plugin found: id, version, state, modules and where it was found; why a plugin was skipped.")
    static final class ListCommand implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        PluginsCommand plugins;

        @Override
        public Integer call() {
            try (PluginSet set = PluginSet.load(plugins.global().pluginDirs, null)) {
                if (plugins.global().json) {
                    ArrayNode arr = JsonCodec.mapper().createArrayNode();
                    set.statuses().forEach(s -> json(arr.addObject(), s));
                    JsonReport report = new JsonReport();
                    report.result(arr);
                    report.write(System.out);
                    return ExitCodes.OK;
                }
                if (set.statuses().isEmpty()) {
                    System.out.println("no plugins (looked in: " + String.join(", ",
                            plugins.roots().stream().map(Path::toString).toList()) + ")");
                    return ExitCodes.OK;
                }
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"ID", "VERSION", "STATE", "MODULES", "SOURCE"});
                for (PluginStatus s : set.statuses()) {
                    rows.add(new String[] {s.id(), s.version(), s.state().toString(),
                        s.modules().isEmpty() ? "-" : String.join(",", s.modules()), s.source().toString()});
                }
                int[] w = new int[4];
                for (String[] r : rows) {
                    for (int i = 0; i < w.length; i++) {
                        w[i] = Math.max(w[i], r[i].length());
                    }
                }
                for (int i = 0; i < rows.size(); i++) {
                    String[] r = rows.get(i);
                    System.out.println(String.format("%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %-" + w[3] + "s  %s",
                            (Object[]) r).stripTrailing());
                    PluginStatus s = i == 0 ? null : set.statuses().get(i - 1);
                    if (s != null && s.reason() != null) {
                        System.out.println("    " + s.reason());
                    }
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Everything known about one plugin.")
    static final class InfoCommand implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        PluginsCommand plugins;

        @Parameters(paramLabel = "ID", description = "plugin id (see bosun plugins list)")
        String id;

        @Override
        public Integer call() {
            try (PluginSet set = PluginSet.load(plugins.global().pluginDirs, null)) {
                PluginStatus s = set.status(id);
                JsonReport report = new JsonReport();
                if (s == null) {
                    String message = "plugins info: no plugin '" + id + "' (plugins: " + (set.statuses().isEmpty()
                            ? "none" : String.join(", ", set.statuses().stream().map(PluginStatus::id).toList())) + ")";
                    if (plugins.global().json) {
                        report.error(null, null, dev.bosun.api.Check.oneLine(message, BosunException.MESSAGE_LIMIT));
                        report.write(System.out);
                    } else {
                        System.err.println("bosun " + message);
                    }
                    return ExitCodes.FAILURE;
                }
                if (plugins.global().json) {
                    ObjectNode o = JsonCodec.mapper().createObjectNode();
                    json(o, s);
                    report.result(o);
                    report.write(System.out);
                    return ExitCodes.OK;
                }
                System.out.println("id:          " + s.id());
                System.out.println("version:     " + s.version());
                System.out.println("state:       " + s.state() + (s.reason() == null ? "" : ": " + s.reason()));
                System.out.println("requires:    Bosun API " + (s.requires().isEmpty() ? "*" : s.requires())
                        + " (this Bosun: " + Version.bosun() + ")");
                System.out.println("provider:    " + s.provider());
                System.out.println("description: " + s.description());
                System.out.println("source:      " + s.source());
                System.out.println("modules:     " + (s.modules().isEmpty() ? "-" : String.join(", ", s.modules())));
                for (String m : s.modules()) {
                    System.out.println("             (operations: bosun ops " + m + ")");
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Install a plugin zip (or jar) into the user plugin directory.",
                "It is inspected first, never run: a plugin whose files say it would be skipped is not installed. "
                        + "An installed plugin with the same id is replaced. With -n: print the plan only."})
    static final class InstallCommand implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        PluginsCommand plugins;

        @Parameters(paramLabel = "PATH", description = "the plugin .zip (or .jar) a plugin build produced")
        Path path;

        @Override
        public Integer call() {
            return plugins.change("plugins.install", java.util.Map.of("path", path.toString()), (ctx, warn) -> {
                PluginInstaller.Installed r = new PluginInstaller(PluginSet.userDirectory(), plugins.roots())
                        .install(path, ctx);
                InspectedPlugin p = r.plugin();
                if (r.shadowedBy() != null && !ctx.dryRun()) {
                    warn.accept("plugin " + p.id() + " is also found in " + r.shadowedBy()
                            + ", which is loaded first; the installed copy is reported as a duplicate until that one is gone");
                }
                return "installed " + p.id() + " " + p.version() + " (modules: " + String.join(", ", p.modules())
                        + ") as " + r.target() + (r.replaced().isEmpty() ? "" : "; replaced the installed version");
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a plugin from the user plugin directory. With -n: print the plan only.")
    static final class RemoveCommand implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        PluginsCommand plugins;

        @Parameters(paramLabel = "ID", description = "plugin id (see bosun plugins list)")
        String id;

        @Override
        public Integer call() {
            return plugins.change("plugins.remove", java.util.Map.of("id", id), (ctx, warn) -> {
                List<Path> removed = new PluginInstaller(PluginSet.userDirectory(), plugins.roots()).remove(id, ctx);
                return "removed " + id + " (" + String.join(", ", removed.stream().map(Path::toString).toList()) + ")";
            });
        }
    }

    /**
     * Runs a change of the user plugin directory through a host context (planned, atomic) and the one
     * invocation path (audited as {@code op} with {@code args}, refused when the audit cannot be written):
     * under -n prints the plan, otherwise the one-line report the work returns; a failure is one line and exit 1.
     */
    int change(String op, java.util.Map<String, ?> args,
               java.util.function.BiFunction<LocalHostContext, java.util.function.Consumer<String>, String> work) {
        GlobalOptions g = global();
        JsonReport report = new JsonReport();
        java.util.function.Consumer<String> warn = g.warnings(report, System.err);
        List<dev.bosun.api.Change> plan = List.of();
        int status = ExitCodes.OK;
        try (LocalHostContext ctx = g.host(Path.of("/"), op.replace('.', ' '), warn)) {
            try {
                String text = new Invocation(ctx, warn).run(op, true, args, () -> work.apply(ctx, warn));
                if (g.json) {
                    // Under -n the work's line says what would be done; the plan says it, the result is none.
                    report.result(g.dryRun ? null : text);
                } else if (g.dryRun) {
                    PlanPrinter.print(ctx.plan().changes(), true, System.out);
                } else {
                    System.out.println(text);
                }
            } catch (BosunException e) {
                Failures.Failure f = Failures.describe(e, System.err, g.verbose, !g.json);
                report.error(f);
                status = f.status();
            }
            plan = ctx.plan().changes();
        } catch (BosunException e) {
            Failures.Failure f = Failures.describe(e, System.err, g.verbose, !g.json);
            report.error(f);
            status = f.status();
        }
        return g.finish(report, status, plan, System.out);
    }

    private static void json(ObjectNode o, PluginStatus s) {
        o.put("id", s.id());
        o.put("version", s.version());
        o.put("state", s.state().toString());
        ArrayNode mods = o.putArray("modules");
        s.modules().forEach(mods::add);
        o.put("source", s.source().toString());
        o.put("requires", s.requires());
        o.put("provider", s.provider());
        o.put("description", s.description());
        o.put("reason", s.reason());
    }
}
