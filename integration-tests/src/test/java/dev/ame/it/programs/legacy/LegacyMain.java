package dev.ame.it.programs.legacy;

/**
 * Runs {@link LegacyBank} with threads on disjoint regions, then checks the totals. Prints the
 * runtime's counters when the agent is present (read reflectively: the program itself knows
 * nothing of AME).
 *
 * <p>Usage: {@code LegacyMain threads rounds}.
 */
public final class LegacyMain {
  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    int span = 64;
    LegacyBank bank = new LegacyBank(threads * span);
    for (int a = 0; a < threads * span; a++) {
      bank.deposit(a, 100);
    }
    Object before = stats();
    long start = System.nanoTime();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int base = t * span;
      workers[t] = new Thread(() -> {
        for (int r = 0; r < rounds; r++) {
          bank.shuffle(base, span, r * 31L + base);
          if (r % 100 == 0) {
            bank.deposit(base, 1);
          }
        }
      });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long deposits = (long) threads * ((rounds + 99) / 100);
    long expected = threads * span * 100L + deposits;
    System.out.printf("%d threads x %d rounds in %.3f s; total %d (expected %d); operations %d%n", threads, rounds, seconds,
        bank.total(), expected, bank.operations());
    System.out.println("transactions: " + delta(before, stats()));
    if (bank.total() != expected || bank.operations() != threads * span + deposits) {
      System.out.println("FAIL the legacy code lost or created money");
      System.exit(1);
    }
    System.out.println("OK legacy synchronized code stayed correct");
  }

  private static Object stats() {
    try {
      return Class.forName("dev.ame.Ame").getMethod("statistics").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  private static Object delta(Object before, Object after) throws ReflectiveOperationException {
    return after == null ? "no agent" : after.getClass().getMethod("minus", after.getClass()).invoke(after, before);
  }
}
