package io.zakka.actors;

import akka.actor.NoSerializationVerificationNeeded;

/**
 * Marks a message that never leaves its ActorSystem: commands between the actors of one node and between a
 * client facade and its own session actor. Messages that cross a boundary live in {@code protocol} and are
 * {@code ZakkaSerializable}; tests run with {@code akka.actor.serialize-messages = on} to prove that they
 * serialize, and this marker exempts only the local ones.
 */
public interface LocalMessage extends NoSerializationVerificationNeeded {
}
