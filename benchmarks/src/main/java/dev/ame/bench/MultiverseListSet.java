package dev.ame.bench;

import org.multiverse.api.StmUtils;
import org.multiverse.api.Txn;
import org.multiverse.api.callables.TxnBooleanCallable;
import org.multiverse.api.references.TxnRef;

/** {@link SortedListSet} in Multiverse 0.7's idiom: each link a {@code TxnRef}, each operation one {@code StmUtils.atomic}. */
final class MultiverseListSet {
  private static final class Node {
    final int key;
    final TxnRef<Node> next;

    Node(int key, Node next) {
      this.key = key;
      this.next = StmUtils.newTxnRef(next);
    }
  }

  private final Node head = new Node(Integer.MIN_VALUE, new Node(Integer.MAX_VALUE, null));

  /** 5% add, 5% remove, 90% contains, by {@code roll} in [0, 100). */
  boolean execute(int roll, int key) {
    return StmUtils.atomic((TxnBooleanCallable) txn -> {
      if (roll < SortedListSet.ADD_BELOW) {
        return add(txn, key);
      }
      if (roll < SortedListSet.REMOVE_BELOW) {
        return remove(txn, key);
      }
      return contains(txn, key);
    });
  }

  boolean add(int key) {
    return StmUtils.atomic((TxnBooleanCallable) txn -> add(txn, key));
  }

  private boolean contains(Txn txn, int key) {
    Node node = head.next.get(txn);
    while (node.key < key) {
      node = node.next.get(txn);
    }
    return node.key == key;
  }

  private boolean add(Txn txn, int key) {
    Node previous = head;
    Node node = previous.next.get(txn);
    while (node.key < key) {
      previous = node;
      node = node.next.get(txn);
    }
    if (node.key == key) {
      return false;
    }
    previous.next.set(txn, new Node(key, node));
    return true;
  }

  private boolean remove(Txn txn, int key) {
    Node previous = head;
    Node node = previous.next.get(txn);
    while (node.key < key) {
      previous = node;
      node = node.next.get(txn);
    }
    if (node.key != key) {
      return false;
    }
    previous.next.set(txn, node.next.get(txn));
    return true;
  }

  /** Null when the keys are strictly increasing between the sentinels, else what went wrong. */
  String check() {
    for (Node node = head; node.next.atomicGet() != null; node = node.next.atomicGet()) {
      if (node.next.atomicGet().key <= node.key) {
        return "Multiverse list not sorted after key " + node.key;
      }
    }
    return null;
  }
}
