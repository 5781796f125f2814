package dev.bosun.shell.plugins;

import dev.bosun.api.HostModule;
import dev.bosun.shell.ops.ModuleRegistry;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
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
 * fails to load, start or register is reported in one line and skipped; the shell keeps working.
 */
public final class PluginSet implements AutoCloseable {
    private final ModuleRegistry registry;
    private final PluginManager manager;

    private PluginSet(ModuleRegistry registry, PluginManager manager) {
        this.registry = registry;
        this.manager = manager;
    }

    public static PluginSet load(List<Path> extraDirs, PrintStream err) {
        ModuleRegistry registry = ModuleRegistry.withStdlib();
        List<Path> roots = new ArrayList<>();
        for (Path p : directories(extraDirs)) {
            if (Files.isDirectory(p)) {
                roots.add(p);
            }
        }
        if (roots.isEmpty()) {
            return new PluginSet(registry, null);
        }
        PluginManager pm = new DefaultPluginManager(roots);
        pm.loadPlugins();
        pm.startPlugins();
        for (PluginWrapper w : pm.getPlugins()) {
            if (w.getPluginState() != PluginState.STARTED) {
                err.println("bosun: plugin " + w.getPluginId() + " skipped: " + describe(w));
                continue;
            }
            for (HostModule m : pm.getExtensions(HostModule.class, w.getPluginId())) {
                try {
                    registry.add(m, w.getPluginId());
                } catch (RuntimeException e) {
                    err.println("bosun: plugin " + w.getPluginId() + " skipped module " + m.getClass().getName()
                            + ": " + e.getMessage());
                }
            }
        }
        return new PluginSet(registry, pm);
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

    private static String describe(PluginWrapper w) {
        Throwable t = w.getFailedException();
        if (t != null) {
            return w.getPluginState() + ": " + t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        return "state " + w.getPluginState();
    }

    public ModuleRegistry registry() {
        return registry;
    }

    public PluginManager manager() {
        return manager;
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
