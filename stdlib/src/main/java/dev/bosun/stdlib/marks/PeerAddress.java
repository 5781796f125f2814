package dev.bosun.stdlib.marks;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A peer: one IPv4/IPv6 address or network, in the canonical form nft prints ({@code 10.9.0.2},
 * {@code 10.9.0.0/24}, {@code fd00::2}). Parsing never resolves names: only literals are accepted.
 *
 * @param text   canonical form; a host address has no {@code /len}
 * @param family 4 or 6
 * @param prefix prefix length (32 or 128 for a host)
 */
public record PeerAddress(String text, int family, int prefix) {
    private static final Pattern V4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    /** Parses an address or CIDR; host bits set below the prefix are an error, not silently cleared. */
    public static PeerAddress parse(String param, String value) {
        String v = Check.notBlank(param, value).strip();
        String addr = v;
        Integer len = null;
        int slash = v.indexOf('/');
        if (slash >= 0) {
            addr = v.substring(0, slash);
            String l = v.substring(slash + 1);
            if (!l.matches("[0-9]{1,3}")) {
                throw bad(param, value);
            }
            len = Integer.parseInt(l);
        }
        byte[] bytes;
        if (V4.matcher(addr).matches()) {
            bytes = new byte[4];
            String[] parts = addr.split("\\.");
            for (int i = 0; i < 4; i++) {
                int n = Integer.parseInt(parts[i]);
                if (n > 255) {
                    throw bad(param, value);
                }
                bytes[i] = (byte) n;
            }
        } else if (V6.matcher(addr).matches()) {
            try {
                // A literal containing ':' is never looked up in DNS.
                bytes = InetAddress.getByName("[" + addr + "]").getAddress();
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw bad(param, value);
            }
            if (bytes.length != 16) {
                throw bad(param, value);
            }
        } else {
            throw bad(param, value);
        }
        int bits = bytes.length * 8;
        int prefix = len == null ? bits : len;
        if (prefix > bits) {
            throw new InvalidValueException(param, Check.quote(value) + " has prefix length " + prefix
                    + ", more than " + bits);
        }
        BigInteger n = new BigInteger(1, bytes);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        if (!n.and(hostMask).equals(BigInteger.ZERO)) {
            throw new InvalidValueException(param, Check.quote(value) + " has host bits set below /" + prefix
                    + "; use the network address " + format(n.andNot(hostMask), bytes.length) + "/" + prefix);
        }
        String canonical = format(n, bytes.length) + (prefix == bits ? "" : "/" + prefix);
        return new PeerAddress(canonical, bytes.length == 4 ? 4 : 6, prefix);
    }

    private static InvalidValueException bad(String param, String value) {
        return new InvalidValueException(param, Check.quote(value) + " must be an IPv4 or IPv6 address or CIDR, e.g. 10.9.0.2 or fd00::/64");
    }

    /** True when the two networks share any address. */
    public boolean overlaps(PeerAddress other) {
        if (family != other.family) {
            return false;
        }
        int common = Math.min(prefix, other.prefix);
        int bits = family == 4 ? 32 : 128;
        return network().shiftRight(bits - common).equals(other.network().shiftRight(bits - common));
    }

    /** The network's first address, as a number. */
    BigInteger first() {
        return network();
    }

    /** The network's last address, as a number. */
    BigInteger last() {
        int bits = family == 4 ? 32 : 128;
        return network().or(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    }

    /** The address part of the canonical text (no prefix length). */
    public String address() {
        int slash = text.indexOf('/');
        return slash < 0 ? text : text.substring(0, slash);
    }

    private BigInteger network() {
        return new BigInteger(1, parseBytes(address()));
    }

    private static byte[] parseBytes(String literal) {
        try {
            return InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("canonical address did not parse: " + literal, e);
        }
    }

    /** Dotted quad, or RFC 5952 text for IPv6 (lower case, longest zero run compressed), as nft and ip print. */
    private static String format(BigInteger n, int length) {
        byte[] raw = n.toByteArray();
        byte[] b = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, b, length - copy, copy);
        if (length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
