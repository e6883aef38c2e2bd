package dev.ame.it.programs.litmus;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.ame.Atomic;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;

/**
 * {@link TornLongDouble} with the reader in a block of its own: now the two fields are seen both
 * old or both new, never mixed (atomicity and opacity), and never torn.
 */
@JCStressTest
@Outcome(id = {"0, 0", "-1, -4503599627370497"}, expect = ACCEPTABLE, desc = "the reader's block before or after the writer's")
@Outcome(expect = FORBIDDEN, desc = "mixed or torn: half a block seen by a block")
@State
public class TornLongDoubleInBlock {
  long l;
  double d;

  @Atomic
  void write() {
    l = -1L;
    d = TornLongDouble.D;
  }

  @Atomic
  long[] read() {
    return new long[] {l, Double.doubleToRawLongBits(d)};
  }

  @Actor
  public void writer() {
    write();
  }

  @Actor
  public void reader(JJ_Result r) {
    long[] both = read();
    r.r1 = both[0];
    r.r2 = both[1];
  }
}
