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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bosun.1, written from the same picocli model as --help. */
class ManPageTest {
    private static final CommandSpec BOSUN = Main.commandLine("--help").getCommandSpec();

    @Test
    void thePageHasTheSectionsAndEveryOptionAndCommand() {
        String page = ManPage.render(BOSUN);
        assertTrue(page.startsWith(".TH \"BOSUN\" \"1\" \"\" \"bosun " + Version.bosun() + "\""), page);
        for (String section : new String[] {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS",
            "ENVIRONMENT", "FILES"}) {
            assertTrue(page.contains("\n.SH \"" + section + "\"\n"), section + " in " + page);
        }
        for (OptionSpec o : BOSUN.options()) {
            assertTrue(page.contains("\\fB" + o.longestName().replace("-", "\\-") + "\\fR"), o.longestName());
        }
        for (String command : new String[] {"bosun run FILE [ARGS...]", "bosun plugins install PATH",
            "bosun kvm check [OPTIONS]", "bosun completion [SHELL]", "bosun scratch-root DIR"}) {
            assertTrue(page.contains("\n.SS \"" + command + "\"\n"), command + " in " + page);
        }
        assertTrue(page.contains("/var/lib/bosun/bosun.db"), page);
    }

    /** A description line starting with a dot would be a troff request; non-ASCII must be an escape groff knows. */
    @Test
    void textCannotBecomeARequest() {
        CommandSpec spec = CommandSpec.create().name("bosun");
        spec.usageMessage().description("A shell.", ".rm everything%n'also this", "em\u2014dash \\ back");
        spec.addOption(OptionSpec.builder("--x").description(".so /etc/shadow").build());
        new CommandLine(spec);
        String page = ManPage.render(spec);
        assertTrue(page.contains("\n\\&.rm everything\n\\&'also this\n"), page);
        assertTrue(page.contains("\n\\&.so /etc/shadow\n"), page);
        assertTrue(page.contains("em\\[u2014]dash \\e back"), page);
        for (String line : page.split("\n")) {
            assertFalse(line.startsWith(".rm") || line.startsWith(".so") || line.startsWith("'"), line);
        }
    }

    /** groff itself finds nothing to warn about (lintian runs man --warnings on the installed page). */
    @Test
    void groffWarnsAboutNothing(@TempDir Path dir) throws Exception {
        Path groff = Path.of("/usr/bin/groff");
        Assumptions.assumeTrue(Files.isExecutable(groff), "groff is not installed");
        Path page = dir.resolve("bosun.1");
        Files.writeString(page, ManPage.render(BOSUN));
        Process p = new ProcessBuilder(groff.toString(), "-man", "-Tutf8", "-ww", "-z", page.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("", out.strip());
    }
}
