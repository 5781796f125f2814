package dev.bosun.plugins.loopback;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import org.pf4j.Extension;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Per-sandbox loopback addresses, from the micro-VM sandbox (host-ops.md): each sandbox gets its own
 * 127.0.0.N so its published ports and its egress allowlist (one /32) are its alone. No alias is
 * configured on Linux: all of 127.0.0.0/8 is already loopback.
 */
@Extension
@Module(name = "loopback", doc = "Per-sandbox loopback addresses from a pool in 127.0.0.0/8 (default "
        + "127.0.0.16-127.0.0.31), lowest free first, recorded in the state DB; /32 egress allowlists.")
public final class LoopbackModule implements HostModule {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");

    @Op(mutates = true, doc = "The sandbox's loopback address: the one it has, or the lowest free one in the pool. "
            + "Safe across concurrent Bosun processes. Fails when the pool is exhausted.")
    public Allocation allocate(HostContext ctx, @Doc("sandbox name, [a-z0-9][a-z0-9_.-]{0,62}") String slug) {
        return new AllocationStore(ctx).allocate(slug(slug));
    }

    @Op(mutates = true, doc = "Gives the sandbox's address back to the pool. changed is false when it had none.")
    public Released release(HostContext ctx, @Doc("sandbox name") String slug) {
        return new AllocationStore(ctx).release(slug(slug));
    }

    @Op(doc = "The allocated addresses, lowest first: {slug, address, allowlist} each.")
    public List<LoopbackAddress> list(HostContext ctx) {
        return new AllocationStore(ctx).list();
    }

    @Op(doc = "The egress allowlist for the sandbox: [\"127.0.0.N/32\"]. Fails when it has no address.")
    public List<String> allowlist(HostContext ctx, @Doc("sandbox name") String slug) {
        LoopbackAddress a = new AllocationStore(ctx).find(slug(slug));
        if (a == null) {
            throw new BosunException("sandbox " + slug + " has no loopback address; allocate one with "
                    + "loopback.allocate(\"" + slug + "\")");
        }
        return a.allowlist();
    }

    @Op(doc = "The pool's range, size and how many addresses are allocated.")
    public PoolInfo pool(HostContext ctx) {
        return new AllocationStore(ctx).pool();
    }

    @Op(mutates = true, doc = "Sets the pool range (both ends in 127.0.0.0/8, not 127.0.0.1). Refused when an "
            + "allocated address would fall outside it.")
    public PoolInfo configure(HostContext ctx, @Doc("the new range: {first, last}") LoopbackPool pool) {
        return new AllocationStore(ctx).configure(pool);
    }

    private static String slug(String slug) {
        return Check.matches("slug", slug, SLUG, "[a-z0-9][a-z0-9_.-]{0,62}");
    }
}
