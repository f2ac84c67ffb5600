package io.zakka.storage.txnlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Id;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every txn kind survives the persisted encoding, and garbage is an IOException, never a runtime error. */
class TxnCodecTest {
    private static final List<Acl> ACL = List.of(new Acl(31, Id.ANYONE), new Acl(1, new Id("digest", "u:h")));

    private static List<Txn> everyKind() {
        return List.of(
                new Txn.CreateTxn("/a/b-0000000001", new byte[] {1, 2}, ACL, 0x0100_0000_0000_0001L, 7),
                new Txn.CreateTxn("/null-data", null, ACL, Long.MIN_VALUE, 1),
                new Txn.DeleteTxn("/a"),
                new Txn.SetDataTxn("/a", new byte[0], 3),
                new Txn.SetAclTxn("/a", ACL, 2),
                new Txn.CheckVersionTxn("/a", 4),
                new Txn.CreateSessionTxn(42L, 30_000),
                new Txn.CloseSessionTxn(42L, List.of("/e/f", "/e")),
                new Txn.MultiTxn(List.of(new Txn.DeleteTxn("/x"), new Txn.SetDataTxn("/y", new byte[] {9}, 1))),
                new Txn.MultiTxn(List.of()));
    }

    @Test
    void everyTxnKindRoundTrips() throws IOException {
        Set<Class<?>> covered = everyKind().stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(Txn.class.getPermittedSubclasses()), covered, "a txn kind without a codec test");
        for (Txn txn : everyKind()) {
            TxnEntry entry = new TxnEntry(new TxnHeader(5L, 9, new Zxid(2, 17), 123_456L), txn);
            TxnEntry decoded = TxnCodec.decode(TxnCodec.encode(entry));
            assertEquals(entry.header(), decoded.header());
            assertArrayEquals(TxnCodec.encode(entry), TxnCodec.encode(decoded), txn.toString());
            assertEquals(render(entry.txn()), render(decoded.txn()));
        }
    }

    @Test
    void truncatedOrGarbledPayloadIsAnIoException() {
        byte[] bytes = TxnCodec.encode(new TxnEntry(new TxnHeader(1, 1, new Zxid(1, 1), 1), everyKind().get(0)));
        assertThrows(IOException.class, () -> TxnCodec.decode(Arrays.copyOf(bytes, bytes.length - 3)));
        byte[] badKind = bytes.clone();
        badKind[28] = 99;
        assertThrows(IOException.class, () -> TxnCodec.decode(badKind));
        assertThrows(IOException.class, () -> TxnCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)));
    }

    private static String render(Txn txn) {
        if (txn instanceof Txn.CreateTxn c) {
            return c.path() + Arrays.toString(c.data()) + c.acl() + c.ephemeralOwner() + "/" + c.parentCversion();
        }
        if (txn instanceof Txn.SetDataTxn s) {
            return s.path() + Arrays.toString(s.data()) + s.version();
        }
        if (txn instanceof Txn.MultiTxn m) {
            return m.txns().stream().map(TxnCodecTest::render).toList().toString();
        }
        return txn.toString();
    }
}
