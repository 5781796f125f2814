package dev.bosun.plugins.loopback;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Optional;

import java.util.regex.Pattern;

/**
 * A range of loopback addresses handed out one per sandbox. On Linux all of 127.0.0.0/8 routes to
 * {@code lo}, so any address in it can be bound without configuring an alias (host-ops.md).
 *
 * @param first lowest address of the pool (default 127.0.0.16)
 * @param last  highest address of the pool (default 127.0.0.31)
 */
@Doc("A range of loopback addresses.")
public record LoopbackPool(@Doc("lowest address (default 127.0.0.16)") @Optional String first,
                           @Doc("highest address (default 127.0.0.31)") @Optional String last) {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Declared after IPV4: the constructor it runs needs the pattern. */
    public static final LoopbackPool DEFAULT = new LoopbackPool(null, null);
    /** Large enough for any host, small enough that a full scan of the pool stays cheap. */
    static final int MAX_SIZE = 65_536;

    public LoopbackPool {
        first = first == null ? "127.0.0.16" : first;
        last = last == null ? "127.0.0.31" : last;
        long f = parse("first", first);
        long l = parse("last", last);
        if (f > l) {
            throw new InvalidValueException("last", Check.quote(last) + " must not be below first " + first);
        }
        if (l - f + 1 > MAX_SIZE) {
            throw new InvalidValueException("last", "pool " + first + "-" + last + " must hold at most " + MAX_SIZE
                    + " addresses");
        }
    }

    /** The address as a number; fails unless it is a usable 127/8 address other than 127.0.0.1. */
    static long parse(String param, String address) {
        var m = IPV4.matcher(Check.present(param, address));
        if (!m.matches()) {
            throw new InvalidValueException(param, Check.quote(address) + " must be an IPv4 address like 127.0.0.16");
        }
        long v = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new InvalidValueException(param, Check.quote(address) + " must be an IPv4 address like 127.0.0.16");
            }
            v = v << 8 | octet;
        }
        if (v >>> 24 != 127) {
            throw new InvalidValueException(param, Check.quote(address) + " must be in 127.0.0.0/8 (loopback)");
        }
        if (v == 0x7F000000L || v == 0x7FFFFFFFL || v == 0x7F000001L) {
            throw new InvalidValueException(param, Check.quote(address)
                    + " must not be 127.0.0.0, 127.255.255.255 or the host's own 127.0.0.1");
        }
        return v;
    }

    static String format(long v) {
        return (v >>> 24 & 255) + "." + (v >>> 16 & 255) + "." + (v >>> 8 & 255) + "." + (v & 255);
    }

    long firstValue() {
        return parse("first", first);
    }

    long lastValue() {
        return parse("last", last);
    }

    int size() {
        return (int) (lastValue() - firstValue() + 1);
    }

    boolean contains(long v) {
        return v >= firstValue() && v <= lastValue();
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
