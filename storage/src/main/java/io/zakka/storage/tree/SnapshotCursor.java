package io.zakka.storage.tree;

import io.zakka.protocol.Zxid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
 * tells it before it changes a node ({@link #beforeChange}): a node the walk has not reached yet is
 * remembered as it was when the cursor opened (its pre-image, or "absent" for a node created since). The
 * walk emits a pre-image in place of the live node, skips absent ones, and at its end emits the pre-images
 * of nodes deleted before the walk reached them. The result is exactly the tree at {@link #zxid()}; the
 * pause per slice is the copy of that many node headers (data arrays are shared, never mutated in place).
 *
 * <p>Invariants: the walk position only moves forward in DfsOrder; a path is remembered at most once
 * (the first change wins); the image has exactly {@link #nodeCount()} nodes, checked at the end.
 * Owner-thread only, like the tree.
 */
public final class SnapshotCursor {
    private static final NodeImage ABSENT = new NodeImage("", null, List.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private final DataTree tree;
    private final NodeStore store;
    private final Zxid zxid;
    private final Map<Long, Integer> sessionTimeouts;
    private final int nodeCount;
    private final Map<String, NodeImage> preImages = new HashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private String position;
    /** The live node at {@code position} when the walk reached it, or null if it was not live then. */
    private ZNode positionNode;
    /** The live node of the path {@link #advance} returned last (its parent's entry: no lookup by path). */
    private ZNode advancedTo;
    private int emitted;
    private boolean walkDone;
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
            NodeImage remembered = preImages.remove(path);
            if (remembered == null) {
                slice.add(NodeImage.of(path, positionNode));
            } else if (remembered != ABSENT) {
                slice.add(remembered);
            }
        }
        emitted += slice.size();
        return slice;
    }

    /** Stops the image early and detaches from the tree (a snapshot that will not be written). */
    public void abandon() {
        done = true;
        preImages.clear();
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
        boolean descend = reached != null && !reached.childNodes.isEmpty();
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

    /** Emits the pre-images of nodes deleted before the walk reached them, in DfsOrder, then closes. */
    private void finishWith(List<NodeImage> slice, int max) {
        List<String> remaining = new ArrayList<>();
        preImages.forEach((path, image) -> {
            if (image != ABSENT) {
                remaining.add(path);
            }
        });
        remaining.sort(DfsOrder.INSTANCE);
        for (String path : remaining) {
            if (slice.size() >= max) {
                return;
            }
            slice.add(preImages.remove(path));
        }
        preImages.clear();
        // A pre-image emitted here left the map, so a later call does not emit it twice.
        if (emitted + slice.size() != nodeCount) {
            throw new IllegalStateException("snapshot at " + zxid + " has " + (emitted + slice.size())
                    + " nodes but the tree had " + nodeCount);
        }
        done = true;
        tree.cursorClosed(this);
    }

    /** Called by the tree before it changes, creates or deletes the node at {@code path} (null when absent). */
    void beforeChange(String path, ZNode node) {
        if (done || walkDone || (position != null && DfsOrder.INSTANCE.compare(path, position) <= 0)) {
            return;
        }
        preImages.computeIfAbsent(path, p -> node == null ? ABSENT : NodeImage.of(p, node));
    }
}
