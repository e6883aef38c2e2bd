package dev.ame.bench;

import org.multiverse.api.StmUtils;
import org.multiverse.api.Txn;
import org.multiverse.api.callables.TxnBooleanCallable;
import org.multiverse.api.references.TxnRef;

/**
 * {@link SkipListSet} in Multiverse 0.7's idiom: each link a {@code TxnRef}, each operation one {@code StmUtils.atomic}.
 * Same algorithm, same heights drawn by the caller.
 */
final class MultiverseSkipListSet {
  private static final int MAX_HEIGHT = SkipListSet.MAX_HEIGHT;

  private static final class Node {
    final int key;
    final TxnRef<Node>[] next;

    @SuppressWarnings("unchecked")
    Node(int key, int height, Node link) {
      this.key = key;
      this.next = new TxnRef[height];
      for (int level = 0; level < height; level++) {
        next[level] = StmUtils.newTxnRef(link);
      }
    }
  }

  private final Node head = new Node(Integer.MIN_VALUE, MAX_HEIGHT, new Node(Integer.MAX_VALUE, MAX_HEIGHT, null));

  /** Same mix as {@link SortedListSet}: 5% add, 5% remove, 90% contains. */
  boolean execute(int roll, int key, int height) {
    return StmUtils.atomic((TxnBooleanCallable) txn -> roll < SortedListSet.ADD_BELOW ? insert(txn, key, height)
        : roll < SortedListSet.REMOVE_BELOW ? remove(txn, key) : contains(txn, key));
  }

  boolean add(int key, int height) {
    return StmUtils.atomic((TxnBooleanCallable) txn -> insert(txn, key, height));
  }

  private boolean contains(Txn txn, int key) {
    Node node = head;
    for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
      Node next = node.next[level].get(txn);
      while (next.key < key) {
        node = next;
        next = node.next[level].get(txn);
      }
    }
    return node.next[0].get(txn).key == key;
  }

  /** Fills {@code predecessors} with the last node before {@code key} on every level; returns the node at or after it. */
  private Node find(Txn txn, int key, Node[] predecessors) {
    Node node = head;
    for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
      Node next = node.next[level].get(txn);
      while (next.key < key) {
        node = next;
        next = node.next[level].get(txn);
      }
      predecessors[level] = node;
    }
    return node.next[0].get(txn);
  }

  private boolean insert(Txn txn, int key, int height) {
    Node[] predecessors = new Node[MAX_HEIGHT];
    if (find(txn, key, predecessors).key == key) {
      return false;
    }
    Node node = new Node(key, height, null);
    for (int level = 0; level < height; level++) {
      node.next[level].set(txn, predecessors[level].next[level].get(txn));
      predecessors[level].next[level].set(txn, node);
    }
    return true;
  }

  private boolean remove(Txn txn, int key) {
    Node[] predecessors = new Node[MAX_HEIGHT];
    Node node = find(txn, key, predecessors);
    if (node.key != key) {
      return false;
    }
    for (int level = 0; level < node.next.length; level++) {
      predecessors[level].next[level].set(txn, node.next[level].get(txn));
    }
    return true;
  }

  /** Null when every level is strictly increasing and a sub-list of the one below, else what went wrong. */
  String check() {
    int below = -1;
    for (int level = 0; level < MAX_HEIGHT; level++) {
      int size = 0;
      for (Node node = head; node.key != Integer.MAX_VALUE; node = node.next[level].atomicGet()) {
        if (node.next[level].atomicGet().key <= node.key) {
          return "Multiverse skip list level " + level + " not sorted after key " + node.key;
        }
        size++;
      }
      if (below >= 0 && size > below) {
        return "Multiverse skip list level " + level + " has more nodes than the level below";
      }
      below = size;
    }
    return null;
  }
}
