package dev.bosun.shell.arch;

import java.io.IOException;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.MethodHandleEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LineNumber;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds {@link HostEffect} references in compiled classes. Every class file counts on its own: nested,
 * anonymous and local classes are separate files, lambda bodies are synthetic methods of the class that
 * wrote them, and a method reference ({@code Files::delete}) is a method handle constant of an
 * invokedynamic, so all of them are seen. A call through a subclass or an implementing type
 * ({@code myFile.delete()} where {@code MyFile extends File}) is matched by walking the owner's
 * supertypes, from the scanned classes or, for library classes, by loading them without initialising.
 *
 * <p>What it cannot see: reflection and method handles looked up by name at run time. The rule keeps
 * honest code honest; it is not a sandbox (plugins are trusted before they load, see StrictModes).
 */
final class EffectScanner {
    /** One host-effect reference: which class, where in its source, which member, and what kind of effect. */
    record Finding(String className, String where, String member, String what) {
        @Override
        public String toString() {
            return className + " (" + where + "): " + member + " — " + what;
        }
    }

    private final ClassLoader libraries;
    private final Map<String, ClassModel> scanned = new TreeMap<>();
    private final Map<String, List<String>> supertypes = new HashMap<>();

    /** @param libraries resolves supertypes of classes that are not scanned (JDK, JDBC driver, PF4J, ...) */
    EffectScanner(ClassLoader libraries) {
        this.libraries = libraries;
    }

    /** Adds every {@code .class} file under a class output directory; false when there is none. */
    boolean addTree(Path classes) throws IOException {
        if (!Files.isDirectory(classes)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                add(Files.readAllBytes(f));
            }
        }
        return true;
    }

    /** Adds one class file. */
    void add(byte[] classFile) {
        ClassModel cm = ClassFile.of().parse(classFile);
        String name = cm.thisClass().asInternalName();
        if (!name.endsWith("module-info") && !name.endsWith("package-info")) {
            scanned.put(name, cm);
        }
    }

    /** Binary names ({@code a.b.C$D}) of every class added. */
    Set<String> classNames() {
        Set<String> out = new LinkedHashSet<>();
        scanned.keySet().forEach(n -> out.add(n.replace('/', '.')));
        return out;
    }

    /** Every host-effect reference in every class added, in class and line order. */
    List<Finding> scan() {
        List<Finding> out = new ArrayList<>();
        for (ClassModel cm : scanned.values()) {
            out.addAll(scan(cm));
        }
        return out;
    }

    private List<Finding> scan(ClassModel cm) {
        String cls = cm.thisClass().asInternalName().replace('/', '.');
        String source = cm.findAttribute(Attributes.sourceFile()).map(a -> a.sourceFile().stringValue()).orElse("?");
        List<Finding> out = new ArrayList<>();
        Set<String> wholeClassOwners = new HashSet<>();
        for (MethodModel m : cm.methods()) {
            CodeModel code = m.code().orElse(null);
            if (code == null) {
                continue;
            }
            int line = -1;
            for (CodeElement e : code) {
                String where = source + ":" + (line < 0 ? "?" : line) + " in " + m.methodName().stringValue();
                switch (e) {
                    case LineNumber ln -> line = ln.line();
                    case InvokeInstruction i -> check(cls, where, i.owner().asInternalName(), i.name().stringValue(),
                            i.typeSymbol(), out, wholeClassOwners);
                    case FieldInstruction f -> check(cls, where, f.owner().asInternalName(), f.name().stringValue(),
                            null, out, wholeClassOwners);
                    case InvokeDynamicInstruction indy -> {
                        checkHandle(cls, where, indy.invokedynamic().bootstrap().bootstrapMethod(), out, wholeClassOwners);
                        for (LoadableConstantEntry arg : indy.invokedynamic().bootstrap().arguments()) {
                            if (arg instanceof MethodHandleEntry mh) {
                                checkHandle(cls, where, mh, out, wholeClassOwners);
                            }
                        }
                    }
                    case ConstantInstruction.LoadConstantInstruction c when c.constantEntry() instanceof MethodHandleEntry mh ->
                            checkHandle(cls, where, mh, out, wholeClassOwners);
                    default -> {
                    }
                }
            }
        }
        // Classes that are an effect as a whole (Unsafe, DriverManager) also count when only named,
        // e.g. Unsafe.class handed to reflection, or a checkcast.
        for (PoolEntry p : cm.constantPool()) {
            if (p instanceof ClassEntry ce) {
                String owner = ce.asInternalName();
                for (HostEffect h : HostEffect.ALL) {
                    if (h.owner().equals(owner) && h.members().contains("*") && wholeClassOwners.add(owner)) {
                        out.add(new Finding(cls, source, simple(owner), h.what()));
                    }
                }
            }
        }
        return out;
    }

    private void checkHandle(String cls, String where, MethodHandleEntry mh, List<Finding> out, Set<String> whole) {
        MemberRefEntry ref = mh.reference();
        String desc = ref.type().stringValue();
        check(cls, where, ref.owner().asInternalName(), ref.name().stringValue(),
                desc.startsWith("(") ? MethodTypeDesc.ofDescriptor(desc) : null, out, whole);
    }

    private void check(String cls, String where, String owner, String name, MethodTypeDesc type, List<Finding> out,
                       Set<String> whole) {
        HostEffect h = effect(owner, name, type);
        if (h != null) {
            out.add(new Finding(cls, where, simple(owner) + "." + name, h.what()));
            if (h.members().contains("*")) {
                whole.add(h.owner());
            }
        }
    }

    /** The effect a reference means: on the owner itself or, for methods, on any of its supertypes. */
    private HostEffect effect(String owner, String name, MethodTypeDesc type) {
        Deque<String> todo = new ArrayDeque<>(List.of(owner));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String t = todo.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            for (HostEffect h : HostEffect.ALL) {
                if (h.matches(t, name, type)) {
                    return h;
                }
            }
            // A constructor belongs to its own class: Sub.<init> is checked where Sub calls super.<init>.
            if (!name.equals("<init>")) {
                todo.addAll(supertypesOf(t));
            }
        }
        return null;
    }

    private List<String> supertypesOf(String internalName) {
        return supertypes.computeIfAbsent(internalName, n -> {
            List<String> out = new ArrayList<>();
            ClassModel cm = scanned.get(n);
            if (cm != null) {
                cm.superclass().ifPresent(s -> out.add(s.asInternalName()));
                cm.interfaces().forEach(i -> out.add(i.asInternalName()));
                return out;
            }
            if (n.startsWith("[")) {
                return out;
            }
            try {
                Class<?> c = Class.forName(n.replace('/', '.'), false, libraries);
                if (c.getSuperclass() != null) {
                    out.add(c.getSuperclass().getName().replace('.', '/'));
                }
                for (Class<?> i : c.getInterfaces()) {
                    out.add(i.getName().replace('.', '/'));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // Not on the test class path (an optional dependency): its own name was still checked.
            }
            return out;
        });
    }

    private static String simple(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}
