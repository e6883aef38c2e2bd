package dev.ame.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every scenario the harness knows, by the key that selects it, in the order they run. */
final class Scenarios {
  /** The update percentages the tree and hash-set scenarios run at. */
  private static final int[] UPDATE_PERCENTAGES = {0, 10, 50};
  private static final Map<String, Supplier<Scenario>> ALL = new LinkedHashMap<>();
  private static final Pattern CUSTOM = Pattern.compile("(rbtree|hash)-(\\d{1,3})");

  static {
    ALL.put("bank", BankScenarios::disjoint);
    ALL.put("bank-random", BankScenarios::random);
    ALL.put("list", ListScenario::create);
    ALL.put("skip", SkipListScenario::create);
    for (int percent : UPDATE_PERCENTAGES) {
      ALL.put("rbtree-" + percent, () -> SetScenarios.redBlack(percent));
    }
    for (int percent : UPDATE_PERCENTAGES) {
      ALL.put("hash-" + percent, () -> SetScenarios.hash(percent));
    }
    ALL.put("reservation", ReservationScenarios::standard);
    ALL.put("reservation-heavy", ReservationScenarios::heavy);
    ALL.put("graph", GraphScenario::create);
    ALL.put("counter", StructureScenarios::counter);
    ALL.put("map", StructureScenarios::map);
    ALL.put("treemap-range", JdkScenarios::treeMapRange);
    ALL.put("arraylist", JdkScenarios::arrayList);
    ALL.put("print", PrintScenario::create);
    ALL.put("queue", StructureScenarios::queue);
  }

  private Scenarios() {}

  /** The keys, in running order. */
  static List<String> keys() {
    return List.copyOf(ALL.keySet());
  }

  /**
   * Whether {@code key} selects something: a key; a family of them ({@code rbtree} for every
   * {@code rbtree-N}); or a tree or hash set at another update percentage ({@code hash-25}).
   */
  static boolean known(String key) {
    return !select(List.of(key)).isEmpty();
  }

  /** The scenarios that {@code keys} select (all of them when empty), in running order. */
  static List<Scenario> select(List<String> keys) {
    List<Scenario> selected = new ArrayList<>();
    ALL.forEach((key, scenario) -> {
      if (keys.isEmpty() || keys.stream().anyMatch(k -> k.equals(key) || key.matches(Pattern.quote(k) + "-\\d+"))) {
        selected.add(scenario.get());
      }
    });
    for (String key : keys) {
      Matcher custom = CUSTOM.matcher(key);
      if (!ALL.containsKey(key) && custom.matches() && Integer.parseInt(custom.group(2)) <= 100) {
        int percent = Integer.parseInt(custom.group(2));
        selected.add(custom.group(1).equals("rbtree") ? SetScenarios.redBlack(percent) : SetScenarios.hash(percent));
      }
    }
    return selected;
  }
}
