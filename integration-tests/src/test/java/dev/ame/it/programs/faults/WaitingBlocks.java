package dev.ame.it.programs.faults;

import static dev.ame.it.programs.Checks.expect;

import dev.ame.Atomic;

/**
 * A thread interrupted while its block waits in a retry ({@code wait()} inside a block) must leave
 * with {@link InterruptedException}, like a thread interrupted in {@code Object.wait}; the other
 * waiters keep waiting until the state they wait for comes, and the traffic keeps committing.
 */
final class WaitingBlocks {
  private WaitingBlocks() {}

  /** Opens once; waiters read an account too, so every transfer on it wakes and re-runs them. */
  static final class Gate {
    final Bank bank;
    boolean open;

    Gate(Bank bank) {
      this.bank = bank;
    }

    @Atomic
    long await(int account) throws InterruptedException {
      long seen = bank.balances[account];
      while (!open) {
        wait();
      }
      return seen;
    }

    @Atomic
    void open() {
      open = true;
      notifyAll();
    }
  }

  static void interruptDuringRetry() throws Throwable {
    Bank bank = new Bank(4);
    Traffic traffic = new Traffic(bank, 2).start();
    Gate gate = new Gate(bank);
    int waiters = 3;
    String[] outcome = new String[waiters];
    Thread[] threads = new Thread[waiters];
    for (int w = 0; w < waiters; w++) {
      int id = w;
      threads[w] = new Thread(() -> {
        try {
          gate.await(id);
          outcome[id] = "passed";
        } catch (InterruptedException e) {
          outcome[id] = "interrupted";
          bank.transfer(id, (id + 1) % 4, 1); // and the interrupted thread keeps committing
          outcome[id] = "interrupted, then committed";
        } catch (Throwable t) {
          outcome[id] = "threw " + t;
        }
      }, "waiter-" + w);
      threads[w].setDaemon(true);
      threads[w].start();
    }
    Thread.sleep(300); // let them reach the retry (if one has not yet, its wait() sees the interrupt)
    threads[0].interrupt();
    threads[0].join(60_000);
    expect("interrupted, then committed".equals(outcome[0]), "the interrupted waiter: " + outcome[0] + "\n" + Stacks.of(threads[0]));
    expect(threads[1].isAlive() && threads[2].isAlive(), "the other waiters left before the gate opened: "
        + outcome[1] + ", " + outcome[2]);
    traffic.expectProgress();
    gate.open();
    for (int w = 1; w < waiters; w++) {
      threads[w].join(60_000);
      expect("passed".equals(outcome[w]), "waiter " + w + ": " + outcome[w] + "\n" + Stacks.of(threads[w]));
    }
    Faults.expectRecovered(bank, traffic, bank.expectedTotal());
  }
}
