package dev.bosun.stdlib.quadlet.spec;

import dev.bosun.stdlib.quadlet.KeyInfo;
import dev.bosun.stdlib.quadlet.QuadletKeys;
import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.unit.UnitEntry;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import dev.bosun.stdlib.quadlet.unit.UnitSection;
import dev.bosun.stdlib.quadlet.unit.WordSplitter;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns typed specs into unit files and back. The spec records are described by their component
 * annotations ({@link QuadletKey}, {@link FreeSection}), so one code path serves all eight types.
 * Reading a file into a spec keeps values as written ({@code specifiers = true}) and fails with
 * {@link NotRepresentableException} for what a spec cannot hold (unknown keys, other sections,
 * repeated free keys, values Podman could not split).
 */
public final class SpecCodec {
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();
    private static final List<String> FREE_ORDER = List.of("Unit", "Service", "Install");

    private SpecCodec() {
    }

    /** A file cannot be described by the typed spec. */
    public static final class NotRepresentableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotRepresentableException(String message) {
            super(message);
        }
    }

    private record Component(RecordComponent rc, String section, KeyInfo key, String freeSection) {
    }

    private record Shape(UnitType type, List<Component> components, Constructor<?> constructor) {
    }

    private static Shape shape(Class<?> cls) {
        return SHAPES.computeIfAbsent(cls, c -> {
            RecordComponent[] rcs = c.getRecordComponents();
            List<Component> comps = new ArrayList<>();
            Class<?>[] types = new Class<?>[rcs.length];
            UnitType type = null;
            for (UnitType t : UnitType.values()) {
                if (c.getSimpleName().equalsIgnoreCase(t + "Spec")) {
                    type = t;
                }
            }
            for (int i = 0; i < rcs.length; i++) {
                types[i] = rcs[i].getType();
                QuadletKey qk = rcs[i].getAnnotation(QuadletKey.class);
                FreeSection fs = rcs[i].getAnnotation(FreeSection.class);
                if (qk != null) {
                    boolean own = qk.section().isEmpty();
                    KeyInfo info = own ? QuadletKeys.get().keys(type).get(qk.value()) : QuadletKeys.get().quadletKeys().get(qk.value());
                    comps.add(new Component(rcs[i], own ? type.section() : qk.section(), info, null));
                } else {
                    comps.add(new Component(rcs[i], null, null, fs == null ? null : fs.value()));
                }
            }
            try {
                return new Shape(type, comps, c.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The unit file for a spec: [Unit], the own section, [Quadlet], [Service], [Install]. */
    public static UnitFile toUnitFile(UnitSpec spec) {
        Shape shape = shape(spec.getClass());
        boolean specifiers = Boolean.TRUE.equals(spec.specifiers());
        Map<String, List<UnitEntry>> bySection = new LinkedHashMap<>();
        bySection.put("Unit", new ArrayList<>());
        bySection.put(shape.type.section(), new ArrayList<>());
        bySection.put("Quadlet", new ArrayList<>());
        bySection.put("Service", new ArrayList<>());
        bySection.put("Install", new ArrayList<>());
        for (Component c : shape.components) {
            Object v = get(c.rc, spec);
            if (v == null) {
                continue;
            }
            if (c.key != null) {
                for (String line : SpecValues.encode(c.key, c.rc.getName(), v, specifiers).lines()) {
                    bySection.get(c.section).add(UnitEntry.of(c.key.name(), line));
                }
            } else if (c.freeSection != null) {
                @SuppressWarnings("unchecked")
                Map<String, String> m = (Map<String, String>) v;
                m.forEach((k, val) -> bySection.get(c.freeSection).add(UnitEntry.of(k,
                        dev.bosun.stdlib.quadlet.unit.ValueEncoder.literalPercent(val, specifiers))));
            }
        }
        List<UnitSection> sections = new ArrayList<>();
        bySection.forEach((name, entries) -> {
            if (!entries.isEmpty() || name.equals(shape.type.section())) {
                sections.add(UnitSection.of(name, entries));
            }
        });
        return new UnitFile(sections);
    }

    /**
     * A spec built from Java code the way the shell builds one from a JS object: component names as keys,
     * left-out components null (so the record's defaults apply), values of the component's Java type. For
     * plugins and other Java callers, which would otherwise have to call a constructor with one argument per
     * Quadlet key. The record's own checks run; their {@code InvalidValueException} reaches the caller as is.
     *
     * @throws IllegalArgumentException for a name that is no component or a value of the wrong type (a
     *                                  programming error in the caller, not bad user input)
     */
    public static <T extends UnitSpec> T build(Class<T> type, Map<String, ?> components) {
        Shape shape = shape(type);
        Object[] args = new Object[shape.components.size()];
        Set<String> used = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            RecordComponent rc = shape.components.get(i).rc;
            if (components.containsKey(rc.getName())) {
                Object v = components.get(rc.getName());
                if (v != null && !rc.getType().isInstance(v)) {
                    throw new IllegalArgumentException(type.getSimpleName() + "." + rc.getName() + " is a "
                            + rc.getType().getSimpleName() + ", not a " + v.getClass().getSimpleName());
                }
                args[i] = v;
                used.add(rc.getName());
            }
        }
        if (used.size() != components.size()) {
            Set<String> unknown = new java.util.TreeSet<>(components.keySet());
            unknown.removeAll(used);
            throw new IllegalArgumentException(type.getSimpleName() + " has no component " + String.join(", ", unknown));
        }
        try {
            return type.cast(shape.constructor.newInstance(args));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The spec a parsed file describes, with {@code specifiers = true} (values kept exactly as written). */
    public static UnitSpec fromUnitFile(UnitFile file, UnitType type, String name) {
        Class<? extends UnitSpec> cls = specClass(type);
        Shape shape = shape(cls);
        Set<String> allowed = new HashSet<>(FREE_ORDER);
        allowed.add(type.section());
        allowed.add("Quadlet");
        for (String g : file.groupNames()) {
            if (!allowed.contains(g)) {
                throw new NotRepresentableException("section [" + g + "] has no place in a " + type + " spec");
            }
        }
        Set<String> known = new HashSet<>();
        for (Component c : shape.components) {
            if (c.key != null) {
                known.add(c.section + "\0" + c.key.name());
            }
        }
        for (String g : List.of(type.section(), "Quadlet")) {
            for (UnitEntry e : file.entries(g)) {
                if (!known.contains(g + "\0" + e.key())) {
                    throw new NotRepresentableException("key " + e.key() + " of [" + g + "] is not a spec field");
                }
            }
        }
        Object[] args = new Object[shape.components.size()];
        for (int i = 0; i < args.length; i++) {
            Component c = shape.components.get(i);
            String n = c.rc.getName();
            if (n.equals("name")) {
                args[i] = name;
            } else if (n.equals("specifiers")) {
                args[i] = Boolean.TRUE;
            } else if (c.key != null) {
                args[i] = read(file, c.section, c.key);
            } else if (c.freeSection != null) {
                args[i] = freeSection(file, c.freeSection);
            }
        }
        try {
            return (UnitSpec) shape.constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw new NotRepresentableException(re.getMessage());
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Class<? extends UnitSpec> specClass(UnitType type) {
        return switch (type) {
            case CONTAINER -> ContainerSpec.class;
            case VOLUME -> VolumeSpec.class;
            case NETWORK -> NetworkSpec.class;
            case KUBE -> KubeSpec.class;
            case IMAGE -> ImageSpec.class;
            case BUILD -> BuildSpec.class;
            case POD -> PodSpec.class;
            case ARTIFACT -> ArtifactSpec.class;
        };
    }

    private static Object read(UnitFile f, String section, KeyInfo key) {
        String k = key.name();
        try {
            return switch (key.kind()) {
                case STRING -> f.lookup(section, k).filter(s -> !s.isEmpty()).orElse(null);
                case BOOL -> f.lookupBoolean(section, k).orElse(null);
                case UINT32 -> f.lookup(section, k).map(v -> number(k, v)).orElse(null);
                case MULTI -> nullIfEmpty(f.lookupAll(section, k));
                case MULTI_STRV -> nullIfEmpty(splitAll(WordSplitter.STRV, f.lookupAll(section, k)));
                case MULTI_ARGS -> nullIfEmpty(splitAll(WordSplitter.ARGS, f.lookupAll(section, k)));
                case LAST_ARGS -> {
                    String last = f.lookupLast(section, k).orElse("");
                    yield last.isEmpty() ? null : nullIfEmpty(WordSplitter.ARGS.split(last));
                }
                case MULTI_KEYVAL -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    for (String w : splitAll(WordSplitter.ARGS, f.lookupAll(section, k))) {
                        int eq = w.indexOf('=');
                        m.put(eq < 0 ? w : w.substring(0, eq), eq < 0 ? null : w.substring(eq + 1));
                    }
                    yield m.isEmpty() ? null : m;
                }
            };
        } catch (WordSplitter.SplitException e) {
            throw new NotRepresentableException(k + "=: " + e.getMessage());
        }
    }

    private static List<String> splitAll(WordSplitter splitter, List<String> values) throws WordSplitter.SplitException {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.addAll(splitter.split(v));
        }
        return out;
    }

    private static List<String> nullIfEmpty(List<String> l) {
        return l.isEmpty() ? null : l;
    }

    private static Long number(String key, String v) {
        Long n = Uint32.parse(v);
        if (n == null) {
            throw new NotRepresentableException(key + "=" + v + " is not a number Podman reads");
        }
        return n;
    }

    private static Map<String, String> freeSection(UnitFile f, String section) {
        Map<String, String> m = new LinkedHashMap<>();
        for (UnitEntry e : f.entries(section)) {
            if (m.put(e.key(), e.value()) != null) {
                throw new NotRepresentableException("[" + section + "] " + e.key() + "= is repeated");
            }
        }
        return m.isEmpty() ? null : m;
    }

    private static Object get(RecordComponent rc, Object o) {
        try {
            return rc.getAccessor().invoke(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
