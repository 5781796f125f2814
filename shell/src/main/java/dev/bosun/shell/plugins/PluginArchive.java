package dev.bosun.shell.plugins;

import dev.bosun.api.BosunException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of a plugin as bytes in memory, read the way PF4J lays a plugin out but without PF4J and
 * without defining a single class: the top-level files ({@code plugin.properties}) and the plugin's class
 * path, in PF4J's order ({@code classes/}, then each {@code lib/*.jar}; for a plain plugin jar, the jar).
 * Reading is bounded, so a zip bomb is refused instead of filling the memory.
 */
final class PluginArchive {
    /** Bigger than any sensible plugin, small enough to hold in memory. */
    static final long MAX_BYTES = 256L << 20;
    static final int MAX_ENTRIES = 100_000;

    /**
     * One place of the class path.
     *
     * @param where what a message calls it: {@code classes/}, {@code lib/x.jar} or the jar's name
     * @param files entry name (with {@code /}) to content
     */
    record ClassPathEntry(String where, Map<String, byte[]> files) {
    }

    private final String name;
    private final Map<String, byte[]> top;
    private final List<ClassPathEntry> classPath;

    private PluginArchive(String name, Map<String, byte[]> top, List<ClassPathEntry> classPath) {
        this.name = name;
        this.top = top;
        this.classPath = List.copyOf(classPath);
    }

    /** A plugin zip ({@code plugin.properties}, {@code lib/*.jar}, {@code classes/}) or jar, given as its bytes. */
    static PluginArchive of(String fileName, byte[] bytes) {
        Budget budget = new Budget(fileName);
        Map<String, byte[]> entries = unzip(fileName, bytes, budget);
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            return new PluginArchive(fileName, entries, List.of(new ClassPathEntry(fileName, entries)));
        }
        return layout(fileName, entries, budget);
    }

    /** An installed plugin: a zip or jar file, or an unpacked plugin directory. */
    static PluginArchive read(Path path) throws IOException {
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.size(path) > MAX_BYTES) {
                throw new BosunException(path + " is larger than " + (MAX_BYTES >> 20) + " MiB; not a plugin Bosun reads");
            }
            return of(path.getFileName().toString(), Files.readAllBytes(path));
        }
        Budget budget = new Budget(path.toString());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path f : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                budget.add(Files.size(f));
                entries.put(path.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return layout(path.getFileName().toString(), entries, budget);
    }

    /** Splits a plugin zip's or directory's entries into top-level files, classes/ and lib/*.jar. */
    private static PluginArchive layout(String name, Map<String, byte[]> entries, Budget budget) {
        Map<String, byte[]> top = new LinkedHashMap<>();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<ClassPathEntry> libs = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String n = e.getKey();
            if (n.startsWith("classes/")) {
                classes.put(n.substring("classes/".length()), e.getValue());
            } else if (n.startsWith("lib/") && n.indexOf('/', 4) < 0 && n.toLowerCase(Locale.ROOT).endsWith(".jar")) {
                libs.add(new ClassPathEntry(n, unzip(name + "!/" + n, e.getValue(), budget)));
            } else {
                top.put(n, e.getValue());
            }
        }
        List<ClassPathEntry> cp = new ArrayList<>();
        if (!classes.isEmpty()) {
            cp.add(new ClassPathEntry("classes/", classes));
        }
        cp.addAll(libs);
        return new PluginArchive(name, top, cp);
    }

    /**
     * Every file entry of a zip, in order. Names that are absolute or have a {@code ..} segment are refused:
     * PF4J would refuse them when unpacking too, and they have no business in a plugin.
     */
    private static Map<String, byte[]> unzip(String what, byte[] bytes, Budget budget) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                String n = e.getName();
                if (n.startsWith("/") || n.contains("\\") || ("/" + n + "/").contains("/../") || n.indexOf('\0') >= 0) {
                    throw new BosunException(what + ": entry " + PluginId.quote(n) + " would land outside the plugin");
                }
                if (e.isDirectory()) {
                    continue;
                }
                out.put(n, budget.read(z));
            }
        } catch (IOException e) {
            throw new BosunException(what + ": not a readable zip: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new BosunException(what + ": not a plugin: the zip is empty or not a zip");
        }
        return out;
    }

    /** The name of the plugin file or directory. */
    String name() {
        return name;
    }

    /** A top-level file ({@code plugin.properties}) or null. */
    byte[] topFile(String entry) {
        return top.get(entry);
    }

    /** The class path in PF4J's order. */
    List<ClassPathEntry> classPath() {
        return classPath;
    }

    /** The first class path entry's copy of a resource or class file, or null. */
    byte[] resource(String entry) {
        for (ClassPathEntry c : classPath) {
            byte[] b = c.files().get(entry);
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    /** Counts what is read against {@link #MAX_BYTES} and {@link #MAX_ENTRIES}. */
    private static final class Budget {
        private final String what;
        private long bytes;
        private int entries;

        Budget(String what) {
            this.what = what;
        }

        void add(long size) {
            bytes += size;
            if (++entries > MAX_ENTRIES || bytes > MAX_BYTES) {
                throw new BosunException(what + ": more than " + MAX_ENTRIES + " files or " + (MAX_BYTES >> 20)
                        + " MiB unpacked; not a plugin Bosun reads");
            }
        }

        byte[] read(InputStream in) throws IOException {
            byte[] buf = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - bytes + 1));
            add(buf.length);
            return buf;
        }
    }
}
