package io.zakka.protocol.serialization;

/**
 * UTF-8 encoding straight into a heap buffer's array, without the intermediate array of
 * {@link String#getBytes}. The result equals {@code getBytes(UTF_8)}: well-formed UTF-8, an unpaired
 * surrogate becomes '?'.
 * Decoding is left to {@code new String(bytes, UTF_8)}, which the JDK vectorises.
 */
final class Utf8 {

    private Utf8() {
    }

    /** Encodes into {@code out} from {@code at}, which must have 3 bytes per char free; returns the end. */
    static int encode(String s, byte[] out, int at) {
        int p = at;
        int n = s.length();
        int i = 0;
        // Paths and schemes are almost always ASCII: one byte per char, no branching on width.
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            out[p++] = (byte) c;
            i++;
        }
        while (i < n) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | c >> 6);
                out[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[p++] = (byte) (0xF0 | cp >> 18);
                out[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[p++] = (byte) '?';
            } else {
                out[p++] = (byte) (0xE0 | c >> 12);
                out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | c & 0x3F);
            }
            i++;
        }
        return p;
    }
}
