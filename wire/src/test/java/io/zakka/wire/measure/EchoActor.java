package io.zakka.wire.measure;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.util.ByteString;
import io.zakka.wire.codec.FrameDecoder;
import io.zakka.wire.codec.MalformedRequestException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** The gateway's hot path without jute: cut frames out of the bytes read and write each one back. */
final class EchoActor extends AbstractBehavior<EchoActor.Command> {

    interface Command extends akka.actor.NoSerializationVerificationNeeded {
    }

    /** Bytes read; {@code ack} (if any) is answered once they are taken in. */
    record Received(ByteString bytes, ActorRef<Done> ack) implements Command {
    }

    private final FrameDecoder frames = new FrameDecoder(1 << 20);
    private final Consumer<byte[]> out;

    static Behavior<Command> create(Consumer<byte[]> out) {
        return Behaviors.setup(context -> new EchoActor(context, out));
    }

    private EchoActor(ActorContext<Command> context, Consumer<byte[]> out) {
        super(context);
        this.out = out;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Received.class, this::onReceived).build();
    }

    private Behavior<Command> onReceived(Received received) throws MalformedRequestException {
        frames.append(received.bytes().toArray());
        for (byte[] frame = frames.next(); frame != null; frame = frames.next()) {
            out.accept(ByteBuffer.allocate(4 + frame.length).putInt(frame.length).put(frame).array());
        }
        if (received.ack() != null) {
            received.ack().tell(Done.getInstance());
        }
        return this;
    }
}
