package io.zakka.wire.measure;

import akka.Done;
import akka.NotUsed;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import akka.japi.Pair;
import akka.stream.CompletionStrategy;
import akka.stream.OverflowStrategy;
import akka.stream.javadsl.Flow;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import akka.stream.javadsl.Tcp;
import akka.util.ByteString;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The quick measurement behind the wire gateway's transport choice (run it with
 * {@code mvn -pl wire test-compile exec:java} or from an IDE; it is not a test). Both servers do what the
 * gateway does per connection: bytes go to one actor per connection, which cuts frames and writes replies
 * back in order. akka-stream Tcp: reads via mapAsync(1, ask) with the actor's ack as back-pressure, writes
 * through Source.actorRef (the gateway's exact plumbing). Netty: a LengthFieldBasedFrameDecoder-free raw
 * handler that tells the actor, which writes with channel.writeAndFlush. The load is {@link EchoLoad}:
 * 4 connections pipelining 1 KiB frames with 1000 in flight each.
 */
public final class TransportMeasurement {

    private static final int CONNECTIONS = 4;
    private static final int FRAME_BYTES = 1024;
    private static final int IN_FLIGHT = 1000;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(5);

    private TransportMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "measure");
        try {
            for (int round = 0; round < 2; round++) {
                report("akka-stream Tcp", akkaServer(system));
                report("Netty NIO     ", nettyServer(system));
            }
            GatewayLoad.run();
        } finally {
            system.terminate();
        }
    }

    private static void report(String name, InetSocketAddress server) throws Exception {
        EchoLoad.Result result = EchoLoad.run(server.getPort(), CONNECTIONS, FRAME_BYTES, IN_FLIGHT, WARM_UP, MEASURE);
        System.out.printf("%s  %,10.0f frames/s  %7.1f MB/s each way  p50 %.2f ms%n", name, result.framesPerSecond(),
                result.framesPerSecond() * FRAME_BYTES / 1e6, result.medianMs());
    }

    private static final AtomicInteger IDS = new AtomicInteger();

    private static InetSocketAddress akkaServer(ActorSystem<Void> system) throws Exception {
        AtomicInteger ids = IDS;
        Tcp.ServerBinding binding = Tcp.get(system).bind("127.0.0.1", 0).to(Sink.foreach(connection -> {
            Pair<akka.actor.ActorRef, Source<ByteString, NotUsed>> writes = Source.<ByteString>actorRef(
                            m -> Optional.<CompletionStrategy>empty(), m -> Optional.empty(), 100_000,
                            OverflowStrategy.fail())
                    .preMaterialize(system);
            ActorRef<EchoActor.Command> actor = system.systemActorOf(EchoActor.create(bytes ->
                    writes.first().tell(ByteString.fromArrayUnsafe(bytes), akka.actor.ActorRef.noSender())),
                    "akka-echo-" + ids.incrementAndGet(), Props.empty());
            Sink<ByteString, NotUsed> reads = Flow.<ByteString>create()
                    .mapAsync(1, bytes -> AskPattern.<EchoActor.Command, Done>ask(actor,
                            ack -> new EchoActor.Received(bytes, ack), Duration.ofMinutes(1), system.scheduler()))
                    .to(Sink.ignore());
            connection.handleWith(Flow.fromSinkAndSourceCoupled(reads, writes.second()), system);
        })).run(system).toCompletableFuture().get(10, TimeUnit.SECONDS);
        return binding.localAddress();
    }

    private static InetSocketAddress nettyServer(ActorSystem<Void> system) throws Exception {
        AtomicInteger ids = IDS;
        NioEventLoopGroup group = new NioEventLoopGroup(2);
        Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ActorRef<EchoActor.Command> actor = system.systemActorOf(EchoActor.create(bytes ->
                                ch.writeAndFlush(Unpooled.wrappedBuffer(bytes))), "netty-echo-" + ids.incrementAndGet(),
                                Props.empty());
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                ByteBuf buf = (ByteBuf) msg;
                                byte[] bytes = new byte[buf.readableBytes()];
                                buf.readBytes(bytes);
                                buf.release();
                                actor.tell(new EchoActor.Received(ByteString.fromArrayUnsafe(bytes), null));
                            }
                        });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        system.getWhenTerminated().thenRun(group::shutdownGracefully);
        return (InetSocketAddress) channel.localAddress();
    }
}
