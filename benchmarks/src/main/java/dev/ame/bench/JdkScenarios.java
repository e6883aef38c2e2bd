package dev.ame.bench;

/**
 * JDK library code inside blocks (issue 13), beside the {@code map} workload's {@code HashMap}: a
 * shared {@code TreeMap} scanned by ranges and updated by moves, and 64 {@code ArrayList}s read
 * and rearranged. Thread {@code t} draws keys (lists) of its own range of one shared structure,
 * so blocks rarely touch the same entries. Each runs uninstrumented (one thread only: plain code
 * on shared data would race), under the global lock and as an {@code @Atomic} method that calls
 * the JDK's code; until the runtime runs that code speculatively, those blocks are irrevocable.
 */
final class JdkScenarios {
  private static final Keys TREE_RANGES = new Keys(TreeMapRanges.KEYS, true);
  private static final Keys LIST_RANGES = new Keys(ArrayLists.LISTS, true);

  private JdkScenarios() {}

  static Scenario treeMapRange() {
    return Scenario.named("treemap-range", "TreeMap range sums")
        .oneThread(Variant.UNINSTRUMENTED, () -> Workload.shared(TreeMapRanges::new, TREE_RANGES,
            map -> map::executePlain, TreeMapRanges::check))
        .add(Variant.GLOBAL_LOCK, () -> Workload.shared(TreeMapRanges::new, TREE_RANGES,
            map -> map::executeLocked, TreeMapRanges::check))
        .add(Variant.AME, () -> Workload.shared(TreeMapRanges::new, TREE_RANGES,
            map -> map::executeAtomic, TreeMapRanges::check))
        .build();
  }

  static Scenario arrayList() {
    return Scenario.named("arraylist", "ArrayLists")
        .oneThread(Variant.UNINSTRUMENTED, () -> Workload.shared(ArrayLists::new, LIST_RANGES,
            lists -> lists::executePlain, ArrayLists::check))
        .add(Variant.GLOBAL_LOCK, () -> Workload.shared(ArrayLists::new, LIST_RANGES,
            lists -> lists::executeLocked, ArrayLists::check))
        .add(Variant.AME, () -> Workload.shared(ArrayLists::new, LIST_RANGES,
            lists -> lists::executeAtomic, ArrayLists::check))
        .build();
  }
}
