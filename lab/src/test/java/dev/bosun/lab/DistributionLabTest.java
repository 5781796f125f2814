package dev.bosun.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The self-contained distribution (module dist) on a Debian trixie host that has no JDK: the box's bind mount of
 * the build's JDK 25 (lab/run mounts it for the repository's launcher) is unmounted first, so nothing in the box
 * can reach a JDK but the runtime the distribution brings. Then the tarball runs unpacked, and the .deb installs
 * with apt, runs, and goes away again with apt remove (state kept) and purge (state gone).
 */
@Lab
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionLabTest {
    private static final Path DIST = LabBox.LAB.getParent().resolve("dist/target");
    /** Where the tarball is unpacked in the box. */
    private static final String UNPACKED = "/opt/somewhere";

    @Test
    @Order(1)
    void theBoxHasNoJdk(LabBox box) throws Exception {
        withoutJdk(box);
    }

    /**
     * Unmounts every mount that holds a bin/java (lab/run bind-mounts the build's JDK read-only, for the
     * repository's launcher) and checks that no java is left anywhere in the box but the distribution's own.
     */
    private static void withoutJdk(LabBox box) throws Exception {
        box.run("sh", "-c", "findmnt -rn -o TARGET | while read -r t; do if [ -x \"$t/bin/java\" ]; then umount \"$t\"; fi; done");
        LabBox.Result java = box.exec("sh", "-c",
                "command -v java; find / -xdev \\( -path /proc -o -path /sys -o -path " + UNPACKED
                        + " -o -path /usr/lib/bosun \\) -prune -o -name java -type f -print");
        assertEquals("", java.out().strip(), "a java in the box: " + java);
    }

    @Test
    @Order(2)
    void theTarballRunsUnpackedAnywhere(LabBox box) throws Exception {
        withoutJdk(box);
        Path tarball = only(DIST, "bosun-", ".tar.gz");
        box.run("mkdir", "-p", UNPACKED);
        box.run("tar", "-C", UNPACKED, "-xzf", tarball.toString());
        String name = tarball.getFileName().toString().replace(".tar.gz", "");
        String bosun = UNPACKED + "/" + name + "/bin/bosun";

        LabBox.Result r = box.exec(bosun, "--json", "-e", "host.info()");
        assertTrue(r.ok(), r.toString());
        JsonNode info = new ObjectMapper().readTree(r.out()).get("result");
        assertEquals("debian", info.get("distroId").asText(), r.out());
        assertEquals("13", info.get("distroVersion").asText(), r.out());
        assertTrue(info.get("systemd").asBoolean(), r.out());
        assertEquals("5.4.2", info.get("podman").asText(), r.out());
        // The JVM that ran it is the distribution's own.
        assertEquals(UNPACKED + "/" + name + "/lib/runtime\n", box.run(bosun, "--java-home"));
    }

    @Test
    @Order(3)
    void theDebianPackageInstallsRunsAndGoesAway(LabBox box) throws Exception {
        Path deb = debOrSkip();
        withoutJdk(box);
        // apt reads the package as its sandbox user, which cannot enter the read-only repository mount.
        box.run("cp", deb.toString(), "/tmp/");
        LabBox.Result install = box.exec("apt-get", "install", "-y", "/tmp/" + deb.getFileName());
        assertTrue(install.ok(), install.toString());
        box.run("sh", "-c", "dpkg -L bosun > /root/bosun.files");

        // The lab's own bosun (the repository's, in /usr/local/bin) must not answer for the package's.
        box.run("rm", "-f", "/usr/local/bin/bosun");
        assertEquals("/usr/bin/bosun\n", box.run("sh", "-c", "command -v bosun"));
        assertTrue(box.run("bosun", "--version").startsWith("bosun 0."));
        for (String f : List.of("/usr/share/man/man1/bosun.1.gz", "/usr/share/bash-completion/completions/bosun",
                "/usr/share/zsh/vendor-completions/_bosun", "/usr/share/doc/bosun/copyright")) {
            assertTrue(box.exec("test", "-s", f).ok(), f + " is missing");
        }
        assertTrue(box.run("zcat", "/usr/share/man/man1/bosun.1.gz").startsWith(".TH \"BOSUN\" \"1\""));
        assertEquals("700 root root\n", box.run("stat", "-c", "%a %U %G", "/var/lib/bosun"));

        // Root's state goes where the package put its directory, with the modes Bosun gives it.
        assertEquals("0\n", box.run("bosun", "-e", "audit.list().length"));
        assertEquals("600 root root\n", box.run("stat", "-c", "%a %U %G", "/var/lib/bosun/bosun.db"));

        LabBox.Result remove = box.exec("apt-get", "remove", "-y", "bosun");
        assertTrue(remove.ok(), remove.toString());
        // Every path the package brought that is its own (the shared /usr, /usr/share/man... are not).
        String left = box.run("sh", "-c", "while read -r f; do case $f in /var/lib/bosun) ;; *bosun*) "
                + "if [ -e \"$f\" ] || [ -L \"$f\" ]; then echo \"$f\"; fi ;; esac; done < /root/bosun.files");
        assertEquals("", left, "left after apt remove");
        assertTrue(box.run("grep", "-c", "bosun", "/root/bosun.files").strip().matches("[1-9][0-9]+"),
                "dpkg -L listed the package's files");
        assertEquals("bosun.db\n", box.run("ls", "/var/lib/bosun"), "remove keeps the state (purge removes it)");

        LabBox.Result purge = box.exec("apt-get", "purge", "-y", "bosun");
        assertTrue(purge.ok(), purge.toString());
        assertFalse(box.exec("test", "-e", "/var/lib/bosun").ok(), "purge leaves /var/lib/bosun");
        assertFalse(box.exec("dpkg", "-s", "bosun").ok(), "dpkg still knows bosun");
    }

    /** The .deb is built where dpkg-deb is (module dist's deb profile); on CI it must be there. */
    private static Path debOrSkip() throws IOException {
        boolean any;
        try (Stream<Path> s = Files.list(DIST)) {
            any = s.anyMatch(p -> p.getFileName().toString().endsWith(".deb"));
        }
        if (!any) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("no .deb in " + DIST + ": the build machine has no dpkg-deb");
            }
            Assumptions.abort("no .deb in " + DIST + " (built only where dpkg-deb exists)");
        }
        return only(DIST, "bosun_", ".deb");
    }

    private static Path only(Path dir, String prefix, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), "one " + prefix + "*" + suffix + " in " + dir + ": " + found);
            return found.getFirst();
        }
    }
}
