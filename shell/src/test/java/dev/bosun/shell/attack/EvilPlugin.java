package dev.bosun.shell.attack;

import dev.bosun.shell.plugins.TestPlugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A plugin that does harm the moment any of its code runs: the static initialiser and the constructor of
 * its module, and of its PF4J {@code Plugin-Class}, each write a marker file. A test that finds no marker
 * knows none of that code ran. Built for real (javac, PF4J's annotation processor, a zip).
 */
final class EvilPlugin {
    private EvilPlugin() {
    }

    /** The markers the plugin writes into {@code markers} when its code runs. */
    static final String[] MARKERS = {"module-static", "module-constructor", "plugin-static", "plugin-constructor"};

    /** Builds {@code <dir>/<fileName>.zip} with the given descriptor text; its code writes into {@code markers}. */
    static Path build(Path dir, String fileName, String properties, Path markers) throws IOException {
        String m = markers.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
        String write = "static void mark(String what) { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + m + "\", what), \"ran as uid \" + System.getProperty(\"user.name\")); } catch (java.io.IOException e) { "
                + "throw new RuntimeException(e); } }";
        String module = TestPlugins.module("t.evil", "EvilModule", "evil",
                write + " static { mark(\"module-static\"); } public EvilModule() { mark(\"module-constructor\"); }");
        String plugin = """
                package t.evil;
                public class EvilPlugin extends org.pf4j.Plugin {
                    %s
                    static { mark("plugin-static"); }
                    public EvilPlugin() { mark("plugin-constructor"); }
                }
                """.formatted(write);
        return TestPlugins.build(dir, fileName, TestPlugins.Spec.of("evil", "1.0.0", "*",
                Map.of("t.evil.EvilModule", module, "t.evil.EvilPlugin", plugin)).withProperties(properties));
    }

    /** The usual descriptor, with the plugin class that PF4J instantiates on load. */
    static String descriptor(String id) {
        return "plugin.id=" + id + "\nplugin.version=1.0.0\nplugin.requires=*\nplugin.class=t.evil.EvilPlugin\n"
                + "plugin.provider=attacker\n";
    }
}
