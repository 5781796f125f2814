package dev.bosun.shell.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bosun completion zsh}: a zsh completion function written from the command-line model. */
class ZshCompletionTest {
    @Test
    void everyCommandAndOptionIsOfferedWithItsDescription() {
        CliRunner.Result r = CliRunner.run("completion", "zsh");
        assertEquals(0, r.status(), r.err());
        String s = r.out();
        assertTrue(s.startsWith("#compdef bosun\n"), s);
        assertTrue(s.contains("'run:Run a JavaScript (ES module) script'"), s);
        assertTrue(s.contains("'scratch-root:"), s);
        assertTrue(s.contains("scratch-root) _bosun_scratch_root && ret=0 ;;"), s);
        assertTrue(s.contains("'(--root)--root=[Work on the system under DIR"), s);
        assertTrue(s.contains("]:DIR:_files -/'"), "directories complete as directories: " + s);
        assertTrue(s.contains("'(-n --dry-run)-n[Plan only\\: print the changes"), "colons escaped: " + s);
        assertTrue(s.contains("'*--plugins=["), "a repeatable option may be given again: " + s);
        assertTrue(s.contains("_bosun_plugins_install() {"), "nested commands get their own function: " + s);
        assertTrue(s.contains("'1::SHELL:(bash zsh)'"), "enum candidates, optional: " + s);
        assertTrue(s.endsWith("\n_bosun \"$@\"\n"), s);
    }

    @Test
    void bashIsStillTheDefaultAndGoesThroughTheCommandsWriter() {
        CliRunner.Result r = CliRunner.run("completion");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("complete -F"), r.out());
        assertEquals(r.out(), CliRunner.run("completion", "bash").out());
        CliRunner.Result bad = CliRunner.run("completion", "fish");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("fish"), bad.err());
    }

    /** Quotes, brackets and backslashes in descriptions must not end a spec or the quoting early. */
    @Test
    void hostileDescriptionsStayInsideTheirQuotes(@TempDir Path dir) throws Exception {
        CommandSpec spec = CommandSpec.create().name("bosun");
        spec.addOption(OptionSpec.builder("--odd").paramLabel("X").type(String.class)
                .description("it's [odd]: a \\ b; $(touch " + dir.resolve("pwned") + ")").build());
        spec.addSubcommand("sub", CommandSpec.create().name("sub").addOption(
                OptionSpec.builder("-q").description("quiet: 'very'").build()));
        new CommandLine(spec);
        String s = ZshCompletion.script(spec);
        assertTrue(s.contains("'(--odd)--odd=[it'\\''s \\[odd\\]\\: a \\\\ b; $(touch "), s);
        zshAccepts(dir, s);
        assertTrue(Files.notExists(dir.resolve("pwned")));
    }

    @Test
    void zshParsesTheScript(@TempDir Path dir) throws Exception {
        zshAccepts(dir, CliRunner.run("completion", "zsh").out());
    }

    /** zsh -n: the file parses (syntax only; nothing in it runs). */
    private static void zshAccepts(Path dir, String script) throws Exception {
        Path zsh = Path.of("/usr/bin/zsh");
        Assumptions.assumeTrue(Files.isExecutable(zsh), "zsh is not installed (.ci/run installs it)");
        Path f = dir.resolve("_bosun");
        Files.writeString(f, script);
        Process p = new ProcessBuilder(zsh.toString(), "-n", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "zsh -n: " + out);
    }
}
