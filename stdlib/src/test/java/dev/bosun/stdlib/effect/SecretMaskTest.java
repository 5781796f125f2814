package dev.bosun.stdlib.effect;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretMaskTest {
    private static final String HASH = "$6$rounds=5000$saltsalt$0123456789abcdefABCDEF";

    private static String diff(String path, String before, String after) {
        return UnifiedDiff.of(path, before == null ? null : before.getBytes(StandardCharsets.UTF_8),
                after == null ? null : after.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shadowDiffsMaskTheHashAndShowNoContext() {
        String before = "root:" + HASH + ":19000:0:99999:7:::\nalice:" + HASH + ":19000:0:99999:7:::\n"
                + "bob:!" + HASH + ":19000:0:99999:7:::\n";
        String after = before + "x:!:19001:0:99999:7:::\n";
        String d = diff("/etc/shadow", before, after);
        assertFalse(d.contains("$6$"), d);
        assertFalse(d.contains("alice") || d.contains("root:") || d.contains("bob"), "no context lines: " + d);
        assertTrue(d.contains("+x:!:19001:0:99999:7:::"), d);

        String changedHash = diff("/etc/shadow+", after, after.replace("alice:" + HASH, "alice:$y$j9T$other"));
        assertEquals("--- a/etc/shadow+\n+++ b/etc/shadow+\n@@ -2,1 +2,1 @@\n-alice:***:19000:0:99999:7:::\n"
                + "+alice:***:19000:0:99999:7:::\n", changedHash);
        String locked = diff("/etc/gshadow-", "wheel:" + HASH + "::\n", "wheel:!" + HASH + "::\n");
        assertTrue(locked.contains("-wheel:***::") && locked.contains("+wheel:!***::"), locked);
        String deleted = diff("/srv/chroot/etc/shadow", before, null);
        assertFalse(deleted.contains("$6$"), deleted);
    }

    @Test
    void otherFilesKeepContextButMaskSecretValues() {
        String before = "[Container]\nImage=docker.io/library/postgres:17\nEnvironment=POSTGRES_PASSWORD=hunter2\n"
                + "PublishPort=5432:5432\n";
        String d = diff("/etc/containers/systemd/db.container", before, before.replace("5432:5432", "5433:5432"));
        assertFalse(d.contains("hunter2"), d);
        assertTrue(d.contains(" Environment=POSTGRES_PASSWORD=***"), "context lines stay, masked: " + d);
        assertTrue(d.contains(" Image=docker.io/library/postgres:17"), d);
        String created = diff("/srv/app.env", null, "DB_TOKEN=abc\nTZ=UTC\n");
        assertTrue(created.contains("+DB_TOKEN=***\n+TZ=UTC\n"), created);
    }

    @Test
    void shadowFilesAreRecognisedByName() {
        for (String p : new String[] {"/etc/shadow", "/etc/gshadow", "/etc/shadow-", "/etc/gshadow+", "/x/etc/shadow"}) {
            assertTrue(SecretMask.isShadowFormat(p), p);
        }
        for (String p : new String[] {"/etc/passwd", "/etc/shadow.lock", "/etc/shadowsocks", "/etc/subuid"}) {
            assertFalse(SecretMask.isShadowFormat(p), p);
        }
    }
}
