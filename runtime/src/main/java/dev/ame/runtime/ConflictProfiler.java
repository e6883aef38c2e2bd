package dev.ame.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where time is lost: aborted attempts (by contended location, the line that read it and the
 * block that wrote it), irrevocable runs (by cause) and, per block, commits, aborts and how many
 * attempts each commit took. Off by default, and then it costs one test of a flag on the abort
 * and commit paths. On ({@code report=FILE}, or a JFR recording of AME's events), a block's
 * start and end read a coarse clock that a daemon thread advances (a volatile read, where
 * {@code System.nanoTime} would cost more than a small block), and each thread counts its
 * blocks in its own table; only aborts touch shared tables.
 */
public final class ConflictProfiler {
  private static volatile boolean enabled;
  /**
   * Per orec, the block that last committed a write to it (racy: a diagnostic, not a proof).
   * Kept only for orecs where an abort happened ({@link #watched}): a commit then pays one bit
   * test per written orec instead of a reference store into a 1M-entry table, and hot spots,
   * which abort again and again, still get their writer named from their second abort on.
   */
  private static volatile String[] lastWriter;
  /** One bit per orec: an abort was seen there, so its writers are recorded. */
  private static volatile long[] watched;
  /** Whether any orec is watched: until the first abort, commits record no writer at all. */
  private static volatile boolean watchesAny;

  private static final ConcurrentHashMap<String, Conflict> CONFLICTS = new ConcurrentHashMap<>();
  private static final LongAdder WAITED = new LongAdder();

  private ConflictProfiler() {}

  private static volatile long clockNanos;
  private static final java.util.concurrent.ConcurrentLinkedQueue<Block> ALL_BLOCKS = new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** Turns profiling on (idempotent). */
  public static synchronized void enable() {
    if (!enabled) {
      lastWriter = new String[Orecs.MASK + 1];
      watched = new long[(Orecs.MASK + 1) >>> 6];
      clockNanos = System.nanoTime();
      Thread ticker = new Thread(ConflictProfiler::tick, "ame-profiler-clock");
      ticker.setDaemon(true);
      ticker.start();
      enabled = true;
    }
  }

  /**
   * Advances the coarse clock about every 50 microseconds. A duration measured with it is
   * quantized, but without bias: summed over many blocks it converges to the true total.
   */
  private static void tick() {
    while (true) {
      clockNanos = System.nanoTime();
      java.util.concurrent.locks.LockSupport.parkNanos(50_000);
    }
  }

  /** The coarse clock (nanoseconds). */
  static long now() {
    return clockNanos;
  }

  static boolean enabled() {
    return enabled;
  }

  /** One contended location, as read at one line and written by one block. */
  static final class Conflict {
    final String block;
    final String location;
    final String readAt;
    final String writtenBy;
    final LongAdder aborts = new LongAdder();
    final LongAdder wastedNanos = new LongAdder();

    Conflict(String block, String location, String readAt, String writtenBy) {
      this.block = block;
      this.location = location;
      this.readAt = readAt;
      this.writtenBy = writtenBy;
    }
  }

  /** One atomic block (by name), as counted by one thread; reports add the threads up. */
  static final class Block {
    final String name;
    long commits;
    long aborts;
    long nanos;
    /** Commits that took 1, 2, 3-4, 5-8, 9+ attempts. */
    final long[] attempts = new long[5];

    Block(String name) {
      this.name = name;
    }

    void add(Block other) {
      commits += other.commits;
      aborts += other.aborts;
      nanos += other.nanos;
      for (int i = 0; i < attempts.length; i++) {
        attempts[i] += other.attempts[i];
      }
    }
  }

  /** A thread's own block table: no sharing on the commit path. */
  static final class ThreadBlocks {
    private final java.util.HashMap<String, Block> byName = new java.util.HashMap<>();
    private String lastName;
    private Block last;

    Block of(String name) {
      if (name == lastName) {
        return last; // block names are class-file constants: the same string each time
      }
      Block b = byName.get(name);
      if (b == null) {
        b = new Block(name);
        byName.put(name, b);
        ALL_BLOCKS.add(b);
      }
      lastName = name;
      last = b;
      return b;
    }
  }

  /** Whether commits should call {@link #recordWriter}: profiling, and some orec saw an abort. */
  static boolean recordsWriters() {
    return enabled && watchesAny;
  }

  static void recordWriter(int orec, String block) {
    long[] bits = watched;
    if (bits != null && (bits[orec >>> 6] & (1L << orec)) != 0) {
      lastWriter[orec] = block;
    }
  }

  /** The block that last wrote to {@code orec}, or "?"; from now on its writers are recorded. */
  static String lastWriterOf(int orec) {
    String[] table = lastWriter;
    long[] bits = watched;
    if (table == null || orec < 0) {
      return "?";
    }
    if ((bits[orec >>> 6] & (1L << orec)) == 0) {
      synchronized (ConflictProfiler.class) {
        bits[orec >>> 6] |= 1L << orec; // rare (first abort at an orec); racy readers only miss a writer
        watchesAny = true;
      }
    }
    String w = table[orec];
    return w == null ? "?" : w;
  }

  static void recordAbort(ThreadBlocks mine, String block, String location, int readSite, String writtenBy, long wastedNanos) {
    String key = block + '\u0000' + location + '\u0000' + readSite + '\u0000' + writtenBy;
    Conflict c = CONFLICTS.computeIfAbsent(key, k -> new Conflict(block, location, Sites.describe(readSite), writtenBy));
    c.aborts.increment();
    c.wastedNanos.add(wastedNanos);
    mine.of(block).aborts++;
  }

  /**
   * A wait, at a read of a location newer than the attempt's snapshot, for the commit writing it
   * back to finish: contention that cost time without an abort.
   */
  static void recordLockWait(String block, String location, int readSite, String writtenBy, long waitedNanos) {
    String key = block + '\u0000' + location + '\u0000' + readSite + '\u0000' + writtenBy;
    Conflict c = CONFLICTS.computeIfAbsent(key, k -> new Conflict(block, location, Sites.describe(readSite), writtenBy));
    c.wastedNanos.add(waitedNanos);
  }

  static void recordCommit(ThreadBlocks mine, String block, int attempts, long nanos) {
    Block b = mine.of(block);
    b.commits++;
    b.nanos += nanos;
    b.attempts[attempts <= 1 ? 0 : attempts == 2 ? 1 : attempts <= 4 ? 2 : attempts <= 8 ? 3 : 4]++;
  }

  static void recordWait(long nanos) {
    WAITED.add(nanos);
  }

  static List<Conflict> conflicts() {
    List<Conflict> out = new ArrayList<>(CONFLICTS.values());
    out.sort(Comparator.comparingLong((Conflict c) -> c.wastedNanos.sum()).reversed());
    return out;
  }

  /** Every block, the threads' counts added up (exact once those threads are done). */
  static List<Block> blocks() {
    java.util.TreeMap<String, Block> sums = new java.util.TreeMap<>();
    for (Block b : ALL_BLOCKS) {
      sums.computeIfAbsent(b.name, Block::new).add(b);
    }
    List<Block> out = new ArrayList<>(sums.values());
    out.sort(Comparator.comparingLong((Block b) -> b.aborts).reversed().thenComparing(b -> b.name));
    return out;
  }

  static long waitedNanos() {
    return WAITED.sum();
  }

  /** The top conflicts as one line each (for JMX). */
  public static String[] topConflicts(int limit) {
    List<String> lines = new ArrayList<>();
    for (Conflict c : conflicts()) {
      if (lines.size() == limit) {
        break;
      }
      lines.add(String.format("%d aborts, %.1f ms wasted: %s read at %s, written by %s (block %s)", c.aborts.sum(),
          c.wastedNanos.sum() / 1e6, c.location, c.readAt, c.writtenBy, c.block));
    }
    return lines.toArray(new String[0]);
  }

}
