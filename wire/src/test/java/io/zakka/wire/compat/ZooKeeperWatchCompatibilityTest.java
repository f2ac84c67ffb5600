package io.zakka.wire.compat;

import io.zakka.wire.support.Target;
import io.zakka.wire.support.ZooKeeperTarget;

/** The watch suite against a real ZooKeeper 3.9.5. */
class ZooKeeperWatchCompatibilityTest extends WatchCompatibilitySuite {

    @Override
    Target startTarget() {
        return new ZooKeeperTarget();
    }
}
