package io.zakka.protocol;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * The parts of {@link DataInput} that follow from a few primitive reads, as {@link DataInputStream} defines them
 * (big-endian; modified UTF-8). Our readers over a snapshot file's buffer and over a wire frame implement only the
 * reads that touch their bytes: {@link #readByte}, {@link #readUnsignedShort}, {@link #readInt}, {@link #readLong},
 * {@link #readFully(byte[], int, int)}, {@link #skipBytes} and {@link #readLine}.
 */
public abstract class BigEndianInput implements DataInput {

    @Override
    public final void readFully(byte[] target) throws IOException {
        readFully(target, 0, target.length);
    }

    @Override
    public final boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public final int readUnsignedByte() throws IOException {
        return readByte() & 0xFF;
    }

    @Override
    public final short readShort() throws IOException {
        return (short) readUnsignedShort();
    }

    @Override
    public final char readChar() throws IOException {
        return (char) readUnsignedShort();
    }

    @Override
    public final float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public final double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** Modified UTF-8, as {@link DataInputStream#readUTF}. */
    @Override
    public final String readUTF() throws IOException {
        return DataInputStream.readUTF(this);
    }
}
