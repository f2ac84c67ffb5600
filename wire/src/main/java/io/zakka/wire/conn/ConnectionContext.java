package io.zakka.wire.conn;

import akka.actor.typed.ActorRef;
import io.zakka.api.ServerStatus;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.wire.WireSettings;
import io.zakka.wire.fourletter.ServerView;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/** One connection's surroundings: its gateway, the client's address and the socket's write side. */
public record ConnectionContext(Gateway gateway, InetSocketAddress remote, Outbound out) {

    WireSettings settings() {
        return gateway.settings();
    }

    ActorRef<ServerCommand> entry() {
        return gateway.entry();
    }

    Connections connections() {
        return gateway.connections();
    }

    CompletionStage<ServerStatus> status() {
        return gateway.status().get();
    }

    ServerView view(ServerStatus status) {
        return gateway.view(status);
    }

    long nowMs() {
        return gateway.clock().millis();
    }
}
