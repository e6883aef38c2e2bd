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
    SerialGate.setFastPath(false);
  }

  @AfterAll
  static void fastPathAgain() {
    SerialGate.setFastPath(true);
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

  @Test
  void commit_afterAConflictingCommit_rollsBackAndRestarts() throws Exception {
    long[] a = new long[2];
    Txn t = Txn.current();
    t.begin("test");
    long seen = Barriers.readJA(a, 0, 0, t);
    Barriers.writeJA(a, 1, seen + 1, t);
    runInOtherThread(() -> {
      Txn other = Txn.current();
      other.begin("other");
      Barriers.writeJA(a, 0, 100, other);
      assertTrue(other.commit());
    });
    assertFalse(t.commit(), "a commit over a stale read must fail");
    assertEquals(0, a[1], "nothing of the failed attempt may be written");
    assertTrue(t.isActive(), "the context is ready for the next attempt");
    assertEquals(100, Barriers.readJA(a, 0, 0, t));
    assertTrue(t.commit());
  }

  @Test
  void commit_afterACommitThatWroteTheSameValue_succeeds() throws Exception {
    long[] a = new long[2];
    Txn t = Txn.current();
    t.begin("test");
    long seen = Barriers.readJA(a, 0, 0, t);
    Barriers.writeJA(a, 1, seen + 1, t);
    runInOtherThread(() -> {
      Txn other = Txn.current();
      other.begin("other");
      Barriers.writeJA(a, 0, 0, other); // same value: value-based validation accepts the read
      assertTrue(other.commit());
    });
    assertTrue(t.commit());
    assertEquals(1, a[1]);
  }

  @Test
  void commit_readThenWrittenLocation_isValidatedThroughItsOwnLock() throws Exception {
    long[] a = new long[64];
    for (long sameValue : new long[] {0, 7}) {
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
        Barriers.writeJA(a, 63, before + sameValue, other);
        assertTrue(other.commit());
      });
      if (sameValue == 0) {
        assertTrue(t.commit(), "the value read is still there: the commit must succeed");
        assertEquals(before + 1, a[63]);
      } else {
        assertFalse(t.commit(), "the value read changed: the commit must fail");
        assertEquals(before + 7, a[63], "the failed commit must leave memory as the other commit left it");
        assertThrows(IllegalStateException.class, () -> t.onThrow(new IllegalStateException("end")));
      }
    }
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
