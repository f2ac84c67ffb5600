package io.zakka.wire.compat;

import io.zakka.wire.support.ZakkaTarget;
import io.zakka.wire.support.Target;

/** The protocol suite against Zakka through its wire gateway. */
class ZakkaProtocolCompatibilityTest extends ProtocolCompatibilitySuite {

    @Override
    Target startTarget() {
        return new ZakkaTarget();
    }

    @Override
    boolean keepsServingAfterUnknownOpcode() {
        return true;
    }
}
