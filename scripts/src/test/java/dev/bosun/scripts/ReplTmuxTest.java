package dev.bosun.scripts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The REPL in a real terminal (tmux): completion, help, multi-line input, Ctrl-C of a running loop,
 * Ctrl-D, and history across a restart. The screen is polled, never slept on blindly.
 */
class ReplTmuxTest {
    private String session;
    private Path home;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is not installed (.ci/run installs it)");
        session = "bosun-test-" + UUID.randomUUID().toString().substring(0, 8);
        home = Files.createTempDirectory("bosun-repl-home-");
        // The REPL works on this directory as its --root, which must be an operating-system tree.
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(home.resolve("etc/group"), "root:x:0:\n");
    }

    @AfterEach
    void stop() throws Exception {
        tmux("kill-session", "-t", session);
        Bosun.delete(home);
    }

    private void launch() throws Exception {
        // env(1) so the session gets exactly these variables whatever the tmux server had. The session outlives
        // a REPL that exits early (killed in stop()), so a failure shows the REPL's last screen and exit status.
        tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "40",
                "env BOSUN_NO_BUILD=1 XDG_STATE_HOME=" + home + " HOME=" + home + " TERM=xterm-256color "
                        + Bosun.LAUNCHER + " --root " + home + "; echo \"[bosun exited with status $?]\"; sleep 300");
        waitFor("prompt", s -> lastLine(s).equals("bosun>"));
    }

    @Test
    void completionHelpMultiLineInterruptAndHistory() throws Exception {
        launch();
        keys("hos", "Tab");
        waitFor("hos<TAB> completes to host.", s -> lastLine(s).endsWith("bosun> host."));
        keys("Tab");
        waitFor("host.<TAB> completes info()", s -> lastLine(s).endsWith("bosun> host.info()"));
        keys("C-u");
        keys("help(host.info)", "Enter");
        waitFor("help text", s -> s.contains("host.info(): HostInfo") && s.contains("Kernel, distribution"));

        keys("function f(a) {", "Enter");
        waitFor("continuation prompt", s -> lastLine(s).trim().equals("..."));
        keys("return a * 2 }", "Enter");
        keys("f(21)", "Enter");
        waitFor("multi-line function works", s -> s.contains("\n42"));

        keys("while (true) {}", "Enter");
        Thread.sleep(1500);
        keys("C-c");
        waitFor("Ctrl-C interrupts the loop", s -> s.contains("bosun: interrupted"));
        keys("6 * 7 + 1", "Enter");
        waitFor("the REPL is still alive", s -> s.contains("\n43"));

        keys("C-d");
        waitForExit("Ctrl-D ends bosun (the pane runs the trailing sleep)");
        Path history = home.resolve("bosun/history");
        waitForFile(history);
        assertTrue(Files.readString(history).contains("6 * 7 + 1"), Files.readString(history));

        tmux("kill-session", "-t", session);
        launch();
        keys("Up");
        waitFor("history survives a restart", s -> lastLine(s).endsWith("bosun> 6 * 7 + 1"));
        keys("C-u");
        keys("C-r", "functi");
        waitFor("Ctrl-R searches history", s -> s.contains("function f(a)"));
        keys("C-g");
        keys("C-u");
        keys("exit(3)", "Enter");
        waitForExit("exit() leaves the REPL");
    }

    private void waitForExit(String what) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (tmux("display", "-p", "-t", session, "#{pane_current_command}").strip().equals("sleep")) {
                return;
            }
            Thread.sleep(100);
        }
        fail(what + " — screen was:\n" + capture());
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

    private void waitFor(String what, Predicate<String> condition) throws Exception {
        String screen = "";
        // A bound, not a timing assertion: generous, because a loaded 2-core machine can be slow to start a JVM.
        for (int i = 0; i < 600; i++) {
            screen = capture();
            if (condition.test(screen)) {
                return;
            }
            Thread.sleep(100);
        }
        fail(what + " — screen was:\n" + screen);
    }

    private void waitForFile(Path p) throws Exception {
        for (int i = 0; i < 100 && !Files.exists(p); i++) {
            Thread.sleep(100);
        }
    }

    private String capture() throws Exception {
        return tmux("capture-pane", "-p", "-t", session);
    }

    /** One tmux server per test JVM: other test runs on the machine (or a person's tmux) never share it. */
    private static final String SOCKET = "bosun-repl-test-" + ProcessHandle.current().pid();

    private static String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("tmux");
        cmd.addAll(List.of("-L", SOCKET));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
