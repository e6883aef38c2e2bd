package dev.ame.bench;

/**
 * One operation of a workload variant, its arguments drawn from a random state. Each variant is
 * its own lambda, so the call to the data structure inside it sees one receiver.
 */
@FunctionalInterface
interface Operation {
  /**
   * @param rng a fresh xorshift state: the operation's arguments come from its bits
   * @return a result folded into the checksum (a hit, a successful transfer)
   */
  boolean apply(long rng);
}
