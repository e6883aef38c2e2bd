package dev.ame.bench;

import scala.concurrent.stm.Ref;
import scala.concurrent.stm.japi.STM;

/**
 * {@link SkipListSet} in ScalaSTM's Java idiom: each link a {@code Ref.View}, each operation one {@code STM.atomic}.
 * Same algorithm, same heights drawn by the caller.
 */
final class ScalaStmSkipListSet {
  private static final int MAX_HEIGHT = SkipListSet.MAX_HEIGHT;

  private static final class Node {
    final int key;
    final Ref.View<Node>[] next;

    @SuppressWarnings("unchecked")
    Node(int key, int height, Node link) {
      this.key = key;
      this.next = new Ref.View[height];
      for (int level = 0; level < height; level++) {
        next[level] = STM.newRef(link);
      }
    }
  }

  private final Node head = new Node(Integer.MIN_VALUE, MAX_HEIGHT, new Node(Integer.MAX_VALUE, MAX_HEIGHT, null));

  /** Same mix as {@link SortedListSet}: 5% add, 5% remove, 90% contains. */
  boolean execute(int roll, int key, int height) {
    return STM.atomic(() -> roll < SortedListSet.ADD_BELOW ? insert(key, height)
        : roll < SortedListSet.REMOVE_BELOW ? remove(key) : contains(key));
  }

  boolean add(int key, int height) {
    return STM.atomic(() -> insert(key, height));
  }

  private boolean contains(int key) {
    Node node = head;
    for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
      Node next = node.next[level].get();
      while (next.key < key) {
        node = next;
        next = node.next[level].get();
      }
    }
    return node.next[0].get().key == key;
  }

  /** Fills {@code predecessors} with the last node before {@code key} on every level; returns the node at or after it. */
  private Node find(int key, Node[] predecessors) {
    Node node = head;
    for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
      Node next = node.next[level].get();
      while (next.key < key) {
        node = next;
        next = node.next[level].get();
      }
      predecessors[level] = node;
    }
    return node.next[0].get();
  }

  private boolean insert(int key, int height) {
    Node[] predecessors = new Node[MAX_HEIGHT];
    if (find(key, predecessors).key == key) {
      return false;
    }
    Node node = new Node(key, height, null);
    for (int level = 0; level < height; level++) {
      node.next[level].set(predecessors[level].next[level].get());
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
      predecessors[level].next[level].set(node.next[level].get());
    }
    return true;
  }

  /** Null when every level is strictly increasing and a sub-list of the one below, else what went wrong. */
  String check() {
    int below = -1;
    for (int level = 0; level < MAX_HEIGHT; level++) {
      int size = 0;
      for (Node node = head; node.key != Integer.MAX_VALUE; node = node.next[level].get()) {
        if (node.next[level].get().key <= node.key) {
          return "ScalaSTM skip list level " + level + " not sorted after key " + node.key;
        }
        size++;
      }
      if (below >= 0 && size > below) {
        return "ScalaSTM skip list level " + level + " has more nodes than the level below";
      }
      below = size;
    }
    return null;
  }
}
