package dev.bosun.stdlib.attack;

import dev.bosun.api.BosunException;
import dev.bosun.api.Fs;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.subids.SubIdsModule;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;

import static dev.bosun.stdlib.attack.PathVictims.fingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An untrusted image under {@code --root DIR} plants links under the names Bosun's own writes and locks
 * use: shadow-utils' temp ({@code etc/subgid+}), lock temp ({@code etc/subuid.<pid>}) and backup
 * ({@code etc/passwd-}, {@code etc/subuid-}) names, pointing at files outside DIR. Bosun's writes and
 * locks replace or unlink those links and never write, truncate or chmod what they point at. A link
 * that moves {@code etc} itself outside DIR resolves inside DIR.
 */
@Tag("attack")
class PathRootImageLinkAttackTest {
    private final SubIdsModule subids = new SubIdsModule();
    private ScratchRoot image;
    private Path outside;

    @BeforeEach
    void setUp() throws Exception {
        image = ScratchRoot.empty();
        image.write("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n");
        image.write("/etc/group", "root:x:0:\nalice:x:1000:\n");
        image.write("/etc/subuid", "");
        image.write("/etc/subgid", "");
        outside = PathVictims.base("bosun-attack-image-");
        PathVictims.victimDir(outside);
        for (String v : new String[] {"subgid-temp", "subuid-pid", "subuid-backup", "passwd-backup", "passwd-temp"}) {
            Path f = outside.resolve("victim/" + v);
            Files.writeString(f, "outside " + v + "\n");
            Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (image != null) {
            image.close();
        }
        PathVictims.remove(outside);
    }

    private void plant(String name, String victim) throws Exception {
        Files.createSymbolicLink(image.path("/etc/" + name), outside.resolve("victim/" + victim));
    }

    @Test
    void plantedShadowNamesNeverLeadBosunsWritesOrLocksOutside() throws Exception {
        long pid = ProcessHandle.current().pid();
        plant("subgid+", "subgid-temp");
        plant("subuid." + pid, "subuid-pid");
        plant("subuid-", "subuid-backup");
        plant("passwd-", "passwd-backup");
        plant("passwd+", "passwd-temp");
        String before = fingerprint(outside);
        try (LocalHostContext ctx = image.context(false)) {
            assertTrue(subids.allocate(ctx, "alice", null).changed());
            try (Fs.FileLock lock = ctx.fs().lock("/etc/passwd", Duration.ofSeconds(2))) {
                ctx.fs().write("/etc/passwd", image.read("/etc/passwd") + "bob:x:1001:1001::/home/bob:/bin/sh\n",
                        Fs.shadowStyle());
            }
        }
        assertEquals(before, fingerprint(outside), "nothing outside the image changed");
        assertTrue(image.read("/etc/subuid").startsWith("alice:"), image.read("/etc/subuid"));
        assertTrue(image.read("/etc/subgid").startsWith("alice:"), image.read("/etc/subgid"));
        assertTrue(image.read("/etc/passwd").contains("bob:"));
        for (String name : new String[] {"subuid-", "passwd-"}) {
            assertFalse(Files.isSymbolicLink(image.path("/etc/" + name)), name + " is now a real backup");
        }
        for (String name : new String[] {"subgid+", "subuid." + pid, "passwd+", "subuid.lock", "passwd.lock"}) {
            assertFalse(Files.exists(image.path("/etc/" + name), LinkOption.NOFOLLOW_LINKS), name + " is gone");
        }
    }

    @Test
    void anEtcThatIsALinkOutsideResolvesInsideTheImage() throws Exception {
        Path realEtc = outside.resolve("etc");
        Files.move(image.path("/etc"), realEtc);
        Files.createSymbolicLink(image.path("/etc"), realEtc);
        String before = fingerprint(outside);
        try (LocalHostContext ctx = image.context(false)) {
            // DIR/etc -> /tmp/.../etc means DIR/tmp/.../etc, which the image does not have: no users, no files.
            BosunException e = assertThrows(BosunException.class, () -> subids.allocate(ctx, "alice", null));
            assertTrue(e.getMessage().contains("alice"), e.getMessage());
            BosunException w = assertThrows(BosunException.class, () -> ctx.fs().write("/etc/subuid", "x\n",
                    Fs.shadowStyle()));
            assertEquals("cannot write /etc/subuid: no such file or directory", w.getMessage());
        }
        assertEquals(before, fingerprint(outside));
    }
}
