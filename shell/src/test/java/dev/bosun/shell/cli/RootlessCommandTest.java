package dev.bosun.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bosun.shell.render.JsonContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bosun rootless check}: the report, the --json document (docs/json.md), exit statuses, --root and dry-run. */
class RootlessCommandTest {
    @TempDir
    Path root;

    @BeforeEach
    void anOperatingSystemTree() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nalice:x:1000:\n");
        Files.writeString(root.resolve("etc/subuid"), "alice:100000:65536\n");
    }

    private String[] withRoot(String... args) {
        String[] a = new String[args.length + 4];
        a[0] = "--root";
        a[1] = root.toString();
        a[2] = "--state";
        a[3] = root.resolve("state.db").toString();
        System.arraycopy(args, 0, a, 4, args.length);
        return a;
    }

    @Test
    void theLiveHostIsReportedAndTheExitStatusIsTheVerdict() {
        CliRunner.Result json = CliRunner.run("rootless", "check", "--json");
        JsonNode doc = JsonContract.document(json.out());
        JsonNode r = doc.get("result");
        boolean canRun = r.get("canRun").asBoolean();
        assertEquals(canRun ? 0 : 1, json.status(), json.err());
        assertEquals(canRun, doc.get("ok").asBoolean());
        assertEquals("cgroup", r.get("findings").get(0).get("id").asText());
        assertEquals(14, r.get("findings").size());
        if (!canRun) {
            assertEquals("rootless.check", doc.get("error").get("op").asText());
            assertTrue(doc.get("error").get("message").asText().startsWith("rootless Podman with Quadlet cannot run for "),
                    doc.toString());
        }
        assertEquals(0, doc.get("plan").size(), "a read-only check plans nothing");

        CliRunner.Result text = CliRunner.run("rootless", "check");
        assertEquals(json.status(), text.status());
        assertTrue(text.out().startsWith("ROOTLESS: Checking for cgroup v2 (the unified hierarchy)"), text.out());
        assertTrue(text.out().contains("ROOTLESS: rootless Podman with Quadlet can"), text.out());
    }

    @Test
    void aBadOrUnknownUserIsAUsageError() {
        CliRunner.Result bad = CliRunner.run("rootless", "check", "--user", "Bad/1");
        assertEquals(2, bad.status());
        assertTrue(bad.err().startsWith("bosun: rootless.check: user \"Bad/1\" must match"), bad.err());

        CliRunner.Result json = CliRunner.run(withRoot("--json", "rootless", "check", "--user", "carol"));
        assertEquals(2, json.status());
        JsonNode error = JsonContract.document(json.out()).get("error");
        assertEquals("rootless.check", error.get("op").asText());
        assertEquals("user", error.get("param").asText());
        assertTrue(error.get("message").asText().startsWith("rootless.check: user \"carol\" is not a user in "), error.toString());
    }

    @Test
    void underAnotherRootTheRootsFilesAreReadAndDryRunChangesNothing() {
        CliRunner.Result r = CliRunner.run(withRoot("--json", "-n", "rootless", "check", "--user", "alice"));
        JsonNode doc = JsonContract.document(r.out());
        JsonNode result = doc.get("result");
        assertEquals(1, r.status(), r.out());
        assertFalse(result.get("canRun").asBoolean());
        JsonNode subuid = result.get("findings").get(5);
        assertEquals("subuid", subuid.get("id").asText());
        assertEquals("ok", subuid.get("status").asText(), "alice's range in the root's etc/subuid");
        JsonNode subgid = result.get("findings").get(6);
        assertEquals("fail", subgid.get("status").asText(), "the root has no etc/subgid");
        JsonNode podman = result.get("findings").get(12);
        assertEquals("fail", podman.get("status").asText(), "the root has no usr/bin/podman");
        assertEquals(0, doc.get("plan").size());
        assertFalse(Files.exists(root.resolve("state.db")), "a read-only check creates no state database");
    }
}
