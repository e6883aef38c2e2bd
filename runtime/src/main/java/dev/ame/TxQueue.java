package dev.ame;

import dev.ame.runtime.TxnControl;
import java.util.List;

/**
 * A FIFO queue for atomic blocks whose appends never conflict: {@link #add} inside a block is
 * deferred to the block's commit, when the block's items are linked at the tail together, so
 * producers on different blocks proceed in parallel. {@link #poll} takes the head as part of the
 * block (pollers do conflict with each other, as they must). Outside blocks each call is a block of
 * its own. Null items are not allowed.
 */
public final class TxQueue<T> {
  /** A link of the queue; {@code next} is published at the commit that appends it. */
  private static final class Node {
    final Object item;
    volatile Node next;

    Node(Object item) {
      this.item = item;
    }
  }

  private volatile Node head = new Node(null); // a sentinel: the first item is head.next
  private Node tail = head;                    // changed only under the tail's lock (commit)
  private volatile long appended;

  /** Appends {@code item} (inside a block: when the block commits). */
  public void add(T item) {
    if (item == null) {
      throw new NullPointerException("TxQueue allows no null items");
    }
    TxnControl.queueAdd(this, item);
  }

  /** Removes and returns the first item, or null when the queue is empty. */
  @SuppressWarnings("unchecked")
  public T poll() {
    return (T) TxnControl.queuePoll(this);
  }

  // ---- for the runtime ----

  /** Links committed items at the tail; the caller holds the tail's lock. */
  public void appendAll(List<?> items) {
    Node t = tail;
    for (Object item : items) {
      Node n = new Node(item);
      t.next = n;
      t = n;
    }
    tail = t;
    appended += items.size();
  }

  public long appendedCount() {
    return appended;
  }

  public Object headNode() {
    return head;
  }

  public void setHeadNode(Object node) {
    head = (Node) node;
  }

  public static Object nextOf(Object node) {
    return ((Node) node).next;
  }

  public static Object itemOf(Object node) {
    return ((Node) node).item;
  }
}
