package io.zakka.wire;

import akka.actor.AbstractActor;
import akka.actor.Props;
import akka.io.Inet;
import akka.io.Tcp;
import akka.io.TcpMessage;
import akka.io.TcpSO;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Binds the client port with Akka's I/O layer (akka.io Tcp) and reports every accepted connection to the
 * {@link ListenerActor}. A classic actor on purpose: the I/O layer names a new connection only as the sender of
 * {@code Connected}, which a typed actor (and its message adapters) never sees.
 *
 * <p>Pull mode, for accepting (one connection per {@code ResumeAccepting}) and for reading (a connection reads
 * only when its connection actor asks: see {@link io.zakka.wire.conn.TcpSocket}). Stopping this actor unbinds.
 */
final class TcpAcceptor extends AbstractActor {

    /** What the acceptor reports; {@code bound} carries the bind outcome, {@code accepted} each connection. */
    interface Reports {
        void bound(InetSocketAddress address, Throwable failure);

        void accepted(akka.actor.ActorRef connection, InetSocketAddress remote);
    }

    private static final int BACKLOG = 100;

    private final InetSocketAddress endpoint;
    private final Reports reports;
    private akka.actor.ActorRef listener;

    static Props props(InetSocketAddress endpoint, Reports reports) {
        return Props.create(TcpAcceptor.class, () -> new TcpAcceptor(endpoint, reports));
    }

    private TcpAcceptor(InetSocketAddress endpoint, Reports reports) {
        this.endpoint = endpoint;
        this.reports = reports;
    }

    @Override
    public void preStart() {
        List<Inet.SocketOption> options = List.of(TcpSO.tcpNoDelay(true));
        Tcp.get(getContext().getSystem()).manager().tell(TcpMessage.bind(getSelf(), endpoint, BACKLOG, options, true),
                getSelf());
    }

    @Override
    public Receive createReceive() {
        return receiveBuilder()
                .match(Tcp.Bound.class, this::onBound)
                .match(Tcp.CommandFailed.class, this::onCommandFailed)
                .match(Tcp.Connected.class, this::onConnected)
                .match(Tcp.Unbound.class, unbound -> getContext().stop(getSelf()))
                .build();
    }

    private void onBound(Tcp.Bound bound) {
        listener = getSender();
        reports.bound(bound.localAddress(), null);
        listener.tell(TcpMessage.resumeAccepting(1), getSelf());
    }

    private void onCommandFailed(Tcp.CommandFailed failed) {
        Throwable cause = failed.cause().isDefined() ? failed.cause().get()
                : new java.net.BindException("cannot bind " + endpoint);
        if (listener == null) {
            reports.bound(null, cause);
            getContext().stop(getSelf());
        }
    }

    private void onConnected(Tcp.Connected connected) {
        reports.accepted(getSender(), connected.remoteAddress());
        listener.tell(TcpMessage.resumeAccepting(1), getSelf());
    }

    @Override
    public void postStop() {
        if (listener != null) {
            listener.tell(TcpMessage.unbind(), akka.actor.ActorRef.noSender());
        }
    }
}
