package dev.bosun.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bosun.shell.render.JsonContract;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
    @TempDir
    Path root;

    @org.junit.jupiter.api.BeforeEach
    void anOperatingSystemTree() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
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
    void evaluatesAnExpression() {
        CliRunner.Result r = CliRunner.run("-e", "1+1");
        assertEquals(0, r.status(), r.err());
        assertEquals("2\n", r.out());
    }

    @Test
    void hostInfoIsAReadableRecordAndValidJson() throws Exception {
        CliRunner.Result r = CliRunner.run("-e", "host.info()");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("kernel\\s+\\S+")), r.out());
        CliRunner.Result j = CliRunner.run("--json", "-e", "host.info()");
        JsonNode n = JsonContract.result(j.out());
        assertTrue(n.get("kernel").isTextual());
        assertTrue(n.get("root").isBoolean());
    }

    @Test
    void dryRunPrintsThePlanWithTheDiffAndWritesNothing() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        CliRunner.Result r = CliRunner.run(withRoot("--dry-run", "-e", "files.write('/etc/motd', 'hello\\n')"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Plan (dry-run, nothing was changed): 1 change"), r.out());
        assertTrue(r.out().contains("+hello"), r.out());
        assertFalse(Files.exists(root.resolve("etc/motd")));

        CliRunner.Result applied = CliRunner.run(withRoot("-e", "files.write('/etc/motd', 'hello\\n')"));
        assertEquals(0, applied.status(), applied.err());
        assertEquals("hello\n", Files.readString(root.resolve("etc/motd")));
        CliRunner.Result audit = CliRunner.run(withRoot("--json", "-e", "audit.list()"));
        JsonNode rows = JsonContract.result(audit.out());
        assertEquals("files.write", rows.get(0).get("op").asText());
        assertEquals("-e", rows.get(0).get("source").asText());
    }

    @Test
    void scriptWithBadArgumentExitsOneWithOneLineError() throws Exception {
        Path script = root.resolve("bad.js");
        Files.writeString(script, "files.write('etc/motd', 'x');\n");
        CliRunner.Result r = CliRunner.run(withRoot("run", script.toString()));
        assertEquals(1, r.status());
        assertEquals("bosun: TypeError: files.write: path \"etc/motd\" must be an absolute path (at bad.js:1)\n",
                r.err());
        assertFalse(Files.exists(root.resolve("var/lib/bosun/bosun.db")), "refused input leaves no audit row");
    }

    @Test
    void scriptArgumentsOptionsAndExitCode() throws Exception {
        Path script = root.resolve("args.mjs");
        Files.writeString(script, "console.log(args.join(' ')); exit(args.length);\n");
        CliRunner.Result r = CliRunner.run("--dry-run", "run", script.toString(), "--name", "x");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.out().startsWith("--name x\n"), r.out());
        assertTrue(r.out().contains("Plan (dry-run): no changes."), "--dry-run before FILE is Bosun's: " + r.out());
    }

    @Test
    void everythingAfterTheScriptBelongsToTheScript() throws Exception {
        // As in node, deno and zx: `deploy.js -n 3` must not turn on Bosun's dry-run, `--root x` must not change the root.
        Path script = root.resolve("args.mjs");
        Files.writeString(script, "console.log(JSON.stringify(args)); files.write('/args.txt', 'hi\\n');\n");
        CliRunner.Result r = CliRunner.run(withRoot("run", script.toString(), "-n", "3", "--root", "/nonexistent",
                "--json", "-v"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("[\"-n\",\"3\",\"--root\",\"/nonexistent\",\"--json\",\"-v\"]\n"), r.out());
        assertEquals("hi\n", Files.readString(root.resolve("args.txt")), "applied: -n after FILE is the script's");
        CliRunner.Result beforeFile = CliRunner.run(withRoot("run", "--dry-run", script.toString()));
        assertEquals(0, beforeFile.status(), beforeFile.err());
        assertTrue(beforeFile.out().contains("Plan (dry-run)"), "options between run and FILE are Bosun's: " + beforeFile.out());
    }

    @Test
    void aRootThatIsNotAnOperatingSystemTreeIsAUsageError() throws Exception {
        CliRunner.Result missing = CliRunner.run("--root", root.resolve("nope").toString(), "-e", "1");
        assertEquals(2, missing.status());
        assertEquals("bosun: --root " + root.resolve("nope") + ": no such directory; make a scratch root to try Bosun "
                + "on with: bosun scratch-root " + root.resolve("nope") + "\n", missing.err());
        Path empty = Files.createDirectory(root.resolve("empty"));
        CliRunner.Result bare = CliRunner.run("--root", empty.toString(), "-e", "users.ensure({name: 'x'})");
        assertEquals(2, bare.status());
        assertTrue(bare.err().startsWith("bosun: --root " + empty + " is not an operating-system tree: it has no "
                + "etc/passwd (a root needs at least etc/passwd and etc/group)"), bare.err());
        assertEquals(1, bare.err().lines().count(), bare.err());
        try (Stream<Path> s = Files.list(empty)) {
            assertEquals(0, s.count(), "nothing created in a refused root");
        }
    }

    @Test
    void scratchRootMakesATreeWithoutPasswordHashesOnceAndDryRunWritesNothing() throws Exception {
        Path planned = root.resolve("planned");
        CliRunner.Result dry = CliRunner.run("--dry-run", "--state", root.resolve("s.db").toString(), "scratch-root",
                planned.toString());
        assertEquals(0, dry.status(), dry.err());
        assertTrue(dry.out().contains("create " + planned + "/etc/passwd"), dry.out());
        assertFalse(Files.exists(planned), "a dry-run creates nothing");

        Path made = root.resolve("made");
        CliRunner.Result r = CliRunner.run("--state", root.resolve("s.db").toString(), "scratch-root", made.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(Files.readString(Path.of("/etc/passwd")), Files.readString(made.resolve("etc/passwd")));
        for (String line : Files.readAllLines(made.resolve("etc/shadow"))) {
            assertEquals("*", line.split(":", -1)[1], "no hash leaves /etc/shadow: " + line.split(":")[0]);
        }
        assertTrue(Files.isRegularFile(made.resolve("etc/subuid")));
        CliRunner.Result audited = CliRunner.run("--state", root.resolve("s.db").toString(), "-e",
                "audit.list({op: 'scratch_root'}).map(r => r.outcome + ' ' + r.changed).join()");
        assertEquals("ok true\n", audited.out(), "scratch-root is audited like every change: " + audited.err());
        CliRunner.Result again = CliRunner.run("--state", root.resolve("s.db").toString(), "scratch-root", made.toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("is already a root; nothing to do"), again.out());
        CliRunner.Result use = CliRunner.run("--root", made.toString(), "-e", "users.list().length > 0");
        assertEquals("true\n", use.out(), use.err());
        assertEquals(2, CliRunner.run("scratch-root", root.resolve("etc").toString()).status(), "not empty, not a root");
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRunner.run("--no-such-option").status());
        assertEquals(2, CliRunner.run("run").status());
        assertEquals(2, CliRunner.run("ops", "nosuchmodule").status());
    }

    @Test
    void syntaxErrorsAndPipedInput() {
        CliRunner.Result bad = CliRunner.run("-e", "1 +* 2");
        assertEquals(1, bad.status());
        assertTrue(bad.err().startsWith("bosun: SyntaxError: "), bad.err());
        CliRunner.Result piped = CliRunner.withStdin("let x = 20;\nx + 22\n");
        assertEquals(0, piped.status(), piped.err());
        assertEquals("42\n", piped.out());
    }

    @Test
    void opsListsOperationsWithSignatures() throws Exception {
        CliRunner.Result r = CliRunner.run("ops");
        assertTrue(r.out().contains("host.info(): HostInfo"), r.out());
        assertTrue(r.out().contains("audit.list(options?: ListOptions): ListOptions[]") || r.out().contains("audit.list("),
                r.out());
        JsonNode json = JsonContract.result(CliRunner.run("ops", "--json").out());
        assertTrue(json.isArray() && json.size() >= 3);
        boolean found = false;
        for (JsonNode op : json) {
            if (op.get("module").asText().equals("files") && op.get("name").asText().equals("write")) {
                found = op.get("mutates").asBoolean() && op.get("params").size() == 3;
            }
        }
        assertTrue(found, json.toString());
        assertEquals(0, CliRunner.run("ops", "host").status());
        // One operation: its full help, as help(users.ensure) shows it.
        CliRunner.Result one = CliRunner.run("--no-plugins", "ops", "users.ensure");
        assertEquals(0, one.status(), one.err());
        assertTrue(one.out().startsWith("users.ensure(spec: UserSpec): UserEnsured\n"), one.out());
        assertFalse(one.out().contains("users.list("), one.out());
        CliRunner.Result none = CliRunner.run("--no-plugins", "ops", "users.nosuch");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("users has no operation 'nosuch' (operations: "), none.err());
    }

    @Test
    void nullIsAValueOnlyWhereTheTypeSaysSo() {
        // Map<String, @Nullable String>: a null value is a bare KEY (Label=bare), by declaration.
        CliRunner.Result bare = CliRunner.run("--no-plugins", "-e",
                "quadlet.container({name:'w', image:'x', label:{bare:null, k:'v'}}).text");
        assertEquals(0, bare.status(), bare.err());
        assertTrue(bare.out().contains("Label=bare\n") && bare.out().contains("Label=k=v\n"), bare.out());
        // A misspelt key among a container's 90-odd: the one it meant, not the list.
        CliRunner.Result misspelt = CliRunner.run("--no-plugins", "-e",
                "quadlet.container({name:'w', image:'x', publishport:[]})");
        assertEquals(1, misspelt.status());
        assertTrue(misspelt.err().contains("spec has no option \"publishport\"; did you mean publishPort?"), misspelt.err());
        // A list element is never null.
        CliRunner.Result element = CliRunner.run("--no-plugins", "-e",
                "quadlet.container({name:'w', image:'x', publishPort:['80:80', null]})");
        assertEquals(1, element.status());
        assertTrue(element.err().contains("publishPort[1] is null or undefined"), element.err());
    }

    @Test
    void helpSaysWhatItCouldNotFindAndHowToCallIt() {
        assertTrue(CliRunner.run("--no-plugins", "-e", "help('users.ensure')").out()
                .startsWith("users.ensure(spec: UserSpec): UserEnsured\n"));
        assertTrue(CliRunner.run("--no-plugins", "-e", "help('users')").out().startsWith("users — "));
        assertTrue(CliRunner.run("--no-plugins", "-e", "help('users.nosuch')").out()
                .startsWith("help: no module or operation named \"users.nosuch\" (modules: "));
        assertTrue(CliRunner.run("--no-plugins", "-e", "help(42)").out()
                .startsWith("help: \"42\" is not a module or an operation;"));
        assertTrue(CliRunner.run("--no-plugins", "-e", "help(users.nosuch)").out()
                .startsWith("help: got undefined, not a module or an operation"));
        // Typed without parentheses, as in Python: how to use them, not an internal object name.
        assertEquals("Use help() for the modules, help(users) for a module's operations, help(users.ensure) for one "
                + "operation.\n", CliRunner.run("--no-plugins", "-e", "help").out());
        assertTrue(CliRunner.run("--no-plugins", "-e", "exit").out().startsWith("Use exit() or Ctrl-D to leave;"));
    }

    @Test
    void helpSummariesDoNotStopAtAnAbbreviation() {
        assertEquals("Writes a file, e.g. a unit; its owner is kept.",
                dev.bosun.shell.ops.HelpText.summary("Writes a file, e.g. a unit; its owner is kept. Then more."));
        assertEquals("Lists things, i.e. all of them.", dev.bosun.shell.ops.HelpText.summary("Lists things, i.e. all of them."));
        assertEquals("One. ", dev.bosun.shell.ops.HelpText.summary("One. Two.") + " ");
    }

    @Test
    void kvmCheckReportsAndExitsByTheVerdict() throws Exception {
        CliRunner.Result json = CliRunner.run("kvm", "check", "--json");
        JsonNode doc = JsonContract.document(json.out());
        JsonNode n = doc.get("result");
        assertEquals(n.get("ok").asBoolean() ? 0 : 1, json.status(), json.err());
        assertEquals(n.get("ok").asBoolean(), doc.get("ok").asBoolean());
        assertEquals("exists", n.get("checks").get(0).get("id").asText());
        CliRunner.Result text = CliRunner.run("kvm", "check");
        assertEquals(json.status(), text.status());
        assertTrue(text.out().contains("KVM: Checking if device /dev/kvm exists"), text.out());
        CliRunner.Result bad = CliRunner.run("kvm", "check", "--user", "Bad/1");
        assertEquals(2, bad.status());
        assertTrue(bad.err().startsWith("bosun: kvm.check: user \"Bad/1\" must match"), bad.err());
    }

    @Test
    void versionHelpAndCompletion() {
        assertTrue(CliRunner.run("--version").out().startsWith("bosun 0."));
        assertTrue(CliRunner.run("run", "--help").out().contains("Run a JavaScript"));
        assertTrue(CliRunner.run("completion").out().contains("complete -F"));
    }

    @Test
    void typesAreAcceptedByTheTypeScriptCompiler(@TempDir Path dir) throws Exception {
        CliRunner.Result r = CliRunner.run("types");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("declare const host: BosunHostModule;"), r.out());
        // One namespace per module: no numbered names when two modules both have a ListOptions or an Allocation.
        assertTrue(r.out().contains("declare namespace users {"), r.out());
        assertTrue(r.out().contains("list(options?: users.ListOptions): users.User[];"), r.out());
        java.util.regex.Matcher numbered = java.util.regex.Pattern.compile("interface [A-Za-z]+[0-9]+ ").matcher(r.out());
        assertFalse(numbered.find(), () -> "a numbered type name: " + numbered.group());
        Path tsc = Stream.of("/usr/local/bin/tsc", "/usr/bin/tsc").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(Path.of("/usr/local/bin/tsc"));
        if (System.getenv("CI") != null) {
            assertTrue(Files.isExecutable(tsc), "CI must check the declarations with TypeScript's tsc: .ci/run installs it");
        }
        Assumptions.assumeTrue(Files.isExecutable(tsc), "TypeScript's tsc is not installed (.ci/run installs it)");
        Files.writeString(dir.resolve("bosun.d.ts"), r.out());
        Files.writeString(dir.resolve("script.ts"), """
                import { files } from "bosun:files";
                const info = host.info();
                const k: string = info.kernel;
                const w = files.write("/etc/motd", "hi\\n", { mode: "0644" });
                const changed: boolean = w.changed;
                const rows = audit.list({ limit: 5 }).map((r) => r.op);
                const filter: users.ListOptions = { system: false };
                console.log(k, changed, rows, args.length, users.list(filter).length);
                console.error("to stderr");
                """);
        // Without lib.dom as well as with it: the declarations bring their own console.
        assertEquals("", tsc(dir, tsc, "--lib", "es2022", "bosun.d.ts", "script.ts"));
        assertEquals("", tsc(dir, tsc, "--lib", "es2022,dom", "bosun.d.ts", "script.ts"));
        // The scripts users copy type-check against the declarations, strictly.
        List<String> shipped = new ArrayList<>(List.of("--lib", "es2022", "--allowJs", "--checkJs", "bosun.d.ts"));
        try (Stream<Path> scripts = Files.list(Path.of("..", "scripts").toAbsolutePath().normalize())) {
            for (Path js : scripts.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
                Files.copy(js, dir.resolve(js.getFileName()));
                shipped.add(js.getFileName().toString());
            }
        }
        assertTrue(shipped.size() > 6, shipped::toString);
        assertEquals("", tsc(dir, tsc, shipped.toArray(String[]::new)));
        Files.writeString(dir.resolve("wrong.ts"), "const n: number = host.info().kernel;\n");
        Process q = new ProcessBuilder(tsc.toString(), "--noEmit", "--strict", "--lib", "es2022,dom", "bosun.d.ts",
                "wrong.ts").directory(dir.toFile()).redirectErrorStream(true).start();
        q.getInputStream().readAllBytes();
        assertEquals(2, q.waitFor(), "a type error in a script is caught by the declarations");
    }

    /** tsc --noEmit --strict on the files: its output, empty when they check. */
    private static String tsc(Path dir, Path tsc, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(tsc.toString(), "--noEmit", "--strict", "--target", "es2022",
                "--module", "es2022"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
