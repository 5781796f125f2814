package dev.bosun.shell.ops;

import dev.bosun.api.Doc;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * All modules and their operations, read once by reflection from {@link Module}/{@link Op}. Everything
 * that describes or calls an operation (JS bindings, completion, help, {@code bosun ops}, TypeScript,
 * reference docs, hostile-input tests) works from this one source.
 */
public final class ModuleRegistry {
    private static final Pattern MODULE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern OP_NAME = Pattern.compile("[a-zA-Z_$][\\w$]*(\\.[a-zA-Z_$][\\w$]*)*");

    private final Map<String, ModuleInfo> modules = new LinkedHashMap<>();

    /** The built-in modules, found with {@link ServiceLoader} on the shell's class path. */
    public static ModuleRegistry withStdlib() {
        ModuleRegistry r = new ModuleRegistry();
        for (HostModule m : ServiceLoader.load(HostModule.class, ModuleRegistry.class.getClassLoader())) {
            r.add(m, "stdlib");
        }
        return r;
    }

    /**
     * Adds a module instance. Fails with a one-line reason when the class is not a valid module or
     * its name is taken; the caller decides whether that is fatal (stdlib) or a skipped plugin.
     */
    public ModuleInfo add(HostModule instance, String origin) {
        ModuleInfo info = describe(instance, origin);
        ModuleInfo existing = modules.get(info.name());
        if (existing != null) {
            throw new IllegalArgumentException("module name '" + info.name() + "' is already taken by "
                    + existing.origin());
        }
        modules.put(info.name(), info);
        return info;
    }

    /**
     * Adds the modules of one plugin, all or none: when one is invalid or its name is taken (by an
     * existing module or by another module of the same batch) nothing is added and the reason is thrown.
     */
    public List<ModuleInfo> addAll(List<? extends HostModule> instances, String origin) {
        Map<String, ModuleInfo> batch = new LinkedHashMap<>();
        for (HostModule instance : instances) {
            ModuleInfo info = describe(instance, origin);
            ModuleInfo existing = modules.get(info.name());
            if (existing != null) {
                throw new IllegalArgumentException("module name '" + info.name() + "' is already taken by "
                        + existing.origin());
            }
            if (batch.put(info.name(), info) != null) {
                throw new IllegalArgumentException("module name '" + info.name() + "' is declared twice");
            }
        }
        modules.putAll(batch);
        return List.copyOf(batch.values());
    }

    public Collection<ModuleInfo> modules() {
        return modules.values();
    }

    public ModuleInfo module(String name) {
        return modules.get(name);
    }

    /**
     * Fails with the reason a plugin is skipped for when {@code name} (declared by {@code className}) is not a
     * module name; shared with the plugin inspector, which reads the name from the class file.
     */
    public static void checkModuleName(String className, String name) {
        if (!MODULE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(className + ": module name '" + name + "' must match "
                    + MODULE_NAME.pattern());
        }
    }

    static ModuleInfo describe(HostModule instance, String origin) {
        Class<?> cls = instance.getClass();
        Module m = cls.getAnnotation(Module.class);
        if (m == null) {
            throw new IllegalArgumentException(cls.getName() + " implements HostModule but has no @Module annotation");
        }
        checkModuleName(cls.getName(), m.name());
        List<Method> methods = new ArrayList<>(Arrays.asList(cls.getMethods()));
        // Declaration order is not guaranteed by reflection; sort by name for a stable listing.
        methods.sort(Comparator.comparing(Method::getName));
        List<OpInfo> ops = new ArrayList<>();
        for (Method method : methods) {
            Op op = method.getAnnotation(Op.class);
            if (op == null) {
                continue;
            }
            if (Modifier.isStatic(method.getModifiers())) {
                throw new IllegalArgumentException(cls.getName() + "." + method.getName() + ": @Op methods must not be static");
            }
            String name = op.name().isEmpty() ? method.getName() : op.name();
            if (!OP_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(cls.getName() + ": op name '" + name + "' is not a JS identifier path");
            }
            if (op.doc().isBlank()) {
                throw new IllegalArgumentException(m.name() + "." + name + " has no doc string");
            }
            Parameter[] ps = method.getParameters();
            boolean inject = ps.length > 0 && ps[0].getType() == HostContext.class;
            List<ParamInfo> params = new ArrayList<>();
            for (int i = inject ? 1 : 0; i < ps.length; i++) {
                Parameter p = ps[i];
                if (p.getType() == HostContext.class) {
                    throw new IllegalArgumentException(m.name() + "." + name + ": HostContext must be the first parameter");
                }
                Doc d = p.getAnnotation(Doc.class);
                params.add(new ParamInfo(p.isNamePresent() ? p.getName() : "arg" + (i - (inject ? 1 : 0)),
                        p.getParameterizedType(), p.isAnnotationPresent(Optional.class), d == null ? "" : d.value()));
            }
            boolean seenOptional = false;
            for (ParamInfo p : params) {
                if (seenOptional && !p.optional()) {
                    throw new IllegalArgumentException(m.name() + "." + name + ": required parameter '" + p.name()
                            + "' follows an optional one");
                }
                seenOptional |= p.optional();
            }
            method.setAccessible(true);
            ops.add(new OpInfo(m.name(), name, op.doc(), op.mutates(), method, instance, inject, List.copyOf(params)));
        }
        return new ModuleInfo(m.name(), m.doc(), origin, List.copyOf(ops));
    }
}
