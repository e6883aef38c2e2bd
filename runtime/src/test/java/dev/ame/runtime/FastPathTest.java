package dev.ame.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The uncontended fast path: a block that begins while no other block runs runs alone. */
class FastPathTest {
  @BeforeEach
  void fastPathOn() {
    Regime.setFastPath(true);
  }

  @Test
  void begin_withNoOtherBlock_runsAloneAndLogsNoRead() {
    long[] a = new long[2];
    Txn t = Txn.current();
    long aloneBefore = Stats.snapshot()[Stats.ALONE_RUNS];
    t.begin("alone");
    assertTrue(t.inPlace, "no other block runs: the block takes the gate at once");
    assertEquals(0, Barriers.readJA(a, 0, 0, t));
    assertEquals(0, t.spec.reads.size, "a block running alone has nothing to validate");
    assertTrue(t.commit());
    assertFalse(t.inPlace);
    assertEquals(aloneBefore + 1, Stats.snapshot()[Stats.ALONE_RUNS]);
  }

  @Test
  void arrayWrite_alone_goesInPlace_andCommitStampsItsOrecOnlyForSleepingRetries() {
    long[] a = new long[2];
    int orec = Orecs.index(a, 0);
    Txn t = Txn.current();
    t.begin("alone");
    Barriers.writeJA(a, 0, 5, t);
    assertEquals(5, a[0], "nobody else runs: an array element is written in place");
    assertEquals(5, Barriers.readJA(a, 0, 0, t));
    long versionBefore = Orecs.getVolatile(orec);
    assertTrue(t.commit());
    assertEquals(5, a[0]);
    assertEquals(versionBefore, Orecs.getVolatile(orec), "nobody sleeps on it: no new version needed");

    SerialGate.startSleeping(); // as a retry does before it leaves its attempt
    try {
      t.begin("alone, with a retry asleep");
      Barriers.writeJA(a, 0, 6, t);
      assertTrue(t.commit());
    } finally {
      SerialGate.stopSleeping();
    }
    assertTrue(Orecs.version(Orecs.getVolatile(orec)) > Orecs.version(versionBefore),
        "with a retry asleep a written orec gets a new version, so that the retry wakes up");
  }

  @Test
  void arrayWrites_alone_areRestoredNewestFirstWhenTheBlockRollsBack() {
    long[] a = {1, 2};
    Object[] refs = {"x"};
    Txn t = Txn.current();
    t.begin("alone");
    Barriers.writeJA(a, 0, 10, t);
    Barriers.writeJA(a, 0, 20, t);
    Barriers.writeJA(a, 1, 30, t);
    Barriers.writeAA(refs, 0, "y", t);
    t.abandon();
    assertEquals(1, a[0], "the value before the block, not an intermediate one");
    assertEquals(2, a[1]);
    assertEquals("x", refs[0]);
    assertFalse(t.isActive());
  }

  @Test
  void userException_aloneCommitsAndIsRethrown() {
    long[] a = new long[1];
    Txn t = Txn.current();
    t.begin("alone");
    Barriers.writeJA(a, 0, 9, t);
    IllegalStateException e = new IllegalStateException("planned");
    assertSame(e, assertThrows(IllegalStateException.class, () -> t.onThrow(e)));
    assertEquals(9, a[0]);
    assertFalse(t.isActive());
  }

  @Test
  @Timeout(20) // a sleeping retry that is never woken (no new version) would hang here
  void retry_alone_rollsBackAndTheReRunIsSpeculative() throws Throwable {
    long[] a = new long[1];
    Txn t = Txn.current();
    t.begin("waits");
    assertTrue(t.inPlace);
    Barriers.writeJA(a, 0, 1, t);
    Thread changer = new Thread(() -> {
      sleep(50);
      Txn other = Txn.current(); // waits at the gate until the sleeping block has let go of it
      other.begin("changer");
      Barriers.writeJA(new long[1], 0, 1, other);
      assertTrue(other.commit());
    });
    changer.start();
    t.onThrow(ControlSignal.RETRY); // what wait() throws: roll back, sleep until the clock moves
    changer.join();
    assertEquals(0, a[0], "the rolled-back attempt wrote nothing");
    assertFalse(t.inPlace, "the re-run logs its reads, so that its next wait watches them");
    assertTrue(t.commit());
  }

  @Test
  @Timeout(20) // a thread left waiting at the gate would hang here
  void secondThread_waitsForTheBlockRunningAlone_thenTheFastPathIsOff() throws Exception {
    long[] a = new long[1];
    Txn t = Txn.current();
    t.begin("first");
    assertTrue(t.inPlace);
    CountDownLatch entered = new CountDownLatch(1);
    AtomicLong seen = new AtomicLong(-1);
    Thread second = new Thread(() -> {
      Txn other = Txn.current();
      other.begin("second");
      seen.set(Barriers.readJA(a, 0, 0, other));
      Barriers.writeJA(a, 0, seen.get() + 1, other);
      assertTrue(other.commit());
      entered.countDown();
    });
    second.start();
    Barriers.writeJA(a, 0, 41, t);
    assertFalse(entered.await(100, TimeUnit.MILLISECONDS), "the second block must wait for the one running alone");
    assertTrue(t.commit());
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    second.join();
    assertEquals(41, seen.get(), "the second block ran after the first, seeing its write");
    assertEquals(42, a[0]);
    t.begin("after contention");
    assertFalse(t.inPlace, "a thread had to wait: blocks are speculative until contention is gone");
    assertTrue(t.commit());
  }

  @Test
  @Timeout(20) // a thread left waiting at the gate would hang here
  void begin_whileAnotherBlockRunsSpeculatively_waitsForItBeforeRunningAlone() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Regime.setFastPath(false);
    Thread speculative = new Thread(() -> {
      Txn other = Txn.current();
      other.begin("speculative");
      inside.countDown();
      await(release);
      assertTrue(other.commit());
    });
    speculative.start();
    assertTrue(inside.await(10, TimeUnit.SECONDS));
    Regime.setFastPath(true);
    CountDownLatch begun = new CountDownLatch(1);
    AtomicLong ranAlone = new AtomicLong(-1);
    Thread second = new Thread(() -> {
      Txn t = Txn.current();
      t.begin("second");
      ranAlone.set(t.inPlace ? 1 : 0);
      begun.countDown();
      assertTrue(t.commit());
    });
    second.start();
    assertFalse(begun.await(100, TimeUnit.MILLISECONDS),
        "a block may not run alone while another is inside a speculative attempt: it waits at the gate");
    release.countDown();
    speculative.join();
    assertTrue(begun.await(10, TimeUnit.SECONDS));
    second.join();
    assertEquals(1, ranAlone.get(), "once the speculative attempt has left, the block runs alone");
  }

  @Test
  void fieldWrite_alone_goesInPlaceAndIsUndoneOnRollBack() {
    Box box = new Box();
    int field = Fields.idOf(Box.class, "value");
    Txn t = Txn.current();
    t.begin("alone");
    assertTrue(Barriers.writesInPlace(t));
    Barriers.undoJ(box, box.value, field, t); // what rewritten code does before its own store
    box.value = 7;
    assertEquals(7, Barriers.readJ(box, box.value, field, 0, t), "read straight from memory");
    t.abandon();
    assertEquals(0, box.value, "the old value is back");
  }

  @Test
  void arraycopy_alone_isUndoneWholeOnRollBack_andStampsEveryElementForSleepingRetries() {
    String[] names = {"a", "b", "c", "d", "e", "f"};
    int[] numbers = {1, 2, 3, 4, 5, 6};
    Txn t = Txn.current();
    t.begin("alone");
    Barriers.arraycopy(names, 0, names, 1, 5, 0, t); // an ArrayList insertion's shift, overlapping
    Barriers.writeAA(names, 0, "z", t);
    Barriers.arraycopy(numbers, 2, numbers, 0, 4, 0, t); // a removal's shift
    Barriers.arraycopy(numbers, 0, numbers, 1, 3, 0, t); // the same elements once more
    assertArrayEquals(new String[] {"z", "a", "b", "c", "d", "e"}, names, "in place while the block runs");
    assertArrayEquals(new int[] {3, 3, 4, 5, 5, 6}, numbers);
    t.abandon();
    assertArrayEquals(new String[] {"a", "b", "c", "d", "e", "f"}, names, "every element back, newest write undone first");
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, numbers);

    long[] before = new long[numbers.length];
    for (int i = 0; i < numbers.length; i++) {
      before[i] = Orecs.getVolatile(Orecs.index(numbers, i));
    }
    SerialGate.startSleeping();
    try {
      t.begin("alone, with a retry asleep");
      Barriers.arraycopy(numbers, 0, numbers, 2, 4, 0, t);
      assertTrue(t.commit());
    } finally {
      SerialGate.stopSleeping();
    }
    assertArrayEquals(new int[] {1, 2, 1, 2, 3, 4}, numbers);
    for (int i = 2; i < numbers.length; i++) {
      assertTrue(Orecs.version(Orecs.getVolatile(Orecs.index(numbers, i))) > Orecs.version(before[i]),
          "element " + i + " was copied over: a retry asleep on it must wake");
    }
  }

  static final class Box {
    long value;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
  /**
   * A pool whose tasks run blocks one at a time, on whichever worker is free: the second worker
   * finds the gate kept by the first, which runs no block any more. It takes the gate over, and
   * that is no contention: every block still runs alone (before, the wait turned blocks speculative
   * until the first worker had been idle for 20 ms).
   */
  @Test
  @Timeout(30)
  void blocks_ofThreadsTakingTurns_allRunAlone_andTheRegimeStaysSerial() throws Exception {
    long[] counter = new long[1];
    CountDownLatch firstDone = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    long aloneBefore = Stats.snapshot()[Stats.ALONE_RUNS];
    Runnable blocks = () -> {
      Txn t = Txn.current();
      for (int i = 0; i < 1000; i++) {
        t.begin("turns");
        Barriers.writeJA(counter, 0, Barriers.readJA(counter, 0, 0, t) + 1, t);
        assertTrue(t.commit());
      }
    };
    Thread first = new Thread(() -> {
      blocks.run();
      firstDone.countDown();
      try {
        release.await(); // alive, keeping the gate, running no block
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    first.start();
    firstDone.await();
    Thread second = new Thread(blocks);
    second.start();
    second.join();
    release.countDown();
    first.join();
    assertEquals(2000, counter[0]);
    assertTrue(Regime.serial(), "an idle holder's gate taken over is no contention");
    assertEquals(aloneBefore + 2000, Stats.snapshot()[Stats.ALONE_RUNS], "every block ran alone");
  }
}
