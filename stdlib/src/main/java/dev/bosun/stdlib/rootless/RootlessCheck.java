package dev.bosun.stdlib.rootless;

import dev.bosun.api.Check;
import dev.bosun.api.HostContext;
import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.kvm.Accounts;
import dev.bosun.stdlib.subids.SubIdKind;
import dev.bosun.stdlib.users.AccountName;
import dev.bosun.stdlib.users.User;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rootless-host preflight: can this user run rootless Podman with Quadlet units on this host? Every fact is read
 * through the session's {@link HostContext} and nothing is changed, so it runs under {@code --dry-run}. Files come
 * from the session's root ({@code --root DIR}: DIR's /proc, /sys, /etc, /usr, /run, /var); the two commands it runs
 * ({@code podman --version} and the runtime's {@code --version}, declared read-only) run on the live root only, and
 * under {@code --root} those findings say they were not made.
 *
 * <p>Other modules call {@link #run(HostContext, String)} before they set a user up for rootless containers and
 * refuse with {@link RootlessCheckResult#failures()} as the reason.
 */
public final class RootlessCheck {
    private RootlessCheck() {
    }

    /**
     * Runs every finding for {@code user} (null: the caller; host-wide findings only when the caller is root).
     *
     * @throws InvalidValueException when the name breaks the account-name rule or is not a user in the root's etc/passwd
     */
    public static RootlessCheckResult run(HostContext ctx, String user) {
        Accounts accounts = Accounts.read(ctx.fs());
        Subject subject = subject(ctx, accounts, user);
        Survey s = new Survey(ctx, accounts, subject);
        CgroupFindings cgroups = new CgroupFindings(s);
        RuntimeFinding.Choice runtime = RuntimeFinding.choose(s);
        PodmanFindings podman = new PodmanFindings(s);
        RootlessFinding podmanFinding = podman.podman();
        RootlessFinding quadletFinding = podman.quadlet();
        int major = podman.version() == null ? 0 : podman.version().major();
        List<RootlessFinding> findings = List.of(
                cgroups.cgroup(runtime),
                cgroups.controllers(),
                RuntimeFinding.of(s, runtime),
                IdMapperFinding.newuidmap(s),
                IdMapperFinding.newgidmap(s),
                SubIdFinding.of(s, SubIdKind.UID),
                SubIdFinding.of(s, SubIdKind.GID),
                UserNamespaceFinding.of(s),
                TunFinding.of(s),
                NetworkFinding.of(s, major),
                SessionFindings.linger(s),
                SessionFindings.runtimeDir(s),
                podmanFinding,
                quadletFinding);
        findings = withConfProblems(s, findings);
        boolean canRun = findings.stream().noneMatch(RootlessFinding::failed);
        String who = subject == null ? "rootless users (no user named: host-wide findings only)" : subject.name();
        String verdict = canRun
                ? "rootless Podman with Quadlet can run for " + who + warnings(findings)
                : "rootless Podman with Quadlet cannot run for " + who + ": " + findings.stream()
                    .filter(RootlessFinding::failed).map(RootlessFinding::id).collect(Collectors.joining(", ")) + " failed";
        return new RootlessCheckResult(canRun, verdict, subject == null ? null : subject.name(),
                subject == null ? null : subject.uid(), podman.version() == null ? null : podman.version().toString(), findings);
    }

    private static Subject subject(HostContext ctx, Accounts accounts, String user) {
        dev.bosun.stdlib.users.Accounts db = dev.bosun.stdlib.users.Accounts.read(ctx.fs());
        User u;
        if (user != null) {
            AccountName.check("user", user);
            u = db.user(user);
            if (u == null) {
                throw new InvalidValueException("user", Check.quote(user) + " is not a user in " + ctx.root().resolve("etc/passwd"));
            }
        } else {
            int euid = ctx.caller().euid();
            u = euid == 0 ? null : db.userByUid(Integer.toUnsignedLong(euid));
            if (u == null) {
                return null;
            }
        }
        Accounts.User account = accounts.user(u.name());
        return new Subject(u.name(), u.uid(), u.gid(), u.home(), accounts.gidsOf(account), account);
    }

    /** A containers.conf Podman cannot read stops Podman itself: it becomes part of the runtime finding. */
    private static List<RootlessFinding> withConfProblems(Survey s, List<RootlessFinding> findings) {
        List<String> problems = s.conf.problems();
        if (problems.isEmpty()) {
            return findings;
        }
        return findings.stream().map(f -> !f.id().equals(RuntimeFinding.ID) ? f
                : RootlessFinding.fail(f.id(), f.title(), f.detail() + "; containers.conf: " + String.join("; ", problems)
                    + " (Podman refuses to start with a containers.conf it cannot read)",
                    "fix or remove the file(s) named" + (f.remedy() == null ? "" : "; " + f.remedy())))
                .toList();
    }

    private static String warnings(List<RootlessFinding> findings) {
        List<String> warned = findings.stream().filter(f -> f.status() == FindingStatus.WARN).map(RootlessFinding::id).toList();
        return warned.isEmpty() ? "" : " (with warnings: " + String.join(", ", warned) + ")";
    }
}
