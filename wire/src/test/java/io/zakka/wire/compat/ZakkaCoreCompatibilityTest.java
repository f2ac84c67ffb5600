package io.zakka.wire.compat;

import io.zakka.wire.support.Target;
import io.zakka.wire.support.ZakkaTarget;

/** The core suite against Zakka through its wire gateway. */
class ZakkaCoreCompatibilityTest extends CoreCompatibilitySuite {

    @Override
    Target startTarget() {
        return new ZakkaTarget();
    }
}
