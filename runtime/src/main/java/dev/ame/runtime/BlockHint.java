package dev.ame.runtime;

/**
 * What a thread has learned about one atomic block (by name): whether its attempts are likely to
 * write nothing. A speculative attempt of a block that keeps committing read-only skips its read
 * log ({@link Speculation}); one that then has to log after all (a newer orec, a late write that
 * could not commit unlogged) makes the block wait longer before it skips again.
 */
final class BlockHint {
  private static final int MIN_STREAK = 2;
  private static final int MAX_STREAK = 1 << 16;

  final String name;
  private int readOnlyStreak;
  private int streakNeeded = MIN_STREAK;

  BlockHint(String name) {
    this.name = name;
  }

  /** Whether the next attempt may skip its read log. */
  boolean expectsReadOnly() {
    return readOnlyStreak >= streakNeeded;
  }

  /** The block committed; {@code wrote}: it wrote something; {@code logged}: its attempt logged its reads. */
  void committed(boolean wrote, boolean logged) {
    if (wrote) {
      readOnlyStreak = 0;
    } else if (readOnlyStreak < MAX_STREAK) {
      readOnlyStreak++;
    }
    if (!logged && streakNeeded > MIN_STREAK) {
      streakNeeded--; // skipping the log worked: trust it a little sooner next time
    }
  }

  /** An attempt that skipped its read log had to re-run with it. */
  void neededReadLog() {
    readOnlyStreak = 0;
    if (streakNeeded < MAX_STREAK) {
      streakNeeded <<= 1;
    }
  }
}
