package dev.bosun.stdlib.kvm;

import dev.bosun.api.Command;
import dev.bosun.api.ExecResult;
import dev.bosun.api.HostModule;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.pf4j.ExtensionPoint;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The negative branch for real: kvm.check in a JVM running as {@code nobody}, whose own open(2) of
 * /dev/kvm is refused by the kernel. The classes are copied to a world-readable temp dir first,
 * because the build's output and ~/.m2 may sit below a directory nobody cannot enter.
 */
class KvmUnprivilegedProcessTest {
    @Test
    void nobodyGetsAccessibleFailWithTheGroupHint() throws Exception {
        Path kvm = Path.of("/dev/kvm");
        Assumptions.assumeTrue(Files.exists(kvm), "no /dev/kvm on this machine");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "runuser -u nobody needs root");
        try (ScratchRoot tmp = ScratchRoot.empty(); LocalHostContext ctx = tmp.context(false)) {
            Assumptions.assumeTrue(ctx.exec().available("runuser"), "runuser not installed (package util-linux)");
            ExecResult canOpen = ctx.exec().run(Command.of("runuser", "-u", "nobody", "--", "test", "-r", "/dev/kvm", "-a",
                    "-w", "/dev/kvm").readOnly().unchecked());
            Assumptions.assumeTrue(!canOpen.ok(), "nobody can already read and write /dev/kvm on this machine");

            List<String> classpath = new ArrayList<>();
            int i = 0;
            for (Class<?> c : List.of(KvmProbe.class, KvmModule.class, HostModule.class, ExtensionPoint.class)) {
                Path src = codeSource(c);
                Path dst = tmp.path("/cp/" + i++ + (Files.isDirectory(src) ? "" : "-" + src.getFileName()));
                ctx.exec().run(Command.of("mkdir", "-p", dst.getParent().toString()).insideRoot());
                ctx.exec().run(Command.of("cp", "-r", src.toString(), dst.toString()).insideRoot());
                classpath.add(dst.toString());
            }
            ctx.exec().run(Command.of("chmod", "-R", "a+rX", tmp.dir().toString()).insideRoot());

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ExecResult r = ctx.exec().run(Command.of("runuser", "-u", "nobody", "--", java,
                    "--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-XX:-UsePerfData",
                    "-cp", String.join(":", classpath), KvmProbe.class.getName()).readOnly().unchecked());
            assertEquals(0, r.exitCode(), r.stderr());
            List<String> lines = r.stdout().lines().toList();
            assertEquals("ok=false", lines.get(0), r.stdout());
            assertEquals("accessible=fail", lines.get(1), r.stdout());
            String hint = lines.get(2);
            assertTrue(hint.contains("kvm.ensureAccess(\"nobody\")") || hint.contains("usermod -aG"), hint);
            assertTrue(hint.contains("nobody must log out and back in"), hint);
            assertTrue(r.stdout().contains("open(/dev/kvm, O_RDWR) as nobody (uid 65534) failed: EACCES (permission denied)"),
                    r.stdout());
            assertTrue(r.stdout().contains("Checking for KVM API version 12"), r.stdout());
            assertTrue(r.stdout().contains("SKIP (skipped: nobody cannot open /dev/kvm: EACCES"), r.stdout());
        }
    }

    private static Path codeSource(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
