package dev.ame.bench;

import java.util.function.ObjIntConsumer;

/**
 * A map from ints to objects as a red-black tree with parent links: {@link RedBlackSet}'s
 * algorithm ({@code java.util.TreeMap}'s, CLR) with a value in each node, for workloads whose
 * blocks look up and update several tables (the reservation workload). A lookup reads about
 * log2(n) nodes and writes nothing; an insertion or a removal relinks and recolours a few nodes
 * near its key, now and then up to the root. Colours are written only when they change.
 *
 * <p>It is a copy of the set's rebalancing rather than a change to the set, so that the
 * {@code rbtree} workload keeps measuring the very same nodes and code as before. Plain code: the
 * callers decide whether it runs in a block, under a lock, or bare.
 *
 * @param <V> the values
 */
final class RedBlackIntMap<V> {
  private static final boolean RED = false;
  private static final boolean BLACK = true;

  private static final class Node<V> {
    int key; // not final: a removal with two children moves its successor's entry here, as TreeMap does
    V value;
    Node<V> left;
    Node<V> right;
    Node<V> parent;
    boolean color = BLACK;

    Node(int key, V value, Node<V> parent) {
      this.key = key;
      this.value = value;
      this.parent = parent;
    }
  }

  private Node<V> root;
  private int size;

  /** The value of {@code key}, or null. */
  V get(int key) {
    Node<V> node = find(key);
    return node == null ? null : node.value;
  }

  /** How many keys there are. */
  int size() {
    return size;
  }

  private Node<V> find(int key) {
    Node<V> node = root;
    while (node != null) {
      if (key < node.key) {
        node = node.left;
      } else if (key > node.key) {
        node = node.right;
      } else {
        return node;
      }
    }
    return null;
  }

  /** Maps {@code key} to {@code value} unless it is mapped already; returns whether it added. */
  boolean putIfAbsent(int key, V value) {
    Node<V> node = root;
    if (node == null) {
      root = new Node<>(key, value, null);
      size++;
      return true;
    }
    Node<V> parent;
    do {
      parent = node;
      if (key < node.key) {
        node = node.left;
      } else if (key > node.key) {
        node = node.right;
      } else {
        return false;
      }
    } while (node != null);
    Node<V> added = new Node<>(key, value, parent);
    if (key < parent.key) {
      parent.left = added;
    } else {
      parent.right = added;
    }
    fixAfterInsertion(added);
    size++;
    return true;
  }

  /** Removes {@code key}; returns its value, or null when it was absent. */
  V remove(int key) {
    Node<V> node = find(key);
    if (node == null) {
      return null;
    }
    V value = node.value;
    delete(node);
    size--;
    return value;
  }

  /** Unlinks {@code p} and rebalances: {@code TreeMap.deleteEntry}. */
  private void delete(Node<V> p) {
    if (p.left != null && p.right != null) {
      Node<V> s = successor(p);
      p.key = s.key;
      p.value = s.value;
      p = s;
    }
    Node<V> replacement = p.left != null ? p.left : p.right;
    if (replacement != null) {
      replacement.parent = p.parent;
      if (p.parent == null) {
        root = replacement;
      } else if (p == p.parent.left) {
        p.parent.left = replacement;
      } else {
        p.parent.right = replacement;
      }
      p.left = null;
      p.right = null;
      p.parent = null;
      if (p.color == BLACK) {
        fixAfterDeletion(replacement);
      }
    } else if (p.parent == null) {
      root = null;
    } else {
      if (p.color == BLACK) {
        fixAfterDeletion(p);
      }
      if (p.parent != null) {
        if (p == p.parent.left) {
          p.parent.left = null;
        } else if (p == p.parent.right) {
          p.parent.right = null;
        }
        p.parent = null;
      }
    }
  }

  /** The next node in key order; only called on a node with a right child. */
  private static <V> Node<V> successor(Node<V> t) {
    Node<V> p = t.right;
    while (p.left != null) {
      p = p.left;
    }
    return p;
  }

  private void fixAfterInsertion(Node<V> x) {
    x.color = RED;
    while (x != null && x != root && x.parent.color == RED) {
      if (parentOf(x) == leftOf(parentOf(parentOf(x)))) {
        Node<V> y = rightOf(parentOf(parentOf(x)));
        if (colorOf(y) == RED) {
          setColor(parentOf(x), BLACK);
          setColor(y, BLACK);
          setColor(parentOf(parentOf(x)), RED);
          x = parentOf(parentOf(x));
        } else {
          if (x == rightOf(parentOf(x))) {
            x = parentOf(x);
            rotateLeft(x);
          }
          setColor(parentOf(x), BLACK);
          setColor(parentOf(parentOf(x)), RED);
          rotateRight(parentOf(parentOf(x)));
        }
      } else {
        Node<V> y = leftOf(parentOf(parentOf(x)));
        if (colorOf(y) == RED) {
          setColor(parentOf(x), BLACK);
          setColor(y, BLACK);
          setColor(parentOf(parentOf(x)), RED);
          x = parentOf(parentOf(x));
        } else {
          if (x == leftOf(parentOf(x))) {
            x = parentOf(x);
            rotateRight(x);
          }
          setColor(parentOf(x), BLACK);
          setColor(parentOf(parentOf(x)), RED);
          rotateLeft(parentOf(parentOf(x)));
        }
      }
    }
    setColor(root, BLACK);
  }

  private void fixAfterDeletion(Node<V> x) {
    while (x != root && colorOf(x) == BLACK) {
      if (x == leftOf(parentOf(x))) {
        Node<V> sib = rightOf(parentOf(x));
        if (colorOf(sib) == RED) {
          setColor(sib, BLACK);
          setColor(parentOf(x), RED);
          rotateLeft(parentOf(x));
          sib = rightOf(parentOf(x));
        }
        if (colorOf(leftOf(sib)) == BLACK && colorOf(rightOf(sib)) == BLACK) {
          setColor(sib, RED);
          x = parentOf(x);
        } else {
          if (colorOf(rightOf(sib)) == BLACK) {
            setColor(leftOf(sib), BLACK);
            setColor(sib, RED);
            rotateRight(sib);
            sib = rightOf(parentOf(x));
          }
          setColor(sib, colorOf(parentOf(x)));
          setColor(parentOf(x), BLACK);
          setColor(rightOf(sib), BLACK);
          rotateLeft(parentOf(x));
          x = root;
        }
      } else {
        Node<V> sib = leftOf(parentOf(x));
        if (colorOf(sib) == RED) {
          setColor(sib, BLACK);
          setColor(parentOf(x), RED);
          rotateRight(parentOf(x));
          sib = leftOf(parentOf(x));
        }
        if (colorOf(rightOf(sib)) == BLACK && colorOf(leftOf(sib)) == BLACK) {
          setColor(sib, RED);
          x = parentOf(x);
        } else {
          if (colorOf(leftOf(sib)) == BLACK) {
            setColor(rightOf(sib), BLACK);
            setColor(sib, RED);
            rotateLeft(sib);
            sib = leftOf(parentOf(x));
          }
          setColor(sib, colorOf(parentOf(x)));
          setColor(parentOf(x), BLACK);
          setColor(leftOf(sib), BLACK);
          rotateRight(parentOf(x));
          x = root;
        }
      }
    }
    setColor(x, BLACK);
  }

  private void rotateLeft(Node<V> p) {
    if (p != null) {
      Node<V> r = p.right;
      p.right = r.left;
      if (r.left != null) {
        r.left.parent = p;
      }
      r.parent = p.parent;
      if (p.parent == null) {
        root = r;
      } else if (p.parent.left == p) {
        p.parent.left = r;
      } else {
        p.parent.right = r;
      }
      r.left = p;
      p.parent = r;
    }
  }

  private void rotateRight(Node<V> p) {
    if (p != null) {
      Node<V> l = p.left;
      p.left = l.right;
      if (l.right != null) {
        l.right.parent = p;
      }
      l.parent = p.parent;
      if (p.parent == null) {
        root = l;
      } else if (p.parent.right == p) {
        p.parent.right = l;
      } else {
        p.parent.left = l;
      }
      l.right = p;
      p.parent = l;
    }
  }

  private static <V> boolean colorOf(Node<V> p) {
    return p == null ? BLACK : p.color;
  }

  private static <V> Node<V> parentOf(Node<V> p) {
    return p == null ? null : p.parent;
  }

  /** Writes only a changed colour: a silent store would still be a write (a conflict) for an STM. */
  private static <V> void setColor(Node<V> p, boolean c) {
    if (p != null && p.color != c) {
      p.color = c;
    }
  }

  private static <V> Node<V> leftOf(Node<V> p) {
    return p == null ? null : p.left;
  }

  private static <V> Node<V> rightOf(Node<V> p) {
    return p == null ? null : p.right;
  }

  /** Calls {@code action} with each value and its key, in key order; only while no block runs. */
  void forEach(ObjIntConsumer<V> action) {
    forEach(root, action);
  }

  private static <V> void forEach(Node<V> node, ObjIntConsumer<V> action) {
    if (node != null) {
      forEach(node.left, action);
      action.accept(node.value, node.key);
      forEach(node.right, action);
    }
  }

  /**
   * Null when the tree is ordered, linked both ways, red nodes have black children, every path has
   * as many black nodes and the size is right, else what went wrong.
   */
  String check() {
    if (colorOf(root) != BLACK || (root != null && root.parent != null)) {
      return "red-black map root is red or has a parent";
    }
    if (blackHeight(root, Integer.MIN_VALUE, Integer.MAX_VALUE) < 0) {
      return "red-black map broken";
    }
    int[] counted = {0};
    forEach((value, key) -> counted[0]++);
    return counted[0] == size ? null : "red-black map holds " + counted[0] + " nodes, size " + size;
  }

  /** The black height of {@code node}'s subtree with keys in (low, high), or -1 when an invariant fails. */
  private static <V> int blackHeight(Node<V> node, long low, long high) {
    if (node == null) {
      return 1;
    }
    if (node.key <= low || node.key >= high
        || (node.left != null && node.left.parent != node) || (node.right != null && node.right.parent != node)
        || (node.color == RED && (colorOf(node.left) == RED || colorOf(node.right) == RED))) {
      return -1;
    }
    int left = blackHeight(node.left, low, node.key);
    int right = blackHeight(node.right, node.key, high);
    return left < 0 || left != right ? -1 : left + (node.color == BLACK ? 1 : 0);
  }
}
