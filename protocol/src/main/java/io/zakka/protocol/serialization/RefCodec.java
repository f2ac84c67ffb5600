package io.zakka.protocol.serialization;

import akka.actor.typed.ActorRef;

/** How typed {@link ActorRef}s become strings and back; Akka's resolver in production. */
interface RefCodec {

    String toFormat(ActorRef<?> ref);

    <T> ActorRef<T> resolve(String format);
}
