package dev.bosun.stdlib.effect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Deletes a tree bottom-up without following symlinks: a link is unlinked, never entered, so a
 * hostile tree whose links point outside cannot make us delete anything there.
 */
final class TreeDelete {
    private TreeDelete() {
    }

    static void delete(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path child : ds) {
                    delete(child);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
