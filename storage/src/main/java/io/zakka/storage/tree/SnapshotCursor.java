package io.zakka.storage.tree;

import io.zakka.protocol.Zxid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A consistent image of a {@link DataTree} at one zxid, taken in slices while the tree keeps applying txns
 * (incremental copy-on-write).
 *
 * <p>Why not a fuzzy snapshot: ZooKeeper's fuzzy snapshot is made consistent by an idempotent replay, which
 * is where its worst data bugs lived (ZOOKEEPER-1573, 3127, 3144, 3145: replay failures that must be
 * ignored, stale pzxid and cversion). Our apply is strict and throws on any misfit. Why not a full copy:
 * copying 1,000,000 nodes stops the tree keeper for tens of milliseconds at least. So the cursor walks the
 * live tree depth-first in {@link DfsOrder}, a bounded number of nodes per {@link #next} call, and the tree
 * tells it before it changes or deletes a node ({@link #beforeChange}): a node the walk has not reached yet is
 * remembered as it was when the cursor opened (its pre-image), keyed by its node object. A node created since
 * the cursor opened needs nothing remembered: its czxid is above the cursor's zxid, and the walk skips it and
 * everything below it (its children are newer still). The walk emits a pre-image in place of the live node and,
 * at its end, the pre-images of nodes deleted before the walk reached them. The result is exactly the tree at
 * {@link #zxid()}; the pause per slice is the copy of that many node headers (data arrays are shared, never
 * mutated in place).
 *
 * <p>Why by node object and czxid rather than by path: a create workload changes the tree ahead of the walk
 * all the time; remembering each new path as "absent" and looking every emitted path up in a map by path cost
 * a string hash per node per snapshot, a tenth of the tree keeper's time under such load.
 *
 * <p>Invariants: the walk position only moves forward in DfsOrder; a node object is remembered at most once
 * (the first change wins); the image has exactly {@link #nodeCount()} nodes, checked at the end.
 * Owner-thread only, like the tree.
 */
public final class SnapshotCursor {
    private final DataTree tree;
    private final NodeStore store;
    private final Zxid zxid;
    /** {@link #zxid} as stored in a node's czxid: a node with a greater one was created after the cursor opened. */
    private final long zxidValue;
    private final Map<Long, Integer> sessionTimeouts;
    private final int nodeCount;
    /** Pre-images of nodes changed or deleted ahead of the walk, by node object (identity, no path hashing). */
    private final Map<ZNode, NodeImage> preImages = new IdentityHashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private String position;
    /** The live node at {@code position} when the walk reached it, or null if it was not live then. */
    private ZNode positionNode;
    /** The live node of the path {@link #advance} returned last (its parent's entry: no lookup by path). */
    private ZNode advancedTo;
    private int emitted;
    private boolean walkDone;
    /** After the walk: the pre-images of nodes deleted ahead of it, in DfsOrder, and how many went out. */
    private List<NodeImage> deleted;
    private int deletedEmitted;
    /** Counts the {@link #next} calls; a frame's child iterator belongs to one of them. */
    private long sliceNumber;
    private boolean done;

    /**
     * A node whose children the walk is going through; {@code lastChild} is the name of the last one reached.
     * {@code node} is the live node object, kept instead of looked up per child: a node keeps its object for as
     * long as it exists, and if it is deleted (after its children) and created again, the old object's child
     * set is empty, so the walk leaves it, which is right, since every child of the new node is newer than the
     * cursor and not part of the image.
     */
    private static final class Frame {
        final String path;
        final ZNode node;
        String lastChild;
        /**
         * The children after {@code lastChild}, valid only during the {@link #next} call numbered {@code namesSlice}:
         * the tree cannot change within a call, so one O(log n) tailSet per slice replaces one
         * {@code TreeSet.higher} per child (a parent with a million children made that a long comparison chain).
         */
        Iterator<Map.Entry<String, ZNode>> names;
        long namesSlice = -1;

        Frame(String path, ZNode node) {
            this.path = path;
            this.node = node;
        }
    }

    SnapshotCursor(DataTree tree, NodeStore store, Zxid zxid, Map<Long, Integer> sessionTimeouts) {
        this.tree = tree;
        this.store = store;
        this.zxid = zxid;
        this.zxidValue = zxid.toLong();
        this.sessionTimeouts = Map.copyOf(sessionTimeouts);
        this.nodeCount = store.size();
    }

    public Zxid zxid() {
        return zxid;
    }

    /** The session table at {@link #zxid()}: session id to timeout in ms. */
    public Map<Long, Integer> sessionTimeouts() {
        return sessionTimeouts;
    }

    public int nodeCount() {
        return nodeCount;
    }

    public boolean isDone() {
        return done;
    }

    /**
     * The next up to {@code max} nodes of the image (parents before their children); an empty list once the
     * image is complete, at which point the cursor has detached from the tree.
     */
    public List<NodeImage> next(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        List<NodeImage> slice = new ArrayList<>(Math.min(max, 4096));
        sliceNumber++;
        while (slice.size() < max && !done) {
            String path = walkDone ? null : advance();
            if (path == null) {
                walkDone = true;
                finishWith(slice, max);
                continue;
            }
            position = path;
            positionNode = advancedTo;
            if (isNewerThanImage(positionNode)) {
                continue;
            }
            NodeImage remembered = preImages.isEmpty() ? null : preImages.remove(positionNode);
            slice.add(remembered != null ? remembered : NodeImage.of(path, positionNode));
        }
        emitted += slice.size();
        return slice;
    }

    /** Stops the image early and detaches from the tree (a snapshot that will not be written). */
    public void abandon() {
        done = true;
        preImages.clear();
        deleted = null;
        tree.cursorClosed(this);
    }

    /** The next live path of the walk, or null when the walk is over. */
    private String advance() {
        if (position == null) {
            advancedTo = store.find(Paths.ROOT);
            stack.push(new Frame(Paths.ROOT, advancedTo));
            return Paths.ROOT;
        }
        // The node at position may have changed since the last slice: look again only if it was not live then
        // (its object, when live, is still the node unless it was deleted, which empties its children first).
        ZNode reached = positionNode != null ? positionNode : store.find(position);
        boolean descend = reached != null && !reached.childNodes.isEmpty() && !isNewerThanImage(reached);
        if (descend && (stack.isEmpty() || !stack.peek().path.equals(position))) {
            stack.push(new Frame(position, reached));
        }
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            Map.Entry<String, ZNode> child = nextChild(frame);
            if (child == null) {
                stack.pop();
                continue;
            }
            frame.lastChild = child.getKey();
            advancedTo = child.getValue();
            return Paths.child(frame.path, child.getKey());
        }
        return null;
    }

    /** The child of the frame's node after its last one in name order, or null when there is none. */
    private Map.Entry<String, ZNode> nextChild(Frame frame) {
        if (frame.namesSlice != sliceNumber) {
            NavigableMap<String, ZNode> children = frame.node.childNodes;
            frame.names = (frame.lastChild == null ? children : children.tailMap(frame.lastChild, false))
                    .entrySet().iterator();
            frame.namesSlice = sliceNumber;
        }
        return frame.names.hasNext() ? frame.names.next() : null;
    }

    /** True for a node created after the cursor opened: neither it nor anything below it is in the image. */
    private boolean isNewerThanImage(ZNode node) {
        return Long.compareUnsigned(node.czxid, zxidValue) > 0;
    }

    /** Emits the pre-images of nodes deleted before the walk reached them, in DfsOrder, then closes. */
    private void finishWith(List<NodeImage> slice, int max) {
        if (deleted == null) {
            // Every node the walk reached took its pre-image out: the rest were deleted ahead of the walk.
            deleted = new ArrayList<>(preImages.values());
            deleted.sort((a, b) -> DfsOrder.INSTANCE.compare(a.path(), b.path()));
            preImages.clear();
        }
        while (deletedEmitted < deleted.size()) {
            if (slice.size() >= max) {
                return;
            }
            slice.add(deleted.get(deletedEmitted++));
        }
        if (emitted + slice.size() != nodeCount) {
            throw new IllegalStateException("snapshot at " + zxid + " has " + (emitted + slice.size())
                    + " nodes but the tree had " + nodeCount);
        }
        done = true;
        deleted = null;
        tree.cursorClosed(this);
    }

    /**
     * Called by the tree before it changes or deletes {@code node}, which lives at {@code path} (a created node
     * needs no call: it is newer than the image).
     */
    void beforeChange(String path, ZNode node) {
        if (done || walkDone || isNewerThanImage(node)
                || (position != null && DfsOrder.INSTANCE.compare(path, position) <= 0)) {
            return;
        }
        preImages.computeIfAbsent(node, n -> NodeImage.of(path, n));
    }
}
