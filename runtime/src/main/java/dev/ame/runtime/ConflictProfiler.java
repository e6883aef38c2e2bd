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
 * and commit paths; on ({@code report=FILE}), each block start reads the clock and each commit
 * updates a table.
 */
public final class ConflictProfiler {
  private static volatile boolean enabled;
  /** Per orec, the block that last committed a write to it (racy: a diagnostic, not a proof). */
  private static volatile String[] lastWriter;

  private static final ConcurrentHashMap<String, Conflict> CONFLICTS = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, Block> BLOCKS = new ConcurrentHashMap<>();
  private static final LongAdder WAITED = new LongAdder();

  private ConflictProfiler() {}

  /** Turns profiling on (idempotent). */
  public static synchronized void enable() {
    if (!enabled) {
      lastWriter = new String[Orecs.MASK + 1];
      enabled = true;
    }
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

  /** One atomic block (by name). */
  static final class Block {
    final String name;
    final LongAdder commits = new LongAdder();
    final LongAdder aborts = new LongAdder();
    final LongAdder nanos = new LongAdder();
    /** Commits that took 1, 2, 3-4, 5-8, 9+ attempts. */
    final LongAdder[] attempts = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};

    Block(String name) {
      this.name = name;
    }
  }

  static void recordWriter(int orec, String block) {
    String[] table = lastWriter;
    if (table != null) {
      table[orec] = block;
    }
  }

  static String lastWriterOf(int orec) {
    String[] table = lastWriter;
    String w = table == null || orec < 0 ? null : table[orec];
    return w == null ? "?" : w;
  }

  static void recordAbort(String block, String location, int readSite, String writtenBy, long wastedNanos) {
    String key = block + '\u0000' + location + '\u0000' + readSite + '\u0000' + writtenBy;
    Conflict c = CONFLICTS.computeIfAbsent(key, k -> new Conflict(block, location, Sites.describe(readSite), writtenBy));
    c.aborts.increment();
    c.wastedNanos.add(wastedNanos);
    BLOCKS.computeIfAbsent(block, Block::new).aborts.increment();
  }

  static void recordCommit(String block, int attempts, long nanos) {
    Block b = BLOCKS.computeIfAbsent(block, Block::new);
    b.commits.increment();
    b.nanos.add(nanos);
    b.attempts[attempts <= 1 ? 0 : attempts == 2 ? 1 : attempts <= 4 ? 2 : attempts <= 8 ? 3 : 4].increment();
  }

  static void recordWait(long nanos) {
    WAITED.add(nanos);
  }

  static List<Conflict> conflicts() {
    List<Conflict> out = new ArrayList<>(CONFLICTS.values());
    out.sort(Comparator.comparingLong((Conflict c) -> c.wastedNanos.sum()).reversed());
    return out;
  }

  static List<Block> blocks() {
    List<Block> out = new ArrayList<>(BLOCKS.values());
    out.sort(Comparator.comparingLong((Block b) -> b.aborts.sum()).reversed().thenComparing(b -> b.name));
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

  static Map<String, Long> irrevocableCauses() {
    return Txn.irrevocableCauses();
  }
}
