package dev.ame.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gate under regime changes: threads running short blocks while the regime flips between
 * serial and speculative at random must all keep making progress, and no update may be lost.
 */
class SerialGateTest {
  @AfterEach
  void fastPathOn() {
    Regime.setFastPath(true);
  }

  @Test
  @Timeout(60)
  void blocks_whileTheRegimeFlips_allThreadsProgressAndNothingIsLost() throws Exception {
    Regime.setFastPath(true);
    int threads = 3;
    long[] counter = new long[1];
    AtomicLongArray progress = new AtomicLongArray(threads);
    long end = System.nanoTime() + 3_000_000_000L;
    Thread[] workers = new Thread[threads];
    for (int w = 0; w < threads; w++) {
      int id = w;
      workers[w] = new Thread(() -> {
        Txn t = Txn.current();
        while (System.nanoTime() < end) {
          t.begin("increment");
          for (;;) {
            long v = Barriers.readJA(counter, 0, 0, t);
            Barriers.writeJA(counter, 0, v + 1, t);
            if (t.commit()) {
              break;
            }
          }
          progress.incrementAndGet(id);
        }
      }, "worker-" + w);
      workers[w].start();
    }
    java.util.Random random = new java.util.Random(1);
    long[] last = new long[threads];
    long stalledSince = System.nanoTime();
    while (System.nanoTime() < end) {
      Thread.sleep(random.nextInt(3));
      Regime.flipForTest(random.nextBoolean());
      boolean all = true;
      for (int w = 0; w < threads; w++) {
        long p = progress.get(w);
        all &= p != last[w] || !workers[w].isAlive();
        last[w] = p;
      }
      if (all) {
        stalledSince = System.nanoTime();
      } else if (System.nanoTime() - stalledSince > 2_000_000_000L) {
        StringBuilder dump = new StringBuilder(SerialGate.describe());
        for (Thread w : workers) {
          dump.append("\n").append(w.getName()).append(": ");
          for (StackTraceElement e : w.getStackTrace()) {
            dump.append("\n    ").append(e);
          }
        }
        throw new AssertionError("a thread made no progress for 2 s: " + dump);
      }
    }
    for (Thread w : workers) {
      w.join();
    }
    long total = 0;
    for (int w = 0; w < threads; w++) {
      total += progress.get(w);
    }
    assertEquals(total, counter[0], "every committed increment is there, once");
    assertTrue(total > 0);
  }
}
