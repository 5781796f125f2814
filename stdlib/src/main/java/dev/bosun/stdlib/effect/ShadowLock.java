package dev.bosun.stdlib.effect;

import dev.bosun.api.BosunException;
import dev.bosun.api.Fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * shadow-utils' lock protocol (lib/commonio.c): write our PID to {@code <file>.<pid>}, hard-link it to
 * {@code <file>.lock}, check the link count is 2, remove the temp name. A lock whose PID is dead is
 * stale and removed. Compatible with useradd, usermod and newuidmap holding the same lock.
 */
final class ShadowLock implements Fs.FileLock {
    private final Path lock;
    private boolean held = true;

    private ShadowLock(Path lock) {
        this.lock = lock;
    }

    static ShadowLock acquire(Path file, Duration timeout) {
        long pid = ProcessHandle.current().pid();
        Path tmp = file.resolveSibling(file.getFileName() + "." + pid);
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        long deadline = System.nanoTime() + timeout.toNanos();
        long holder = -1;
        try {
            while (true) {
                writePid(tmp, pid);
                try {
                    Files.createLink(lock, tmp);
                    int links = (Integer) Files.getAttribute(tmp, "unix:nlink");
                    Files.deleteIfExists(tmp);
                    if (links == 2) {
                        return new ShadowLock(lock);
                    }
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(tmp);
                    holder = readPid(lock);
                    if (holder > 0 && holder != pid && ProcessHandle.of(holder).isEmpty()) {
                        // Stale: the holder died without unlinking. shadow-utils removes it the same way.
                        Files.deleteIfExists(lock);
                        continue;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new BosunException("cannot lock " + file + ": " + lock.getFileName() + " is held by PID "
                            + holder + "; try again later");
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new BosunException("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BosunException("interrupted while waiting for the lock on " + file);
        }
    }

    private static void writePid(Path tmp, long pid) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap((pid + "\0").getBytes(StandardCharsets.US_ASCII)));
            ch.force(false);
        }
    }

    private static long readPid(Path lock) {
        try {
            String s = Files.readString(lock, StandardCharsets.US_ASCII).replace("\0", "").trim();
            return s.isEmpty() ? -1 : Long.parseLong(s);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        if (held) {
            held = false;
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                throw new BosunException("cannot release " + lock + ": " + e.getMessage(), e);
            }
        }
    }
}
