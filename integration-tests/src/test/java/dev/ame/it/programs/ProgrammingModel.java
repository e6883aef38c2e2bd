package dev.ame.it.programs;

import static dev.ame.it.programs.Checks.expect;

import dev.ame.Ame;
import dev.ame.AtomicExecutor;
import dev.ame.Atomic;
import dev.ame.TxCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The AME programming model: parallel loops (unordered and ordered), the atomic executor and the
 * commutative counter. Each check prints "OK name" or "FAIL name: why"; exit 1 if any failed.
 *
 * <p>Usage: {@code ProgrammingModel iterations}.
 */
public final class ProgrammingModel {
  private static final Checks CHECKS = new Checks();
  private static int n;

  public static void main(String[] args) {
    n = Integer.parseInt(args[0]);
    CHECKS.check("parallelFor_everyIterationOnceAsABlock", ProgrammingModel::parallelFor);
    CHECKS.check("parallelForOrdered_equalsTheSequentialLoop", ProgrammingModel::ordered);
    CHECKS.check("parallelForOrdered_exceptionStopsLaterIterations", ProgrammingModel::orderedException);
    CHECKS.check("parallelForOrdered_irrevocableBlocksWaitForTheirTurn", ProgrammingModel::orderedIrrevocable);
    CHECKS.check("atomicExecutor_tasksAreBlocks", ProgrammingModel::executor);
    CHECKS.check("txCounter_incrementsNeverConflict", ProgrammingModel::counter);
    CHECKS.check("txQueue_appendsNeverConflictAndEveryItemIsTakenOnce", ProgrammingModel::queue);
    CHECKS.check("txMap_blocksOnDifferentKeysNeverConflict", ProgrammingModel::map);
    CHECKS.check("txCounter_getInsideBlocksIsSerializable", ProgrammingModel::counterTickets);
    System.out.println("transactions: " + Ame.statistics());
    CHECKS.exitIfFailed();
  }




  static long[] histogram = new long[16];
  static long[] squares;

  static void parallelFor() {
    squares = new long[n];
    histogram = new long[16];
    Ame.Statistics before = Ame.statistics();
    Ame.parallelFor(0, n, i -> {
      squares[i] = (long) i * i;
      histogram[i % 16]++;
    });
    for (int i = 0; i < n; i++) {
      expect(squares[i] == (long) i * i, "square " + i + " = " + squares[i]);
    }
    long total = 0;
    for (long h : histogram) {
      total += h;
    }
    expect(total == n, "histogram counts " + total + " iterations of " + n);
    Ame.Statistics delta = Ame.statistics().minus(before);
    expect(delta.commits() >= n && delta.irrevocableRuns() == 0, "iterations did not run as parallel blocks: " + delta);
    List<String> words = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    long[] lengths = {0};
    Ame.parallelFor(words, w -> lengths[0] += w.length());
    expect(lengths[0] == words.size(), "iterable loop: " + lengths[0]);
  }

  static long state;
  static int[] order;
  static int position;

  static void ordered() {
    state = 7;
    order = new int[n];
    position = 0;
    Ame.parallelForOrdered(0, n, i -> {
      state = state * 31 + i; // depends on the order of every iteration before
      order[position++] = i;
    });
    long expected = 7;
    for (int i = 0; i < n; i++) {
      expected = expected * 31 + i;
      expect(order[i] == i, "position " + i + " holds iteration " + order[i]);
    }
    expect(state == expected, "state " + state + ", sequential loop gives " + expected);
  }

  static void orderedException() {
    state = 0;
    int k = n / 2;
    IllegalStateException planned = new IllegalStateException("iteration " + k);
    try {
      Ame.parallelForOrdered(0, n, i -> {
        state += 1;
        if (i == k) {
          throw planned;
        }
      });
      throw new AssertionError("the exception did not propagate");
    } catch (IllegalStateException e) {
      expect(e == planned, "another exception: " + e);
    }
    expect(state == k + 1, "state " + state + " but iterations 0.." + k + " should count " + (k + 1));
  }

  static void orderedIrrevocable() {
    // a concurrent JDK list (no twin): each block runs irrevocably, in place
    List<Integer> appended = new java.util.concurrent.CopyOnWriteArrayList<>();
    Ame.parallelForOrdered(0, n, i -> appended.add(i));
    expect(appended.size() == n, "appended " + appended.size() + " of " + n);
    for (int i = 0; i < n; i++) {
      expect(appended.get(i) == i, "position " + i + " holds " + appended.get(i));
    }
  }

  static final class Account {
    long balance;

    @Atomic
    long deposit(long amount) {
      balance += amount;
      return balance;
    }
  }

  static void executor() throws Exception {
    AtomicExecutor exec = AtomicExecutor.newFixedThreadPool(4);
    Account account = new Account();
    List<Future<Long>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(exec.submit(() -> {
        account.balance += 1;
        return account.balance;
      }));
      exec.execute(() -> account.balance += 10);
    }
    List<CompletableFuture<Long>> completable = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      completable.add(CompletableFuture.supplyAsync(() -> account.deposit(100), exec));
    }
    for (Future<Long> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    CompletableFuture.allOf(completable.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
    exec.shutdown();
    expect(exec.awaitTermination(60, TimeUnit.SECONDS), "the executor did not terminate");
    expect(account.balance == 111L * n, "balance " + account.balance + ", expected " + 111L * n);
  }

  static final TxCounter PROCESSED = new TxCounter();
  static long plainProcessed;

  static void counter() throws InterruptedException {
    long[] own = new long[8 * 4];
    Ame.Statistics before = Ame.statistics();
    runThreads(4, worker -> {
      for (int i = 0; i < n; i++) {
        Ame.atomic(() -> {
          own[worker * 8]++;
          PROCESSED.increment();
        });
      }
    });
    Ame.Statistics commutative = Ame.statistics().minus(before);
    expect(PROCESSED.get() == 4L * n, "counter " + PROCESSED.get() + ", expected " + 4L * n);
    expect(commutative.aborts() == 0, "commutative increments conflicted: " + commutative);
    before = Ame.statistics();
    runThreads(4, worker -> {
      for (int i = 0; i < n; i++) {
        Ame.atomic(() -> {
          own[worker * 8]++;
          plainProcessed++;
        });
      }
    });
    Ame.Statistics plain = Ame.statistics().minus(before);
    expect(plainProcessed == 4L * n, "plain counter " + plainProcessed);
    System.out.println("  commutative counter: " + commutative.aborts() + " aborts; plain field: " + plain.aborts() + " aborts");
  }

  static final TxCounter TICKETS = new TxCounter();

  /**
   * Blocks that read the counter and then increment it hand out tickets: in a serial order each
   * block sees a different count, so the tickets must be exactly 0..total-1, each once, however
   * the threads' increments are spread over the counter's cells.
   */
  static void counterTickets() throws InterruptedException {
    int perThread = Math.min(n, 5000);
    int total = 4 * perThread;
    int[] seen = new int[total];
    runThreads(4, worker -> {
      for (int i = 0; i < perThread; i++) {
        long ticket = Ame.atomic(() -> {
          long t = TICKETS.get();
          TICKETS.increment();
          return t;
        });
        synchronized (seen) {
          seen[(int) ticket]++;
        }
      }
    });
    for (int i = 0; i < total; i++) {
      expect(seen[i] == 1, "ticket " + i + " handed out " + seen[i] + " times");
    }
    expect(TICKETS.get() == total, "counter " + TICKETS.get() + ", expected " + total);
  }

  static final dev.ame.TxQueue<Integer> QUEUE = new dev.ame.TxQueue<>();

  static void queue() throws InterruptedException {
    long[] own = new long[8 * 4];
    Ame.Statistics before = Ame.statistics();
    runThreads(4, worker -> {
      for (int i = 0; i < n; i++) {
        int item = worker * n + i;
        Ame.atomic(() -> {
          own[worker * 8]++;
          QUEUE.add(item);
        });
      }
    });
    Ame.Statistics producing = Ame.statistics().minus(before);
    expect(producing.aborts() == 0, "appends conflicted: " + producing);
    int total = 4 * n;
    int[] seen = new int[total];
    int[] taken = {0};
    long[] consumed = {0};
    runThreads(2, worker -> {
      while (true) {
        Integer item = Ame.atomic(() -> {
          Integer x = QUEUE.poll();
          if (x != null) {
            consumed[0]++;
          }
          return x;
        });
        if (item == null) {
          return;
        }
        synchronized (seen) {
          seen[item]++;
          taken[0]++;
        }
      }
    });
    expect(taken[0] == total && consumed[0] == total, "taken " + taken[0] + ", counted " + consumed[0] + " of " + total);
    for (int i = 0; i < total; i++) {
      expect(seen[i] == 1, "item " + i + " taken " + seen[i] + " times");
    }
    expect(QUEUE.poll() == null, "items left over");
  }

  static final dev.ame.collections.TxMap<Integer, Long> MAP = new dev.ame.collections.TxMap<>(64);

  /**
   * Inserts from 4 threads (the map grows on the way), then updates of each thread's own keys:
   * the updates touch different keys only, so they must not conflict at all.
   */
  static void map() throws InterruptedException {
    int keys = Math.min(n, 2000);
    runThreads(4, worker -> {
      for (int i = 0; i < keys; i++) {
        int key = worker * keys + i;
        Ame.atomic(() -> {
          MAP.put(key, 0L);
        });
      }
    });
    expect(MAP.size() == 4 * keys, "size " + MAP.size() + ", expected " + 4 * keys);
    Ame.Statistics before = Ame.statistics();
    runThreads(4, worker -> {
      for (int round = 0; round < 5; round++) {
        for (int i = 0; i < keys; i++) {
          int key = worker * keys + i;
          Ame.atomic(() -> {
            MAP.put(key, MAP.get(key) + 1);
          });
        }
      }
    });
    Ame.Statistics updates = Ame.statistics().minus(before);
    for (int key = 0; key < 4 * keys; key++) {
      expect(MAP.get(key) == 5L, "key " + key + " holds " + MAP.get(key) + ", expected 5");
    }
    // Blocks on different keys never conflict; only two locations whose lock words share a stripe of
    // the 2^20-word table (about one pair in a million) can abort each other: a handful at most here,
    // where a real conflict between keys would abort thousands of these 40,000 blocks.
    expect(updates.aborts() <= updates.commits() / 10_000, "updates of different keys conflicted: " + updates);
    System.out.println("  TxMap updates of different keys: " + updates);
  }

  interface Worker {
    void run(int index);
  }

  static void runThreads(int count, Worker worker) throws InterruptedException {
    Thread[] threads = new Thread[count];
    for (int t = 0; t < count; t++) {
      int index = t;
      threads[t] = new Thread(() -> worker.run(index));
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
  }
}
