package dev.bosun.stdlib.kvm;

import dev.bosun.stdlib.effect.LocalHostContext;

import java.nio.file.Path;

/**
 * Runs kvm.check on the live root in its own JVM and prints the result, so a test can run it as
 * another user (runuser -u nobody) and see what that user's real open(2) gets.
 * Output: {@code ok=}, {@code accessible=}, {@code hint=} lines, then the text report.
 */
public final class KvmProbe {
    private KvmProbe() {
    }

    public static void main(String[] args) {
        // The state database is never opened by kvm.check; the path only has to be somewhere harmless.
        Path state = Path.of(System.getProperty("java.io.tmpdir"), "bosun-kvm-probe-unused.db");
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), false, state, "test")) {
            KvmCheckResult r = new KvmModule().check(ctx, new CheckOptions(args.length > 0 ? args[0] : null));
            KvmCheck access = r.check("accessible");
            System.out.println("ok=" + r.ok());
            System.out.println("accessible=" + access.status());
            System.out.println("hint=" + access.hint());
            System.out.print(KvmReport.render(r));
        }
    }
}
