package dev.bosun.stdlib.marks;

import dev.bosun.api.Change;
import dev.bosun.api.Doc;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;

import java.time.Clock;
import java.util.List;

/** Connectivity marks: per-connection fwmarks, routing tables and redirect ports, applied as policy routing. */
@Module(name = "marks", doc = "Connectivity marks: allocate a fwmark, routing table and interface name or redirect port per "
        + "egress connection, assign peers to connections, and apply them as ip rules, routes and the nftables table "
        + "inet bosun in a network namespace; status reports drift both ways and reconcile repairs it. "
        + "Bosun owns rule priorities 10000-10256, tables 1000-1255 and the table inet bosun; nothing else is touched.")
public final class MarksModule implements HostModule {

    private static MarkStore store(HostContext ctx) {
        return new MarkStore(ctx.state(), Clock.systemUTC());
    }

    @Op(doc = "Allocates a connection: mark 0x1000-0x1ff0 (step 0x10) with its paired table 1000-1255, plus an "
            + "interface name wgext_*/ovpn_* (at most 15 characters) for wireguard_ext/openvpn or a redirect port "
            + "9100-9199 for tor/sshuttle/proxy. Never-used values go first; released ones are quarantined for 10 "
            + "minutes. Fails naming the pool when it is exhausted. An ensure: the same request again returns the "
            + "connection it made and changes nothing; a name held by another type or pinned value is an error.",
            mutates = true)
    public Connection allocate(HostContext ctx, @Doc("type and name; mark, table or redirectPort only to pin a value") AllocateRequest request) {
        return planned(ctx, store(ctx).allocate(request));
    }

    @Op(doc = "marks.allocate for many connections in one call and one transaction: all are allocated, or none when "
            + "one fails (the error names it). Returns the connections in the order requested; requests already "
            + "allocated the same way return their connection unchanged. Use it for an inventory: one commit "
            + "instead of one per connection.", mutates = true)
    public List<Connection> allocateAll(HostContext ctx, @Doc("one {type, name, ...} per connection, as for allocate")
                                        List<AllocateRequest> requests) {
        return store(ctx).allocateAll(java.util.Objects.requireNonNullElse(requests, List.of())).stream()
                .map(a -> planned(ctx, a)).toList();
    }

    private static Connection planned(HostContext ctx, MarkStore.Allocated a) {
        Connection c = a.connection();
        if (a.created()) {
            ctx.plan().record(Change.state("marks/" + c.name(), "allocate " + c.type() + " " + c.name() + ": mark "
                    + c.mark() + " table " + c.table() + (c.iface() != null ? " iface " + c.iface() : "")
                    + (c.redirectPort() != null ? " port " + c.redirectPort() : "")));
        }
        return c;
    }

    @Op(doc = "All allocated connections with their peers, by mark.")
    public List<Connection> list(HostContext ctx) {
        return store(ctx).list();
    }

    @Op(doc = "One connection by id or name.")
    public Connection get(HostContext ctx, @Doc("connection id or name") String id) {
        return store(ctx).find(id);
    }

    @Op(doc = "Releases a connection and unassigns its peers. Refuses while it is applied in a namespace (its rules "
            + "would be left live) unless force is true; then run marks.apply to remove them. The released mark, "
            + "table and port are not handed out again for 10 minutes.", mutates = true)
    public ReleaseResult release(HostContext ctx, @Doc("connection id or name") String id,
                                 @Optional @Doc("release even though it is applied") Boolean force) {
        ReleaseResult r = store(ctx).release(id, Boolean.TRUE.equals(force));
        ctx.plan().record(Change.state("marks/" + r.connection().name(), "release " + r.connection().name() + " (mark "
                + r.connection().mark() + ", table " + r.connection().table() + ")"));
        return r;
    }

    @Op(doc = "Sends a peer (IPv4/IPv6 address or CIDR, e.g. 10.9.0.2 or fd00::/64) out through a connection. "
            + "One connection per peer: a peer that is assigned elsewhere, or overlaps one, is refused.", mutates = true)
    public PeerAssignment assign(HostContext ctx, @Doc("IPv4/IPv6 address or CIDR") String peer,
                                 @Doc("connection id or name") String id) {
        PeerAddress p = PeerAddress.parse("peer", peer);
        return planned(ctx, store(ctx).assign(p, id));
    }

    @Op(doc = "marks.assign for many peers in one call and one transaction: all are assigned, or none when one is "
            + "refused (the error names it). A peer already on its connection is changed:false; one on, or "
            + "overlapping, another connection's peer (assigned before or earlier in the list) is refused. One "
            + "commit instead of one per peer.", mutates = true)
    public List<PeerAssignment> assignAll(HostContext ctx, @Doc("one {peer, connection} per peer; connection is an id or name")
                                          List<PeerRequest> assignments) {
        return store(ctx).assignAll(java.util.Objects.requireNonNullElse(assignments, List.of())).stream()
                .map(a -> planned(ctx, a)).toList();
    }

    private static PeerAssignment planned(HostContext ctx, PeerAssignment a) {
        if (a.changed()) {
            ctx.plan().record(Change.state("marks/peer/" + a.peer(), "assign " + a.peer() + " to " + a.connectionName()));
        }
        return a;
    }

    @Op(doc = "Removes a peer's assignment; changed:false when it had none.", mutates = true)
    public PeerAssignment unassign(HostContext ctx, @Doc("IPv4/IPv6 address or CIDR as assigned") String peer) {
        PeerAssignment a = store(ctx).unassign(PeerAddress.parse("peer", peer));
        if (a.changed()) {
            ctx.plan().record(Change.state("marks/peer/" + a.peer(), "unassign " + a.peer() + " from " + a.connectionName()));
        }
        return a;
    }

    @Op(doc = "The wanted state as data (ip rules, routes, the nft table, sysctls) and the exact commands that "
            + "create it in an empty namespace. Reads nothing from the kernel.")
    public RulesView rules(HostContext ctx, @Optional @Doc("{netns} or {} for the host's namespace") Target target) {
        return Applier.render(orHost(target), store(ctx).list());
    }

    @Op(doc = "Makes the live state of the namespace match the records, changing only the differences (idempotent: "
            + "a second call runs no change). Each command is planned; they run as one ip batch per family and "
            + "phase and one nft batch. Under --root (not the live system) only with a named {netns}: the root does "
            + "not redirect the host's namespace.", mutates = true)
    public ApplyResult apply(HostContext ctx, @Optional @Doc("{netns} or {} for the host's namespace") Target target) {
        orHost(target).requireReachable(ctx);
        MarkStore store = store(ctx);
        return new Applier(ctx, orHost(target)).apply(store.list(), store);
    }

    @Op(doc = "Reads ip rules, routes, the nft table and src_valid_mark and reports drift both ways: missing, "
            + "unexpected (in Bosun's range), different; plus foreign rules that name Bosun's marks or tables.")
    public StatusResult status(HostContext ctx, @Optional @Doc("{netns} or {} for the host's namespace") Target target) {
        return new Applier(ctx, orHost(target)).status(store(ctx).list());
    }

    @Op(doc = "status, then apply, then status again: repairs drift and shows what is left. Under --root only with "
            + "a named {netns}, as apply.", mutates = true)
    public ReconcileResult reconcile(HostContext ctx, @Optional @Doc("{netns} or {} for the host's namespace") Target target) {
        orHost(target).requireReachable(ctx);
        MarkStore store = store(ctx);
        Applier applier = new Applier(ctx, orHost(target));
        StatusResult before = applier.status(store.list());
        ApplyResult apply = applier.apply(store.list(), store);
        return new ReconcileResult(before, apply, applier.status(store.list()));
    }

    private static Target orHost(Target t) {
        return t == null ? Target.host() : t;
    }
}
