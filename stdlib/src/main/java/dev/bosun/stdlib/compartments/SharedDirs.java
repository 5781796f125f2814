package dev.bosun.stdlib.compartments;

import dev.bosun.api.Fs;
import dev.bosun.api.HostContext;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Directories compartments share (the volume base, the lingering markers' directory and whatever of their parents
 * was missing): recorded under the shared owner {@code ""} when Bosun makes them, and removed, when empty, with
 * the last compartment, so a host that had none of them gets none back.
 */
final class SharedDirs {
    static final String OWNER = "";

    private SharedDirs() {
    }

    /** Makes the directory and its missing parents (0755, root), recording the ones made. */
    static void ensure(HostContext ctx, OwnershipStore store, String path) {
        List<Owned> missing = new ArrayList<>();
        for (String d = path; d.length() > 1 && !ctx.fs().exists(d); d = d.substring(0, Math.max(1, d.lastIndexOf('/')))) {
            missing.addFirst(new Owned(Owned.Kind.DIR, d));
        }
        if (missing.isEmpty()) {
            return;
        }
        store.claim(OWNER, missing);
        ctx.fs().mkdirs(path, 0755, 0, 0);
    }

    /** Once no compartment is left: removes the shared directories Bosun made that are empty, deepest first. */
    static void releaseIfLast(HostContext ctx, OwnershipStore store) {
        if (!store.ids().isEmpty()) {
            return;
        }
        TreeSet<Owned> owned = store.owned(OWNER);
        List<Owned> gone = new ArrayList<>();
        for (Owned o : owned.descendingSet()) {
            Fs fs = ctx.fs();
            if (!fs.exists(o.name())) {
                gone.add(o);
            } else if (fs.list(o.name()).isEmpty()) {
                fs.delete(o.name());
                gone.add(o);
            }
        }
        store.forget(OWNER, gone);
    }
}
