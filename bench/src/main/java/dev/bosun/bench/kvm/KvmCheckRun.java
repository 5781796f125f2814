package dev.bosun.bench.kvm;

import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.kvm.CheckOptions;
import dev.bosun.stdlib.kvm.KvmCheckResult;
import dev.bosun.stdlib.kvm.KvmModule;
import dev.bosun.stdlib.kvm.KvmReport;

import java.nio.file.Path;

/**
 * kvm.check on the live root in a plain JVM (no CLI, no JS engine), for bench/kvm.sh: timed as a whole
 * process next to {@code bosun kvm check}, it shows how much of the launcher's time is the check itself.
 * Prints the text report and exits 0 when KVM is usable, 1 otherwise, like the CLI.
 */
public final class KvmCheckRun {
    private KvmCheckRun() {
    }

    public static void main(String[] args) {
        // kvm.check never opens the state database; the path only has to be somewhere harmless.
        Path state = Path.of(System.getProperty("java.io.tmpdir"), "bosun-kvm-bench-unused.db");
        try (LocalHostContext ctx = LocalHostContext.open(Path.of("/"), false, state, "bench")) {
            KvmCheckResult r = new KvmModule().check(ctx, new CheckOptions(null));
            System.out.print(KvmReport.render(r));
            System.exit(r.ok() ? 0 : 1);
        }
    }
}
