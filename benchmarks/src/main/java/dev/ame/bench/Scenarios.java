package dev.ame.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every scenario the harness knows, by the key that selects it, in the order they run. */
final class Scenarios {
  private static final Map<String, Supplier<Scenario>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("bank", BankScenarios::disjoint);
    ALL.put("bank-random", BankScenarios::random);
    ALL.put("list", ListScenario::create);
    ALL.put("skip", SkipListScenario::create);
  }

  private Scenarios() {}

  /** The keys, in running order. */
  static List<String> keys() {
    return List.copyOf(ALL.keySet());
  }

  /**
   * The scenarios named by {@code keys} (all of them when empty), in running order.
   *
   * @throws IllegalArgumentException naming an unknown key and the known ones
   */
  static List<Scenario> select(List<String> keys) {
    for (String key : keys) {
      if (!ALL.containsKey(key)) {
        throw new IllegalArgumentException("unknown workload '" + key + "' (known: " + String.join(",", ALL.keySet())
            + ")");
      }
    }
    List<Scenario> selected = new ArrayList<>();
    ALL.forEach((key, scenario) -> {
      if (keys.isEmpty() || keys.contains(key)) {
        selected.add(scenario.get());
      }
    });
    return selected;
  }
}
