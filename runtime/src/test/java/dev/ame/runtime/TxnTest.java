package dev.ame.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The speculative transaction protocol driven through the barriers, as rewritten code drives it.
 * These tests hold a block open while another thread commits, which the fast path (a block that
 * runs alone) would serialize: it is off here and tested in {@link FastPathTest}.
 */
class TxnTest {
  @BeforeAll
  static void speculativeOnly() {
    Regime.setFastPath(false);
  }

  @AfterAll
  static void fastPathAgain() {
    Regime.setFastPath(true);
  }
  @Test
  void write_isInvisibleUntilCommit_andReadBackInside() {
    long[] a = new long[2];
    Txn t = Txn.current();
    t.begin("test");
    Barriers.writeJA(a, 0, 5, t);
    assertEquals(5, Barriers.readJA(a, 0, 0, t));
    assertEquals(0, a[0]);
    assertTrue(t.commit());
    assertEquals(5, a[0]);
    assertFalse(t.isActive());
  }

  static long staticValue;

  @Test
  void capturedArray_isWrittenInPlace_andOnlyInTheAttemptThatMadeIt() {
    Txn t = Txn.current();
    t.begin("test");
    long[] own = (long[]) Barriers.capturedArray(new long[1], t);
    long[] shared = new long[1];
    Barriers.writeJA(own, 0, 5, t);
    Barriers.writeJA(shared, 0, 6, t);
    assertEquals(5, own[0], "an array of the attempt's own is written in place");
    Barriers.writeStaticJ(8, Fields.idOf(TxnTest.class, "staticValue"), t);
    assertEquals(0, staticValue, "a static field (holder null) is never the attempt's own");
    assertEquals(0, shared[0], "any other is logged until commit");
    assertEquals(2, t.spec.writes.size, "redo entries: the shared array's and the static field's");
    assertTrue(t.commit());
    assertEquals(6, shared[0]);
    assertEquals(8, staticValue);

    t.begin("test");
    Barriers.writeJA(own, 0, 7, t); // published by the commit: shared now
    assertEquals(5, own[0], "an array of an earlier attempt is logged like any other");
    t.abandon();
    assertEquals(5, own[0], "and its logged write is dropped with the attempt");
  }

  @Test
  void capturedObject_writtenInPlace_leavesTheAttemptReadOnly() throws Exception {
    long[] shared = new long[1];
    Txn t = Txn.current();
    t.begin("test");
    long seen = Barriers.readJA(shared, 0, 0, t);
    long[] own = (long[]) Barriers.capturedArray(new long[1], t);
    Barriers.writeJA(own, 0, seen + 1, t);
    commitInOtherThread(shared, 0, 100);
    assertEquals(0, t.spec.writes.size, "nothing to write back");
    assertTrue(t.commit(), "a read-only attempt commits at its snapshot, however the data moved since");
    assertEquals(1, own[0]);
  }

  @Test
  @SuppressWarnings("removal")
  void afterThrow_threadDeath_rollsTheBlockBackAndPassesItOn() {
    long[] a = new long[1];
    Txn t = Txn.current();
    t.begin("test");
    Barriers.writeJA(a, 0, 9, t);
    ThreadDeath stop = new ThreadDeath();
    assertSame(stop, t.afterThrow(stop), "never re-run: a re-run would swallow the stop");
    assertEquals(0, a[0], "a stopped block is rolled back, not committed");
    assertFalse(t.isActive());
  }

  @Test
  void afterThrow_conflictingCommitThenInternalError_isNotReRun() throws Exception {
    long[] a = new long[2];
    Txn t = Txn.current();
    t.begin("test");
    Barriers.writeJA(a, 1, Barriers.readJA(a, 0, 0, t) + 1, t);
    commitInOtherThread(a, 0, 100);
    InternalError asynchronous = new InternalError("from the virtual machine");
    assertSame(asynchronous, t.afterThrow(asynchronous));
    assertFalse(t.isActive());
    assertEquals(0, a[1]);
  }

  @Test
  void afterThrow_outsideABlock_passesTheThrowableAsItIs() {
    Txn t = Txn.current();
    IllegalStateException e = new IllegalStateException("after the commit");
    assertSame(e, t.afterThrow(e));
    assertFalse(t.isActive());
  }

  @Test
  void commit_failingInItsWriteBack_releasesTheCommitLock() throws Exception {
    long[] a = new long[1];
    Txn t = Txn.current();
    t.begin("test");
    Barriers.writeJA(a, 0, 5, t);
    // As if an asynchronous error landed in the write-back: an entry that cannot be stored.
    t.spec.writes.put(a, Location.ARRAY, 1, Orecs.index(a, 1), 6, null);
    ArrayIndexOutOfBoundsException e = assertThrows(ArrayIndexOutOfBoundsException.class, t::commit);
    t.afterThrow(e);
    assertFalse(Orecs.isWritingBack(Orecs.now()), "the commit lock is not left held");
    commitInOtherThread(a, 0, 7);
    assertEquals(7, a[0]);
  }

  @Test
  void commit_afterAConflictingCommit_rollsBackAndRestarts() throws Exception {
    long[] a = new long[2];
    Txn t = Txn.current();
    t.begin("test");
    long seen = Barriers.readJA(a, 0, 0, t);
    Barriers.writeJA(a, 1, seen + 1, t);
    commitInOtherThread(a, 0, 100);
    assertFalse(t.commit(), "a commit over a stale read must fail");
    assertEquals(0, a[1], "nothing of the failed attempt may be written");
    assertTrue(t.isActive(), "the context is ready for the next attempt");
    assertEquals(100, Barriers.readJA(a, 0, 0, t));
    assertTrue(t.commit());
  }

  @Test
  void commit_afterACommitToAnotherElement_succeeds() throws Exception {
    long[] a = new long[2];
    Txn t = Txn.current();
    t.begin("test");
    long seen = Barriers.readJA(a, 0, 0, t);
    Barriers.writeJA(a, 0, seen + 1, t);
    commitInOtherThread(a, 1, 7); // the neighbouring element: a stripe of its own
    assertTrue(t.commit());
    assertEquals(1, a[0]);
    assertEquals(7, a[1]);
  }

  @Test
  void commit_readThenWrittenLocation_isValidatedThroughItsOwnLock() throws Exception {
    long[] a = new long[64];
    for (boolean otherWrites : new boolean[] {false, true}) {
      Txn t = Txn.current();
      t.begin("test");
      for (int i = 0; i < a.length; i++) {
        long seen = Barriers.readJA(a, i, 0, t);
        Barriers.writeJA(a, i, seen + 1, t);
      }
      long before = a[63];
      runInOtherThread(() -> {
        Txn other = Txn.current();
        other.begin("other");
        if (otherWrites) {
          Barriers.writeJA(a, 63, before + 7, other);
        } else {
          Barriers.readJA(a, 63, 0, other);
        }
        assertTrue(other.commit());
      });
      if (!otherWrites) {
        assertTrue(t.commit(), "nothing it read changed: the commit, which locks what it also read, must succeed");
        assertEquals(before + 1, a[63]);
      } else {
        assertFalse(t.commit(), "a location it read was written since: the commit must fail");
        assertEquals(before + 7, a[63], "the failed commit must leave memory as the other commit left it");
        assertThrows(IllegalStateException.class, () -> t.onThrow(new IllegalStateException("end")));
      }
    }
  }

  @Test
  void readOnlyAttempt_withoutLog_restartsLoggingWhenItMeetsANewerVersion() throws Throwable {
    long[] a = new long[4];
    Txn t = Txn.current();
    for (int i = 0; i < 8; i++) { // the block learns that it writes nothing
      t.begin("reader");
      Barriers.readJA(a, 0, 0, t);
      assertTrue(t.commit());
    }
    t.begin("reader");
    assertFalse(t.spec.logging, "a block that keeps committing read-only skips its read log");
    Barriers.readJA(a, 0, 0, t);
    commitInOtherThread(a, 1, 5);
    ControlSignal abort = assertThrows(ControlSignal.class, () -> Barriers.readJA(a, 1, 0, t),
        "without a log nothing can be validated: a newer version aborts the attempt");
    t.onThrow(abort);
    assertTrue(t.spec.logging, "the re-run logs its reads");
    assertEquals(5, Barriers.readJA(a, 1, 0, t));
    assertTrue(t.commit());
  }

  @Test
  void readOnlyAttempt_readingByTheClock_seesNoHalfOfACommitThatCameAfter() throws Throwable {
    long[] pair = new long[2]; // a commit keeps pair[0] == pair[1]
    Txn t = Txn.current();
    for (int i = 0; i < 8; i++) {
      t.begin("pair reader");
      Barriers.readJA(pair, 0, 0, t);
      assertTrue(t.commit());
    }
    t.begin("pair reader");
    assertTrue(t.spec.clockReads, "nothing committed since it began: reads look at the clock only");
    long first = Barriers.readJA(pair, 0, 0, t);
    runInOtherThread(() -> {
      Txn other = Txn.current();
      other.begin("pair writer");
      Barriers.writeJA(pair, 0, 9, other);
      Barriers.writeJA(pair, 1, 9, other);
      assertTrue(other.commit());
    });
    ControlSignal abort = assertThrows(ControlSignal.class, () -> Barriers.readJA(pair, 1, 0, t),
        "the clock moved: the second element, newer than the snapshot, must not be returned beside the first");
    assertEquals(0, first);
    t.onThrow(abort);
    assertEquals(Barriers.readJA(pair, 0, 0, t), Barriers.readJA(pair, 1, 0, t));
    assertTrue(t.commit());
  }

  @Test
  void readOnlyAttempt_thatWritesAfterAll_commitsOnlyIfNothingCommittedMeanwhile() throws Exception {
    long[] a = new long[4];
    Txn t = Txn.current();
    for (int i = 0; i < 8; i++) {
      t.begin("mostly reads");
      Barriers.readJA(a, 0, 0, t);
      assertTrue(t.commit());
    }
    t.begin("mostly reads");
    assertFalse(t.spec.logging);
    long seen = Barriers.readJA(a, 0, 0, t);
    Barriers.writeJA(a, 2, seen + 1, t);
    commitInOtherThread(a, 0, 10);
    assertFalse(t.commit(), "its unlogged read may have changed: it cannot commit");
    assertEquals(0, a[2]);
    assertTrue(t.spec.logging, "the re-run logs");
    long again = Barriers.readJA(a, 0, 0, t);
    Barriers.writeJA(a, 2, again + 1, t);
    assertTrue(t.commit());
    assertEquals(11, a[2]);
  }

  @Test
  void userException_commitsTheBlockAndIsRethrown() {
    long[] a = new long[1];
    Txn t = Txn.current();
    t.begin("test");
    Barriers.writeJA(a, 0, 9, t);
    IllegalStateException e = new IllegalStateException("planned");
    Throwable thrown = assertThrows(IllegalStateException.class, () -> t.onThrow(e));
    assertSame(e, thrown);
    assertEquals(9, a[0]);
    assertFalse(t.isActive());
  }

  @Test
  void irrevocable_writesTheLogBackAndThenWritesInPlace() {
    long[] a = new long[2];
    Txn t = Txn.current();
    t.begin("test");
    Barriers.writeJA(a, 0, 3, t);
    Barriers.irrevocable(t, "test cause");
    assertEquals(3, a[0]);
    Barriers.writeJA(a, 1, 4, t);
    assertEquals(4, a[1]);
    assertTrue(t.commit());
    assertTrue(Txn.irrevocableCauses().containsKey("block test: test cause"), Txn.irrevocableCauses().toString());
  }

  @Test
  void arrayStore_checksLikeTheJvm() {
    Object[] strings = new String[1];
    Txn t = Txn.current();
    t.begin("test");
    assertThrows(ArrayStoreException.class, () -> Barriers.writeAA(strings, 0, 1, t));
    assertThrows(ArrayIndexOutOfBoundsException.class, () -> Barriers.writeJA(new long[1], 1, 0, t));
    assertTrue(t.commit());
  }

  /** Another thread's block writes {@code v} into {@code a[i]} and commits. */
  private static void commitInOtherThread(long[] a, int i, long v) throws Exception {
    runInOtherThread(() -> {
      Txn other = Txn.current();
      other.begin("other");
      Barriers.writeJA(a, i, v, other);
      assertTrue(other.commit());
    });
  }

  private static void runInOtherThread(Runnable r) throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Thread thread = new Thread(() -> {
      try {
        r.run();
      } catch (Throwable e) {
        failure.set(e);
      } finally {
        done.countDown();
      }
    });
    thread.start();
    done.await();
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }
}
