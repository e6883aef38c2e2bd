package dev.ame.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One workload measured in several variants: a group of bars in the chart.
 *
 * @param key the short name that selects it on the command line ({@code bank}, {@code list}, ...)
 * @param name what the table calls it
 * @param entries the variants, each with a supplier of fresh data
 */
record Scenario(String key, String name, List<Entry> entries) {
  /**
   * A variant of the scenario.
   *
   * @param variant how the operations run
   * @param data fresh data for one configuration
   * @param parallel false where several threads would race (plain code on shared data)
   */
  record Entry(Variant variant, Supplier<Workload> data, boolean parallel) {}

  /** Starts a scenario; add its variants in the order the table shows them. */
  static Builder named(String key, String name) {
    return new Builder(key, name);
  }

  /** Collects the variants of a scenario. */
  static final class Builder {
    private final String key;
    private final String name;
    private final List<Entry> entries = new ArrayList<>();

    private Builder(String key, String name) {
      this.key = key;
      this.name = name;
    }

    /** A variant measured at every thread count of the run. */
    Builder add(Variant variant, Supplier<Workload> data) {
      entries.add(new Entry(variant, data, true));
      return this;
    }

    /** A variant measured on one thread only: on more it would race. */
    Builder oneThread(Variant variant, Supplier<Workload> data) {
      entries.add(new Entry(variant, data, false));
      return this;
    }

    Scenario build() {
      return new Scenario(key, name, List.copyOf(entries));
    }
  }
}
