package dev.ame.it.programs.faults;

import dev.ame.it.programs.Checks;
import dev.ame.it.programs.Statistics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real faults inside atomic blocks: exceptions at random points, stack overflow, out of memory,
 * an interrupt during a retry, a block that runs for seconds, a block of a million writes, and far
 * more threads than cores. Each case prints {@code OK name} or {@code FAIL name: why}; each checks
 * that nothing was lost (a bank's total, or counters whose sum is known) and that no lock was left
 * held (other threads, and the faulting one, keep committing; a block writing every account
 * commits at the end).
 *
 * <p>Usage: {@code Faults case...}; with no argument, every case but the out-of-memory ones
 * (they need a small heap, {@code -Xmx64m}) and the known-bad {@code twoMillionWrites}. Exits 1
 * if a case failed; a watchdog ends a run that hangs after {@code faults.watchdogSeconds}
 * (default 150) with every thread's stack.
 */
public final class Faults {
  /** One case: returns when its checks hold, throws otherwise. */
  interface Case {
    void run() throws Throwable;
  }

  private static final Map<String, Case> CASES = new LinkedHashMap<>();

  static {
    CASES.put("exceptions_atRandomPoints_commitTheWritesBeforeTheThrow", ThrowingBlocks::exceptionsAtRandomPoints);
    CASES.put("stackOverflow_inABlock_threadAndOthersKeepCommitting", ThrowingBlocks::stackOverflow);
    CASES.put("interrupt_duringRetry_throwsInterruptedExceptionOthersContinue", WaitingBlocks::interruptDuringRetry);
    CASES.put("longBlock_runningForSeconds_commitsWhileOthersCommit", LargeBlocks::longBlock);
    CASES.put("hugeBlock_millionWrites_commitsAllVisibleAtOnce", LargeBlocks::millionWrites);
    CASES.put("hugeBlock_twoMillionWrites_commits", LargeBlocks::twoMillionWrites);
    CASES.put("manyThreads_64On2Cores_allFinishTotalKept", ManyThreads::transfers);
    CASES.put("outOfMemory_inABlock_threadAndOthersKeepCommitting", ThrowingBlocks::outOfMemory);
    CASES.put("outOfMemory_inABlockOfAThreadThatEnds_othersKeepCommitting", ThrowingBlocks::outOfMemoryInAnEndingThread);
    CASES.put("outOfMemory_inABlock_anotherThreadsIrrevocableBlockRuns", ThrowingBlocks::outOfMemoryThenABlockAlone);
  }

  private Faults() {}

  public static void main(String[] args) {
    startWatchdog(Long.getLong("faults.watchdogSeconds", 150));
    Iterable<String> selected = args.length > 0 ? java.util.List.of(args)
        : CASES.keySet().stream().filter(n -> !n.startsWith("outOfMemory") && !n.contains("twoMillion")).toList();
    int failed = 0;
    for (String name : selected) {
      Case c = CASES.get(name);
      String before = Statistics.describe();
      try {
        if (c == null) {
          throw new IllegalArgumentException("no such case: " + name + " (cases: " + CASES.keySet() + ")");
        }
        c.run();
        System.out.println("OK " + name);
      } catch (Throwable t) {
        failed++;
        System.out.println("FAIL " + name + ": " + t);
        t.printStackTrace(System.out);
      }
      System.out.println("  transactions before: " + before + "\n  after: " + Statistics.describe());
    }
    System.out.flush();
    System.exit(failed == 0 ? 0 : 1);
  }

  /**
   * The common end of a fault case: the faulting thread (the caller) and the traffic keep
   * committing, every account can be written, and the total is the expected one.
   */
  static void expectRecovered(Bank bank, Traffic traffic, long expectedTotal) throws InterruptedException {
    bank.transfer(0, bank.balances.length - 1, 1);
    traffic.expectProgress();
    traffic.stop();
    bank.touchAll();
    long total = bank.total();
    Checks.expect(total == expectedTotal && bank.plainTotal() == expectedTotal,
        "total " + total + " (plain " + bank.plainTotal() + "), expected " + expectedTotal);
  }

  static void startWatchdog(long seconds) {
    Thread dog = new Thread(() -> {
      try {
        Thread.sleep(seconds * 1000);
      } catch (InterruptedException e) {
        return;
      }
      System.out.println("FAIL still running after " + seconds + " s (a hang)\n" + Stacks.all());
      System.out.flush();
      Runtime.getRuntime().halt(2);
    }, "faults-watchdog");
    dog.setDaemon(true);
    dog.start();
  }
}
