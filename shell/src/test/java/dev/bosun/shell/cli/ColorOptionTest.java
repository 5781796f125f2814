package dev.bosun.shell.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --color: always colours results and errors even into a pipe, never and auto-off-a-terminal do not, --json never. */
class ColorOptionTest {
    private static final String ROWS = "[{check: 'exists', status: 'pass'}, {check: 'tun', status: 'fail'}]";

    @Test
    void alwaysColoursStatusWordsAndErrors() {
        CliRunner.Result r = CliRunner.run("--no-plugins", "--color=always", "-e", ROWS);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\033[32mpass\033[0m") && r.out().contains("\033[31mfail\033[0m"), r.out());
        CliRunner.Result bad = CliRunner.run("--no-plugins", "--color=always", "-e", "nosuch");
        assertEquals(1, bad.status());
        assertEquals("\033[31mbosun: ReferenceError: nosuch is not defined (at -e:1)\033[0m\n", bad.err());
    }

    @Test
    void neverAutoOffATerminalAndJsonLeaveTextPlain() {
        for (String[] args : new String[][] {{"--color=never"}, {"--color=auto"}, {"--color=always", "--json"}}) {
            String[] a = new String[args.length + 3];
            a[0] = "--no-plugins";
            System.arraycopy(args, 0, a, 1, args.length);
            a[a.length - 2] = "-e";
            a[a.length - 1] = ROWS;
            CliRunner.Result r = CliRunner.run(a);
            assertEquals(0, r.status(), r.err());
            assertFalse(r.out().contains("\033["), String.join(" ", args) + ": " + r.out());
        }
    }

    @Test
    void anUnknownWhenIsAUsageErrorNamingTheChoices() {
        CliRunner.Result r = CliRunner.run("--color=sometimes", "-e", "1");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("Invalid value for option '--color': --color takes auto, always or never, not "
                + "'sometimes'"), r.err());
    }
}
