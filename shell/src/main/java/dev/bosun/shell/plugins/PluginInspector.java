package dev.bosun.shell.plugins;

import dev.bosun.api.BosunException;
import dev.bosun.shell.cli.Version;
import dev.bosun.shell.ops.ModuleRegistry;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.classfile.Annotation;
import java.lang.classfile.AnnotationElement;
import java.lang.classfile.AnnotationValue;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.reflect.AccessFlag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes.Name;
import java.util.jar.Manifest;

/**
 * Reads what a plugin is without running any of it: the descriptor ({@code plugin.properties}, else the
 * manifest's {@code Plugin-*} entries, as PF4J's finders look for them), the extension index
 * ({@code META-INF/extensions.idx}) and the class files of the listed extensions, parsed with the JDK's
 * class-file API. No class of the plugin is defined, so no constructor or static initialiser can run:
 * inspecting a hostile plugin is reading bytes.
 *
 * <p>It checks what can be known from the files: a valid id and version, a {@code requires} this Bosun
 * meets, no bundled host classes, at least one {@code @Extension} implementing {@code HostModule} with a
 * valid, unique {@code @Module} name. What only running the plugin can show (a constructor that throws, an
 * operation signature the bridge refuses) shows when the shell loads it: the plugin is then skipped with
 * its reason, in {@code plugins list} and on stderr.
 */
final class PluginInspector {
    static final String NO_MODULES = "no modules found: META-INF/extensions.idx is missing or lists no HostModule "
            + "(annotate the module with @Extension and compile with -proc:full)";
    private static final String HOST_MODULE = "dev/bosun/api/HostModule";
    private static final String MODULE = "Ldev/bosun/api/Module;";
    private static final String OP = "Ldev/bosun/api/Op;";
    private static final String INDEX = "META-INF/extensions.idx";

    private PluginInspector() {
    }

    /**
     * Why a plugin is refused, and which: its id once the descriptor gave a valid one, else null.
     * The message is {@code plugin <id>: <reason>}, or {@code <file>: not a plugin: <reason>} without an id.
     */
    static final class Refused extends BosunException {
        private static final long serialVersionUID = 1L;
        private final transient String id;
        private final transient String reason;

        Refused(String id, String file, String reason, Throwable cause) {
            super(id != null ? "plugin " + id + ": " + reason : file + ": not a plugin: " + reason, cause);
            this.id = id;
            this.reason = reason;
        }

        /** The plugin id, or null when none could be read. */
        String id() {
            return id;
        }

        /** The reason alone, one line. */
        String reason() {
            return reason;
        }
    }

    /**
     * What the plugin declares.
     *
     * @throws Refused with the reason the plugin would not be usable
     */
    static InspectedPlugin inspect(PluginArchive archive) {
        String id = null;
        try {
            Map<String, String> d = descriptor(archive);
            id = PluginId.check(d.get("id"), "descriptor of " + archive.name());
            return inspect(archive, id, d);
        } catch (Refused e) {
            throw e;
        } catch (BosunException e) {
            throw new Refused(id, archive.name(), e.getMessage(), e);
        }
    }

    private static InspectedPlugin inspect(PluginArchive archive, String id, Map<String, String> d) {
        VersionManager versions = new DefaultVersionManager();
        String version = d.getOrDefault("version", "");
        try {
            versions.compareVersions(version, "0.0.0");
        } catch (RuntimeException e) {
            throw new BosunException("version " + PluginId.quote(version) + " is not a semantic version (MAJOR.MINOR.PATCH)");
        }
        String requires = d.getOrDefault("requires", "").trim();
        boolean accepted;
        try {
            accepted = requires.isEmpty() || requires.equals("*")
                    || versions.checkVersionConstraint(Version.bosun(), effectiveRequires(requires));
        } catch (RuntimeException e) {
            throw new BosunException("requires " + PluginId.quote(requires) + " is not a version constraint (e.g. >=0.1.0)");
        }
        if (!accepted) {
            throw new BosunException("requires Bosun API " + effectiveRequires(requires) + ", this Bosun provides "
                    + Version.bosun());
        }
        String bundled = BundledClasses.check(archive);
        if (bundled != null) {
            throw new BosunException(bundled);
        }
        List<InspectedPlugin.Module> modules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String cls : extensions(archive)) {
            InspectedPlugin.Module m = module(archive, cls);
            if (m == null) {
                continue;
            }
            if (!names.add(m.name())) {
                throw new BosunException("module name '" + m.name() + "' is declared twice");
            }
            modules.add(m);
        }
        if (modules.isEmpty()) {
            throw new BosunException(NO_MODULES);
        }
        return new InspectedPlugin(id, version, requires.isEmpty() ? "*" : requires, d.getOrDefault("provider", ""),
                d.getOrDefault("description", ""), modules);
    }

    /** PF4J reads a bare {@code requires} version as "this or newer" (exact versions are not allowed). */
    static String effectiveRequires(String requires) {
        String r = requires.trim();
        return r.matches("\\d+\\.\\d+\\.\\d+") ? ">=" + r : r;
    }

    /** id, version, requires, provider, description: from plugin.properties, else from the manifest. */
    private static Map<String, String> descriptor(PluginArchive archive) {
        Map<String, String> d = new LinkedHashMap<>();
        byte[] props = archive.topFile("plugin.properties");
        if (props != null) {
            Properties p = new Properties();
            try {
                p.load(new ByteArrayInputStream(props));
            } catch (IOException | IllegalArgumentException e) {
                throw new BosunException("plugin.properties cannot be read: " + e.getMessage());
            }
            for (String key : List.of("id", "version", "requires", "provider", "description")) {
                String v = p.getProperty("plugin." + key);
                if (v != null) {
                    d.put(key, v.strip());
                }
            }
            return d;
        }
        byte[] mf = archive.topFile("META-INF/MANIFEST.MF");
        if (mf == null) {
            mf = archive.resource("META-INF/MANIFEST.MF");
        }
        if (mf != null) {
            try {
                java.util.jar.Attributes a = new Manifest(new ByteArrayInputStream(mf)).getMainAttributes();
                for (String key : List.of("Id", "Version", "Requires", "Provider", "Description")) {
                    String v = a.getValue(new Name("Plugin-" + key));
                    if (v != null) {
                        d.put(key.toLowerCase(java.util.Locale.ROOT), v.strip());
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new BosunException("its manifest cannot be read: " + e.getMessage());
            }
        }
        if (d.get("id") == null) {
            throw new BosunException("no plugin.properties with plugin.id and no Plugin-Id manifest entry");
        }
        return d;
    }

    /** The classes every extension index of the class path lists, in order, once each. */
    private static Set<String> extensions(PluginArchive archive) {
        Set<String> out = new LinkedHashSet<>();
        for (PluginArchive.ClassPathEntry e : archive.classPath()) {
            byte[] idx = e.files().get(INDEX);
            if (idx == null) {
                continue;
            }
            for (String line : new String(idx, StandardCharsets.UTF_8).split("\\R")) {
                String cls = line.strip();
                if (!cls.isEmpty() && !cls.startsWith("#")) {
                    out.add(cls);
                }
            }
        }
        return out;
    }

    /** The module an extension class declares, or null when it is not a HostModule (another extension point). */
    private static InspectedPlugin.Module module(PluginArchive archive, String binaryName) {
        ClassModel cm = classModel(archive, binaryName.replace('.', '/'));
        if (cm == null) {
            throw new BosunException("extension " + PluginId.quote(binaryName) + " listed in " + INDEX
                    + " has no class file in the plugin");
        }
        if (!isHostModule(archive, cm, new HashSet<>())) {
            return null;
        }
        Map<String, Object> module = annotation(cm.findAttribute(Attributes.runtimeVisibleAnnotations())
                .map(a -> a.annotations()).orElse(List.of()), MODULE);
        if (module == null) {
            throw new BosunException(binaryName + " implements HostModule but has no @Module annotation");
        }
        String name = String.valueOf(module.getOrDefault("name", ""));
        try {
            ModuleRegistry.checkModuleName(binaryName, name);
        } catch (IllegalArgumentException e) {
            throw new BosunException(binaryName + ": module name " + PluginId.quote(name) + " must match "
                    + "[a-z][a-z0-9_]{0,31}");
        }
        return new InspectedPlugin.Module(binaryName, name, String.valueOf(module.getOrDefault("doc", "")),
                ops(archive, cm));
    }

    /** Public, non-static {@code @Op} methods of the class and its superclasses inside the plugin; overrides first. */
    private static List<InspectedPlugin.Op> ops(PluginArchive archive, ClassModel cm) {
        Map<String, InspectedPlugin.Op> ops = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ClassModel c = cm; c != null && seen.add(c.thisClass().asInternalName());
             c = c.superclass().map(s -> classModel(archive, s.asInternalName())).orElse(null)) {
            for (MethodModel m : c.methods()) {
                if (!m.flags().has(AccessFlag.PUBLIC) || m.flags().has(AccessFlag.STATIC)) {
                    continue;
                }
                Map<String, Object> op = annotation(m.findAttribute(Attributes.runtimeVisibleAnnotations())
                        .map(a -> a.annotations()).orElse(List.of()), OP);
                if (op == null) {
                    continue;
                }
                String named = String.valueOf(op.getOrDefault("name", ""));
                String name = named.isEmpty() ? m.methodName().stringValue() : named;
                ops.putIfAbsent(name, new InspectedPlugin.Op(name, String.valueOf(op.getOrDefault("doc", "")),
                        Boolean.TRUE.equals(op.get("mutates"))));
            }
        }
        return List.copyOf(ops.values());
    }

    /** True when the class implements HostModule directly or through supertypes found in the plugin. */
    private static boolean isHostModule(PluginArchive archive, ClassModel cm, Set<String> seen) {
        if (!seen.add(cm.thisClass().asInternalName())) {
            return false;
        }
        List<ClassEntry> supers = new ArrayList<>(cm.interfaces());
        cm.superclass().ifPresent(supers::add);
        for (ClassEntry s : supers) {
            String n = s.asInternalName();
            if (n.equals(HOST_MODULE)) {
                return true;
            }
            ClassModel sc = classModel(archive, n);
            if (sc != null && isHostModule(archive, sc, seen)) {
                return true;
            }
        }
        return false;
    }

    /** The parsed class file from the plugin's class path, or null when the plugin has none by that name. */
    private static ClassModel classModel(PluginArchive archive, String internalName) {
        byte[] bytes = archive.resource(internalName + ".class");
        if (bytes == null) {
            return null;
        }
        try {
            return ClassFile.of().parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new BosunException(internalName.replace('/', '.') + ".class is not a readable class file: " + e.getMessage());
        }
    }

    /** The string and boolean elements of the annotation with this descriptor, or null when absent. */
    private static Map<String, Object> annotation(List<Annotation> annotations, String descriptor) {
        for (Annotation a : annotations) {
            if (!a.className().stringValue().equals(descriptor)) {
                continue;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (AnnotationElement e : a.elements()) {
                switch (e.value()) {
                    case AnnotationValue.OfString s -> out.put(e.name().stringValue(), s.stringValue());
                    case AnnotationValue.OfBoolean b -> out.put(e.name().stringValue(), b.booleanValue());
                    default -> {
                    }
                }
            }
            return out;
        }
        return null;
    }
}
