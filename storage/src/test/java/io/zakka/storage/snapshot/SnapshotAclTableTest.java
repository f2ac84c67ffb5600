package io.zakka.storage.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Id;
import io.zakka.storage.tree.NodeImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotAclTableTest {

    private static NodeImage node(String path, List<Acl> acl) {
        return new NodeImage(path, new byte[] {1}, acl, 0, 1, 1, 1, 0, 0, 0, 0, 0);
    }

    @Test
    void equalAclListsAreWrittenOnceWhetherShared() throws IOException {
        List<Acl> shared = List.of(new Acl(31, new Id("world", "anyone")));
        List<Acl> equalCopy = new ArrayList<>(shared);
        List<Acl> other = List.of(new Acl(1, new Id("digest", "u:x")));
        assertNotSame(shared, equalCopy);
        List<NodeImage> written = List.of(node("/a", shared), node("/b", equalCopy), node("/c", shared),
                node("/d", other), node("/e", equalCopy));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotFormat.AclTable writeTable = new SnapshotFormat.AclTable();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (NodeImage image : written) {
                SnapshotFormat.writeNode(out, image, writeTable);
            }
        }
        SnapshotFormat.AclTable readTable = new SnapshotFormat.AclTable();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        List<List<Acl>> read = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            read.add(SnapshotFormat.readNode(in, readTable).acl());
        }
        assertEquals(List.of(shared, shared, shared, other, shared), read);
        // Two distinct ACLs were encoded, so the reader's table has exactly two lists.
        assertEquals(other, readTable.get(1));
        assertEquals(shared, readTable.get(0));
        assertThrows(IOException.class, () -> readTable.get(2));
        assertEquals(-1, in.read());
    }
}
