package dev.ame.bench;

import clojure.lang.Ref;

/** {@link SortedListSet} with Clojure refs from Java: each link a {@code Ref}, each operation one transaction. */
final class ClojureListSet {
  private static final class Node {
    final int key;
    final Ref next;

    Node(int key, Node next) {
      this.key = key;
      this.next = new Ref(next);
    }

    Node next() {
      return (Node) next.deref();
    }
  }

  private final Node head = new Node(Integer.MIN_VALUE, new Node(Integer.MAX_VALUE, null));

  /** 5% add, 5% remove, 90% contains, by {@code roll} in [0, 100). */
  boolean execute(int roll, int key) {
    return ClojureTxn.run(() -> {
      if (roll < SortedListSet.ADD_BELOW) {
        return insert(key);
      }
      if (roll < SortedListSet.REMOVE_BELOW) {
        return remove(key);
      }
      return contains(key);
    });
  }

  boolean add(int key) {
    return ClojureTxn.run(() -> insert(key));
  }

  private boolean contains(int key) {
    Node node = head.next();
    while (node.key < key) {
      node = node.next();
    }
    return node.key == key;
  }

  private boolean insert(int key) {
    Node previous = head;
    Node node = previous.next();
    while (node.key < key) {
      previous = node;
      node = node.next();
    }
    if (node.key == key) {
      return false;
    }
    previous.next.set(new Node(key, node));
    return true;
  }

  private boolean remove(int key) {
    Node previous = head;
    Node node = previous.next();
    while (node.key < key) {
      previous = node;
      node = node.next();
    }
    if (node.key != key) {
      return false;
    }
    previous.next.set(node.next());
    return true;
  }

  /** Null when the keys are strictly increasing between the sentinels, else what went wrong. */
  String check() {
    for (Node node = head; node.next() != null; node = node.next()) {
      if (node.next().key <= node.key) {
        return "Clojure list not sorted after key " + node.key;
      }
    }
    return null;
  }
}
