package io.zakka.storage.acl;

import java.util.Arrays;

/**
 * The "ip" scheme (ZooKeeper's IPAuthenticationProvider): an ACL id is {@code addr} or
 * {@code addr/bits}, IPv4 dotted quads or IPv6 hex groups with at most one "::". A caller matches
 * when its address and the ACL address agree on the first {@code bits} bits (all of them without a
 * prefix length); an IPv4 id never matches an IPv6 caller or the other way round.
 */
final class IpAddresses {
    private static final int V6_BYTES = 16;
    private static final int V6_GROUPS = 8;
    private static final int V6_GROUP_HEX_DIGITS = 4;

    private IpAddresses() {
    }

    /** A well-formed ACL id: an address, optionally with a prefix length within its bit size. */
    static boolean isValid(String aclId) {
        String[] parts = aclId.split("/", 2);
        byte[] address = parse(parts[0]);
        return address != null && (parts.length == 1 || prefixBits(parts[1], address.length) >= 0);
    }

    static boolean matches(String callerAddress, String aclId) {
        String[] parts = aclId.split("/", 2);
        byte[] allowed = parse(parts[0]);
        if (allowed == null) {
            return false;
        }
        int bits = parts.length == 2 ? prefixBits(parts[1], allowed.length) : allowed.length * 8;
        byte[] caller = parse(callerAddress);
        if (bits < 0 || caller == null || caller.length != allowed.length) {
            return false;
        }
        keepPrefix(allowed, bits);
        keepPrefix(caller, bits);
        return Arrays.equals(allowed, caller);
    }

    /** The prefix length, or -1 when it is not a number between 0 and the address size in bits. */
    private static int prefixBits(String text, int addressBytes) {
        try {
            int bits = Integer.parseInt(text);
            return bits >= 0 && bits <= addressBytes * 8 ? bits : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Zeroes every bit after the first {@code bits}. */
    private static void keepPrefix(byte[] address, int bits) {
        int index = bits / 8;
        if (index < address.length) {
            int keptHighBits = bits % 8;
            address[index] &= (byte) (0xff << (8 - keptHighBits));
            for (int i = index + 1; i < address.length; i++) {
                address[i] = 0;
            }
        }
    }

    /** The address bytes (4 or 16), or null when the text is neither form. A ':' means IPv6. */
    static byte[] parse(String text) {
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        if (text.indexOf('.') >= 0) {
            return parseV4(text);
        }
        return null;
    }

    private static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            try {
                int value = Integer.parseInt(parts[i]);
                if (value < 0 || value > 255) {
                    return null;
                }
                address[i] = (byte) value;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return address;
    }

    private static byte[] parseV6(String text) {
        String[] halves = text.split("::", -1);
        if (halves.length > 2) {
            return null;
        }
        String[] head = groups(halves[0]);
        String[] tail = halves.length == 2 ? groups(halves[1]) : new String[0];
        boolean compressed = halves.length == 2;
        if (!compressed && head.length != V6_GROUPS || compressed && head.length + tail.length >= V6_GROUPS) {
            return null;
        }
        byte[] address = new byte[V6_BYTES];
        boolean ok = fillGroups(address, 0, head) && fillGroups(address, V6_BYTES - tail.length * 2, tail);
        return ok ? address : null;
    }

    private static String[] groups(String text) {
        return text.isEmpty() ? new String[0] : text.split(":", -1);
    }

    private static boolean fillGroups(byte[] address, int offset, String[] groups) {
        int at = offset;
        for (String group : groups) {
            if (group.isEmpty() || group.length() > V6_GROUP_HEX_DIGITS) {
                return false;
            }
            try {
                int value = Integer.parseInt(group, 16);
                address[at++] = (byte) (value >> 8);
                address[at++] = (byte) value;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
