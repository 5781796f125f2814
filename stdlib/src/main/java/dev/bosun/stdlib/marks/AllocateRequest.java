package dev.bosun.stdlib.marks;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Optional;

import java.util.regex.Pattern;

/**
 * What to allocate. Mark and table name the same slot (they are paired), so give at most one of
 * them, or both naming the same slot; left out, the allocator picks.
 */
@Doc("A connection to allocate: type and name; mark, table or redirect port only to pin a value.")
public record AllocateRequest(
        @Doc("wireguard_ext, openvpn, tor, sshuttle, proxy or cell_relay") ConnectionType type,
        @Doc("unique name, [a-z0-9][a-z0-9_-]{0,31}; tunnel interfaces are named after it") String name,
        @Optional @Doc("pin the mark (0x1000–0x1ff0, step 0x10)") String mark,
        @Optional @Doc("pin the table (1000–1255)") Integer table,
        @Optional @Doc("pin the redirect port (9100–9199; redirect types only)") Integer redirectPort) {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    public AllocateRequest {
        Check.present("type", type);
        Check.matches("name", name, NAME, "[a-z0-9][a-z0-9_-]{0,31}");
        Integer fromMark = mark == null ? null : MarkPool.slotOfMark("mark", mark);
        Integer fromTable = table == null ? null : MarkPool.slotOfTable("table", table);
        if (fromMark != null && fromTable != null && !fromMark.equals(fromTable)) {
            throw new InvalidValueException("table", table + " does not pair with mark " + mark + " (marks and tables are paired: mark "
                    + mark + " uses table " + MarkPool.table(fromMark) + "); give one of them");
        }
        if (redirectPort != null) {
            if (type.kind() != ConnectionType.Kind.REDIRECT) {
                throw new InvalidValueException("redirectPort", "is only for tor, sshuttle and proxy, not " + type);
            }
            MarkPool.port("redirectPort", redirectPort);
        }
    }

    /** The pinned slot, or null to let the allocator choose. */
    /** True when {@code c} is what this request asks for: same name and type, and every pinned value as pinned. */
    boolean sameAs(Connection c) {
        Integer slot = pinnedSlot();
        return c.name().equals(name) && c.type() == type && (slot == null || slot == c.slot())
                && (redirectPort == null || redirectPort.equals(c.redirectPort()));
    }

    Integer pinnedSlot() {
        if (mark != null) {
            return MarkPool.slotOfMark("mark", mark);
        }
        return table == null ? null : table - MarkPool.TABLE_BASE;
    }
}
