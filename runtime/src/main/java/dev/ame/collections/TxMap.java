package dev.ame.collections;

import dev.ame.Atomic;
import dev.ame.TxCounter;
import java.util.function.BiConsumer;

/**
 * A hash map for atomic blocks: blocks that touch different keys never conflict (a key's
 * bucket is its own location, its entry's value another), and its size is a commutative
 * {@link TxCounter}, so {@code put}s of new keys do not conflict on it either. Every method is an
 * atomic block of its own, or joins the caller's.
 *
 * <p>The class is plain Java: the AME agent rewrites it like application code (it is always in
 * scope). Keys need consistent {@code hashCode}/{@code equals}; null keys and values are not
 * allowed. The table grows (doubling) past three quarters full, a block that conflicts with
 * everything, once per doubling: give a capacity when the size is known.
 */
@Atomic
public final class TxMap<K, V> {
  /** An entry: the key is final (never tracked), the value and the link are transactional. */
  private static final class Node<K, V> {
    final K key;
    final int hash;
    V value;
    Node<K, V> next;

    Node(K key, int hash, V value, Node<K, V> next) {
      this.key = key;
      this.hash = hash;
      this.value = value;
      this.next = next;
    }
  }

  private Node<K, V>[] table;
  private final TxCounter size = new TxCounter();

  /** A map for about {@code expectedSize} keys without growing. */
  public TxMap(int expectedSize) {
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expected size must be >= 0, not " + expectedSize);
    }
    table = newTable(Math.max(16, Integer.highestOneBit(Math.max(1, expectedSize * 4 / 3)) * 2));
  }

  public TxMap() {
    this(64);
  }

  @SuppressWarnings("unchecked")
  private static <K, V> Node<K, V>[] newTable(int capacity) {
    return (Node<K, V>[]) new Node[capacity];
  }

  private static int spread(Object key) {
    int h = key.hashCode();
    return h ^ (h >>> 16);
  }

  public V get(Object key) {
    int h = spread(key);
    Node<K, V>[] t = table;
    for (Node<K, V> n = t[h & (t.length - 1)]; n != null; n = n.next) {
      if (n.hash == h && n.key.equals(key)) {
        return n.value;
      }
    }
    return null;
  }

  public V getOrDefault(Object key, V fallback) {
    V v = get(key);
    return v == null ? fallback : v;
  }

  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  /** Maps {@code key} to {@code value}; returns the previous value or null. */
  public V put(K key, V value) {
    if (key == null || value == null) {
      throw new NullPointerException("TxMap allows no null keys or values");
    }
    int h = spread(key);
    Node<K, V>[] t = table;
    int i = h & (t.length - 1);
    for (Node<K, V> n = t[i]; n != null; n = n.next) {
      if (n.hash == h && n.key.equals(key)) {
        V old = n.value;
        n.value = value;
        return old;
      }
    }
    t[i] = new Node<>(key, h, value, t[i]);
    size.increment();
    // The committed size, untracked: an exact get() here made every two puts of new keys conflict
    // (each reads the count the other adds to); growing a little late is harmless.
    if (size.committedValue() >= t.length * 3L / 4) {
      grow();
    }
    return null;
  }

  /** Removes {@code key}; returns its value or null. */
  public V remove(Object key) {
    int h = spread(key);
    Node<K, V>[] t = table;
    int i = h & (t.length - 1);
    Node<K, V> previous = null;
    for (Node<K, V> n = t[i]; n != null; previous = n, n = n.next) {
      if (n.hash == h && n.key.equals(key)) {
        if (previous == null) {
          t[i] = n.next;
        } else {
          previous.next = n.next;
        }
        size.add(-1);
        return n.value;
      }
    }
    return null;
  }

  /** The number of keys (exact; reading it conflicts only with blocks that add or remove keys). */
  public int size() {
    return (int) size.get();
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /** Calls {@code action} for every entry, in no particular order, within one block. */
  public void forEach(BiConsumer<? super K, ? super V> action) {
    for (Node<K, V> bucket : table) {
      for (Node<K, V> n = bucket; n != null; n = n.next) {
        action.accept(n.key, n.value);
      }
    }
  }

  private void grow() {
    Node<K, V>[] old = table;
    Node<K, V>[] bigger = newTable(old.length * 2);
    for (Node<K, V> bucket : old) {
      for (Node<K, V> n = bucket; n != null; n = n.next) {
        int i = n.hash & (bigger.length - 1);
        bigger[i] = new Node<>(n.key, n.hash, n.value, bigger[i]);
      }
    }
    table = bigger;
  }
}
