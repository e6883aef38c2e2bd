package dev.ame.runtime;

import java.util.List;

/**
 * The links of a {@link dev.ame.TxQueue}: a sentinel head, the tail (changed only under the tail's
 * lock word, at commit) and the count of items ever appended. Inside a block, appends are a list in
 * the redo log at {@link Location#QUEUE_TAIL}, linked at commit; the head is an ordinary
 * transactional location ({@link Location#QUEUE_HEAD}).
 */
public final class QueueState {
  /** A link of the queue; {@code next} is published at the commit that appends it. */
  static final class Node {
    final Object item;
    volatile Node next;

    Node(Object item) {
      this.item = item;
    }
  }

  private volatile Node head = new Node(null); // a sentinel: the first item is head.next
  private Node tail = head;
  private volatile long appended;

  /** Links committed items at the tail; the caller holds the tail's lock. */
  void appendAll(List<?> items) {
    Node t = tail;
    for (Object item : items) {
      Node n = new Node(item);
      t.next = n;
      t = n;
    }
    tail = t;
    appended += items.size();
  }

  long appendedCount() {
    return appended;
  }

  Node headNode() {
    return head;
  }

  void setHeadNode(Object node) {
    head = (Node) node;
  }
}
