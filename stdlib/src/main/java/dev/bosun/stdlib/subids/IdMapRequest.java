package dev.bosun.stdlib.subids;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.users.AccountName;

import java.util.List;
import java.util.TreeSet;

/** Input of {@code subids.idMap}. */
@Doc("Which container IDs get their own host user (helper) in the ID map")
public record IdMapRequest(
        @Doc("the rootless user that runs the container") String user,
        @Doc("container uids (0..65535) mapped 1:1 to helper host uids, as integers or decimal strings") List<String> containerUids,
        @Optional @Doc("container gids; default: the same as containerUids") List<String> containerGids) {

    public static final int SIZE = 65536;

    public IdMapRequest {
        AccountName.check("user", user);
        containerUids = List.copyOf(Check.present("containerUids", containerUids));
        ids("containerUids", containerUids);
        if (containerGids != null) {
            containerGids = List.copyOf(containerGids);
            ids("containerGids", containerGids);
        }
    }

    /** The container IDs as integers; every one must be a whole number in 0..65535. */
    static TreeSet<Integer> ids(String param, List<String> values) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String v : values) {
            // JS numbers may arrive as "33" or "33.0"; both are the integer 33, "33.5" is not.
            String s = v == null ? "" : v.strip();
            if (s.endsWith(".0")) {
                s = s.substring(0, s.length() - 2);
            }
            if (!s.matches("[0-9]{1,5}") || Integer.parseInt(s) >= SIZE) {
                throw new InvalidValueException(param, Check.quote(v) + " must be an integer between 0 and " + (SIZE - 1));
            }
            out.add(Integer.parseInt(s));
        }
        return out;
    }

    TreeSet<Integer> uids() {
        return ids("containerUids", containerUids);
    }

    TreeSet<Integer> gids() {
        return containerGids == null || containerGids.isEmpty() ? uids() : ids("containerGids", containerGids);
    }
}
