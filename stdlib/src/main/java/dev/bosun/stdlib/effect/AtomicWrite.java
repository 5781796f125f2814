package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.FileStat;
import dev.bosun.api.WriteOptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Temp file in the same directory, fsync, owner and mode, rename over the target, fsync the
 * directory: a crash leaves the old file or the new one, never a torn one.
 */
final class AtomicWrite {
    private AtomicWrite() {
    }

    static void write(Path target, byte[] content, WriteOptions o) {
        FileStat existing = Stat.of(target);
        if (existing != null && existing.type() == FileStat.Type.DIRECTORY) {
            throw new BosunException("cannot write " + target + ": it is a directory");
        }
        int mode = o.mode() != null ? o.mode() : existing != null ? existing.mode() : 0644;
        Integer uid = o.uid() != null ? o.uid() : existing != null ? Integer.valueOf(existing.uid()) : null;
        Integer gid = o.gid() != null ? o.gid() : existing != null ? Integer.valueOf(existing.gid()) : null;
        String name = target.getFileName().toString();
        Path tmp = target.resolveSibling(o.tempSuffix() != null ? name + o.tempSuffix()
                : "." + name + ".bosun-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            if (existing != null && o.backupSuffix() != null) {
                Path backup = target.resolveSibling(name + o.backupSuffix());
                Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Attributes.set(tmp, mode, uid, gid);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new BosunException("cannot replace " + target + " atomically: " + e.getMessage(), e);
            }
            syncDirectory(target.getParent());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The write already failed; the error below is the one worth showing.
            }
            throw new BosunException("cannot write " + target + ": " + describe(e), e);
        }
    }

    static void syncDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems refuse fsync on directories; the rename itself is still atomic there.
        }
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        String msg = e.getMessage();
        return switch (kind) {
            case "NoSuchFile" -> "no such file or directory (" + msg + ")";
            case "AccessDenied" -> "permission denied (" + msg + ")";
            case "FileAlreadyExists" -> "already exists (" + msg + ")";
            case "DirectoryNotEmpty" -> "directory not empty (" + msg + ")";
            default -> msg == null ? kind : msg;
        };
    }
}
