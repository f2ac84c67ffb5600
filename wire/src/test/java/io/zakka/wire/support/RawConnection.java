package io.zakka.wire.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.ConnectResponse;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.RequestHeader;

/** A hand-driven client connection that sends and reads raw frames; every read is bounded by a socket timeout. */
public final class RawConnection implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;

    public RawConnection(int port) {
        try {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout((int) Events.WAIT_MS);
            socket.setTcpNoDelay(true);
            in = new DataInputStream(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a fresh-session ConnectRequest and reads the ConnectResponse. */
    public ConnectResponse handshake() {
        send(Frames.of(new ConnectRequest(0, 0, 4000, 0, new byte[16], false)));
        ConnectResponse response = new ConnectResponse();
        Frames.read(readFrame(), response);
        return response;
    }

    public void send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request of {@code type} with a body of raw bytes. */
    public void request(int xid, int type, byte[] body) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(Frames.payload(new RequestHeader(xid, type)));
        payload.writeBytes(body);
        byte[] bytes = payload.toByteArray();
        send(ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array());
    }

    /** Shuts down the client's write side (what {@code ncat} does at the end of its input). */
    public void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] readFrame() {
        try {
            int length = in.readInt();
            byte[] payload = new byte[length];
            in.readFully(payload);
            return payload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ReplyHeader readHeader() {
        ReplyHeader header = new ReplyHeader();
        Frames.read(readFrame(), header);
        return header;
    }

    /** Everything until the server closes the connection (bounded by the socket timeout), as text. */
    public String readTextToEnd() {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the server closed the connection (EOF or reset) before sending anything more. */
    public boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (EOFException | SocketException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
