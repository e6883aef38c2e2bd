package dev.ame.it.programs.faults;

import static dev.ame.it.programs.Checks.expect;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Far more threads than cores (64 on this 2-core machine): committers are preempted while they
 * hold locks or the serial gate, which is when a contention manager that spins instead of
 * yielding, or a lock word left behind, turns into a hang. Every thread must finish its transfers
 * and its audits must all see the total.
 */
final class ManyThreads {
  private ManyThreads() {}

  static void transfers() throws Throwable {
    int threads = 64;
    int perThread = 2_000;
    Bank bank = new Bank(16, 1_000); // a wide window: a preempted transfer loses updates without AME
    AtomicLong wrongAudits = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    Thread[] workers = new Thread[threads];
    for (int w = 0; w < threads; w++) {
      workers[w] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < perThread; i++) {
          bank.transfer(Work.pick(16), Work.pick(16), 1 + Work.pick(5));
          if (i % 50 == 0 && bank.total() != bank.expectedTotal()) {
            wrongAudits.incrementAndGet();
          }
        }
      }, "crowd-" + w);
      workers[w].start();
    }
    start.countDown();
    for (Thread w : workers) {
      w.join(120_000);
      expect(!w.isAlive(), w.getName() + " did not finish\n" + Stacks.of(w));
    }
    bank.touchAll();
    System.out.println("  " + threads + " threads x " + perThread + " transfers on "
        + Runtime.getRuntime().availableProcessors() + " cores; audits that saw a wrong total: " + wrongAudits.get());
    expect(wrongAudits.get() == 0, wrongAudits.get() + " audits saw a wrong total");
    expect(bank.total() == bank.expectedTotal(), "total " + bank.total() + ", expected " + bank.expectedTotal());
  }
}
