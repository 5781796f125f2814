package dev.bosun.stdlib.marks;

import dev.bosun.api.Command;
import dev.bosun.api.ExecResult;
import dev.bosun.api.HostContext;
import dev.bosun.api.Shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a {@link Reconciliation} into commands and runs them: few processes ({@code ip -batch -}
 * per family and phase, one {@code nft -f -}), each logical command recorded in the plan first.
 */
final class Applier {
    private final HostContext ctx;
    private final Target target;

    Applier(HostContext ctx, Target target) {
        this.ctx = ctx;
        this.target = target;
    }

    /** The wanted state and the commands that build it in an empty namespace. */
    static RulesView render(Target target, List<Connection> connections) {
        DesiredState want = DesiredState.of(connections);
        Set<String> ifaces = want.routes().stream().map(IpRoute::dev).collect(Collectors.toSet());
        Reconciliation r = Reconciliation.compare(want, LiveState.emptyWith(ifaces));
        List<String> commands = new ArrayList<>();
        for (Step s : steps(target, r)) {
            commands.addAll(s.shown);
        }
        Map<String, String> sysctls = new LinkedHashMap<>();
        if (want.srcValidMark() != null) {
            sysctls.put(LiveState.SRC_VALID_MARK, want.srcValidMark());
        }
        return new RulesView(target.netns(), want.rules().stream().map(x -> "ipv" + x.family() + " " + x.text()).toList(),
                want.routes().stream().map(x -> "ipv" + x.family() + " " + x.text()).toList(),
                want.nft() == null ? null : want.nft().script(), sysctls, commands);
    }

    /**
     * Runs the steps. Each process records itself in the plan, exactly as it runs (argv and the batch it is
     * fed), so a dry-run's plan and a real run's {@code -v} list are the same lines; under dry-run nothing that
     * changes the namespace runs, and the result says how many processes were planned and how many ran.
     */
    ApplyResult apply(List<Connection> connections, MarkStore store) {
        DesiredState want = DesiredState.of(connections);
        LiveState live = LiveState.read(ctx, target);
        Reconciliation r = Reconciliation.compare(want, live);
        int executed = live.commands();
        int planned = 0;
        List<String> commands = new ArrayList<>();
        for (Step s : steps(target, r)) {
            ExecResult result = ctx.exec().run(s.command);
            planned++;
            if (!result.planned()) {
                executed++;
            }
            commands.addAll(s.shown);
        }
        store.markApplied(target.key(), connections.stream().map(Connection::id).collect(Collectors.toSet()));
        List<Drift> waiting = r.drift().stream().filter(d -> d.note() != null).toList();
        return new ApplyResult(target.netns(), !commands.isEmpty(), r.drift(), commands, planned, executed, waiting,
                r.foreign());
    }

    StatusResult status(List<Connection> connections) {
        return StatusResult.of(target, Reconciliation.compare(DesiredState.of(connections), LiveState.read(ctx, target)));
    }

    /** One process to run and the commands it stands for, each exact and runnable on its own. */
    private record Step(Command command, List<String> shown) {
    }

    private static List<Step> steps(Target target, Reconciliation r) {
        List<Step> steps = new ArrayList<>();
        if (r.setSrcValidMark()) {
            List<String> argv = target.inside("sysctl", "-w", LiveState.SRC_VALID_MARK + "=1");
            steps.add(new Step(target.command(argv), List.of(Shell.quote(argv))));
        }
        r.ipFirst().forEach((family, lines) -> steps.add(ipBatch(target, family, lines)));
        if (r.nftScript() != null) {
            List<String> argv = target.inside("nft", "-f", "-");
            List<String> shown = r.nftStatements().stream().map(s -> target.command(argv).withShownStdin(s).display()).toList();
            steps.add(new Step(target.command(argv).withShownStdin(r.nftScript()).withTimeout(Duration.ofMinutes(2)), shown));
        }
        r.ipLast().forEach((family, lines) -> steps.add(ipBatch(target, family, lines)));
        return steps;
    }

    private static Step ipBatch(Target target, int family, List<List<String>> lines) {
        String f = "-" + family;
        List<String> shown = new ArrayList<>();
        StringBuilder stdin = new StringBuilder();
        for (List<String> line : lines) {
            List<String> argv = target.ip(f);
            argv.addAll(line);
            shown.add(Shell.quote(argv));
            stdin.append(String.join(" ", line)).append('\n');
        }
        Command c = target.command(target.ip(f, "-batch", "-")).withShownStdin(stdin.toString()).withTimeout(Duration.ofMinutes(2));
        return new Step(c, shown);
    }
}
