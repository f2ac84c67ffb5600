package io.zakka.wire.compat;

import io.zakka.wire.support.Target;
import io.zakka.wire.support.ZakkaTarget;

/** The watch suite against Zakka through its wire gateway. */
class ZakkaWatchCompatibilityTest extends WatchCompatibilitySuite {

    @Override
    Target startTarget() {
        return new ZakkaTarget();
    }
}
