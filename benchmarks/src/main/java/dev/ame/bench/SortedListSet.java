package dev.ame.bench;

import dev.ame.Atomic;

/**
 * A set of ints as a sorted singly linked list between two sentinels: an operation walks half the
 * list on average, so a block reads hundreds of fields and writes at most one. The three entry
 * points run the very same {@link #execute} code: plain, under the global lock, and as an atomic
 * block.
 */
final class SortedListSet {
  /** Below this roll (out of 100) an operation adds its key; below {@link #REMOVE_BELOW}, removes it. */
  static final int ADD_BELOW = 5;
  static final int REMOVE_BELOW = 10;

  private static final class Node {
    final int key;
    Node next;

    Node(int key, Node next) {
      this.key = key;
      this.next = next;
    }
  }

  private final Node head = new Node(Integer.MIN_VALUE, new Node(Integer.MAX_VALUE, null));

  boolean executePlain(int roll, int key) {
    return execute(roll, key);
  }

  boolean executeLocked(int roll, int key) {
    synchronized (GlobalLock.LOCK) {
      return execute(roll, key);
    }
  }

  @Atomic
  boolean executeAtomic(int roll, int key) {
    return execute(roll, key);
  }

  /** 5% add, 5% remove, 90% contains, by {@code roll} in [0, 100). */
  private boolean execute(int roll, int key) {
    if (roll < ADD_BELOW) {
      return add(key);
    }
    if (roll < REMOVE_BELOW) {
      return remove(key);
    }
    return contains(key);
  }

  private boolean contains(int key) {
    Node node = head.next;
    while (node.key < key) {
      node = node.next;
    }
    return node.key == key;
  }

  boolean add(int key) {
    Node previous = head;
    Node node = previous.next;
    while (node.key < key) {
      previous = node;
      node = node.next;
    }
    if (node.key == key) {
      return false;
    }
    previous.next = new Node(key, node);
    return true;
  }

  private boolean remove(int key) {
    Node previous = head;
    Node node = previous.next;
    while (node.key < key) {
      previous = node;
      node = node.next;
    }
    if (node.key != key) {
      return false;
    }
    previous.next = node.next;
    return true;
  }

  /** Null when the keys are strictly increasing between the sentinels, else what went wrong. */
  String check() {
    int size = 0;
    for (Node node = head; node.next != null; node = node.next) {
      if (node.next.key <= node.key) {
        return "list not sorted after key " + node.key;
      }
      size++;
    }
    return size < 2 ? "list lost its tail" : null;
  }
}
