package dev.bosun.shell.repl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 17's acceptance, in a real terminal 80 columns wide (tmux): users.list, kvm.check, audit.list and a
 * quadlet unit render without wrapped headers or lines, and without one-line literals of nested values; output
 * taller than the screen opens the pager and q returns to the prompt. The screen is polled, never slept on.
 */
class ReplRenderTmuxTest {
    private static final int COLUMNS = 80;
    /** One tmux server per test JVM: other runs on the machine (or a person's tmux) never share it. */
    private static final String SOCKET = "bosun-render-test-" + ProcessHandle.current().pid();

    @TempDir
    Path tmp;
    private String session;
    private Path root;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is not installed (.ci/run installs it)");
        session = "render-" + UUID.randomUUID().toString().substring(0, 8);
        root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n"
                + "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
                + "alice:x:1000:1000:Alice Example:/home/alice:/bin/bash\n"
                + "bob:x:1001:1001::/home/bob:/bin/bash\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\ndaemon:x:1:\nalice:x:1000:\nbob:x:1001:\n"
                + "wheel:x:10:alice,bob\n");
        // The REPL as the launcher runs it, from this build's classes; env(1) gives it exactly these variables.
        Path launcher = tmp.resolve("bosun.sh");
        Files.writeString(launcher, "#!/bin/sh\nexec env -i PATH=/usr/bin:/bin HOME=" + tmp + " TERM=xterm-256color "
                + "XDG_STATE_HOME=" + tmp.resolve("state") + " '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow "
                + "-Dpolyglot.engine.WarnInterpreterOnly=false -XX:TieredStopAtLevel=1 -cp '"
                + System.getProperty("java.class.path") + "' dev.bosun.shell.cli.Main --no-plugins --root " + root + "\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        // Tall, so that nothing pages until the pager is what the test wants.
        tmux("new-session", "-d", "-s", session, "-x", Integer.toString(COLUMNS), "-y", "300",
                launcher + "; echo \"[bosun exited with status $?]\"; sleep 300");
        waitFor("the prompt", s -> lastLine(s).equals("bosun>"));
    }

    @AfterEach
    void stop() throws Exception {
        if (session != null) {
            tmux("kill-session", "-t", session);
        }
    }

    @Test
    void resultsFitEightyColumnsAndTallOutputIsPaged() throws Exception {
        List<String> users = output("users.list({system:false})");
        assertTrue(users.get(0).matches("name +uid +gid +group +comment +home +shell +system +groups"), String.join("\n", users));
        assertTrue(users.get(1).startsWith("----"), "the header is one line:\n" + String.join("\n", users));
        assertTrue(users.stream().anyMatch(l -> l.startsWith("alice") && l.contains("wheel")), String.join("\n", users));

        List<String> kvm = output("kvm.check()");
        assertTrue(kvm.contains("checks:"), String.join("\n", kvm));
        assertNoLiterals(kvm);

        output("for (const n of [1, 2, 3, 4]) files.write('/etc/motd', 'hello ' + n + '\\n')");
        List<String> audit = output("audit.list()");
        assertTrue(audit.get(0).matches("id +time +user +op +outcome +changed +args.*"), String.join("\n", audit));
        assertTrue(audit.get(1).startsWith("--"), "the header is one line:\n" + String.join("\n", audit));
        assertTrue(audit.stream().anyMatch(l -> l.matches(".*files\\.write +ok +true +\\{record 3 fields}.*")),
                "args is an object, summarised in its cell:\n" + String.join("\n", audit));
        assertNoLiterals(audit);
        String coloured = tmux("capture-pane", "-p", "-e", "-t", session, "-S", "-", "-E", "-");
        assertTrue(coloured.contains("\033[32mok"), "the outcome ok is green on a terminal:\n" + coloured);

        List<String> unit = output("quadlet.container({name:'web', image:'nginx'})");
        assertTrue(unit.contains("text:") && unit.contains("  [Container]") && unit.contains("  Image=nginx"),
                String.join("\n", unit));
        assertTrue(unit.stream().anyMatch(l -> l.matches("sections +\\[table 1 row]")), String.join("\n", unit));
        assertNoLiterals(unit);


        tmux("resize-window", "-t", session, "-y", "30");
        keys("help(quadlet.container)", "Enter");
        // JLine's less names its source ("output") on its last line, then shows its ":" prompt there.
        waitForScreen("the pager on help taller than the screen", s -> lastLine(s).equals(":") || lastLine(s).equals("output"));
        keys("q");
        waitForScreen("q leaves the pager for the prompt", s -> lastLine(s).equals("bosun>"));
    }

    /** No nested value printed as a line of JS literal, and no line the terminal had to wrap. */
    private static void assertNoLiterals(List<String> lines) {
        for (String l : lines) {
            assertFalse(l.contains("[{") || l.contains("{id:") || l.contains("{\""), "a nested literal: " + l);
            assertTrue(l.length() <= COLUMNS, "a wrapped line (" + l.length() + " columns): " + l);
        }
    }

    /** The lines a command printed, wrapped lines joined again (so a line wider than the screen shows as one). */
    private List<String> output(String command) throws Exception {
        keys("C-l");
        for (int i = 0; i < 100 && !tmux("capture-pane", "-p", "-t", session).strip().equals("bosun>"); i++) {
            Thread.sleep(100); // the screen only: a cleared screen goes into tmux's history, cleared next
        }
        tmux("clear-history", "-t", session);
        keys(command, "Enter");
        String echo = "bosun> " + command;
        String screen = waitFor(command, s -> {
            List<String> l = lines(s);
            int at = l.indexOf(echo);
            return at >= 0 && l.subList(at + 1, l.size()).contains("bosun>");
        });
        List<String> l = lines(screen);
        int at = l.indexOf(echo);
        return new ArrayList<>(l.subList(at + 1, l.subList(at + 1, l.size()).indexOf("bosun>") + at + 1));
    }

    private static List<String> lines(String screen) {
        return Arrays.stream(screen.split("\n")).map(String::stripTrailing).toList();
    }

    private static String lastLine(String screen) {
        String[] lines = screen.stripTrailing().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].stripTrailing();
    }

    private void keys(String... keys) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", session));
        cmd.addAll(List.of(keys));
        tmux(cmd.toArray(new String[0]));
    }

    /** Waits for the pane's history and screen, wrapped lines joined, to meet the condition. */
    private String waitFor(String what, Predicate<String> condition) throws Exception {
        return waitFor(what, condition, "-J", "-S", "-", "-E", "-");
    }

    /** Waits for the visible screen, as it is (a pager draws it line by line, not as wrapped text). */
    private String waitForScreen(String what, Predicate<String> condition) throws Exception {
        return waitFor(what, condition, "-N");
    }

    private String waitFor(String what, Predicate<String> condition, String... capture) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("capture-pane", "-p", "-t", session));
        cmd.addAll(List.of(capture));
        String screen = "";
        // A bound, not a timing assertion: generous, because a loaded 2-core machine can be slow to start a JVM.
        for (int i = 0; i < 900; i++) {
            screen = tmux(cmd.toArray(new String[0]));
            if (condition.test(screen)) {
                return screen;
            }
            Thread.sleep(100);
        }
        fail(what + " — screen was:\n" + screen);
        return screen;
    }

    private static String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", SOCKET));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
