package dev.bosun.shell.plugins;

import dev.bosun.api.HostModule;
import dev.bosun.shell.ops.ModuleInfo;
import dev.bosun.shell.ops.ModuleRegistry;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stdlib modules plus the modules of every plugin found in the plugin directories. A plugin that
 * cannot be loaded, needs a newer Bosun API, carries host classes, fails in a constructor, has no
 * modules or declares a module name already taken is reported in one line and skipped as a whole;
 * the shell keeps working with everything else.
 */
public final class PluginSet implements AutoCloseable {
    private final ModuleRegistry registry;
    private final BosunPluginManager manager;
    private final List<PluginStatus> statuses;

    private PluginSet(ModuleRegistry registry, BosunPluginManager manager, List<PluginStatus> statuses) {
        this.registry = registry;
        this.manager = manager;
        this.statuses = List.copyOf(statuses);
    }

    /** Loads the plugins of the default directories plus {@code extraDirs}; skipped ones are reported on err. */
    public static PluginSet load(List<Path> extraDirs, PrintStream err) {
        PluginSet set = loadFrom(new ArrayList<>(directories(extraDirs)), ModuleRegistry.withStdlib());
        if (err != null) {
            for (PluginStatus s : set.statuses) {
                if (s.state() == PluginStatus.State.SKIPPED) {
                    err.println("bosun: plugin " + s.id() + " skipped: " + s.reason());
                }
            }
        }
        return set;
    }

    /** Loads the plugins found in the given plugin roots (missing ones are ignored) on top of {@code registry}. */
    public static PluginSet loadFrom(List<Path> roots, ModuleRegistry registry) {
        List<Path> existing = roots.stream().filter(Files::isDirectory).toList();
        if (existing.isEmpty()) {
            return new PluginSet(registry, null, List.of());
        }
        BosunPluginManager pm = new BosunPluginManager(existing, StrictModes.enforced());
        pm.loadPlugins();
        pm.startPlugins();
        List<PluginStatus> statuses = new ArrayList<>();
        for (PluginProblem p : pm.problems()) {
            statuses.add(new PluginStatus(p.label(), "", PluginStatus.State.SKIPPED, List.of(), p.path(), "", "", "",
                    p.reason()));
        }
        for (PluginWrapper w : pm.getPlugins()) {
            statuses.add(register(pm, w, registry));
        }
        return new PluginSet(registry, pm, statuses);
    }

    /** Registers the modules of one plugin, all or none, and says how it went. */
    private static PluginStatus register(BosunPluginManager pm, PluginWrapper w, ModuleRegistry registry) {
        PluginDescriptor d = w.getDescriptor();
        if (w.getPluginState() == PluginState.DISABLED && !pm.getVersionManager()
                .checkVersionConstraint(pm.getSystemVersion(), requires(pm, d))) {
            return status(w, PluginStatus.State.SKIPPED, List.of(), "requires Bosun API " + d.getRequires()
                    + ", this Bosun provides " + pm.getSystemVersion());
        }
        if (w.getPluginState() == PluginState.DISABLED) {
            return status(w, PluginStatus.State.DISABLED, List.of(), "disabled in " + w.getPluginPath().getParent()
                    + " (enabled.txt/disabled.txt)");
        }
        if (w.getPluginState() != PluginState.STARTED) {
            Throwable t = w.getFailedException();
            return status(w, PluginStatus.State.SKIPPED, List.of(), t != null ? PluginStatus.describe(t)
                    : "did not start (state " + w.getPluginState() + ")");
        }
        String reason;
        try {
            List<HostModule> modules = new ArrayList<>();
            for (Class<? extends HostModule> cls : pm.getExtensionClasses(HostModule.class, w.getPluginId())) {
                modules.add(create(pm, cls));
            }
            if (modules.isEmpty()) {
                reason = PluginInspector.NO_MODULES;
            } else {
                List<String> names = registry.addAll(modules, w.getPluginId()).stream().map(ModuleInfo::name).toList();
                return status(w, PluginStatus.State.LOADED, names, null);
            }
        } catch (RuntimeException | LinkageError e) {
            reason = PluginStatus.describe(e);
        }
        // A plugin is used whole or not at all: stop it so nothing of it stays reachable.
        try {
            pm.stopPlugin(w.getPluginId());
        } catch (RuntimeException e) {
            // Stopping is tidying up; the plugin is already out of the registry.
        }
        return status(w, PluginStatus.State.SKIPPED, List.of(), reason);
    }

    private static HostModule create(BosunPluginManager pm, Class<? extends HostModule> cls) {
        try {
            return pm.getExtensionFactory().create(cls);
        } catch (RuntimeException | LinkageError e) {
            throw new dev.bosun.api.BosunException("module class " + cls.getName() + " failed in its constructor: "
                    + PluginStatus.describe(e), e);
        }
    }

    private static String requires(BosunPluginManager pm, PluginDescriptor d) {
        // PF4J reads a bare version as ">= version" unless exact versions are allowed; say the same.
        return pm.isExactVersionAllowed() ? d.getRequires().trim() : PluginInspector.effectiveRequires(d.getRequires());
    }

    private static PluginStatus status(PluginWrapper w, PluginStatus.State state, List<String> modules, String reason) {
        PluginDescriptor d = w.getDescriptor();
        return new PluginStatus(w.getPluginId(), nz(d.getVersion()), state, modules, w.getPluginPath(),
                nz(d.getRequires()), nz(d.getProvider()), nz(d.getPluginDescription()), reason);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** --plugins directories, then $BOSUN_PLUGIN_PATH, the user's and the system-wide plugin directory. */
    public static Set<Path> directories(List<Path> extraDirs) {
        Set<Path> dirs = new LinkedHashSet<>(extraDirs);
        String path = System.getenv("BOSUN_PLUGIN_PATH");
        if (path != null && !path.isBlank()) {
            for (String p : path.split(":")) {
                if (!p.isBlank()) {
                    dirs.add(Path.of(p));
                }
            }
        }
        dirs.add(userDirectory());
        dirs.add(Path.of("/usr/lib/bosun/plugins"));
        return dirs;
    }

    /** $XDG_DATA_HOME/bosun/plugins (default ~/.local/share/bosun/plugins). */
    public static Path userDirectory() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("bosun").resolve("plugins");
    }

    public ModuleRegistry registry() {
        return registry;
    }

    /** Every plugin found, loaded or not, in the order found (unloadable paths first). */
    public List<PluginStatus> statuses() {
        return statuses;
    }

    /** The plugin with this id, or null. */
    public PluginStatus status(String id) {
        return statuses.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    @Override
    public void close() {
        if (manager == null) {
            return;
        }
        // PF4J 3.15.0 stopPlugins() throws ConcurrentModificationException (pf4j#656): stop one by one.
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        Collections.reverse(started);
        for (PluginWrapper w : started) {
            manager.stopPlugin(w.getPluginId());
        }
        manager.unloadPlugins();
    }
}
