package dev.bosun.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What lab boxes can leave on the machine, as it is now: processes of a box (lab/run gives the lifecycle,
 * nspawn and the box's PID 1 the variable BOSUN_LAB_BOX=NAME; every other process of a box dies with its PID
 * 1), mounts and named network namespaces that mention the lab, box cgroups (bosun-lab/NAME) and box scratch
 * directories. The lab keeps mounts and network namespaces private to each box, so any of those on the host is
 * a leak.
 */
final class Leftovers {
    static final Path SCRATCH = Path.of(System.getenv().getOrDefault("BOSUN_LAB_SCRATCH", "/var/tmp/bosun-lab"));
    private static final byte[] MARK = "BOSUN_LAB_BOX=".getBytes(StandardCharsets.US_ASCII);

    private static List<String> before;

    private Leftovers() {
    }

    /** Everything of any box on this machine now, one line each naming the box. */
    static List<String> now() throws IOException {
        List<String> out = new ArrayList<>();
        processes(out);
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            if (line.contains("bosun-lab")) {
                out.add("mount " + line);
            }
        }
        list(Path.of("/run/netns"), p -> p.getFileName().toString().contains("lab"), "network namespace ", out);
        for (Path hierarchy : cgroupHierarchies()) {
            list(hierarchy.resolve("bosun-lab"), p -> Files.isDirectory(p), "cgroup ", out);
        }
        list(SCRATCH, p -> !p.getFileName().toString().startsWith("."), "box directory ", out);
        return out;
    }

    /** Records the state before the first box of this test run (once). */
    static synchronized void recordBeforeSuite() throws IOException {
        if (before == null) {
            before = now();
        }
    }

    /** Leftovers that were not there before the first box of this run; null when no box was booted. */
    static synchronized List<String> sinceSuiteStart() throws IOException {
        if (before == null) {
            return null;
        }
        List<String> left = new ArrayList<>(now());
        left.removeAll(before);
        return left;
    }

    private static void processes(List<String> out) throws IOException {
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("[0-9]+"))) {
            for (Path p : procs) {
                byte[] env;
                try {
                    env = Files.readAllBytes(p.resolve("environ"));
                } catch (IOException e) {
                    continue; // the process ended meanwhile
                }
                String box = boxOf(env);
                if (box != null) {
                    String comm;
                    try {
                        comm = Files.readString(p.resolve("comm")).strip();
                    } catch (IOException e) {
                        continue;
                    }
                    out.add("process " + p.getFileName() + " (" + comm + ") of box " + box);
                }
            }
        }
    }

    /** Mount points of the cgroup hierarchies the lab makes box cgroups in: cgroup2, and v1 name=systemd. */
    private static List<Path> cgroupHierarchies() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] f = line.split(" ");
            int dash = line.indexOf(" - ");
            String[] tail = line.substring(dash + 3).split(" ");
            boolean v2 = tail[0].equals("cgroup2");
            boolean named = tail[0].equals("cgroup") && ("," + tail[tail.length - 1] + ",").contains(",name=systemd,");
            if ((v2 || named) && !out.contains(Path.of(f[4]))) {
                out.add(Path.of(f[4]));
            }
        }
        return out;
    }

    /** The value of BOSUN_LAB_BOX in a NUL-separated environment, or null. */
    private static String boxOf(byte[] env) {
        int start = 0;
        for (int i = 0; i <= env.length; i++) {
            if (i == env.length || env[i] == 0) {
                if (i - start > MARK.length && java.util.Arrays.equals(env, start, start + MARK.length, MARK, 0, MARK.length)) {
                    return new String(env, start + MARK.length, i - start - MARK.length, StandardCharsets.UTF_8);
                }
                start = i + 1;
            }
        }
        return null;
    }

    private static void list(Path dir, DirectoryStream.Filter<Path> filter, String what, List<String> out) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, filter)) {
            for (Path p : s) {
                out.add(what + p);
            }
        }
    }
}
