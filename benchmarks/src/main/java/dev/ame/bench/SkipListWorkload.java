package dev.ame.bench;

/**
 * One skip-list set of keys 0..16383 (about half present), 10% updates; thread {@code t} only uses
 * keys of its own half. The structure is shared, so two threads conflict only when an update
 * relinks a tower that the other thread's block went through (rare: low conflict, not zero).
 *
 * <p>Each variant has its own driver loop on purpose, see {@link BankWorkload}.
 */
final class SkipListWorkload implements Workload {
  static final int KEYS = 16_384;
  private static final int PER_THREAD = KEYS / 2;
  private static final int BATCH = 64;

  private final SkipListSet set = new SkipListSet();

  SkipListWorkload() {
    long rng = 3;
    for (int added = 0; added < KEYS / 2; ) {
      rng = Rng.next(rng);
      if (set.add(Rng.below(rng, KEYS), SkipListSet.height(rng))) {
        added++;
      }
    }
  }

  @Override
  public long runPlain(int thread, long seed, StopSignal stop) {
    int first = thread * PER_THREAD;
    long rng = seed;
    long ops = 0;
    long hits = 0;
    do {
      for (int i = 0; i < BATCH; i++) {
        rng = Rng.next(rng);
        if (set.executePlain((int) ((rng & 0xFFFF) % 100), first + Rng.below(rng, PER_THREAD), SkipListSet.height(rng >>> 16))) {
          hits++;
        }
      }
      ops += BATCH;
    } while (!stop.requested());
    Sink.consume(hits);
    return ops;
  }

  @Override
  public long runLocked(int thread, long seed, StopSignal stop) {
    int first = thread * PER_THREAD;
    long rng = seed;
    long ops = 0;
    long hits = 0;
    do {
      for (int i = 0; i < BATCH; i++) {
        rng = Rng.next(rng);
        if (set.executeLocked((int) ((rng & 0xFFFF) % 100), first + Rng.below(rng, PER_THREAD), SkipListSet.height(rng >>> 16))) {
          hits++;
        }
      }
      ops += BATCH;
    } while (!stop.requested());
    Sink.consume(hits);
    return ops;
  }

  @Override
  public long runAtomic(int thread, long seed, StopSignal stop) {
    int first = thread * PER_THREAD;
    long rng = seed;
    long ops = 0;
    long hits = 0;
    do {
      for (int i = 0; i < BATCH; i++) {
        rng = Rng.next(rng);
        if (set.executeAtomic((int) ((rng & 0xFFFF) % 100), first + Rng.below(rng, PER_THREAD), SkipListSet.height(rng >>> 16))) {
          hits++;
        }
      }
      ops += BATCH;
    } while (!stop.requested());
    Sink.consume(hits);
    return ops;
  }

  /** Null when the skip list is well formed, else what went wrong. */
  @Override
  public String check() {
    return set.check();
  }
}
