package dev.bosun.shell.plugins;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds real PF4J plugin zips for tests the way a plugin build does: javac (with PF4J's annotation
 * processor, -proc:full) against bosun-api and pf4j, the classes in lib/plugin.jar, plugin.properties
 * at the top. The shell then loads them from disk through its real plugin manager.
 */
public final class TestPlugins {
    private TestPlugins() {
    }

    /** A plugin to build: descriptor lines, Java sources (FQCN → text), extra jar entries, processor on/off. */
    public record Spec(String properties, Map<String, String> sources, Map<String, byte[]> extraEntries,
                       boolean runProcessor) {
        public static Spec of(String id, String version, String requires, Map<String, String> sources) {
            return new Spec("plugin.id=" + id + "\nplugin.version=" + version + "\nplugin.requires=" + requires
                    + "\nplugin.provider=test\nplugin.description=test plugin " + id + "\n", sources, Map.of(), true);
        }

        public Spec withExtra(String entry, byte[] bytes) {
            var m = new java.util.LinkedHashMap<>(extraEntries);
            m.put(entry, bytes);
            return new Spec(properties, sources, m, runProcessor);
        }

        public Spec withoutProcessor() {
            return new Spec(properties, sources, extraEntries, false);
        }

        public Spec withProperties(String text) {
            return new Spec(text, sources, extraEntries, runProcessor);
        }
    }

    /** A module source: {@code @Extension @Module(name)} with a read-only greet and a mutating mark, plus extra body. */
    public static String module(String pkg, String cls, String name, String extraBody) {
        return """
                package %s;
                import dev.bosun.api.*;
                import dev.bosun.api.Module;
                import org.pf4j.Extension;
                @Extension
                @Module(name = "%s", doc = "Test plugin module %s.")
                public final class %s implements HostModule {
                    %s
                    @Op(doc = "Says hello to someone.")
                    public String greet(HostContext ctx, @Doc("who") String name) {
                        return "hello " + Check.notBlank("name", name);
                    }
                    @Op(mutates = true, doc = "Writes a marker file; changed is false when it was there.")
                    public Marked mark(HostContext ctx, @Doc("absolute path") String path) {
                        Check.absolutePath("path", path);
                        if (ctx.fs().exists(path)) {
                            return new Marked(path, false);
                        }
                        ctx.fs().write(path, "marked\\n", WriteOptions.DEFAULT);
                        return new Marked(path, true);
                    }
                    public record Marked(@Doc("the file") String path, @Doc("true when written") boolean changed) {}
                }
                """.formatted(pkg, name, name, cls, extraBody);
    }

    /** Builds the plugin as {@code dir/<fileName>.zip} and returns the zip. */
    public static Path build(Path dir, String fileName, Spec spec) throws IOException {
        // Hidden (dot) directory: PF4J skips it, so the build leftovers are not taken for a plugin.
        Path work = Files.createTempDirectory(dir, ".build-");
        Path src = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        List<String> files = new ArrayList<>();
        for (var e : spec.sources().entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f.toString());
        }
        if (!files.isEmpty()) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                    System.getProperty("java.class.path"), "-parameters", "--release", "25",
                    spec.runProcessor() ? "-proc:full" : "-proc:none", "-Xlint:-options"));
            args.addAll(files);
            ByteArrayOutputStream diag = new ByteArrayOutputStream();
            int rc = javac.run(null, diag, diag, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("test plugin did not compile:\n" + diag);
            }
        }
        Path zip = dir.resolve(fileName + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("plugin.properties"));
            z.write(spec.properties().getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("lib/plugin.jar"));
            z.write(jar(classes, spec.extraEntries()));
            z.closeEntry();
        }
        return zip;
    }

    private static byte[] jar(Path classes, Map<String, byte[]> extra) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(classes.relativize(p).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
            for (var e : extra.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
