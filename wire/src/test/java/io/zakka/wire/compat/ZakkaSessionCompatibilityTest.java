package io.zakka.wire.compat;

import io.zakka.wire.support.ZakkaTarget;
import io.zakka.wire.support.Target;

/** The session suite against Zakka through its wire gateway. */
class ZakkaSessionCompatibilityTest extends SessionCompatibilitySuite {

    @Override
    Target startTarget() {
        return new ZakkaTarget();
    }
}
