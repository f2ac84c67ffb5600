package io.zakka.bench.report;

/** What a target is for in the ratio columns: the ZooKeeper baseline, a Zakka access path, or neither. */
public enum Role {
    /** Apache ZooKeeper standalone: the denominator of every ratio. */
    BASELINE,
    /** Zakka through the ZooKeeper wire protocol and the stock client. */
    ZAKKA_WIRE,
    /** Zakka through its Akka ask API (ZakkaClient). */
    ZAKKA_ASK,
    /** Reported without a ratio (the ZooKeeper ensemble, an external target). */
    OTHER
}
