package dev.bosun.dist;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bosun_VERSION_ARCH.deb: its fields, its files with their owners and modes, and lintian's verdict. */
class DebianPackageTest {
    @Test
    void theControlFieldsSayWhatThePackageIs() throws Exception {
        Path deb = Built.debOrSkip();
        Built.Run r = Built.run("dpkg-deb", "--field", deb.toString(), "Package", "Architecture", "Depends", "Section");
        assertTrue(r.ok(), r.toString());
        assertTrue(r.out().contains("Package: bosun\n"), r.out());
        assertTrue(r.out().contains("Depends: libc6"), r.out());
        assertTrue(r.out().contains("Section: admin\n"), r.out());
        Built.Run arch = Built.run("dpkg", "--print-architecture");
        assertTrue(r.out().contains("Architecture: " + arch.out().strip() + "\n"), r.out());
    }

    @Test
    void itInstallsTheTreeTheLinkTheDocsAndAPrivateStateDirectory() throws Exception {
        Path deb = Built.debOrSkip();
        Built.Run r = Built.run("dpkg-deb", "--contents", deb.toString());
        assertTrue(r.ok(), r.toString());
        String c = r.out();
        for (String line : c.split("\n")) {
            String[] f = line.split("\\s+", 6);
            assertEquals("root/root", f[1], line);
            assertFalse(f[0].charAt(0) != 'l' && (f[0].charAt(5) == 'w' || f[0].charAt(8) == 'w'), "writable by others: " + line);
        }
        assertTrue(c.contains(" ./usr/bin/bosun -> ../lib/bosun/bin/bosun\n"), c);
        assertTrue(c.matches("(?s).*\ndrwx------ root/root +0 [^\n]* \\./var/lib/bosun/\n.*"), "var/lib/bosun 0700: " + c);
        List<String> files = List.of("./usr/lib/bosun/bin/bosun", "./usr/lib/bosun/lib/runtime/bin/java",
                "./usr/lib/bosun/lib/app/bosun.jar", "./usr/lib/bosun/lib/native/libsqlitejdbc.so",
                "./usr/share/man/man1/bosun.1.gz", "./usr/share/bash-completion/completions/bosun",
                "./usr/share/zsh/vendor-completions/_bosun", "./usr/share/doc/bosun/copyright",
                "./usr/share/doc/bosun/changelog.gz", "./usr/share/lintian/overrides/bosun");
        for (String f : files) {
            assertTrue(c.contains(" " + f + "\n"), f + " in " + c);
        }
        if (Built.AOT) {
            assertTrue(c.contains(" ./usr/lib/bosun/lib/app/bosun.aot\n"), c);
        }
    }

    /** lintian reports no error (its warnings are listed in the build's notes; the overrides say why). */
    @Test
    void lintianFindsNoError() throws Exception {
        Path deb = Built.debOrSkip();
        Path lintian = Built.toolOrSkip("/usr/bin/lintian", "lintian");
        Built.Run r = Built.run(lintian.toString(), "--no-tag-display-limit", deb.toString());
        List<String> errors = r.out().lines().filter(l -> l.startsWith("E:")).toList();
        assertEquals(List.of(), errors, r.toString());
        assertEquals(0, r.status(), r.toString());
    }
}
