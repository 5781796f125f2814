import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Build step of the distribution (mvn package, the JDK's source launcher with sqlite-jdbc on the class path):
 * copies the driver's native library for this machine out of its jar into DIR. The launcher points the driver
 * at it ({@code org.sqlite.lib.path}/{@code org.sqlite.lib.name}); otherwise the driver extracts the library
 * into the temp directory at every start that opens the state database (~80 ms: a random file name, a
 * byte-by-byte comparison with an earlier copy, a copy) and loads it from there. Where the jar has no library
 * for this machine, nothing is copied and the driver does as it always did.
 *
 * <p>Usage: {@code java -cp 'lib/*' SqliteNativeLibrary.java DIR}
 */
public final class SqliteNativeLibrary {
    public static void main(String[] args) throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            if (in == null) {
                System.out.println("SqliteNativeLibrary: no " + resource + " in sqlite-jdbc; the driver extracts its own");
                return;
            }
            byte[] library = in.readAllBytes();
            Path dir = Files.createDirectories(Path.of(args[0]));
            Path target = dir.resolve(name);
            if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), library)) {
                return; // an unchanged copy stays as it is, so rebuilding is quiet
            }
            Path tmp = dir.resolve(name + ".copying");
            Files.write(tmp, library);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("SqliteNativeLibrary: " + resource + " -> " + target);
        }
    }
}
