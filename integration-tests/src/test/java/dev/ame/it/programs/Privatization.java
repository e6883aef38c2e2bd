package dev.ame.it.programs;

import dev.ame.Atomic;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The privatization idiom: a block takes an object out of a shared slot, and from then on its
 * thread uses the object privately, outside any block. Writers run blocks that update the object
 * while it is in the slot. A writer that committed before the take may still be writing back
 * when the taker's block has committed; the runtime must wait for it (the privatization fence),
 * or that late write lands on the object after its new owner wrote it privately.
 *
 * <p>Usage: {@code Privatization writers rounds}; exit 0 and "OK" when no private write was
 * overwritten.
 */
public final class Privatization {
  static final class Box {
    long a;
    long b;
    long c;
    long d;
  }

  private Box slot = new Box();

  /** Updates the boxed object, if there is one: several fields, to widen the write-back. */
  @Atomic
  void update(long v) {
    Box box = slot;
    if (box != null) {
      box.a = v;
      box.b = v;
      box.c = v;
      box.d = v;
    }
  }

  @Atomic
  Box take() {
    Box box = slot;
    slot = null;
    return box;
  }

  @Atomic
  void put(Box box) {
    slot = box;
  }

  public static void main(String[] args) throws InterruptedException {
    int writers = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    Privatization shared = new Privatization();
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong violations = new AtomicLong();
    Thread[] threads = new Thread[writers];
    for (int w = 0; w < writers; w++) {
      long base = (w + 1) * 1_000_000_000L;
      threads[w] = new Thread(() -> {
        for (long v = base; !done.get(); v++) {
          shared.update(v);
        }
      });
      threads[w].start();
    }
    for (int r = 0; r < rounds; r++) {
      Box box = shared.take();
      if (box == null) {
        continue;
      }
      // Private now: plain writes, then a look after a pause in which a late write-back would land.
      box.a = -r;
      box.b = -r;
      box.c = -r;
      box.d = -r;
      for (int i = 0; i < 50; i++) {
        Thread.onSpinWait();
      }
      if (box.a != -r || box.b != -r || box.c != -r || box.d != -r) {
        violations.incrementAndGet();
      }
      shared.put(new Box());
    }
    done.set(true);
    for (Thread t : threads) {
      t.join();
    }
    System.out.println(rounds + " objects taken out while " + writers + " writers updated them; transactions: "
        + Statistics.describe());
    if (violations.get() != 0) {
      System.out.println("FAIL " + violations.get() + " privately written objects were overwritten by a block");
      System.exit(1);
    }
    System.out.println("OK no private write was overwritten");
  }
}
