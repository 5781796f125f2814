package dev.bosun.stdlib.effect;

import dev.bosun.api.Caller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's real and effective uid, from {@code /proc/self/status} (no native call needed). */
final class Identity {
    private static volatile Caller cached;

    private Identity() {
    }

    static Caller current() {
        Caller c = cached;
        if (c == null) {
            c = read();
            cached = c;
        }
        return c;
    }

    private static Caller read() {
        int uid = -1;
        int euid = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] f = line.substring(4).trim().split("\\s+");
                    uid = Integer.parseInt(f[0]);
                    euid = Integer.parseInt(f[1]);
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux or /proc not mounted: fall back to the JVM's notion of the user below.
        }
        String name = System.getProperty("user.name", String.valueOf(uid));
        return new Caller(uid, euid, name);
    }
}
