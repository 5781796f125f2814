package dev.bosun.stdlib.audit;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditArgsTest {
    @Test
    void secretKeysUnitEntriesAndTextAreMasked() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("key", "Environment");
        entry.put("value", "POSTGRES_PASSWORD=hunter2");
        entry.put("line", 3);
        entry.put("raw", "Environment=POSTGRES_PASSWORD=hunter2\n");
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("key", "Secret");
        secret.put("value", "pg,type=env,target=X");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("user", "web");
        args.put("spec", Map.of("password", "hunter2"));
        args.put("environment", new LinkedHashMap<>(Map.of("DB_TOKEN", "t0k")));
        args.put("entries", List.of(entry, secret));
        args.put("text", "[Container]\nEnvironment=API_KEY=abc TZ=UTC\n");
        args.put("missing", null);
        assertEquals("{\"user\":\"web\",\"spec\":{\"password\":\"***\"},\"environment\":{\"DB_TOKEN\":\"***\"},"
                + "\"entries\":[{\"key\":\"Environment\",\"value\":\"POSTGRES_PASSWORD=***\",\"line\":3,"
                + "\"raw\":\"Environment=POSTGRES_PASSWORD=***\\n\"},{\"key\":\"Secret\",\"value\":\"***,type=env,target=X\"}],"
                + "\"text\":\"[Container]\\nEnvironment=API_KEY=*** TZ=UTC\\n\",\"missing\":null}", AuditArgs.json(args));
    }

    @Test
    void aDigestKeepsSizeAndHashOnly() {
        assertEquals(Map.of("bytes", 6, "sha256", "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"),
                AuditArgs.digest("hello\n"));
        assertEquals(null, AuditArgs.digest(null));
    }
}
