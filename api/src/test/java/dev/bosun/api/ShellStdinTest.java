package dev.bosun.api;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A command's standard input as plans show it: one line that bash feeds to the command byte for byte. */
class ShellStdinTest {
    @Test
    void formsByShape() {
        assertEquals("<<< 'rule add fwmark 0x1000 table 1000'", Shell.stdin("rule add fwmark 0x1000 table 1000\n"));
        assertEquals("<<< $'a\\nb'", Shell.stdin("a\nb\n"));
        assertEquals("< <(printf %s $'a\\nb')", Shell.stdin("a\nb"));
        assertEquals("< /dev/null", Shell.stdin(""));
        assertEquals("<<< ''", Shell.stdin("\n"));
    }

    @Test
    void commandDisplayShowsInputThatIsTheCommandsWork() {
        Command c = Command.of("nft", "-f", "-").withShownStdin("table inet bosun\ndelete table inet bosun\n");
        assertEquals("nft -f - <<< $'table inet bosun\\ndelete table inet bosun'", c.display());
        assertEquals("ip rule show", Command.of("ip", "rule", "show").display());
        // The one secret rule of plans applies to what a command is fed too.
        assertEquals("tool <<< 'DB_PASSWORD=***'", Command.of("tool").withShownStdin("DB_PASSWORD=hunter2\n").display());
    }

    @Test
    void otherInputIsNeverShownBecausePasswordsGoThere() {
        // podman secret create NAME - / podman login --password-stdin: the value is the input, with no NAME= to mask.
        Command c = Command.of("podman", "login", "--password-stdin", "--", "registry.example.com").withStdin("hunter2");
        assertEquals("podman login --password-stdin -- registry.example.com < (standard input, 7 bytes, not shown)",
                c.display());
        assertEquals(false, c.refusalUnder("/r").contains("hunter2"));
        // Every way of deriving a command keeps the input hidden.
        for (Command d : List.of(c.readOnly(), c.asMutating(), c.unchecked(), c.insideRoot(), c.targeting("netns x"),
                c.withEnv("A", "b"), c.withTimeout(java.time.Duration.ofSeconds(1)))) {
            assertEquals(false, d.display().contains("hunter2"), d.display());
        }
    }

    @Test
    void bashFeedsExactlyTheText() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs /bin/bash");
        List<String> texts = List.of("plain line\n", "two\nlines\n", "no newline at the end", "",
                "quotes ' \" and \\ backslashes \\n literally\n", "tab\there, cr\r, bell\u0007, del\u007f, esc\u001b[1m\n",
                "$HOME `id` $(id) !! *\n", "ümlaut and 日本\n", "\n\n\n", "\u0001a\u0001f\n");
        for (String text : texts) {
            assertEquals(text, fed(Shell.stdin(text)), "for " + Shell.quoteText(text));
        }
    }

    /** What {@code cat} reads when bash runs it with the redirection. */
    private static String fed(String redirection) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/bash", "-c", "cat " + redirection).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bash did not finish: " + redirection);
        }
        assertEquals(0, p.exitValue(), redirection);
        return new String(out, StandardCharsets.UTF_8);
    }
}
