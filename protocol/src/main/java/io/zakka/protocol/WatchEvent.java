package io.zakka.protocol;

/**
 * A change that fires watches: its type, the path it concerns and the zxid of the txn that caused it
 * (ZooKeeper 3.9 carries that zxid in the notification header).
 */
public record WatchEvent(EventType type, String path, long zxid) implements ZakkaSerializable {
}
