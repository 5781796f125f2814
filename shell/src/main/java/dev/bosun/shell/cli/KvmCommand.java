package dev.bosun.shell.cli;

import dev.bosun.api.BosunException;
import dev.bosun.shell.ops.Invocation;
import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.shell.ops.OpFailure;
import dev.bosun.shell.ops.OpInfo;
import dev.bosun.shell.render.Failures;
import dev.bosun.shell.render.JsonReport;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.kvm.KvmCheckResult;
import dev.bosun.stdlib.kvm.KvmModule;
import dev.bosun.stdlib.kvm.KvmReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bosun kvm check}: the KVM preflight of the live host (also under {@code --root}, which it says), as a
 * report, without starting the JS engine; the call takes
 * the same {@link Invocation} path as {@code kvm.check()} in a script (binding, errors, and the audit trail
 * for operations that change the host).
 */
@Command(name = "kvm", mixinStandardHelpOptions = true, description = "KVM checks.",
        subcommands = KvmCommand.Check.class)
public final class KvmCommand {
    @ParentCommand
    BosunCommand parent;

    /** {@code bosun kvm check [--user U] [--json]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check that /dev/kvm is usable (asking the kernel, not guessing from CPU flags), "
                + "with a remedy for each failure.", "It checks this machine, also under --root: KVM is the running "
                + "kernel's.", "Exit status 0 when KVM is usable, 1 otherwise."})
    static final class Check implements Callable<Integer> {
        @ParentCommand
        KvmCommand kvm;

        @Option(names = "--user", paramLabel = "USER", description = "check access for this user instead of the caller")
        String user;

        @Override
        public Integer call() throws Exception {
            GlobalOptions g = kvm.parent.global;
            AlternateRoot.check(g.root);
            JsonReport report = new JsonReport();
            int status;
            List<dev.bosun.api.Change> plan = List.of();
            if (g.root != null) {
                // KVM belongs to the running kernel: a tree under --root has no /dev/kvm of its own to ask.
                g.warnings(report, System.err).accept("kvm check is a live-host check: it reports on this machine's "
                        + "/dev/kvm, /proc, /sys and its /etc/passwd and /etc/group, not on --root " + g.root);
            }
            try (LocalHostContext ctx = g.host(null, "kvm check", g.warnings(report, System.err))) {
                OpInfo check = new ModuleRegistry().add(new KvmModule(), "stdlib").ops().stream()
                        .filter(o -> o.name().equals("check")).findFirst().orElseThrow();
                Map<String, Object> options = new LinkedHashMap<>();
                options.put("user", user);
                KvmCheckResult r = (KvmCheckResult) new Invocation(ctx, g.warnings(report, System.err))
                        .call(check, List.of(options));
                plan = ctx.plan().changes();
                if (g.json) {
                    report.result(r);
                    if (!r.ok()) {
                        report.error("kvm.check", null, "KVM is not usable (the failed checks and their remedies are "
                                + "in result)");
                    }
                } else {
                    System.out.print(KvmReport.render(r));
                }
                status = r.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
            } catch (OpFailure e) {
                status = e.kind() == OpFailure.Kind.BAD_INPUT ? ExitCodes.USAGE : Failures.FAILURE;
                if (g.json) {
                    report.error(Failures.describe(e, System.err, g.verbose, false));
                } else {
                    System.err.println("bosun: " + e.getMessage());
                }
            } catch (BosunException e) {
                status = Failures.FAILURE;
                say(g, report, "kvm.check", "kvm.check: " + e.getMessage());
            }
            return g.finish(report, status, plan, System.out);
        }

        private static void say(GlobalOptions g, JsonReport report, String op, String message) {
            if (g.json) {
                report.error(op, null, message);
            } else {
                System.err.println("bosun: " + message);
            }
        }
    }
}
