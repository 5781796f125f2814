package dev.bosun.shell.plugins;

import dev.bosun.api.BosunException;
import dev.bosun.api.HostContext;
import dev.bosun.api.WriteOptions;
import dev.bosun.shell.ops.ModuleRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Installs plugin files into the user plugin directory and removes them, without ever running plugin
 * code: the candidate and the installed plugins are read by {@link PluginInspector} (descriptor, extension
 * index, class files as bytes), never loaded, so {@code bosun -n plugins install evil.zip} as root reads a
 * zip and prints a plan, nothing more. A plugin is installed only when its files say it would load (valid
 * id and version, a {@code requires} this Bosun meets, no bundled host classes, modules whose names are
 * free); what only running it can show (a constructor that throws) shows when the shell loads it. Files are
 * written through the effect layer (atomic writes, planned under --dry-run) like every other change Bosun makes.
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
    public record Installed(InspectedPlugin plugin, Path target, List<Path> replaced, String shadowedBy) {
    }

    /** Inspects the plugin zip or jar at {@code file}, then copies it to the user directory as {@code <id>.zip|jar}. */
    public Installed install(Path file, HostContext ctx) {
        Path source = file.toAbsolutePath().normalize();
        String ext = extension(source);
        if (!Files.isRegularFile(source) || ext == null) {
            throw new BosunException(file + ": not a plugin file; give the .zip (or .jar) a plugin build produced");
        }
        byte[] bytes;
        try {
            if (Files.size(source) > PluginArchive.MAX_BYTES) {
                throw new BosunException(file + ": larger than " + (PluginArchive.MAX_BYTES >> 20) + " MiB; not a plugin");
            }
            bytes = Files.readAllBytes(source);
        } catch (IOException e) {
            throw new BosunException("cannot read " + file + ": " + e.getMessage(), e);
        }
        // The bytes inspected are the bytes written: the file cannot change in between.
        InspectedPlugin candidate;
        try {
            candidate = PluginInspector.inspect(PluginArchive.of(source.getFileName().toString(), bytes));
        } catch (PluginInspector.Refused e) {
            throw new BosunException(e.id() != null ? "plugin " + e.id() + " not installed: " + e.reason()
                    : file + ": not a plugin: " + e.reason(), e);
        }
        String id = candidate.id();
        boolean strict = StrictModes.enforced();
        refuseUntrustedUserDir(strict, "plugin " + id + " not installed");
        ModuleRegistry stdlib = ModuleRegistry.withStdlib();
        List<PluginScan.Found> installed = PluginScan.of(pluginDirs, strict);
        for (String name : candidate.modules()) {
            String owner = stdlib.module(name) != null ? "stdlib" : installed.stream()
                    .filter(f -> f.plugin() != null && !f.plugin().id().equals(id) && f.plugin().modules().contains(name))
                    .map(PluginScan.Found::id).findFirst().orElse(null);
            if (owner != null) {
                throw new BosunException("plugin " + id + " not installed: module name '" + name
                        + "' is already taken by " + owner);
            }
        }
        List<Path> replaced = new ArrayList<>();
        String shadowedBy = null;
        for (PluginScan.Found f : installed) {
            if (!id.equals(f.id())) {
                continue;
            }
            if (inUserDir(f)) {
                replaced.addAll(f.files().existing());
            } else if (shadowedBy == null && replaced.isEmpty()) {
                shadowedBy = f.files().shown().toString();
            }
        }
        for (Path p : replaced) {
            ctx.fs().deleteTree(p.toString());
        }
        Path target = userDir.resolve(id + ext);
        if (!userDir.equals(target.getParent())) {
            throw new IllegalStateException("plugin id " + PluginId.quote(id) + " passed the id rule but is not a file name");
        }
        ctx.fs().mkdirs(userDir.toString(), 0755, null, null);
        ctx.fs().write(target.toString(), bytes, WriteOptions.mode(0644));
        return new Installed(candidate, target, replaced, shadowedBy);
    }

    /** Removes the plugin with this id from the user directory; returns the paths removed. */
    public List<Path> remove(String id, HostContext ctx) {
        PluginId.check(id, "plugins remove");
        boolean strict = StrictModes.enforced();
        refuseUntrustedUserDir(strict, "plugin " + id + " not removed");
        List<PluginScan.Found> installed = PluginScan.of(pluginDirs, strict);
        List<PluginScan.Found> matching = installed.stream().filter(f -> id.equals(f.id())).toList();
        if (matching.isEmpty()) {
            List<String> known = installed.stream().map(PluginScan.Found::id).filter(i -> i != null).distinct().toList();
            throw new BosunException("no plugin '" + id + "' (plugins: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        }
        List<Path> files = new ArrayList<>();
        for (PluginScan.Found f : matching) {
            if (inUserDir(f)) {
                files.addAll(f.files().existing());
            }
        }
        if (files.isEmpty()) {
            throw new BosunException("plugin " + id + " comes from " + matching.getFirst().files().shown()
                    + ", not from the user plugin directory " + userDir + "; remove it there");
        }
        for (Path p : files) {
            ctx.fs().deleteTree(p.toString());
        }
        return files;
    }

    /**
     * As root, the user directory must be one the loader trusts (else an install would never load, and root
     * would write into a directory someone else controls, e.g. the {@code XDG_DATA_HOME} that {@code sudo -E} kept).
     */
    private void refuseUntrustedUserDir(boolean strict, String what) {
        if (!strict) {
            return;
        }
        String why;
        try {
            why = StrictModes.checkCreatable(userDir);
        } catch (IOException e) {
            why = "cannot check it: " + e;
        }
        if (why != null) {
            throw new BosunException(what + ": the user plugin directory " + userDir + " is not trusted: " + why
                    + "; " + StrictModes.RULE);
        }
    }

    private boolean inUserDir(PluginScan.Found f) {
        return f.files().source().toAbsolutePath().normalize().startsWith(userDir);
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".zip") ? ".zip" : n.endsWith(".jar") ? ".jar" : null;
    }
}
