package dev.bosun.shell.cli;

import dev.bosun.api.BosunException;
import dev.bosun.shell.js.JsonCodec;
import dev.bosun.shell.render.Failures;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.kvm.CheckOptions;
import dev.bosun.stdlib.kvm.KvmCheckResult;
import dev.bosun.stdlib.kvm.KvmModule;
import dev.bosun.stdlib.kvm.KvmReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code bosun kvm check}: the KVM preflight as a report, without starting the JS engine. */
@Command(name = "kvm", mixinStandardHelpOptions = true, description = "KVM checks.",
        subcommands = KvmCommand.Check.class)
public final class KvmCommand {
    @ParentCommand
    BosunCommand parent;

    /** {@code bosun kvm check [--user U] [--json]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check that /dev/kvm is usable (asking the kernel, not guessing from CPU flags), "
                + "with a remedy for each failure.", "Exit status 0 when KVM is usable, 1 otherwise."})
    static final class Check implements Callable<Integer> {
        @ParentCommand
        KvmCommand kvm;

        @Option(names = "--user", paramLabel = "USER", description = "check access for this user instead of the caller")
        String user;

        @Override
        public Integer call() throws Exception {
            GlobalOptions g = kvm.parent.global;
            AlternateRoot.check(g.root);
            try (LocalHostContext ctx = LocalHostContext.open(g.root, g.dryRun, g.state, "kvm check")) {
                KvmCheckResult r = new KvmModule().check(ctx, new CheckOptions(user));
                if (g.json) {
                    System.out.println(JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
                } else {
                    System.out.print(KvmReport.render(r));
                }
                return r.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
            } catch (BosunException e) {
                System.err.println("bosun kvm check: " + e.getMessage());
                return e instanceof dev.bosun.api.InvalidValueException ? ExitCodes.USAGE : Failures.FAILURE;
            }
        }
    }
}
