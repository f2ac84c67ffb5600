package io.zakka.api;

import io.zakka.protocol.Zxid;

/** What a running server reports about itself. */
public record ServerStatus(Zxid lastZxid, int nodeCount, int sessionCount, int watchCount, int writesInFlight) {
}
