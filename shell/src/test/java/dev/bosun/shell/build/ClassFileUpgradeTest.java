package dev.bosun.shell.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static java.lang.constant.ConstantDescs.CD_int;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build step that makes picocli's Java 5 class files cacheable (shell/src/build/ClassFileUpgrade.java),
 * run as the build runs it: the JDK's source launcher on a directory of jars.
 */
class ClassFileUpgradeTest {
    private static final Path PROGRAM = Path.of("src/build/ClassFileUpgrade.java");

    /** A Java 5 class (no stack maps) whose method branches, so the new verifier needs a stack map for it. */
    private static byte[] oldClassWithBranch(int version) {
        return ClassFile.of().build(ClassDesc.of("old.Sign"), cb -> cb
                .withVersion(version, 0)
                .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_SUPER)
                .withMethodBody("sign", MethodTypeDesc.of(CD_int, CD_int), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        code -> code.iload(0).ifThen(Opcode.IFLT, t -> t.iconst_m1().ireturn()).iconst_1().ireturn()));
    }

    private static void jar(Path jar, Map<String, byte[]> entries) throws Exception {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    private static void upgrade(Path dir) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                PROGRAM.toString(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "upgrade timed out");
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void oldClassesGetVersion52WithStackMapsAndStillRun(@TempDir Path dir) throws Exception {
        byte[] text = "not a class\n".getBytes(StandardCharsets.UTF_8);
        Path jar = dir.resolve("old.jar");
        jar(jar, Map.of("old/Sign.class", oldClassWithBranch(49), "old/readme.txt", text));

        upgrade(dir);

        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ClassModel model = ClassFile.of().parse(zip.getInputStream(zip.getEntry("old/Sign.class")).readAllBytes());
            assertEquals(52, model.majorVersion());
            MethodModel sign = model.methods().stream().filter(m -> m.methodName().equalsString("sign")).findFirst()
                    .orElseThrow();
            assertTrue(sign.code().orElseThrow().findAttribute(Attributes.stackMapTable()).isPresent(),
                    "the branching method has a stack map");
            assertArrayEquals(text, zip.getInputStream(zip.getEntry("old/readme.txt")).readAllBytes());
        }
        // Loading verifies the class with the type-checking verifier; calling it shows the code is unchanged.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Method sign = loader.loadClass("old.Sign").getMethod("sign", int.class);
            assertEquals(-1, sign.invoke(null, -5));
            assertEquals(1, sign.invoke(null, 7));
        }
    }

    @Test
    void aJarWithoutOldClassesIsLeftAsItIs(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("new.jar");
        jar(jar, Map.of("old/Sign.class", oldClassWithBranch(50)));
        FileTime before = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(jar, before);
        byte[] bytes = Files.readAllBytes(jar);

        upgrade(dir);

        assertEquals(before, Files.getLastModifiedTime(jar), "an untouched jar keeps its time (the AOT cache checks it)");
        assertArrayEquals(bytes, Files.readAllBytes(jar));
    }
}
