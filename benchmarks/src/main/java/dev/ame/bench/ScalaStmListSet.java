package dev.ame.bench;

import scala.concurrent.stm.Ref;
import scala.concurrent.stm.japi.STM;

/** {@link SortedListSet} in ScalaSTM's Java idiom: each link a {@code Ref.View}, each operation one {@code STM.atomic}. */
final class ScalaStmListSet {
  private static final class Node {
    final int key;
    final Ref.View<Node> next;

    Node(int key, Node next) {
      this.key = key;
      this.next = STM.newRef(next);
    }
  }

  private final Node head = new Node(Integer.MIN_VALUE, new Node(Integer.MAX_VALUE, null));

  /** 5% add, 5% remove, 90% contains, by {@code roll} in [0, 100). */
  boolean execute(int roll, int key) {
    return STM.atomic(() -> {
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
    return STM.atomic(() -> insert(key));
  }

  private boolean contains(int key) {
    Node node = head.next.get();
    while (node.key < key) {
      node = node.next.get();
    }
    return node.key == key;
  }

  private boolean insert(int key) {
    Node previous = head;
    Node node = previous.next.get();
    while (node.key < key) {
      previous = node;
      node = node.next.get();
    }
    if (node.key == key) {
      return false;
    }
    previous.next.set(new Node(key, node));
    return true;
  }

  private boolean remove(int key) {
    Node previous = head;
    Node node = previous.next.get();
    while (node.key < key) {
      previous = node;
      node = node.next.get();
    }
    if (node.key != key) {
      return false;
    }
    previous.next.set(node.next.get());
    return true;
  }

  /** Null when the keys are strictly increasing between the sentinels, else what went wrong. */
  String check() {
    for (Node node = head; node.next.get() != null; node = node.next.get()) {
      if (node.next.get().key <= node.key) {
        return "ScalaSTM list not sorted after key " + node.key;
      }
    }
    return null;
  }
}
