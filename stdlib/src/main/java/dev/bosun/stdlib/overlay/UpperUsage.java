package dev.bosun.stdlib.overlay;

import dev.bosun.api.BosunException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Entries and bytes of an upper layer (lstat sizes of regular files; symlinks are not followed). */
record UpperUsage(long entries, long bytes) {
    static UpperUsage of(Path upper) {
        if (!Files.isDirectory(upper, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return new UpperUsage(0, 0);
        }
        long[] acc = new long[2];
        try {
            Files.walkFileTree(upper, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(upper)) {
                        acc[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    acc[0]++;
                    if (attrs.isRegularFile()) {
                        acc[1] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    acc[0]++;
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new BosunException("cannot walk " + upper + ": " + e.getMessage(), e);
        }
        return new UpperUsage(acc[0], acc[1]);
    }
}
