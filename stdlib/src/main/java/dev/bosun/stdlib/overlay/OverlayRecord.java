package dev.bosun.stdlib.overlay;

import java.util.List;

/**
 * An overlay as stored in the state database: what create was given, so the later operations need
 * only the name.
 */
record OverlayRecord(String name, String datadir, List<String> lower, List<String> opaque, XattrNamespace xattrs,
                     long createdMillis) {
    /** Same place, layers, opaque dirs and xattr namespace: what create was asked for, whenever. */
    boolean sameSpec(OverlayRecord o) {
        return datadir.equals(o.datadir) && lower.equals(o.lower) && opaque.equals(o.opaque) && xattrs == o.xattrs;
    }

    Layout layout() {
        return new Layout(datadir, name);
    }
}
