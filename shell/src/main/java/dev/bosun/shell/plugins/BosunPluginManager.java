package dev.bosun.shell.plugins;

import dev.bosun.shell.cli.Version;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRepository;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PF4J's default manager with what Bosun needs on top: plugins are found by {@link TrustedPluginRepository}
 * (StrictModes as root), the system version is the Bosun API version
 * (so {@code Plugin-Requires} is checked), every plugin path is loaded on its own and a failure is
 * kept as a {@link PluginProblem} instead of only being logged, plugins carrying host classes are
 * refused before their class loader exists, and a plugin class whose constructor throws fails with
 * that exception instead of a later NullPointerException.
 */
final class BosunPluginManager extends DefaultPluginManager {
    private final List<PluginProblem> problems = new ArrayList<>();
    private final TrustedPluginRepository trusted;

    /**
     * @param roots  plugin roots in search order
     * @param strict true to load only what {@link StrictModes} trusts (Bosun runs as root)
     */
    BosunPluginManager(List<Path> roots, boolean strict) {
        super(roots);
        this.trusted = new TrustedPluginRepository(roots, strict);
        setSystemVersion(Version.bosun());
    }

    /**
     * PF4J's own repositories list and unpack whatever is in the roots; Bosun lists through
     * {@link TrustedPluginRepository} instead, so PF4J gets one that finds nothing by itself.
     * (Called from PF4J's constructor, before this class's fields exist.)
     */
    @Override
    protected PluginRepository createPluginRepository() {
        return new PluginRepository() {
            @Override
            public List<Path> getPluginPaths() {
                return List.of();
            }

            @Override
            public boolean deletePluginPath(Path pluginPath) {
                return false;
            }
        };
    }

    /**
     * PF4J reads {@code enabled.txt}/{@code disabled.txt} from the first plugin root. Under StrictModes a root
     * nobody trusts must not decide which trusted plugins run either: then no plugin is disabled by file.
     * (Called from PF4J's constructor; it needs only the roots, which are set by then.)
     */
    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        Path first = pluginsRoots.isEmpty() ? null : pluginsRoots.getFirst();
        if (first != null && StrictModes.enforced() && StrictModes.reasonAgainst(first, false) != null) {
            return new PluginStatusProvider() {
                @Override
                public boolean isPluginDisabled(String pluginId) {
                    return false;
                }

                @Override
                public void disablePlugin(String pluginId) {
                    throw new UnsupportedOperationException("plugins are not disabled through an untrusted root");
                }

                @Override
                public void enablePlugin(String pluginId) {
                    throw new UnsupportedOperationException("plugins are not enabled through an untrusted root");
                }
            };
        }
        return super.createPluginStatusProvider();
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        // Development mode would read plugins from ../plugins source trees; Bosun loads built plugins only.
        return RuntimeMode.DEPLOYMENT;
    }

    /** Paths that could not be loaded, in the order found. */
    List<PluginProblem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void loadPlugins() {
        List<Path> paths;
        try {
            paths = trusted.getPluginPaths();
            problems.addAll(trusted.problems());
        } catch (RuntimeException e) {
            problems.add(new PluginProblem(pluginsRoots.isEmpty() ? Path.of(".") : pluginsRoots.getFirst(),
                    "cannot list plugins: " + PluginStatus.describe(e)));
            return;
        }
        for (Path path : paths) {
            loadReporting(path);
        }
        try {
            resolvePlugins();
        } catch (RuntimeException e) {
            problems.add(new PluginProblem(pluginsRoots.getFirst(), "cannot resolve plugin dependencies: "
                    + PluginStatus.describe(e)));
        }
    }

    /** Loads one plugin; PF4J's own loadPlugins logs and drops failures, and lets non-PF4J exceptions escape. */
    String loadReporting(Path path) {
        try {
            PluginWrapper w = loadPluginFromPath(path);
            return w == null ? null : w.getPluginId();
        } catch (RuntimeException | LinkageError e) {
            problems.add(new PluginProblem(path, PluginStatus.describe(e)));
            return null;
        }
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        String bundled;
        try {
            bundled = BundledClasses.check(pluginPath);
        } catch (IOException e) {
            throw new PluginRuntimeException(e, "cannot read " + pluginPath + ": " + e.getMessage());
        }
        if (bundled != null) {
            throw new PluginRuntimeException(bundled);
        }
        return super.loadPluginFromPath(pluginPath);
    }

    /**
     * PF4J only checks that id and version are present; an id that is not a plain name, and a version and a
     * requires it cannot compare, are broken too.
     */
    @Override
    protected void validatePluginDescriptor(PluginDescriptor descriptor) {
        super.validatePluginDescriptor(descriptor);
        try {
            // An id ends up in file names, messages and terminals: the same rule as for installing.
            PluginId.check(descriptor.getPluginId(), "descriptor");
        } catch (dev.bosun.api.InvalidValueException e) {
            throw new PluginRuntimeException(e.getMessage());
        }
        try {
            getVersionManager().compareVersions(descriptor.getVersion(), "0.0.0");
        } catch (RuntimeException e) {
            throw new PluginRuntimeException("plugin " + descriptor.getPluginId() + ": version '"
                    + descriptor.getVersion() + "' is not a semantic version (MAJOR.MINOR.PATCH)");
        }
        String requires = descriptor.getRequires();
        try {
            getVersionManager().checkVersionConstraint(getSystemVersion(), requires.trim());
        } catch (RuntimeException e) {
            throw new PluginRuntimeException("plugin " + descriptor.getPluginId() + ": requires '" + requires
                    + "' is not a version constraint (e.g. >=0.1.0)");
        }
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new DefaultPluginFactory() {
            @Override
            protected Plugin createInstance(Class<?> pluginClass, PluginWrapper pluginWrapper) {
                try {
                    return (Plugin) pluginClass.getConstructor().newInstance();
                } catch (InvocationTargetException e) {
                    throw new PluginRuntimeException(e.getCause(), "plugin class " + pluginClass.getName()
                            + " failed in its constructor: " + PluginStatus.describe(e.getCause()));
                } catch (ReflectiveOperationException | ClassCastException e) {
                    throw new PluginRuntimeException(e, "cannot create plugin class " + pluginClass.getName()
                            + ": " + PluginStatus.describe(e));
                }
            }
        };
    }
}
