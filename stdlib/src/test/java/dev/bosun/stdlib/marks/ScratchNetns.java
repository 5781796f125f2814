package dev.bosun.stdlib.marks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Scratch network namespaces for tests, named {@code bosun-t-<random>-<role>}; every command here
 * runs inside one of them (ip -n / ip netns exec), never in the host's namespace. Close deletes them.
 */
final class ScratchNetns implements AutoCloseable {
    private final String prefix = "bosun-t-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    private final List<String> created = new ArrayList<>();

    static boolean usable() {
        return "root".equals(System.getProperty("user.name")) && run(List.of("ip", "netns", "list")).rc == 0
                && run(List.of("nft", "--version")).rc == 0 && run(List.of("ping", "-V")).rc == 0;
    }

    String add(String role) {
        String name = prefix + "-" + role;
        sh("ip", "netns", "add", name);
        created.add(name);
        sh("ip", "-n", name, "link", "set", "lo", "up");
        return name;
    }

    /** Runs a command, failing the test when it fails. */
    static String sh(String... argv) {
        Result r = run(List.of(argv));
        if (r.rc != 0) {
            throw new AssertionError(String.join(" ", argv) + " failed (" + r.rc + "): " + r.err + r.out);
        }
        return r.out;
    }

    record Result(int rc, String out, String err) {
    }

    static Result run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(argv + " timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(127, "", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        for (String ns : created) {
            run(List.of("ip", "netns", "del", ns));
        }
        for (String ns : created) {
            if (run(List.of("ip", "netns", "list")).out.contains(ns)) {
                throw new AssertionError("netns " + ns + " was not deleted");
            }
        }
        created.clear();
    }
}
