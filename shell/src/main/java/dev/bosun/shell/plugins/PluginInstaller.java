package dev.bosun.shell.plugins;

import dev.bosun.api.BosunException;
import dev.bosun.api.HostContext;
import dev.bosun.api.WriteOptions;
import dev.bosun.shell.ops.ModuleInfo;
import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.stdlib.effect.LocalHostContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Installs plugin files into the user plugin directory and removes them. A plugin is installed only
 * after it loaded cleanly in a throw-away plugin manager of its own and its module names are free, so
 * a broken plugin never reaches the directory the shell loads from. Files are written through the
 * effect layer (atomic writes, planned under --dry-run) like every other change Bosun makes.
 */
public final class PluginInstaller {
    private final Path userDir;
    private final List<Path> pluginDirs;

    /**
     * @param userDir    where plugins are installed
     * @param pluginDirs every plugin root the shell loads from (for name clashes and shadowing)
     */
    public PluginInstaller(Path userDir, List<Path> pluginDirs) {
        this.userDir = userDir.toAbsolutePath().normalize();
        this.pluginDirs = List.copyOf(pluginDirs);
    }

    /** What {@link #install} did. */
    public record Installed(PluginStatus plugin, Path target, List<Path> replaced, String shadowedBy) {
    }

    /** Validates the plugin zip or jar at {@code file}, then copies it to the user directory as {@code <id>.zip|jar}. */
    public Installed install(Path file, HostContext ctx) {
        Path source = file.toAbsolutePath().normalize();
        String ext = extension(source);
        if (!Files.isRegularFile(source) || ext == null) {
            throw new BosunException(file + ": not a plugin file; give the .zip (or .jar) a plugin build produced");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(source);
        } catch (IOException e) {
            throw new BosunException("cannot read " + file + ": " + e.getMessage(), e);
        }
        PluginStatus candidate = validate(source.getFileName().toString(), bytes);
        List<Path> replaced = new ArrayList<>();
        String shadowedBy = null;
        try (PluginSet current = PluginSet.loadFrom(pluginDirs, ModuleRegistry.withStdlib())) {
            for (ModuleInfo m : current.registry().modules()) {
                if (candidate.modules().contains(m.name()) && !m.origin().equals(candidate.id())) {
                    throw new BosunException("plugin " + candidate.id() + " not installed: module name '" + m.name()
                            + "' is already taken by " + m.origin());
                }
            }
            PluginStatus old = current.status(candidate.id());
            if (old != null && old.source().toAbsolutePath().normalize().startsWith(userDir)) {
                replaced.addAll(filesOf(old.source()));
            } else if (old != null) {
                shadowedBy = old.source().toString();
            }
        }
        for (Path p : replaced) {
            ctx.fs().deleteTree(p.toString());
        }
        Path target = userDir.resolve(candidate.id() + ext);
        ctx.fs().mkdirs(userDir.toString(), 0755, null, null);
        ctx.fs().write(target.toString(), bytes, WriteOptions.mode(0644));
        return new Installed(candidate, target, replaced, shadowedBy);
    }

    /** Removes the plugin with this id from the user directory; returns the paths removed. */
    public List<Path> remove(String id, HostContext ctx) {
        PluginStatus s;
        List<String> known;
        try (PluginSet current = PluginSet.loadFrom(pluginDirs, ModuleRegistry.withStdlib())) {
            s = current.status(id);
            known = current.statuses().stream().map(PluginStatus::id).toList();
        }
        if (s == null) {
            throw new BosunException("no plugin '" + id + "' (plugins: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        }
        if (!s.source().toAbsolutePath().normalize().startsWith(userDir)) {
            throw new BosunException("plugin " + id + " comes from " + s.source() + ", not from the user plugin directory "
                    + userDir + "; remove it there");
        }
        List<Path> files = filesOf(s.source());
        for (Path p : files) {
            ctx.fs().deleteTree(p.toString());
        }
        return files;
    }

    /** Loads the plugin alone in a scratch plugin root; returns its status or throws the reason it would be skipped. */
    private static PluginStatus validate(String fileName, byte[] bytes) {
        Path staging = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()
                .resolve("bosun-plugin-check-" + UUID.randomUUID());
        // Staging is Bosun's own scratch space, never part of a dry-run plan: a context of its own, applied.
        try (LocalHostContext scratch = LocalHostContext.open(Path.of("/"), false, staging.resolve("unused.db"), "plugins")) {
            scratch.fs().mkdirs(staging.toString(), 0700, null, null);
            try {
                scratch.fs().write(staging.resolve(fileName).toString(), bytes, WriteOptions.mode(0600));
                try (PluginSet alone = PluginSet.loadFrom(List.of(staging), ModuleRegistry.withStdlib())) {
                    if (alone.statuses().isEmpty()) {
                        throw new BosunException(fileName + ": no plugin found in it (no plugin.properties or "
                                + "Plugin-Id manifest entry)");
                    }
                    PluginStatus s = alone.statuses().getFirst();
                    if (s.state() != PluginStatus.State.LOADED) {
                        throw new BosunException("plugin " + s.id() + " not installed: " + s.reason());
                    }
                    return s;
                }
            } finally {
                scratch.fs().deleteTree(staging.toString());
            }
        }
    }

    /** The files that make up an installed plugin: a jar, or an unpacked directory and the zip it came from. */
    private static List<Path> filesOf(Path source) {
        List<Path> out = new ArrayList<>();
        out.add(source);
        if (Files.isDirectory(source)) {
            Path zip = source.resolveSibling(source.getFileName() + ".zip");
            if (Files.exists(zip)) {
                out.add(zip);
            }
        }
        return out;
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".zip") ? ".zip" : n.endsWith(".jar") ? ".jar" : null;
    }
}
