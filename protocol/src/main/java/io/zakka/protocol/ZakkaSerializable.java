package io.zakka.protocol;

/**
 * Marker for every message that may cross an ActorSystem boundary. The protocol module's
 * {@code reference.conf} binds it to the compact, hand-written
 * {@code io.zakka.protocol.serialization.ZakkaBinarySerializer}, which must therefore have a manifest for
 * every implementing type (its tests walk the compiled classes to prove it). Only types of this module can
 * implement it: the serializer cannot encode a type it does not know, so a message of another module that
 * stays in its ActorSystem is an {@code akka.actor.NoSerializationVerificationNeeded} instead.
 *
 * <p>Persisted bytes (txn log, snapshots) never rely on this binding: storage has its own documented
 * formats, so an Akka upgrade can never make old data unreadable.
 */
public interface ZakkaSerializable {
}
