package dev.bosun.stdlib.subids;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

/** The host uid behind one container uid of a rootless user, and the helper user that may own it. */
@Doc("Host uid of a container uid under subids.idMap's mapping")
public record HelperUid(
        @Doc("the rootless user") String user,
        @Doc("container uid, 0..65535") long containerUid,
        @Doc("host uid: the user's own uid for 0, else the user's sub-UID number containerUid") long hostUid,
        @Doc("the helper user name for this uid: USER-N (null for container uid 0)") @Nullable String helperName,
        @Doc("the user that has this host uid now, or null") @Nullable String existingUser) {
}
