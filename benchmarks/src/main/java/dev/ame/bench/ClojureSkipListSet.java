package dev.ame.bench;

import clojure.lang.Ref;

/**
 * {@link SkipListSet} in Clojure refs from Java: each link a {@code Ref}, each operation one transaction.
 * Same algorithm, same heights drawn by the caller.
 */
final class ClojureSkipListSet {
  private static final int MAX_HEIGHT = SkipListSet.MAX_HEIGHT;

  private static final class Node {
    final int key;
    final Ref[] next;

    Node(int key, int height, Node link) {
      this.key = key;
      this.next = new Ref[height];
      for (int level = 0; level < height; level++) {
        next[level] = new Ref(link);
      }
    }
  }

  private final Node head = new Node(Integer.MIN_VALUE, MAX_HEIGHT, new Node(Integer.MAX_VALUE, MAX_HEIGHT, null));

  /** Same mix as {@link SortedListSet}: 5% add, 5% remove, 90% contains. */
  boolean execute(int roll, int key, int height) {
    return ClojureTxn.run(() -> roll < SortedListSet.ADD_BELOW ? insert(key, height)
        : roll < SortedListSet.REMOVE_BELOW ? remove(key) : contains(key));
  }

  boolean add(int key, int height) {
    return ClojureTxn.run(() -> insert(key, height));
  }

  private boolean contains(int key) {
    Node node = head;
    for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
      Node next = ((Node) node.next[level].deref());
      while (next.key < key) {
        node = next;
        next = ((Node) node.next[level].deref());
      }
    }
    return ((Node) node.next[0].deref()).key == key;
  }

  /** Fills {@code predecessors} with the last node before {@code key} on every level; returns the node at or after it. */
  private Node find(int key, Node[] predecessors) {
    Node node = head;
    for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
      Node next = ((Node) node.next[level].deref());
      while (next.key < key) {
        node = next;
        next = ((Node) node.next[level].deref());
      }
      predecessors[level] = node;
    }
    return ((Node) node.next[0].deref());
  }

  private boolean insert(int key, int height) {
    Node[] predecessors = new Node[MAX_HEIGHT];
    if (find(key, predecessors).key == key) {
      return false;
    }
    Node node = new Node(key, height, null);
    for (int level = 0; level < height; level++) {
      node.next[level].set(((Node) predecessors[level].next[level].deref()));
      predecessors[level].next[level].set(node);
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
      predecessors[level].next[level].set(((Node) node.next[level].deref()));
    }
    return true;
  }

  /** Null when every level is strictly increasing and a sub-list of the one below, else what went wrong. */
  String check() {
    int below = -1;
    for (int level = 0; level < MAX_HEIGHT; level++) {
      int size = 0;
      for (Node node = head; node.key != Integer.MAX_VALUE; node = ((Node) node.next[level].deref())) {
        if (((Node) node.next[level].deref()).key <= node.key) {
          return "Clojure skip list level " + level + " not sorted after key " + node.key;
        }
        size++;
      }
      if (below >= 0 && size > below) {
        return "Clojure skip list level " + level + " has more nodes than the level below";
      }
      below = size;
    }
    return null;
  }
}
