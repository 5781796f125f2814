package dev.bosun.stdlib.quadlet.corpus;

import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.QuadletCorpus;
import dev.bosun.stdlib.quadlet.generate.GeneratorInvocation;
import dev.bosun.stdlib.quadlet.generate.GeneratorLog;
import dev.bosun.stdlib.quadlet.generate.LocalSourceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written tests of Podman's harness that are not in the manifest's tables. */
class GeneratorHarnessTest {
    @TempDir
    Path tmp;

    private static GeneratorInvocation.Outcome dryRun(Path unitDir, boolean user) {
        return new GeneratorInvocation(user, true, List.of(), Map.of("QUADLET_UNIT_DIRS", unitDir.toString(),
                "PODMAN", CorpusHarness.PODMAN), 0, PodmanVersion.NEWEST, "bosun").run(new LocalSourceFiles(), p -> true);
    }

    private static List<String> debugLines(GeneratorLog log) {
        return log.lines().stream().map(GeneratorLog.Line::text).toList();
    }

    @Test
    void versionIsPodmans() {
        assertEquals("6.0.0-dev", GeneratorInvocation.versionText(PodmanVersion.NEWEST));
        assertEquals("5.4.2", GeneratorInvocation.versionText(PodmanVersion.parse("v", "5.4.2")));
    }

    @Test
    void dryRunWithoutFilesExitsZeroAndSaysSo() {
        GeneratorInvocation.Outcome o = dryRun(Path.of("/something"), false);
        assertEquals(0, o.exitStatus());
        assertTrue(debugLines(o.log()).contains("No files parsed from [/something]"), o.log().lines().toString());
    }

    @Test
    void anUnknownKeyFailsTheRunNamingUnitKeyAndPath() throws IOException {
        Path bogus = tmp.resolve("bogus.container");
        Files.writeString(bogus, "[Container]\nImage=quay.io/libpod/alpine:latest\nBOGUS=foo\n");
        GeneratorInvocation.Outcome o = dryRun(tmp, false);
        assertEquals(1, o.exitStatus());
        assertTrue(CorpusHarness.stderrOf(o.log()).contains("converting \"bogus.container\": unsupported key 'BOGUS' in "
                + "group 'Container' in " + bogus), CorpusHarness.stderrOf(o.log()));
        assertEquals("BOGUS", o.units().getFirst().errorKey());
        assertEquals(3, o.units().getFirst().errorLine());
    }

    @Test
    void subdirectoriesAreScanned() throws IOException {
        Path src = QuadletCorpus.dir().resolve("test_subdir");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path dest = tmp.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        List<String> out = dryRun(tmp, true).stdout().lines().toList();
        assertTrue(out.containsAll(List.of("---mysleep.service---", "---mysleep_1.service---", "---mysleep_2.service---")), out.toString());
    }

    /** Podman's harness compares this output line by line. */
    @Test
    void basicKubeDryRunPrintsPodmansText() throws IOException {
        Path unitDir = tmp.resolve("quadlet");
        Files.createDirectories(unitDir);
        Files.copy(QuadletCorpus.dir().resolve("basic.kube"), unitDir.resolve("basic.kube"));
        GeneratorInvocation.Outcome o = dryRun(unitDir, false);
        assertEquals(0, o.exitStatus());
        assertTrue(debugLines(o.log()).stream().anyMatch(l -> l.startsWith("Loading source unit file ")));
        List<String> expected = List.of(
                "---basic.service---",
                "## assert-podman-args \"kube\"",
                "## assert-podman-args \"play\"",
                "## assert-podman-final-args-regex .*/podman-e2e-.*/subtest-.*/quadlet/deployment.yml",
                "## assert-podman-args \"--replace\"",
                "## assert-podman-args \"--service-container=true\"",
                "## assert-podman-stop-post-args \"kube\"",
                "## assert-podman-stop-post-args \"down\"",
                "## assert-podman-stop-post-final-args-regex .*/podman-e2e-.*/subtest-.*/quadlet/deployment.yml",
                "## assert-key-is \"Unit\" \"RequiresMountsFor\" \"%t/containers\"",
                "## assert-key-is \"Service\" \"KillMode\" \"mixed\"",
                "## assert-key-is \"Service\" \"Type\" \"notify\"",
                "## assert-key-is \"Service\" \"NotifyAccess\" \"all\"",
                "## assert-key-is \"Service\" \"Environment\" \"PODMAN_SYSTEMD_UNIT=%n\"",
                "## assert-key-is \"Service\" \"SyslogIdentifier\" \"%N\"",
                "[X-Kube]",
                "Yaml=deployment.yml",
                "[Unit]",
                "Wants=network-online.target",
                "After=network-online.target",
                "SourcePath=" + unitDir + "/basic.kube",
                "RequiresMountsFor=%t/containers",
                "[Service]",
                "KillMode=mixed",
                "Environment=PODMAN_SYSTEMD_UNIT=%n",
                "Type=notify",
                "NotifyAccess=all",
                "SyslogIdentifier=%N",
                "ExecStart=" + CorpusHarness.PODMAN + " kube play --replace --service-container=true " + unitDir + "/deployment.yml",
                "ExecStopPost=" + CorpusHarness.PODMAN + " kube down " + unitDir + "/deployment.yml");
        // Podman's OutputToStringArray drops empty lines.
        assertEquals(expected, o.stdout().lines().filter(l -> !l.isBlank()).toList());
    }
}
