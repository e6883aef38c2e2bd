package dev.ame.runtime;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/** Contention management: randomized exponential backoff, then escalation to exclusive mode. */
final class Backoff {
  /** How many times a read is retried when its orec changes around the load. */
  static final int LOCK_SPINS = 1 << 12;
  /** Aborts after which a block runs alone (exclusive), so that it cannot starve. */
  static final int EXCLUSIVE_AFTER = 8;

  private Backoff() {}

  static void afterAbort(int attempts) {
    int limit = 1 << Math.min(attempts + 4, 14);
    int spins = ThreadLocalRandom.current().nextInt(limit);
    for (int i = 0; i < spins; i++) {
      Thread.onSpinWait();
    }
    if (attempts > 3) {
      Thread.yield();
    }
  }

  /** One step of a wait that starts by spinning and ends parked in short naps. */
  static void pause(int round) {
    if (round < 64) {
      Thread.onSpinWait();
    } else if (round < 128) {
      Thread.yield();
    } else {
      LockSupport.parkNanos(Math.min(1_000_000L, 1_000L << Math.min(round - 128, 10)));
    }
  }

  /**
   * One step of a wait for the gate: a holder runs one short block or a switch interval, so the
   * wait spins, then yields the core for a long while, and naps only once it has lasted
   * milliseconds (an irrevocable block doing I/O), never more than 50 microseconds at a time.
   */
  static void waitForGate(int round) {
    if (round < 64) {
      Thread.onSpinWait();
    } else if (round < 20_000) {
      Thread.yield();
    } else {
      LockSupport.parkNanos(50_000);
    }
  }

  /**
   * One step of a wait on a line another thread keeps writing (a commit in flight): pauses long
   * enough between two looks that the line is not pulled away from its writer at every store.
   */
  static void politePause(int round) {
    if (round < 256) {
      for (int i = 0; i < 16; i++) {
        Thread.onSpinWait();
      }
    } else {
      pause(round - 192);
    }
  }
}
