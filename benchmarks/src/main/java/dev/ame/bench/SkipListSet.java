package dev.ame.bench;

import dev.ame.Atomic;

/**
 * A set of ints as a skip list: an operation reads about 2·log2(n) nodes and their tower arrays,
 * an update writes one tower's worth of links. Node heights are drawn by the caller (outside the
 * block, like every random number here). The three entry points run the very same
 * {@link #execute} code: plain, under the global lock, and as an atomic block.
 */
final class SkipListSet {
  static final int MAX_HEIGHT = 16;

  private static final class Node {
    final int key;
    final Node[] next;

    Node(int key, int height) {
      this.key = key;
      this.next = new Node[height];
    }
  }

  private final Node head = new Node(Integer.MIN_VALUE, MAX_HEIGHT);

  SkipListSet() {
    Node tail = new Node(Integer.MAX_VALUE, MAX_HEIGHT);
    for (int level = 0; level < MAX_HEIGHT; level++) {
      head.next[level] = tail;
    }
  }

  /** A geometric height in [1, MAX_HEIGHT] from random bits. */
  static int height(long randomBits) {
    return 1 + Long.numberOfTrailingZeros(randomBits | (1L << (MAX_HEIGHT - 1)));
  }

  boolean executePlain(int roll, int key, int height) {
    return execute(roll, key, height);
  }

  boolean executeLocked(int roll, int key, int height) {
    synchronized (GlobalLock.LOCK) {
      return execute(roll, key, height);
    }
  }

  @Atomic
  boolean executeAtomic(int roll, int key, int height) {
    return execute(roll, key, height);
  }

  /** Same mix as {@link SortedListSet}: 5% add, 5% remove, 90% contains. */
  private boolean execute(int roll, int key, int height) {
    if (roll < SortedListSet.ADD_BELOW) {
      return add(key, height);
    }
    if (roll < SortedListSet.REMOVE_BELOW) {
      return remove(key);
    }
    return contains(key);
  }

  private boolean contains(int key) {
    Node node = head;
    for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
      Node next = node.next[level];
      while (next.key < key) {
        node = next;
        next = node.next[level];
      }
    }
    return node.next[0].key == key;
  }

  /** Fills {@code predecessors} with the last node before {@code key} on every level; returns the node at or after it. */
  private Node find(int key, Node[] predecessors) {
    Node node = head;
    for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
      Node next = node.next[level];
      while (next.key < key) {
        node = next;
        next = node.next[level];
      }
      predecessors[level] = node;
    }
    return node.next[0];
  }

  boolean add(int key, int height) {
    Node[] predecessors = new Node[MAX_HEIGHT];
    if (find(key, predecessors).key == key) {
      return false;
    }
    Node node = new Node(key, height);
    for (int level = 0; level < height; level++) {
      node.next[level] = predecessors[level].next[level];
      predecessors[level].next[level] = node;
    }
    return true;
  }

  private boolean remove(int key) {
    Node[] predecessors = new Node[MAX_HEIGHT];
    Node node = find(key, predecessors);
    if (node.key != key) {
      return false;
    }
    for (int level = 0; level < node.next.length; level++) {
      predecessors[level].next[level] = node.next[level];
    }
    return true;
  }

  /** Null when every level is strictly increasing and a sub-list of the one below, else what went wrong. */
  String check() {
    int below = -1;
    for (int level = 0; level < MAX_HEIGHT; level++) {
      int size = 0;
      for (Node node = head; node.key != Integer.MAX_VALUE; node = node.next[level]) {
        if (node.next[level].key <= node.key) {
          return "skip list level " + level + " not sorted after key " + node.key;
        }
        size++;
      }
      if (below >= 0 && size > below) {
        return "skip list level " + level + " has more nodes than the level below";
      }
      below = size;
    }
    return null;
  }
}
