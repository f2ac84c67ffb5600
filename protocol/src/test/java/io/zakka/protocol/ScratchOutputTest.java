package io.zakka.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScratchOutputTest {

    @Test
    void eachEncodingGetsExactlyTheBytesItWrote() {
        byte[] first = ScratchOutput.encode(out -> out.writeInt(0x01020304));
        byte[] second = ScratchOutput.encode(out -> out.writeShort(0x0506));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, first);
        assertArrayEquals(new byte[] {5, 6}, second);
    }

    @Test
    void aNestedEncodingDoesNotOverwriteTheOuterOne() {
        byte[] outer = ScratchOutput.encode(out -> {
            out.writeByte(1);
            byte[] inner = ScratchOutput.encode(nested -> nested.writeByte(9));
            out.write(inner);
            out.writeByte(2);
        });
        assertArrayEquals(new byte[] {1, 9, 2}, outer);
    }

    @Test
    void aBigMessageIsCompleteAndLaterSmallOnesStillWork() {
        byte[] big = new byte[1 << 20];
        Arrays.fill(big, (byte) 7);
        assertArrayEquals(big, ScratchOutput.encode(out -> out.write(big)));
        assertArrayEquals(new byte[] {3}, ScratchOutput.encode(out -> out.writeByte(3)));
    }

    @Test
    void aFailedEncodingFreesTheBufferForTheNextOne() {
        assertThrows(UncheckedIOException.class, () -> ScratchOutput.encode(out -> {
            out.writeInt(42);
            throw new IOException("encoder refused");
        }));
        assertThrows(IllegalStateException.class, () -> ScratchOutput.encode(out -> {
            throw new IllegalStateException("bad record");
        }));
        assertEquals(1, ScratchOutput.encode(out -> out.writeByte(1)).length);
    }
}
