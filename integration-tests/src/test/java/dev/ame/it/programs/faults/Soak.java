package dev.ame.it.programs.faults;

import dev.ame.Atomic;
import dev.ame.collections.TxMap;
import dev.ame.it.programs.Statistics;
import dev.ame.it.programs.legacy.BoundedBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A soak run (not part of CI; {@code scripts/soak.sh}): a mixed workload for minutes with the agent
 * — bank transfers, transfers that throw at random points, word counts in a {@link TxMap}, a
 * producer and a consumer through the legacy {@link BoundedBuffer} (its {@code synchronized}
 * methods are blocks whose {@code wait()} retries, under the script's config) — printing progress every
 * 30 s (commits, aborts, heap used after a GC). At the end it checks the invariants (the bank's
 * total, less what blocks that threw left debited; the word counts; every item consumed once),
 * that the heap after GC stayed flat (the last third of the samples not above the first third by
 * more than 25% + 16 MB), and that the runtime counted at least as many commits as the program ran
 * blocks.
 *
 * <p>Usage: {@code Soak minutes}; exit 0 and "OK soak" when every check holds.
 */
public final class Soak {
  private static final int WORDS = 512;

  /** Counts words in a TxMap: blocks on different words never conflict. */
  static final class Words {
    final TxMap<Integer, long[]> counts = new TxMap<>();

    Words() {
      for (int w = 0; w < WORDS; w++) {
        counts.put(w, new long[1]);
      }
    }

    @Atomic
    void count(int word) {
      counts.get(word)[0]++;
    }

    @Atomic
    long total() {
      long sum = 0;
      for (int w = 0; w < WORDS; w++) {
        sum += counts.get(w)[0];
      }
      return sum;
    }
  }

  private static volatile boolean stopped;
  private static volatile boolean workerFailed;

  public static void main(String[] args) throws Exception {
    double minutes = Double.parseDouble(args.length > 0 ? args[0] : "10");
    Bank bank = new Bank(64);
    ThrowingBlocks.FaultyTransfer faulty = new ThrowingBlocks.FaultyTransfer(bank);
    Words words = new Words();
    BoundedBuffer buffer = new BoundedBuffer(16); // legacy synchronized code: blocks under soak.sh's config
    AtomicLongArray blocks = new AtomicLongArray(8); // blocks each worker ran (committed)
    AtomicLong leaked = new AtomicLong();
    AtomicLong produced = new AtomicLong();
    AtomicLong consumed = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    workers.add(worker("transfers-0", () -> {
      bank.transfer(Work.pick(64), Work.pick(64), 1 + Work.pick(9));
      blocks.incrementAndGet(0);
    }));
    workers.add(worker("transfers-1", () -> {
      bank.transfer(Work.pick(64), Work.pick(64), 1 + Work.pick(9));
      blocks.incrementAndGet(1);
    }));
    workers.add(worker("throwing-transfers", () -> {
      int from = Work.pick(64);
      int point = Work.pick(4);
      long amount = 1 + Work.pick(9);
      try {
        faulty.transfer(from, (from + 1 + Work.pick(63)) % 64, amount, point, Work.pick(ThrowingBlocks.Raiser.KINDS), Work.pick(3));
      } catch (Throwable t) {
        if (point == 1) {
          leaked.addAndGet(amount);
        }
      }
      blocks.incrementAndGet(2);
    }));
    workers.add(worker("words-0", () -> {
      words.count(Work.pick(WORDS));
      blocks.incrementAndGet(3);
    }));
    workers.add(worker("words-1", () -> {
      words.count(Work.pick(WORDS));
      blocks.incrementAndGet(4);
    }));
    workers.add(worker("producer", () -> {
      long next = produced.get() + 1;
      buffer.put(next);
      produced.set(next);
      blocks.incrementAndGet(5);
    }));
    Thread consumer = new Thread(() -> { // takes until the end mark (-1), which main puts after the producer stopped
      try {
        for (long item = buffer.take(); item != -1; item = buffer.take()) {
          consumed.addAndGet(item);
          blocks.incrementAndGet(6);
        }
      } catch (InterruptedException e) {
        System.out.println("FAIL the consumer was interrupted");
        workerFailed = true;
      }
    }, "consumer");
    consumer.setDaemon(true);
    workers.add(consumer);
    workers.forEach(Thread::start);

    List<Long> heapSamples = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + (long) (minutes * 60e9);
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(30_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      long heap = heapAfterGc();
      heapSamples.add(heap);
      System.out.printf("%6.0f s  commits %d  aborts %d  heap after GC %d MB  (blocks run %d)%n",
          (System.nanoTime() - start) / 1e9, Statistics.counter(Statistics.snapshot(), "commits"),
          Statistics.counter(Statistics.snapshot(), "aborts"), heap >> 20, sum(blocks));
    }
    stopped = true;
    for (Thread w : workers) {
      if (w == consumer) {
        buffer.put(-1);
      }
      w.join(60_000);
      if (w.isAlive()) {
        System.out.println("FAIL " + w.getName() + " does not stop\n" + Stacks.of(w));
        System.exit(1);
      }
    }

    List<String> failures = new ArrayList<>();
    if (workerFailed) {
      failures.add("a worker stopped early (see above)");
    }
    long n = produced.get();
    if (bank.total() != bank.expectedTotal() - leaked.get()) {
      failures.add("bank total " + bank.total() + ", expected " + (bank.expectedTotal() - leaked.get()));
    }
    long counted = blocks.get(3) + blocks.get(4);
    if (words.total() != counted) {
      failures.add("word counts " + words.total() + ", counted " + counted);
    }
    long taken = blocks.get(6);
    if (taken != n || consumed.get() != n * (n + 1) / 2) {
      failures.add("consumed " + taken + " items summing to " + consumed.get() + " of " + n + " produced");
    }
    int third = Math.max(1, heapSamples.size() / 3);
    double first = heapSamples.subList(0, third).stream().mapToLong(Long::longValue).average().orElse(0);
    double last = heapSamples.subList(heapSamples.size() - third, heapSamples.size()).stream().mapToLong(Long::longValue).average().orElse(0);
    System.out.printf("heap after GC: first third %.1f MB, last third %.1f MB%n", first / (1 << 20), last / (1 << 20));
    if (last > first * 1.25 + (16 << 20)) {
      failures.add("the heap grew: " + (long) first + " -> " + (long) last + " bytes");
    }
    long commits = Statistics.counter(Statistics.snapshot(), "commits");
    if (commits < sum(blocks)) {
      failures.add("the runtime counted " + commits + " commits for " + sum(blocks) + " blocks run");
    }
    System.out.println("blocks run " + sum(blocks) + " (transfers " + (blocks.get(0) + blocks.get(1)) + ", throwing "
        + blocks.get(2) + ", words " + counted + ", produced " + blocks.get(5) + ", consumed " + taken + "); "
        + Statistics.describe());
    failures.forEach(f -> System.out.println("FAIL " + f));
    System.out.println(failures.isEmpty() ? "OK soak" : "FAIL soak");
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  interface Step {
    void run() throws Exception;
  }

  private static Thread worker(String name, Step step) {
    Thread t = new Thread(() -> {
      try {
        while (!stopped) {
          step.run();
        }
      } catch (Exception e) {
        System.out.println("FAIL " + name + " stopped: " + e);
        workerFailed = true;
      }
    }, name);
    t.setDaemon(true);
    return t;
  }

  private static long heapAfterGc() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static long sum(AtomicLongArray a) {
    long s = 0;
    for (int i = 0; i < a.length(); i++) {
      s += a.get(i);
    }
    return s;
  }
}
