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
 * No value out of thin air: two blocks each copy one field into the other (load buffering with a
 * data dependency). Nothing ever writes anything but what was read, and both start at 0: only 0
 * can be seen. A speculative read that a broken validation let through could not invent a value
 * either; this is the memory model's classic, kept for completeness.
 */
@JCStressTest
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "only what was there")
@Outcome(expect = FORBIDDEN, desc = "a value out of thin air")
@State
public class OutOfThinAir {
  int x;
  int y;

  @Atomic
  int copyXToY() {
    int v = x;
    y = v;
    return v;
  }

  @Atomic
  int copyYToX() {
    int v = y;
    x = v;
    return v;
  }

  @Actor
  public void first(II_Result r) {
    r.r1 = copyXToY();
  }

  @Actor
  public void second(II_Result r) {
    r.r2 = copyYToX();
  }
}
