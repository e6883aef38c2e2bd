package dev.ame.it.programs;

import dev.ame.Ame;
import dev.ame.Atomic;

/**
 * Two threads that share an object but never the same field, then an array but never the same
 * element (adjacent ones), then different objects: each phase must count 0 aborts.
 *
 * <p>Usage: {@code FalseConflicts iterations}; exit 0 and "OK" when no phase aborted.
 */
public final class FalseConflicts {
  static final class Pair {
    long first;
    long second;
  }

  private final Pair pair = new Pair();
  private final long[] elements = new long[2];
  private final Pair[] separate = {new Pair(), new Pair()};

  @Atomic
  void bumpField(int which) {
    if (which == 0) {
      pair.first = pair.first + 1;
    } else {
      pair.second = pair.second + 1;
    }
  }

  @Atomic
  void bumpElement(int which) {
    elements[which] = elements[which] + 1;
  }

  @Atomic
  void bumpObject(int which) {
    Pair p = separate[which];
    p.first = p.first + 1;
    p.second = p.first * 2;
  }

  interface Step {
    void run(int which);
  }

  static long phase(String name, int iterations, Step step) throws InterruptedException {
    Ame.Statistics before = Ame.statistics();
    Thread[] threads = new Thread[2];
    for (int t = 0; t < 2; t++) {
      int which = t;
      threads[t] = new Thread(() -> {
        for (int i = 0; i < iterations; i++) {
          step.run(which);
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    Ame.Statistics delta = Ame.statistics().minus(before);
    System.out.println(name + ": " + delta);
    return delta.aborts() + delta.exclusiveRuns() + delta.irrevocableRuns();
  }

  public static void main(String[] args) throws InterruptedException {
    int iterations = Integer.parseInt(args[0]);
    FalseConflicts shared = new FalseConflicts();
    long bad = phase("different fields of one object", iterations, shared::bumpField)
        + phase("adjacent elements of one array", iterations, shared::bumpElement)
        + phase("different objects", iterations, shared::bumpObject);
    boolean exact = shared.pair.first == iterations && shared.pair.second == iterations
        && shared.elements[0] == iterations && shared.elements[1] == iterations
        && shared.separate[0].first == iterations && shared.separate[1].first == iterations;
    if (bad != 0 || !exact) {
      System.out.println("FAIL aborts or serial runs counted: " + bad + ", results exact: " + exact);
      System.exit(1);
    }
    System.out.println("OK 0 aborts on disjoint data");
  }
}
