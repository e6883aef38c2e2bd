package dev.ame.samples.bank;

import dev.ame.Ame;
import java.util.SplittableRandom;

/**
 * Runs threads of random transfers, with auditors taking consistent totals meanwhile, then checks
 * that no money was created or lost.
 *
 * <pre>java -javaagent:agent/target/ame.jar -cp samples/target/ame-samples.jar dev.ame.samples.bank.BankDemo [threads] [transfers]</pre>
 */
public final class BankDemo {
  private BankDemo() {}

  public static void main(String[] args) throws InterruptedException {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int transfers = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int accounts = 64;
    long initial = 1_000;
    Bank bank = new Bank(accounts, initial);
    long expected = accounts * initial;
    long[] badAudits = new long[1];

    Thread[] workers = new Thread[threads];
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      workers[t] = new Thread(() -> {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < transfers; i++) {
          bank.transfer(random.nextInt(accounts), random.nextInt(accounts), random.nextInt(1, 50));
          if (i % 1000 == 0 && bank.total() != expected) {
            synchronized (badAudits) {
              badAudits[0]++;
            }
          }
        }
      });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long total = bank.total();
    System.out.printf("%d threads x %d transfers in %.2f s%n", threads, transfers, seconds);
    System.out.printf("total = %d (expected %d), audits that saw a wrong total: %d%n", total, expected, badAudits[0]);
    System.out.println("transactions: " + Ame.statistics());
    if (total != expected || badAudits[0] != 0) {
      System.out.println("FAILED: money was created or lost");
      System.exit(1);
    }
    System.out.println("OK: no money was created or lost");
  }
}
