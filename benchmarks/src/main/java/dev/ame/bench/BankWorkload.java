package dev.ame.bench;

/**
 * Transfers of 1..64 between two random accounts of a 1024-account bank. Thread {@code t} only
 * touches accounts of its own half, so two threads never conflict (the low-conflict workload),
 * while the global-lock variant still serializes them.
 *
 * <p>Each variant has its own driver loop, copied on purpose: a shared loop would see three
 * receivers at one call site and the JIT would inline none of them (JMH generates one loop per
 * benchmark for the same reason).
 */
final class BankWorkload implements Workload {
  static final int ACCOUNTS = 1024;
  private static final int PER_THREAD = ACCOUNTS / 2;
  private static final long INITIAL_BALANCE = 1_000_000;
  private static final int BATCH = 64;

  private final Bank bank = new Bank(ACCOUNTS, INITIAL_BALANCE);

  @Override
  public long runPlain(int thread, long seed, StopSignal stop) {
    int first = thread * PER_THREAD;
    long rng = seed;
    long ops = 0;
    long moved = 0;
    do {
      for (int i = 0; i < BATCH; i++) {
        rng = Rng.next(rng);
        if (bank.transferPlain(first + Rng.below(rng, PER_THREAD), first + (int) (rng & (PER_THREAD - 1)), 1 + ((rng >>> 20) & 63))) {
          moved++;
        }
      }
      ops += BATCH;
    } while (!stop.requested());
    Sink.consume(moved);
    return ops;
  }

  @Override
  public long runLocked(int thread, long seed, StopSignal stop) {
    int first = thread * PER_THREAD;
    long rng = seed;
    long ops = 0;
    long moved = 0;
    do {
      for (int i = 0; i < BATCH; i++) {
        rng = Rng.next(rng);
        if (bank.transferLocked(first + Rng.below(rng, PER_THREAD), first + (int) (rng & (PER_THREAD - 1)), 1 + ((rng >>> 20) & 63))) {
          moved++;
        }
      }
      ops += BATCH;
    } while (!stop.requested());
    Sink.consume(moved);
    return ops;
  }

  @Override
  public long runAtomic(int thread, long seed, StopSignal stop) {
    int first = thread * PER_THREAD;
    long rng = seed;
    long ops = 0;
    long moved = 0;
    do {
      for (int i = 0; i < BATCH; i++) {
        rng = Rng.next(rng);
        if (bank.transferAtomic(first + Rng.below(rng, PER_THREAD), first + (int) (rng & (PER_THREAD - 1)), 1 + ((rng >>> 20) & 63))) {
          moved++;
        }
      }
      ops += BATCH;
    } while (!stop.requested());
    Sink.consume(moved);
    return ops;
  }

  /** Null when no money was created or lost, else what went wrong. */
  @Override
  public String check() {
    long expected = ACCOUNTS * INITIAL_BALANCE;
    long total = bank.total();
    return total == expected ? null : "bank total " + total + ", expected " + expected;
  }
}
