package dev.ame.it.programs.litmus;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.ame.Atomic;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Privatization: the owner's block unlinks a node from a shared field; the owner then writes the
 * node without any block (it is private now). Another block writes the node if it still finds it
 * linked. Both blocks first write a run of other locations, so that their commits write back at
 * length and overlap: the unlink's commit can end while the other's write-back has yet to reach
 * the node. Whatever the order of the
 * two blocks, the node ends holding the owner's 42: a write-back of the other block that was
 * validated before the unlink but lands after the owner's private write is forbidden (the
 * privatization fence: a writing commit waits for older write-backs).
 */
@JCStressTest
@Outcome(id = "42, 0", expect = ACCEPTABLE, desc = "the other block ran after the unlink: node gone, nothing written")
@Outcome(id = "42, 1", expect = ACCEPTABLE_INTERESTING, desc = "the other block ran first and wrote 7, then the owner took the node and wrote 42")
@Outcome(id = "7, .*", expect = FORBIDDEN, desc = "a late write-back landed on the node after it became private")
@Outcome(expect = FORBIDDEN, desc = "anything else")
@State
public class Privatization {
  /** The shared node. */
  public static final class Node {
    int value;
  }

  Node shared = new Node();
  Node taken;
  /** Written before the unlink and the node: both commits write back at length, and overlap. */
  final long[] ownerLog = new long[LOG];
  final long[] otherLog = new long[LOG];
  static final int LOG = 64;

  @Atomic
  Node unlink() {
    for (int i = 0; i < LOG; i++) {
      ownerLog[i]++;
    }
    Node n = shared;
    shared = null;
    return n;
  }

  @Atomic
  boolean update() {
    for (int i = 0; i < LOG; i++) {
      otherLog[i]++; // written back before the node
    }
    Node n = shared;
    if (n == null) {
      return false;
    }
    n.value = 7;
    return true;
  }

  @Actor
  public void owner() {
    Node n = unlink();
    n.value = 42; // private: no block
    taken = n;
  }

  @Actor
  public void other(II_Result r) {
    r.r2 = update() ? 1 : 0;
  }

  @Arbiter
  public void after(II_Result r) {
    r.r1 = taken.value;
  }
}
