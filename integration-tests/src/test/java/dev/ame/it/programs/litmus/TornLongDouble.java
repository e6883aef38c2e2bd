package dev.ame.it.programs.litmus;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.ame.Atomic;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;

/**
 * No torn {@code long} or {@code double}: a block writes a {@code long} and a {@code double} field
 * (both halves of each non-zero); a thread outside any block reads them. Each value is all old or
 * all new (the write-back stores each whole). The two plain reads outside a block may see one
 * field written and not the other: the block is atomic for blocks, not for racy readers.
 */
@JCStressTest
@Outcome(id = {"0, 0", "-1, -4503599627370497"}, expect = ACCEPTABLE, desc = "both old, or both new")
@Outcome(id = {"-1, 0", "0, -4503599627370497"}, expect = ACCEPTABLE_INTERESTING, desc = "one new, one old: two racy reads outside a block")
@Outcome(expect = FORBIDDEN, desc = "a torn long or double")
@State
public class TornLongDouble {
  /** -Double.MAX_VALUE: bits 0xFFEFFFFFFFFFFFFF, both halves non-zero. */
  static final double D = -Double.MAX_VALUE;

  long l;
  double d;

  @Atomic
  void write() {
    l = -1L;
    d = D;
  }

  @Actor
  public void writer() {
    write();
  }

  @Actor
  public void reader(JJ_Result r) {
    r.r1 = l;
    r.r2 = Double.doubleToRawLongBits(d);
  }
}
