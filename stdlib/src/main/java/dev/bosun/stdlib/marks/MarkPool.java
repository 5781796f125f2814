package dev.bosun.stdlib.marks;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;

/**
 * The numbering Bosun owns. Slot {@code k} (0–255) is one connection's mark {@code 0x1000 + 0x10·k},
 * its routing table {@code 1000 + k} and its rule priority {@code 10001 + k}: marks and tables are
 * paired, so a table can never be shared by two marks and a stale rule can be recognised from either
 * number. Redirect ports are a separate pool because only redirect types take one.
 */
public final class MarkPool {
    public static final int SLOTS = 256;
    public static final int MARK_BASE = 0x1000;
    public static final int MARK_STEP = 0x10;
    public static final int MARK_LAST = MARK_BASE + MARK_STEP * (SLOTS - 1);
    /**
     * Selects exactly the pool's marks: bits 4–11 are the slot, every other bit is fixed, so
     * {@code fwmark 0x1000/0xfffff00f} matches 0x1000, 0x1010 … 0x1ff0 and nothing else.
     */
    public static final long POOL_MASK = 0xfffff00fL;
    public static final int TABLE_BASE = 1000;
    public static final int TABLE_LAST = TABLE_BASE + SLOTS - 1;
    /** Priority of the rp_filter-safe {@code suppress_prefixlength 0} rule; connections follow it. */
    public static final int PRIORITY_BASE = 10000;
    public static final int PRIORITY_LAST = PRIORITY_BASE + SLOTS;
    public static final int PORT_FIRST = 9100;
    public static final int PORT_LAST = 9199;

    /** Kernel interface names are at most 15 bytes (IFNAMSIZ 16 with the NUL). */
    public static final int IFNAME_MAX = 15;

    private MarkPool() {
    }

    public static int mark(int slot) {
        return MARK_BASE + MARK_STEP * slot;
    }

    public static int table(int slot) {
        return TABLE_BASE + slot;
    }

    public static int priority(int slot) {
        return PRIORITY_BASE + 1 + slot;
    }

    public static String hex(long mark) {
        return "0x" + Long.toHexString(mark);
    }

    public static boolean ownsPriority(int priority) {
        return priority >= PRIORITY_BASE && priority <= PRIORITY_LAST;
    }

    public static boolean ownsTable(long table) {
        return table >= TABLE_BASE && table <= TABLE_LAST;
    }

    public static boolean ownsMark(long mark) {
        return (mark & POOL_MASK) == MARK_BASE;
    }

    /** The slot of a mark given by hand ("0x1010" or "4112"), or an error naming the pool. */
    public static int slotOfMark(String param, String text) {
        long value;
        String t = Check.notBlank(param, text).strip().toLowerCase(java.util.Locale.ROOT);
        try {
            value = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(param, Check.quote(text) + " must be a number such as 0x1010");
        }
        if (!ownsMark(value)) {
            throw new InvalidValueException(param, Check.quote(text) + " must be in the mark pool "
                    + hex(MARK_BASE) + "–" + hex(MARK_LAST) + " in steps of " + hex(MARK_STEP));
        }
        return (int) ((value - MARK_BASE) / MARK_STEP);
    }

    /** The slot of a table given by hand, or an error naming the pool. */
    public static int slotOfTable(String param, int table) {
        if (!ownsTable(table)) {
            throw new InvalidValueException(param, table + " must be in the table pool " + TABLE_BASE + "–" + TABLE_LAST);
        }
        return table - TABLE_BASE;
    }

    /** A redirect port given by hand, or an error naming the pool. */
    public static int port(String param, int port) {
        if (port < PORT_FIRST || port > PORT_LAST) {
            throw new InvalidValueException(param, port + " must be in the redirect port pool " + PORT_FIRST + "–" + PORT_LAST);
        }
        return port;
    }

    /**
     * The interface name of a tunnel connection: prefix + name when it fits in 15 bytes, otherwise
     * the name cut short and the slot in two hex digits appended, so two long names that share a
     * beginning still get different interfaces.
     */
    public static String ifaceName(ConnectionType type, String name, int slot) {
        String prefix = type.ifacePrefix();
        int room = IFNAME_MAX - prefix.length();
        if (name.length() <= room) {
            return prefix + name;
        }
        return prefix + name.substring(0, room - 2) + String.format("%02x", slot);
    }
}
