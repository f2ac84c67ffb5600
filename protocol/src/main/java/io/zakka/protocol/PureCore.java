package io.zakka.protocol;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a pure core (G3): protocol or state-machine logic with no Akka, no I/O, no clock, no
 * randomness and no logger. Inputs (messages, time, random values) come in as parameters; effects go
 * out as return values. The architecture test holds every class so marked, and all of storage, to this.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PureCore {
}
