package dev.ame.it.programs.litmus;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.ame.Atomic;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * A {@code volatile} field written in a block and read outside: the block writes data, then a
 * volatile flag; a thread outside any block that sees the flag must see the data (message
 * passing). The write-back keeps the block's order and stores a volatile field as a volatile
 * store, so the flag's release covers the data.
 */
@JCStressTest
@Outcome(id = "-1", expect = ACCEPTABLE, desc = "flag not seen yet")
@Outcome(id = "42", expect = ACCEPTABLE, desc = "flag seen, and the data with it")
@Outcome(id = "0", expect = FORBIDDEN, desc = "flag seen without the data written before it")
@State
public class VolatileFlag {
  int data;
  volatile boolean flag;

  @Atomic
  void send() {
    data = 42;
    flag = true;
  }

  @Actor
  public void sender() {
    send();
  }

  @Actor
  public void receiver(I_Result r) {
    r.r1 = flag ? data : -1;
  }
}
