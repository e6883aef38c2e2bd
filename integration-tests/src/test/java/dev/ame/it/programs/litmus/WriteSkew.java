package dev.ame.it.programs.litmus;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.ame.Atomic;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Load buffering between two blocks: each reads one field and then writes the other. In any
 * serial order one block sees the other's write: (0, 1) or (1, 0). Both reading 0 is write skew
 * (each validated against a snapshot the other had already changed); both reading 1 is load
 * buffering (each saw a write made after its own read). Without the agent, (0, 0) shows.
 */
@JCStressTest
@Outcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE, desc = "one block ran first")
@Outcome(id = "0, 0", expect = FORBIDDEN, desc = "write skew: both read before either wrote")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "load buffering: each read the other's later write")
@State
public class WriteSkew {
  int x;
  int y;

  @Atomic
  int readXWriteY() {
    int v = x;
    y = work(v);
    return v;
  }

  @Atomic
  int readYWriteX() {
    int v = y;
    x = work(v);
    return v;
  }

  /** 1, after some arithmetic: widens the window between the read and the write, as real work would. */
  static int work(int seed) {
    long h = seed;
    for (int i = 0; i < 32; i++) {
      h = h * 6364136223846793005L + 1442695040888963407L;
    }
    return h == 42 ? 2 : 1;
  }

  @Actor
  public void first(II_Result r) {
    r.r1 = readXWriteY();
  }

  @Actor
  public void second(II_Result r) {
    r.r2 = readYWriteX();
  }
}
