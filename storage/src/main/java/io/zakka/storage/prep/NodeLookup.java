package io.zakka.storage.prep;

/** Where prep reads a node's expected state. */
interface NodeLookup {

    /** The node as it will be once the changes in flight are applied, or null if it will not exist. */
    PendingNode find(String path);
}
