package dev.bosun.stdlib.marks;

import dev.bosun.api.InvalidValueException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a connection is, which decides what it gets besides its mark and table: an interface name
 * (tunnels), a redirect port (local proxies), or nothing more (cell relays).
 */
public enum ConnectionType {
    WIREGUARD_EXT("wireguard_ext", Kind.IFACE, "wgext_"),
    OPENVPN("openvpn", Kind.IFACE, "ovpn_"),
    TOR("tor", Kind.REDIRECT, null),
    SSHUTTLE("sshuttle", Kind.REDIRECT, null),
    PROXY("proxy", Kind.REDIRECT, null),
    CELL_RELAY("cell_relay", Kind.PLAIN, null);

    /** What besides mark and table a type is given. */
    public enum Kind { IFACE, REDIRECT, PLAIN }

    private final String label;
    private final Kind kind;
    private final String ifacePrefix;

    ConnectionType(String label, Kind kind, String ifacePrefix) {
        this.label = label;
        this.kind = kind;
        this.ifacePrefix = ifacePrefix;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code wgext_} or {@code ovpn_} for tunnel types, else null. */
    public String ifacePrefix() {
        return ifacePrefix;
    }

    /** The wire label, e.g. {@code wireguard_ext}. */
    @Override
    public String toString() {
        return label;
    }

    /** Parses the wire label, case-insensitively. */
    public static ConnectionType parse(String param, String value) {
        if (value != null) {
            for (ConnectionType t : values()) {
                if (t.label.equalsIgnoreCase(value.strip())) {
                    return t;
                }
            }
        }
        throw new InvalidValueException(param, dev.bosun.api.Check.quote(value) + " must be one of "
                + Arrays.stream(values()).map(ConnectionType::toString).collect(Collectors.joining(", ")));
    }
}
