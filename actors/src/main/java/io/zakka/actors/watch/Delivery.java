package io.zakka.actors.watch;

import io.zakka.protocol.WatchEvent;

/** One watch event to send to one session. */
public record Delivery(long sessionId, WatchEvent event) {
}
