package dev.ame.bench;

import dev.ame.Atomic;

/**
 * A set of ints as a fixed table of chained buckets (sized for its keys, it never grows): an
 * operation reads one bucket's short chain, an update writes one link. Different keys rarely
 * share a bucket, so threads on different keys rarely touch the same memory. The three entry
 * points run the very same {@link #execute} code: plain, under the global lock, and as an atomic
 * block.
 */
final class HashIntSet {
  private static final class Node {
    final int key;
    Node next;

    Node(int key, Node next) {
      this.key = key;
      this.next = next;
    }
  }

  private final UpdateMix mix;
  private final Node[] buckets;

  /** @param capacity a power of two, about the number of keys present */
  HashIntSet(UpdateMix mix, int capacity) {
    this.mix = mix;
    this.buckets = new Node[capacity];
  }

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

  private boolean execute(int roll, int key) {
    if (roll < mix.addBelow()) {
      return add(key);
    }
    if (roll < mix.removeBelow()) {
      return remove(key);
    }
    return contains(key);
  }

  private int bucket(int key) {
    int h = key * 0x9E3779B9;
    return (h ^ (h >>> 16)) & (buckets.length - 1);
  }

  private boolean contains(int key) {
    for (Node node = buckets[bucket(key)]; node != null; node = node.next) {
      if (node.key == key) {
        return true;
      }
    }
    return false;
  }

  boolean add(int key) {
    int b = bucket(key);
    for (Node node = buckets[b]; node != null; node = node.next) {
      if (node.key == key) {
        return false;
      }
    }
    buckets[b] = new Node(key, buckets[b]);
    return true;
  }

  private boolean remove(int key) {
    int b = bucket(key);
    Node previous = null;
    for (Node node = buckets[b]; node != null; previous = node, node = node.next) {
      if (node.key == key) {
        if (previous == null) {
          buckets[b] = node.next;
        } else {
          previous.next = node.next;
        }
        return true;
      }
    }
    return false;
  }

  /** Null when every key is in its own bucket, once, else what went wrong. */
  String check() {
    for (int b = 0; b < buckets.length; b++) {
      for (Node node = buckets[b]; node != null; node = node.next) {
        if (bucket(node.key) != b) {
          return "hash set key " + node.key + " in bucket " + b;
        }
        for (Node later = node.next; later != null; later = later.next) {
          if (later.key == node.key) {
            return "hash set key " + node.key + " twice";
          }
        }
      }
    }
    return null;
  }
}
