package io.zakka.wire.compat;

import io.zakka.wire.support.ZooKeeperTarget;
import io.zakka.wire.support.Target;

/** The session suite against a real ZooKeeper 3.9.5. */
class ZooKeeperSessionCompatibilityTest extends SessionCompatibilitySuite {

    @Override
    Target startTarget() {
        return new ZooKeeperTarget();
    }
}
