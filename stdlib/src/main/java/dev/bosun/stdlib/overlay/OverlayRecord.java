package dev.bosun.stdlib.overlay;

import java.util.List;

/**
 * An overlay as stored in the state database: what create was given, so the later operations need
 * only the name.
 */
record OverlayRecord(String name, String datadir, List<String> lower, List<String> opaque, XattrNamespace xattrs,
                     long createdMillis) {
    Layout layout() {
        return new Layout(datadir, name);
    }
}
