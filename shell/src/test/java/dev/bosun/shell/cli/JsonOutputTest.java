package dev.bosun.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bosun.shell.render.JsonContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The --json contract (docs/json.md) for every command, and --detailed-exitcode. */
class JsonOutputTest {
    @TempDir
    Path root;

    @BeforeEach
    void anOperatingSystemTree() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
    }

    @AfterEach
    void restoreEnvironment() {
        QuadletCommand.Generate.environment = System::getenv;
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
    void aDryRunsPlanIsInTheDocumentWithItsDiff() {
        CliRunner.Result r = CliRunner.run(withRoot("--json", "-n", "-e", "files.write('/etc/motd', 'hello\\n')"));
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JsonContract.document(r.out());
        assertTrue(doc.get("ok").asBoolean());
        JsonNode plan = doc.get("plan");
        assertEquals(1, plan.size(), r.out());
        assertEquals("/etc/motd", plan.get(0).get("target").asText());
        assertTrue(plan.get(0).get("diff").asText().contains("+hello"), r.out());
        assertEquals("", r.err(), "the plan is not printed on stderr any more");
        assertFalse(Files.exists(root.resolve("etc/motd")));
    }

    @Test
    void aRealRunListsTheChangesItMade() {
        CliRunner.Result r = CliRunner.run(withRoot("--json", "-e", "files.write('/etc/motd', 'hello\\n'); 42"));
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JsonContract.document(r.out());
        assertEquals(42, doc.get("result").asInt());
        assertEquals("/etc/motd", doc.get("plan").get(0).get("target").asText(), r.out());
    }

    @Test
    void anOperationsErrorIsInTheDocumentWithItsName() {
        CliRunner.Result r = CliRunner.run(withRoot("--json", "-e", "files.write('etc/motd', 'x')"));
        assertEquals(1, r.status());
        JsonNode doc = JsonContract.document(r.out());
        assertFalse(doc.get("ok").asBoolean());
        assertTrue(doc.get("result").isNull());
        assertEquals("files.write", doc.get("error").get("op").asText(), r.out());
        assertTrue(doc.get("error").get("message").asText()
                .startsWith("TypeError: files.write: path \"etc/motd\" must be an absolute path"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void usageErrorsAreDocumentsWithExitTwo() {
        CliRunner.Result missing = CliRunner.run("--json", "--root", root.resolve("nope").toString(), "-e", "1");
        assertEquals(2, missing.status(), missing.err());
        assertFalse(JsonContract.document(missing.out()).get("ok").asBoolean());
        CliRunner.Result unknown = CliRunner.run("--json", "--no-such-option");
        assertEquals(2, unknown.status());
        assertTrue(JsonContract.document(unknown.out()).get("error").get("message").asText().contains("--no-such-option"));
        CliRunner.Result script = CliRunner.run("--json", "run", root.resolve("absent.js").toString());
        assertEquals(2, script.status());
        JsonContract.document(script.out());
    }

    @Test
    void aScriptsOwnOutputGoesToStderrAndExitIsAnError() throws Exception {
        Path script = root.resolve("s.mjs");
        Files.writeString(script, "console.log('chatter'); exit(4);\n");
        CliRunner.Result r = CliRunner.run("--json", "run", script.toString());
        assertEquals(4, r.status());
        JsonNode doc = JsonContract.document(r.out());
        assertEquals("the script called exit(4)", doc.get("error").get("message").asText());
        assertEquals("chatter\n", r.err());
    }

    @Test
    void stdinModeAndWarningsAreInTheDocument() {
        CliRunner.Result r = CliRunner.withStdin("[1, 2].map(x => x * 2)", withRoot("--json", "--no-audit"));
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JsonContract.document(r.out());
        assertEquals("[2,4]", doc.get("result").toString());
        assertTrue(doc.get("warnings").get(0).asText().startsWith("--no-audit:"), r.out());
        assertFalse(r.err().contains("warning"), r.err());
    }

    @Test
    void aRefusedArgumentNamesTheOperationAndTheParameter() {
        CliRunner.Result r = CliRunner.run("--json", "kvm", "check", "--user", "Bad/1");
        assertEquals(2, r.status(), r.out());
        JsonNode error = JsonContract.document(r.out()).get("error");
        assertEquals("kvm.check", error.get("op").asText(), r.out());
        assertEquals("user", error.get("param").asText(), r.out());
        assertTrue(error.get("message").asText().startsWith("kvm.check: user \"Bad/1\" must match"), r.out());
    }

    @Test
    void listingsAreDocuments() {
        JsonContract.document(CliRunner.run("--json", "--no-plugins", "ops", "host").out());
        CliRunner.Result plugins = CliRunner.run("--json", "--plugins", root.toString(), "plugins", "list");
        assertEquals(0, plugins.status(), plugins.err());
        assertTrue(JsonContract.result(plugins.out()).isArray());
        CliRunner.Result info = CliRunner.run("--json", "plugins", "info", "no-such-plugin");
        assertEquals(1, info.status());
        JsonContract.document(info.out());
    }

    @Test
    void scratchRootAndQuadletGenerateAreDocuments() throws Exception {
        Path made = root.resolve("scratch");
        CliRunner.Result plan = CliRunner.run("--json", "-n", "--state", root.resolve("s.db").toString(),
                "scratch-root", made.toString());
        assertEquals(0, plan.status(), plan.err());
        assertTrue(JsonContract.document(plan.out()).get("plan").size() > 3, plan.out());
        assertFalse(Files.exists(made));

        Path units = root.resolve("units");
        Files.createDirectories(units);
        Files.writeString(units.resolve("web.container"), "[Container]\nImage=quay.io/x/web\n");
        QuadletCommand.Generate.environment = () -> Map.of("QUADLET_UNIT_DIRS", units.toString(), "PODMAN", "/usr/bin/podman");
        CliRunner.Result gen = CliRunner.run("--json", "quadlet", "generate", "-dryrun");
        assertEquals(0, gen.status(), gen.err());
        assertEquals(1, JsonContract.result(gen.out()).size(), gen.out());
        assertEquals("5.4.2", JsonContract.result(CliRunner.run("--json", "quadlet", "generate", "--podman", "5.4.2",
                "-version").out()).asText());
    }

    @Test
    void detailedExitcodeSaysWhetherThePlanHasChanges() {
        String write = "files.write('/etc/motd', 'hello\\n')";
        assertEquals(3, CliRunner.run(withRoot("-n", "--detailed-exitcode", "-e", write)).status());
        CliRunner.Result json = CliRunner.run(withRoot("--json", "-n", "--detailed-exitcode", "-e", write));
        assertEquals(3, json.status());
        assertTrue(JsonContract.document(json.out()).get("ok").asBoolean(), "changes pending is not a failure");
        assertEquals(0, CliRunner.run(withRoot("-n", "--detailed-exitcode", "-e", "files.read('/etc/passwd')")).status());
        assertEquals(0, CliRunner.run(withRoot("-e", write)).status());
        assertEquals(0, CliRunner.run(withRoot("-n", "--detailed-exitcode", "-e", write)).status(), "converged");
        assertEquals(1, CliRunner.run(withRoot("-n", "--detailed-exitcode", "-e", "files.write('x', '')")).status());
        assertEquals(2, CliRunner.run(withRoot("--detailed-exitcode", "-e", write)).status(), "needs -n");
    }
}
