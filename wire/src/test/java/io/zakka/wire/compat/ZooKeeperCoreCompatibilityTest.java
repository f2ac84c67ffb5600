package io.zakka.wire.compat;

import io.zakka.wire.support.Target;
import io.zakka.wire.support.ZooKeeperTarget;

/** The core suite against a real ZooKeeper 3.9.5: the reference the Zakka run must match. */
class ZooKeeperCoreCompatibilityTest extends CoreCompatibilitySuite {

    @Override
    Target startTarget() {
        return new ZooKeeperTarget();
    }
}
