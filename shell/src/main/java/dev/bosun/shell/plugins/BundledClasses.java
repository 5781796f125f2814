package dev.bosun.shell.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds host classes a plugin must not carry. PF4J loads plugin classes parent-last, so a plugin
 * with its own copy of {@code dev.bosun.api} or {@code org.pf4j} would see its own {@code HostModule}
 * and PF4J would find no extensions ("Different class loaders", runtime-stack.md 5.4); a plugin with
 * its own GraalJS would load Truffle twice. Checked before PF4J loads anything from the plugin.
 */
final class BundledClasses {
    /** Package path prefixes the host provides, with the artifact a plugin must mark {@code provided}. */
    private static final List<String[]> HOST_PACKAGES = List.of(
            new String[] {"dev/bosun/api/", "bosun-api"},
            new String[] {"dev/bosun/stdlib/", "bosun-stdlib"},
            new String[] {"org/pf4j/", "pf4j"},
            new String[] {"org/graalvm/", "GraalJS (org.graalvm)"});

    private BundledClasses() {
    }

    /**
     * A one-line reason when the plugin at {@code pluginPath} (a plugin jar or an unpacked plugin
     * directory with {@code classes/} and {@code lib/*.jar}) contains host classes, else null.
     */
    static String check(Path pluginPath) throws IOException {
        if (Files.isDirectory(pluginPath)) {
            Path classes = pluginPath.resolve("classes");
            for (String[] host : HOST_PACKAGES) {
                if (Files.isDirectory(classes.resolve(host[0]))) {
                    return reason(host, "classes/");
                }
            }
            Path lib = pluginPath.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.sorted().toList()) {
                        if (jar.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
                            String r = checkJar(jar, "lib/" + jar.getFileName());
                            if (r != null) {
                                return r;
                            }
                        }
                    }
                }
            }
            return null;
        }
        if (pluginPath.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
            return checkJar(pluginPath, pluginPath.getFileName().toString());
        }
        return null;
    }

    /** The same check on a plugin read into memory (for installing: nothing is unpacked or loaded). */
    static String check(PluginArchive archive) {
        for (PluginArchive.ClassPathEntry e : archive.classPath()) {
            String r = find(e.files().keySet(), e.where());
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static String checkJar(Path jar, String where) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile(), false)) {
            return find(jf.stream().map(JarEntry::getName).toList(), where);
        }
    }

    private static String find(Iterable<String> entryNames, String where) {
        for (String name : entryNames) {
            for (String[] host : HOST_PACKAGES) {
                if (name.startsWith(host[0]) && name.endsWith(".class")) {
                    return reason(host, where);
                }
            }
        }
        return null;
    }

    private static String reason(String[] host, String where) {
        return "bundles " + host[0].replace('/', '.').replaceAll("\\.$", "") + " classes (in " + where
                + "); " + host[1] + " comes from Bosun: give it <scope>provided</scope> in the plugin's pom";
    }
}
