package io.zakka.storage.tree;

import java.util.HashMap;
import java.util.Map;

/**
 * A set of paths answering "the longest member that is a prefix of this path, segment by segment", as
 * ZooKeeper's common/PathTrie does for the quota'd paths ("/a" is a prefix of "/a/b", not of "/ab").
 *
 * <p>Why a trie and not a set probed with every prefix: the lookup runs on every create, delete and setData,
 * and a trie walk stops at the first segment no member continues with, usually the first one.
 *
 * <p>Invariant: a trie node is kept only while it is a member or has children (removal prunes the dead
 * branch), so an empty set is an empty root and {@link #isEmpty()} is cheap.
 */
final class PathTrie {
    private final Node root = new Node(null, "");

    private static final class Node {
        final Node parent;
        final String name;
        final Map<String, Node> children = new HashMap<>(4);
        boolean member;

        Node(Node parent, String name) {
            this.parent = parent;
            this.name = name;
        }
    }

    boolean isEmpty() {
        return root.children.isEmpty();
    }

    /** Adds a path other than "/"; adding a member again changes nothing. */
    void add(String path) {
        requirePath(path);
        Node node = root;
        for (int start = 1; start <= path.length(); ) {
            int end = segmentEnd(path, start);
            String name = path.substring(start, end);
            Node parent = node;
            node = parent.children.computeIfAbsent(name, n -> new Node(parent, n));
            start = end + 1;
        }
        node.member = true;
    }

    /** Removes a path; a path that is not a member changes nothing. */
    void remove(String path) {
        requirePath(path);
        Node node = find(path);
        if (node == null || !node.member) {
            return;
        }
        node.member = false;
        while (node != root && !node.member && node.children.isEmpty()) {
            node.parent.children.remove(node.name);
            node = node.parent;
        }
    }

    boolean contains(String path) {
        Node node = find(path);
        return node != null && node.member;
    }

    /** The longest member that is {@code path} or an ancestor of it, or null when there is none. */
    String longestPrefix(String path) {
        Node node = root;
        int longestEnd = -1;
        for (int start = 1; start <= path.length() && !node.children.isEmpty(); ) {
            int end = segmentEnd(path, start);
            node = node.children.get(path.substring(start, end));
            if (node == null) {
                break;
            }
            if (node.member) {
                longestEnd = end;
            }
            start = end + 1;
        }
        return longestEnd < 0 ? null : path.substring(0, longestEnd);
    }

    private Node find(String path) {
        Node node = root;
        for (int start = 1; start <= path.length() && node != null; ) {
            int end = segmentEnd(path, start);
            node = node.children.get(path.substring(start, end));
            start = end + 1;
        }
        return node;
    }

    private static int segmentEnd(String path, int start) {
        int slash = path.indexOf('/', start);
        return slash < 0 ? path.length() : slash;
    }

    /** Members are valid paths below the root: the quota tracker never builds anything else. */
    private static void requirePath(String path) {
        if (path.length() < 2 || path.charAt(0) != '/' || path.endsWith("/")) {
            throw new IllegalArgumentException("not a path below the root: \"" + path + "\"");
        }
    }
}
