package io.zakka.wire.compat;

import io.zakka.wire.support.ZooKeeperTarget;
import io.zakka.wire.support.Target;

/** The protocol suite against a real ZooKeeper 3.9.5. */
class ZooKeeperProtocolCompatibilityTest extends ProtocolCompatibilitySuite {

    @Override
    Target startTarget() {
        return new ZooKeeperTarget();
    }

    @Override
    boolean keepsServingAfterUnknownOpcode() {
        return false;
    }
}
