package dev.bosun.shell.attack;

import dev.bosun.shell.js.Session;
import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.stdlib.effect.LocalHostContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real {@link Session} over the standard library on a scratch root (a small passwd/group/shadow set under
 * {@code root/etc}), the way the CLI builds one, for attacks made from JS. The state database lives beside
 * the root, not in it, so the root's snapshot covers every file an operation could change there; the host's
 * own account files are hashed too, so an attack that escaped the root would show.
 */
final class JsAttackSession implements AutoCloseable {
    /** Files outside the scratch area an escaped attack would touch first. */
    private static final List<Path> HOST_VICTIMS = List.of(Path.of("/etc/passwd"), Path.of("/etc/group"),
            Path.of("/etc/shadow"), Path.of("/etc/gshadow"), Path.of("/etc/subuid"), Path.of("/etc/subgid"));

    final Path root;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final LocalHostContext host;
    final Session session;
    private final String before;

    /**
     * @param dir       a fresh temporary directory: the root is {@code dir/root}, the state database beside it
     * @param dryRun    plan only; attacks that must be refused run applied, so a success would change the root
     * @param scriptDir the directory scripts may import from, or null for an {@code -e}-like session
     */
    JsAttackSession(Path dir, boolean dryRun, Path scriptDir) throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                + "alice:x:1000:1000::/home/alice:/bin/bash\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nwheel:x:10:\nalice:x:1000:\n");
        for (String secret : List.of("shadow", "gshadow")) {
            Path p = etc.resolve(secret);
            Files.writeString(p, secret.equals("shadow") ? "root:*:20000:0:99999:7:::\nalice:!:20000::::::\n"
                    : "root:*::\nwheel:*::\nalice:!::\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(etc.resolve("subuid"), "alice:100000:65536\n");
        Files.writeString(etc.resolve("subgid"), "alice:100000:65536\n");
        host = LocalHostContext.open(root, dryRun, dir.resolve("state").resolve("bosun.db"), "attack-test");
        session = new Session(ModuleRegistry.withStdlib(), host, new Session.Options(new PrintStream(out, true),
                new PrintStream(err, true), scriptDir, List.of("first"), false));
        before = snapshot();
    }

    /**
     * Runs the code as a script statement list; returns {@code ok|<String(result)>} or
     * {@code <error name>|<message>} as the script itself would see what it caught.
     */
    String attempt(String code) {
        return session.eval("(() => { try { const r = (() => { " + code + " })(); return 'ok|' + String(r); } "
                + "catch (e) { return (e && e.name) + '|' + (e && e.message); } })()", "attack.js").asString();
    }

    /** Fails when any file under the root, or any host account file, differs from when the session opened. */
    void assertNothingChanged() throws IOException {
        assertEquals(before, snapshot(), "the attack changed files under the scratch root or on the host");
    }

    String etc(String name) throws IOException {
        return Files.readString(root.resolve("etc").resolve(name));
    }

    private String snapshot() throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                files.put(root.relativize(p).toString(), describe(p));
            }
        }
        for (Path p : HOST_VICTIMS) {
            files.put("host:" + p, Files.exists(p) ? describe(p) : "absent");
        }
        return files.toString();
    }

    private static String describe(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return "link->" + Files.readSymbolicLink(p);
        }
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        return Files.isRegularFile(p) ? mode + ":" + sha256(Files.readAllBytes(p)) : mode + ":dir";
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        session.close();
        host.close();
    }
}
