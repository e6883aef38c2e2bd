package dev.ame.bench;

/**
 * A way of running a workload's operations. The {@link Kind} says what role it plays in the
 * ratios; the label names it in the table, the results file and the chart's legend.
 *
 * @param label what the table and the chart call it
 * @param kind its role in the ratios
 */
record Variant(String label, Kind kind) {
  /** The roles the ratios know. */
  enum Kind {
    /** the original code, no synchronization: the reference of the single-thread cost */
    UNINSTRUMENTED,
    /** every operation of every thread under one lock: the "GIL" of the N-thread bars */
    GLOBAL_LOCK,
    /** hand-made concurrency: fine-grained locks or java.util.concurrent */
    CONCURRENT,
    /** an {@code @Atomic} block */
    AME,
    /** another STM, in its own idiom */
    PEER,
    /** a piece of another variant's operation run alone (the print without the block), to price that piece */
    PART
  }

  static final Variant UNINSTRUMENTED = new Variant("uninstrumented", Kind.UNINSTRUMENTED);
  static final Variant GLOBAL_LOCK = new Variant("global lock", Kind.GLOBAL_LOCK);
  static final Variant AME = new Variant("AME @Atomic", Kind.AME);
  static final Variant MULTIVERSE = new Variant("Multiverse 0.7", Kind.PEER);
  static final Variant SCALA_STM = new Variant("ScalaSTM 0.11", Kind.PEER);
  static final Variant CLOJURE = new Variant("Clojure refs 1.12", Kind.PEER);

  /** A java.util.concurrent class or fine-grained locking, named by what it uses. */
  static Variant concurrent(String label) {
    return new Variant(label, Kind.CONCURRENT);
  }

  /** A piece of another variant's operation, run alone. */
  static Variant part(String label) {
    return new Variant(label, Kind.PART);
  }

  /** Another {@code @Atomic} variant, named by what its block uses. */
  static Variant ame(String label) {
    return new Variant(label, Kind.AME);
  }
}
