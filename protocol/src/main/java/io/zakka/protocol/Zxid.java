package io.zakka.protocol;

/**
 * A ZooKeeper transaction id: a 32-bit epoch and a 32-bit counter, ordered by (epoch, counter).
 * On the wire and in {@link Stat} it is the 64-bit value {@code epoch << 32 | counter}.
 *
 * <p>The counter is unsigned: it runs from 0 to 0xffffffff, after which the leader must start a new
 * epoch ({@link #next()} refuses to roll over, as ZOOKEEPER-1277 requires).
 */
public record Zxid(int epoch, int counter) implements Comparable<Zxid> {

    public static final Zxid ZERO = new Zxid(0, 0);

    public static Zxid of(long value) {
        return new Zxid((int) (value >>> 32), (int) value);
    }

    public long toLong() {
        return ((long) epoch << 32) | (counter & 0xffffffffL);
    }

    /** The next zxid of the same epoch; throws if the counter would roll over. */
    public Zxid next() {
        if (counter == -1) {
            throw new IllegalStateException("zxid counter exhausted in epoch " + epoch + ": a new epoch is required");
        }
        return new Zxid(epoch, counter + 1);
    }

    public boolean isAfter(Zxid other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Zxid other) {
        return Long.compareUnsigned(toLong(), other.toLong());
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(toLong());
    }
}
