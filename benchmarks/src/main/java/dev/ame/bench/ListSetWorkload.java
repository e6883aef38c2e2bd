package dev.ame.bench;

/**
 * Sorted-linked-list set of keys 0..999 (about 500 present), 10% updates. Each thread owns one list
 * (disjoint data, the low-conflict case); the global-lock variant guards both lists with one lock.
 *
 * <p>Each variant has its own driver loop on purpose, see {@link BankWorkload}.
 */
final class ListSetWorkload implements Workload {
  static final int KEYS = 1000;
  private static final int BATCH = 64;

  private final SortedListSet[] lists = {filled(1), filled(2)};

  private static SortedListSet filled(long seed) {
    SortedListSet list = new SortedListSet();
    long rng = seed;
    for (int added = 0; added < KEYS / 2; ) {
      rng = Rng.next(rng);
      if (list.add(Rng.below(rng, KEYS))) {
        added++;
      }
    }
    return list;
  }

  @Override
  public long runPlain(int thread, long seed, StopSignal stop) {
    SortedListSet list = lists[thread];
    long rng = seed;
    long ops = 0;
    long hits = 0;
    do {
      for (int i = 0; i < BATCH; i++) {
        rng = Rng.next(rng);
        if (list.executePlain((int) ((rng & 0xFFFF) % 100), Rng.below(rng, KEYS))) {
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
    SortedListSet list = lists[thread];
    long rng = seed;
    long ops = 0;
    long hits = 0;
    do {
      for (int i = 0; i < BATCH; i++) {
        rng = Rng.next(rng);
        if (list.executeLocked((int) ((rng & 0xFFFF) % 100), Rng.below(rng, KEYS))) {
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
    SortedListSet list = lists[thread];
    long rng = seed;
    long ops = 0;
    long hits = 0;
    do {
      for (int i = 0; i < BATCH; i++) {
        rng = Rng.next(rng);
        if (list.executeAtomic((int) ((rng & 0xFFFF) % 100), Rng.below(rng, KEYS))) {
          hits++;
        }
      }
      ops += BATCH;
    } while (!stop.requested());
    Sink.consume(hits);
    return ops;
  }

  /** Null when both lists are well formed, else what went wrong. */
  @Override
  public String check() {
    for (SortedListSet list : lists) {
      String problem = list.check();
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }
}
