import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step of the distribution (tarball.sh, the JDK's source launcher): removes the native libraries for every
 * operating system and architecture (org/sqlite/native/, 20 MB, 11 MB of the tarball) from the copy of the
 * sqlite-jdbc jar in the distribution. The launcher points the driver at lib/native with org.sqlite.lib.path and
 * org.sqlite.lib.name, so it never looks into the jar for one; the jar is not signed, so nothing else notices.
 *
 * <p>Usage: {@code java SqliteJarNatives.java JAR}
 */
public final class SqliteJarNatives {
    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Path natives = zip.getPath("/org/sqlite/native");
            if (!Files.isDirectory(natives)) {
                System.out.println("SqliteJarNatives: no org/sqlite/native in " + jar);
                return;
            }
            List<Path> entries;
            try (Stream<Path> s = Files.walk(natives)) {
                entries = s.sorted(Comparator.reverseOrder()).toList();
            }
            for (Path p : entries) {
                Files.delete(p);
            }
            System.out.println("SqliteJarNatives: removed " + entries.size() + " entries of org/sqlite/native from " + jar);
        }
    }
}
