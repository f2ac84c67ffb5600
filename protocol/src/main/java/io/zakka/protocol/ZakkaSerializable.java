package io.zakka.protocol;

/**
 * Marker for every message that may cross an ActorSystem boundary. The protocol module's
 * {@code reference.conf} binds it to Akka's {@code jackson-cbor} serializer, except the client/server
 * hot path ({@code ServerCommand}, {@code ClientBound}), which is bound to the compact
 * {@code io.zakka.protocol.serialization.ZakkaBinarySerializer}.
 *
 * <p>Persisted bytes (txn log, snapshots) never rely on this binding: storage has its own documented
 * formats, so an Akka upgrade can never make old data unreadable.
 */
public interface ZakkaSerializable {
}
