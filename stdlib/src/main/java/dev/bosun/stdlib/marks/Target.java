package dev.bosun.stdlib.marks;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.Command;
import dev.bosun.api.Doc;
import dev.bosun.api.HostContext;
import dev.bosun.api.Optional;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the rules live: the host's network namespace, or a named one ({@code ip netns}).
 *
 * @param netns a name from {@code ip netns list}, or null for Bosun's own namespace
 */
@Doc("Where rules are applied: {netns:\"name\"} for a named network namespace, {} for the host's.")
public record Target(@Optional @Doc("network namespace name (ip netns); left out: the host's") String netns) {
    private static final Pattern NETNS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public Target {
        if (netns != null) {
            Check.matches("netns", netns, NETNS, "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
        }
    }

    public static Target host() {
        return new Target(null);
    }

    /** The key this namespace is stored under ("" for the host's). */
    String key() {
        return netns == null ? "" : netns;
    }

    String describe() {
        return netns == null ? "the host's network namespace" : "netns " + netns;
    }

    /**
     * A command that changes this namespace. A named netns is the call's explicit target, so it may run
     * under any root; the host's namespace is the live system, which an alternate root does not redirect.
     */
    Command command(List<String> argv) {
        Command c = Command.of(argv);
        return netns == null ? c : c.targeting(describe());
    }

    /**
     * Refuses changing the host's namespace when the session's root is not the live system: {@code --root}
     * redirects files, not the kernel's rules, routes, nft tables or sysctls.
     */
    void requireReachable(HostContext ctx) {
        if (netns == null && !ctx.liveRoot()) {
            throw new BosunException("the root is " + ctx.root() + ", not the live system, and --root does not "
                    + "redirect the host's network namespace; name one with {netns: \"...\"} or run on /");
        }
    }

    /** {@code ip [-n NS] args...} */
    List<String> ip(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("ip");
        if (netns != null) {
            argv.add("-n");
            argv.add(netns);
        }
        argv.addAll(List.of(args));
        return argv;
    }

    /** A tool run inside the namespace: {@code ip netns exec NS tool args...}, or the tool itself on the host. */
    List<String> inside(String... toolAndArgs) {
        List<String> argv = new ArrayList<>();
        if (netns != null) {
            argv.addAll(List.of("ip", "netns", "exec", netns));
        }
        argv.addAll(List.of(toolAndArgs));
        return argv;
    }
}
