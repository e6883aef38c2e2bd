package dev.ame.bench;

/**
 * The object graph ({@link ObjectGraph}, a small STMBench7), read-dominated: 80% long read-only
 * traversals, 10% short ones, 10% short updates. Both threads walk the whole of one shared graph.
 * Uninstrumented code runs on one thread only.
 */
final class GraphScenario {
  private static final Keys NO_KEYS = new Keys(1, false); // the operations draw their paths from their seed

  private GraphScenario() {}

  static Scenario create() {
    return Scenario.named("graph", "object graph")
        .oneThread(Variant.UNINSTRUMENTED, () -> Workload.shared(ObjectGraph::new, NO_KEYS,
            graph -> graph::executePlain, ObjectGraph::check))
        .add(Variant.GLOBAL_LOCK, () -> Workload.shared(ObjectGraph::new, NO_KEYS,
            graph -> graph::executeLocked, ObjectGraph::check))
        .add(Variant.AME, () -> Workload.shared(ObjectGraph::new, NO_KEYS,
            graph -> graph::executeAtomic, ObjectGraph::check))
        .build();
  }
}
