package io.zakka.actors.durability;

import io.zakka.actors.LocalMessage;

/**
 * A node's durability figures for status reports (mntr).
 *
 * @param fsyncThresholdExceedCount txn log syncs slower than {@code zakka.fsync-warning-threshold} so far (0 for
 *                                  a node that keeps its tree in memory only)
 */
public record DurabilityStats(long fsyncThresholdExceedCount) implements LocalMessage {
}
