package dev.ame.bench;

/** One bank transfer, as a variant runs it. */
@FunctionalInterface
interface Transfer {
  /** Moves {@code amount} unless the source has less; returns whether it moved. */
  boolean transfer(int from, int to, long amount);
}
