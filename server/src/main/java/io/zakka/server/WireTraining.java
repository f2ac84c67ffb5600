package io.zakka.server;

import io.zakka.wire.codec.OpCodes;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.DeleteRequest;
import org.apache.zookeeper.proto.ExistsRequest;
import org.apache.zookeeper.proto.GetChildrenRequest;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.RequestHeader;
import org.apache.zookeeper.proto.SetDataRequest;

/**
 * The ZooKeeper-client part of the class-data training ({@link ClassDataTraining}): one session on the client
 * port that goes through the handshake and the common requests, so that the classes of the wire path (the
 * connection actor, the jute codecs and records) are in the archive too and a restarted server answers its first
 * clients without loading them. A plain socket with the jute records, as a stock client writes them; any error
 * reply throws, and the training then keeps no archive.
 */
final class WireTraining {
    private static final int TIMEOUT_MS = 30_000;
    private static final int CLOSE_SESSION = -11;
    private static final int NOTIFICATION_XID = -1;
    private static final List<ACL> OPEN_ACL = List.of(new ACL(0x1f, new Id("world", "anyone")));

    private final DataOutputStream out;
    private final DataInputStream in;
    private int xid;

    private WireTraining(Socket socket) throws IOException {
        this.out = new DataOutputStream(socket.getOutputStream());
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** One session against the client port on localhost: connect, write, read, delete, close. */
    static void run(int clientPort) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", clientPort), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            WireTraining session = new WireTraining(socket);
            session.connect();
            String path = "/cds-training-wire";
            byte[] data = new byte[100];
            session.call(OpCodes.CREATE, new CreateRequest(path, data, OPEN_ACL, 0));
            session.call(OpCodes.SET_DATA, new SetDataRequest(path, data, -1));
            session.call(OpCodes.GET_DATA, new GetDataRequest(path, true));
            session.call(OpCodes.EXISTS, new ExistsRequest(path, false));
            session.call(OpCodes.GET_CHILDREN, new GetChildrenRequest("/", false));
            session.call(OpCodes.DELETE, new DeleteRequest(path, -1));
            session.call(CLOSE_SESSION, null);
        }
    }

    private void connect() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryOutputArchive archive = BinaryOutputArchive.getArchive(bytes);
        new ConnectRequest(0, 0, TIMEOUT_MS, 0, new byte[16], false).serialize(archive, "connect");
        send(bytes);
        receive();
    }

    private void call(int type, Record request) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryOutputArchive archive = BinaryOutputArchive.getArchive(bytes);
        new RequestHeader(++xid, type).serialize(archive, "header");
        if (request != null) {
            request.serialize(archive, "request");
        }
        send(bytes);
        ReplyHeader reply = new ReplyHeader();
        do {
            // Watch notifications (xid -1) may come before the reply: the delete fires the getData watch.
            reply.deserialize(BinaryInputArchive.getArchive(new java.io.ByteArrayInputStream(receive())), "header");
        } while (reply.getXid() == NOTIFICATION_XID);
        if (reply.getErr() != 0 || reply.getXid() != xid) {
            throw new IOException("training request type " + type + " got xid " + reply.getXid() + " error "
                    + reply.getErr());
        }
    }

    private void send(ByteArrayOutputStream frame) throws IOException {
        out.writeInt(frame.size());
        frame.writeTo(out);
        out.flush();
    }

    private byte[] receive() throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 20) {
            throw new IOException("training got a frame of " + length + " bytes");
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        return frame;
    }
}
