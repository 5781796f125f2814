package dev.bosun.stdlib.compartments;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.Command;
import dev.bosun.api.FileStat;
import dev.bosun.api.HostContext;
import dev.bosun.stdlib.quadlet.QuadletModule;
import dev.bosun.stdlib.subids.SubIdsModule;
import dev.bosun.stdlib.users.Accounts;
import dev.bosun.stdlib.users.GroupsModule;
import dev.bosun.stdlib.users.ProcessOwners;
import dev.bosun.stdlib.users.RemoveOptions;
import dev.bosun.stdlib.users.User;
import dev.bosun.stdlib.users.UsersModule;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Takes a compartment away: exactly what its ownership records name, in reverse order of creation. Services stop
 * and lingering ends first; while the user still runs processes the removal is refused unless {@code force}, which
 * ends them with {@code loginctl terminate-user}. Each thing is forgotten right after it is gone, so an interrupted
 * remove continues where it stopped. A host that had nothing of the compartment before apply has nothing after.
 */
final class CompartmentRemove {
    private static final long PROCESS_WAIT_MILLIS = 15_000;

    private final HostContext ctx;
    private final String id;
    private final String name;
    private final CompartmentRemoveOptions options;
    private final OwnershipStore store;
    private final List<String> warnings = new ArrayList<>();
    private final UsersModule users = new UsersModule();
    private final GroupsModule groups = new GroupsModule();

    CompartmentRemove(HostContext ctx, String id, CompartmentRemoveOptions options) {
        this.ctx = ctx;
        this.id = id;
        this.name = CompartmentNames.user(id);
        this.options = options == null ? new CompartmentRemoveOptions(null, null) : options;
        this.store = new OwnershipStore(ctx);
    }

    CompartmentRemoved run() {
        int start = ctx.plan().size();
        TreeSet<Owned> owned = store.owned(id);
        if (owned.isEmpty() && store.spec(id) == null) {
            // Nothing of this compartment is left, but a remove killed after forgetting the last compartment and
            // before releasing the shared directories left those behind: releasing them here makes a rerun converge.
            SharedDirs.releaseIfLast(ctx, store);
            List<Change> changes = List.copyOf(ctx.plan().changes().subList(start, ctx.plan().size()));
            return new CompartmentRemoved(id, !changes.isEmpty(), changes, List.of());
        }
        User user = owned.contains(new Owned(Owned.Kind.USER, name)) ? Accounts.read(ctx.fs()).user(name) : null;
        if (user != null) {
            stopEverything(user, owned);
        }
        // Podman's objects live in the user's storage in the home; they go with it.
        forget(owned, Owned.Kind.SECRET, Owned.Kind.LOGIN);
        for (Owned o : owned.descendingSet()) {
            if (o.kind() == Owned.Kind.UNIT) {
                if (user != null && ctx.fs().exists(o.name())) {
                    new QuadletModule().remove(ctx, name, o.name().substring(o.name().lastIndexOf('/') + 1));
                }
                store.forget(id, List.of(o));
            }
        }
        for (Owned o : owned.descendingSet()) {
            if (o.kind() == Owned.Kind.DIR) {
                if (options.keepVolumes() && o.name().startsWith(Volumes.compartmentDir(id))) {
                    if (ctx.fs().exists(o.name()) && !o.name().equals(Volumes.compartmentDir(id))) {
                        warnings.add("kept volume " + o.name());
                    }
                } else {
                    ctx.fs().deleteTree(o.name());
                }
                store.forget(id, List.of(o));
            }
        }
        for (Owned o : owned.descendingSet()) {
            if (o.kind() == Owned.Kind.HELPER_USER) {
                users.remove(ctx, o.name(), new RemoveOptions(false, true));
                store.forget(id, List.of(o));
            }
        }
        for (Owned o : owned.descendingSet()) {
            if (o.kind() == Owned.Kind.HELPER_GROUP) {
                groups.remove(ctx, o.name(), true);
                store.forget(id, List.of(o));
            }
        }
        if (owned.contains(new Owned(Owned.Kind.SUBIDS, name))) {
            new SubIdsModule().release(ctx, name);
            store.forget(id, List.of(new Owned(Owned.Kind.SUBIDS, name)));
        }
        if (owned.contains(new Owned(Owned.Kind.USER, name))) {
            // userdel also drops the lingering marker; the home is deleted only when the user owns it.
            Owned home = recordHome();
            users.remove(ctx, name, new RemoveOptions(true, true));
            removeHomes(owned, home);
            forget(owned, Owned.Kind.USER, Owned.Kind.LINGER);
        } else if (owned.contains(new Owned(Owned.Kind.LINGER, name))) {
            forget(owned, Owned.Kind.LINGER);
        }
        if (owned.contains(new Owned(Owned.Kind.GROUP, name))) {
            groups.remove(ctx, name, true);
            forget(owned, Owned.Kind.GROUP);
        }
        store.dropSpec(id);
        SharedDirs.releaseIfLast(ctx, store);
        List<Change> changes = List.copyOf(ctx.plan().changes().subList(start, ctx.plan().size()));
        return new CompartmentRemoved(id, true, changes, List.copyOf(warnings));
    }

    /**
     * Records the user's home with its uid before userdel: users.remove deletes the home after userdel, so a remove
     * killed in between would leave a home whose user, and so whose path and uid, no record named any more.
     */
    private Owned recordHome() {
        User u = Accounts.read(ctx.fs()).user(name);
        if (u == null || u.home() == null || !u.home().startsWith("/") || u.home().equals("/")) {
            return null;
        }
        Owned home = new Owned(Owned.Kind.HOME, u.uid() + ":" + u.home());
        store.claim(id, List.of(home));
        return home;
    }

    /**
     * The homes recorded by this or an interrupted earlier remove: deleted (never following a link) when still owned
     * by the recorded uid, as users.remove would have; another owner's directory is left with a warning. Then
     * forgotten.
     */
    private void removeHomes(TreeSet<Owned> owned, Owned current) {
        TreeSet<Owned> homes = new TreeSet<>();
        owned.stream().filter(o -> o.kind() == Owned.Kind.HOME).forEach(homes::add);
        if (current != null) {
            homes.add(current);
        }
        for (Owned h : homes) {
            int colon = h.name().indexOf(':');
            long uid = Long.parseLong(h.name().substring(0, colon));
            String path = h.name().substring(colon + 1);
            FileStat st = ctx.fs().stat(path);
            if (st != null && Integer.toUnsignedLong(st.uid()) == uid) {
                ctx.fs().deleteTree(path);
            } else if (st != null) {
                warnings.add("home " + path + " not removed: it is owned by uid " + Integer.toUnsignedLong(st.uid())
                        + ", not " + uid);
            }
            store.forget(id, List.of(h));
        }
    }

    private void forget(TreeSet<Owned> owned, Owned.Kind... kinds) {
        List<Owned> gone = new ArrayList<>();
        for (Owned o : owned) {
            for (Owned.Kind k : kinds) {
                if (o.kind() == k) {
                    gone.add(o);
                }
            }
        }
        store.forget(id, gone);
    }

    /**
     * Stops the containers and the timer, ends lingering, and makes sure no process of the user or its helpers is
     * left (live host only: under --root there are no processes of the root's users to stop).
     */
    private void stopEverything(User user, TreeSet<Owned> owned) {
        if (!ctx.liveRoot()) {
            return;
        }
        UserServices services = new UserServices(ctx, user, warnings);
        for (Owned o : owned) {
            if (o.kind() == Owned.Kind.UNIT && o.name().endsWith(".container")) {
                String file = o.name().substring(o.name().lastIndexOf('/') + 1);
                services.stop(file.substring(0, file.length() - ".container".length()) + ".service");
            }
        }
        services.stop(CompartmentApply.AUTO_UPDATE_TIMER);
        if (ctx.fs().exists("/var/lib/systemd/linger/" + name)) {
            users.linger(ctx, name, false);
        }
        if (ctx.dryRun()) {
            return;
        }
        List<Long> uids = new ArrayList<>(List.of(user.uid()));
        Accounts db = Accounts.read(ctx.fs());
        for (Owned o : owned) {
            if (o.kind() == Owned.Kind.HELPER_USER && db.user(o.name()) != null) {
                uids.add(db.user(o.name()).uid());
            }
        }
        if (waitForNoProcesses(uids)) {
            return;
        }
        if (!options.force()) {
            throw new BosunException("compartment " + id + ": user " + name + " (or a helper) still has processes after its "
                    + "services stopped and lingering ended; stop them, or remove with {force: true} to end them "
                    + "(loginctl terminate-user)");
        }
        ctx.exec().run(Command.of("loginctl", "terminate-user", name).unchecked());
        if (!waitForNoProcesses(uids)) {
            throw new BosunException("compartment " + id + ": processes of " + name + " or its helpers are still running "
                    + "after loginctl terminate-user; nothing more was removed");
        }
    }

    private boolean waitForNoProcesses(List<Long> uids) {
        long deadline = System.nanoTime() + PROCESS_WAIT_MILLIS * 1_000_000;
        while (true) {
            boolean any = false;
            for (long uid : uids) {
                any |= !ProcessOwners.pidsOf(ctx.fs(), uid).isEmpty();
            }
            if (!any) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
