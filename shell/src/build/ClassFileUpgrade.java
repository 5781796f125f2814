import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the distribution (run by mvn package with the JDK's source launcher, before the AOT training):
 * rewrites class files older than Java 6 (major version 50) in the jars of a directory to Java 8 (52) with
 * stack maps, changing nothing else.
 *
 * <p>Why: the JDK 25 AOT cache cannot hold such classes ("Old class has been linked": they are verified by the
 * old type-inferring verifier, whose results the cache cannot record), and picocli ships as Java 5 class
 * files, so its 170-odd classes were parsed and verified from the jar on every start. The stack maps are
 * computed by the JDK's own class-file API; the instructions are unchanged, so behaviour is unchanged.
 *
 * <p>A jar with nothing to upgrade is left alone (its timestamp too), so the step can run on every build.
 *
 * <p>Usage: {@code java ClassFileUpgrade.java DIR}
 */
public final class ClassFileUpgrade {
    private static final int OLDEST_CACHEABLE = 50;
    private static final int TARGET = 52;

    public static void main(String[] args) throws IOException {
        try (var jars = Files.list(Path.of(args[0]))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                int n = upgrade(jar);
                if (n > 0) {
                    System.out.println("ClassFileUpgrade: " + jar.getFileName() + ": " + n + " classes to version " + TARGET);
                }
            }
        }
    }

    /** Rewrites the jar in place (through a temporary file and a rename) if it holds old classes. */
    static int upgrade(Path jar) throws IOException {
        List<? extends ZipEntry> entries;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            entries = Collections.list(zip.entries());
            int old = 0;
            for (ZipEntry e : entries) {
                if (e.getName().endsWith(".class") && major(zip.getInputStream(e).readNBytes(8)) < OLDEST_CACHEABLE) {
                    old++;
                }
            }
            if (old == 0) {
                return 0;
            }
        }
        Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int n = 0;
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             ZipFile zip = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            // Stack maps need the common super class of types that meet at a branch: the JDK's and the jar's own.
            ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
            ClassTransform version = (cb, el) -> {
                if (el instanceof ClassFileVersion) {
                    cb.withVersion(TARGET, 0);
                } else {
                    cb.with(el);
                }
            };
            // Re-emitting every method body is what makes the API compute stack maps for it.
            ClassTransform upgrade = version.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL));
            for (ZipEntry e : entries) {
                byte[] bytes = zip.getInputStream(e).readAllBytes();
                if (e.getName().endsWith(".class") && major(bytes) < OLDEST_CACHEABLE) {
                    ClassModel model = cf.parse(bytes);
                    bytes = cf.transformClass(model, upgrade);
                    n++;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return n;
    }

    /** The major version of a class file from its first 8 bytes (magic, minor, major). */
    private static int major(byte[] head) {
        return head.length < 8 ? Integer.MAX_VALUE : ((head[6] & 0xff) << 8) | (head[7] & 0xff);
    }
}
