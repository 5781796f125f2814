package dev.bosun.shell.cli;

import dev.bosun.api.BosunException;
import dev.bosun.shell.ops.Invocation;
import dev.bosun.shell.ops.ModuleRegistry;
import dev.bosun.shell.ops.OpFailure;
import dev.bosun.shell.ops.OpInfo;
import dev.bosun.shell.render.Failures;
import dev.bosun.shell.render.JsonReport;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.rootless.RootlessCheckResult;
import dev.bosun.stdlib.rootless.RootlessModule;
import dev.bosun.stdlib.rootless.RootlessReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bosun rootless check}: the rootless-host preflight as a report, without starting the JS engine; the call
 * takes the same {@link Invocation} path as {@code rootless.check()} in a script, as {@code kvm check} does.
 */
@Command(name = "rootless", mixinStandardHelpOptions = true, description = "Rootless Podman checks.",
        subcommands = RootlessCommand.Check.class)
public final class RootlessCommand {
    @ParentCommand
    BosunCommand parent;

    /** {@code bosun rootless check [--user U] [--json]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check that a user can run rootless Podman with Quadlet units here (cgroup v2 and delegation, "
                + "runtime, newuidmap/newgidmap, sub-IDs, user namespaces, /dev/net/tun, pasta/slirp4netns, linger, "
                + "XDG_RUNTIME_DIR, Podman and its Quadlet generator), with a remedy for each problem.",
                "Exit status 0 when the user can, 1 otherwise."})
    static final class Check implements Callable<Integer> {
        @ParentCommand
        RootlessCommand rootless;

        @Option(names = "--user", paramLabel = "USER", description = "the user who would run the containers (default: "
                + "the caller; as root without it, only the host-wide findings)")
        String user;

        @Override
        public Integer call() throws Exception {
            GlobalOptions g = rootless.parent.global;
            AlternateRoot.check(g.root);
            JsonReport report = new JsonReport();
            int status;
            List<dev.bosun.api.Change> plan = List.of();
            try (LocalHostContext ctx = g.host(g.root, "rootless check", g.warnings(report, System.err))) {
                OpInfo check = new ModuleRegistry().add(new RootlessModule(), "stdlib").ops().stream()
                        .filter(o -> o.name().equals("check")).findFirst().orElseThrow();
                Map<String, Object> options = new LinkedHashMap<>();
                options.put("user", user);
                RootlessCheckResult r = (RootlessCheckResult) new Invocation(ctx, g.warnings(report, System.err))
                        .call(check, List.of(options));
                plan = ctx.plan().changes();
                if (g.json) {
                    report.result(r);
                    if (!r.canRun()) {
                        report.error("rootless.check", null, r.verdict() + " (the findings and their remedies are in result)");
                    }
                } else {
                    System.out.print(RootlessReport.render(r));
                }
                status = r.canRun() ? ExitCodes.OK : ExitCodes.FAILURE;
            } catch (OpFailure e) {
                status = e.kind() == OpFailure.Kind.BAD_INPUT ? ExitCodes.USAGE : Failures.FAILURE;
                if (g.json) {
                    report.error(Failures.describe(e, System.err, g.verbose, false));
                } else {
                    System.err.println("bosun: " + e.getMessage());
                }
            } catch (BosunException e) {
                status = Failures.FAILURE;
                if (g.json) {
                    report.error("rootless.check", null, "rootless.check: " + e.getMessage());
                } else {
                    System.err.println("bosun: rootless.check: " + e.getMessage());
                }
            }
            return g.finish(report, status, plan, System.out);
        }
    }
}
