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
 * Publication: a block builds an object and links it into a shared field; a thread outside any
 * block follows the link and reads the object's fields. It sees nothing or the whole object:
 * the block's writes reach memory at commit, in the order the block first made them (the object's
 * fields before the link), and the reader's loads depend on the link. (By the Java memory model a
 * plain field alone would not promise this to a racy reader on every CPU; what is checked is that
 * AME's write-back adds no reordering of its own.)
 */
@JCStressTest
@Outcome(id = "-1, -1", expect = ACCEPTABLE, desc = "not published yet")
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "published whole")
@Outcome(expect = FORBIDDEN, desc = "a half-built object: the link visible before the fields")
@State
public class Publication {
  /** What the block builds. */
  public static final class Box {
    int a;
    int b;
  }

  Box shared;

  @Atomic
  void publish() {
    Box box = new Box();
    box.a = 1;
    box.b = 2;
    shared = box;
  }

  @Actor
  public void builder() {
    publish();
  }

  @Actor
  public void reader(II_Result r) {
    Box box = shared;
    r.r1 = box == null ? -1 : box.a;
    r.r2 = box == null ? -1 : box.b;
  }
}
