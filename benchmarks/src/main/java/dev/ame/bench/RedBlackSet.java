package dev.ame.bench;

import dev.ame.Atomic;

/**
 * A set of ints as a red-black tree with parent links, the algorithm of {@code java.util.TreeMap}
 * (CLR): an operation reads about log2(n) nodes, an update relinks and recolours a few near its
 * key, now and then up to the root. Colours are written only when they change, so a lookup never
 * writes. The three entry points run the very same {@link #execute} code: plain, under the global
 * lock, and as an atomic block.
 */
final class RedBlackSet {
  private static final boolean RED = false;
  private static final boolean BLACK = true;

  private static final class Node {
    int key; // not final: a removal with two children moves its successor's key here, as TreeMap does
    Node left;
    Node right;
    Node parent;
    boolean color = BLACK;

    Node(int key, Node parent) {
      this.key = key;
      this.parent = parent;
    }
  }

  private final UpdateMix mix;
  private Node root;

  RedBlackSet(UpdateMix mix) {
    this.mix = mix;
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
    return find(key) != null;
  }

  private Node find(int key) {
    Node node = root;
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

  boolean add(int key) {
    Node node = root;
    if (node == null) {
      root = new Node(key, null);
      return true;
    }
    Node parent;
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
    Node added = new Node(key, parent);
    if (key < parent.key) {
      parent.left = added;
    } else {
      parent.right = added;
    }
    fixAfterInsertion(added);
    return true;
  }

  private boolean remove(int key) {
    Node node = find(key);
    if (node == null) {
      return false;
    }
    delete(node);
    return true;
  }

  private void delete(Node p) {
    if (p.left != null && p.right != null) {
      Node s = successor(p);
      p.key = s.key;
      p = s;
    }
    Node replacement = p.left != null ? p.left : p.right;
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
  private static Node successor(Node t) {
    Node p = t.right;
    while (p.left != null) {
      p = p.left;
    }
    return p;
  }

  private void fixAfterInsertion(Node x) {
    x.color = RED;
    while (x != null && x != root && x.parent.color == RED) {
      if (parentOf(x) == leftOf(parentOf(parentOf(x)))) {
        Node y = rightOf(parentOf(parentOf(x)));
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
        Node y = leftOf(parentOf(parentOf(x)));
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

  private void fixAfterDeletion(Node x) {
    while (x != root && colorOf(x) == BLACK) {
      if (x == leftOf(parentOf(x))) {
        Node sib = rightOf(parentOf(x));
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
        Node sib = leftOf(parentOf(x));
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

  private void rotateLeft(Node p) {
    if (p != null) {
      Node r = p.right;
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

  private void rotateRight(Node p) {
    if (p != null) {
      Node l = p.left;
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

  private static boolean colorOf(Node p) {
    return p == null ? BLACK : p.color;
  }

  private static Node parentOf(Node p) {
    return p == null ? null : p.parent;
  }

  /** Writes only a changed colour: a silent store would still be a write (a conflict) for an STM. */
  private static void setColor(Node p, boolean c) {
    if (p != null && p.color != c) {
      p.color = c;
    }
  }

  private static Node leftOf(Node p) {
    return p == null ? null : p.left;
  }

  private static Node rightOf(Node p) {
    return p == null ? null : p.right;
  }

  /** Null when the tree is ordered, linked both ways, red nodes have black children and every path has as many black nodes, else what went wrong. */
  String check() {
    if (colorOf(root) != BLACK || (root != null && root.parent != null)) {
      return "red-black tree root is red or has a parent";
    }
    return blackHeight(root, Integer.MIN_VALUE, Integer.MAX_VALUE) < 0 ? "red-black tree broken" : null;
  }

  /** The black height of {@code node}'s subtree with keys in (low, high), or -1 when an invariant fails. */
  private static int blackHeight(Node node, long low, long high) {
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
