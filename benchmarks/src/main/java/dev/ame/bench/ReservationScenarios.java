package dev.ame.bench;

/**
 * The reservation system ({@link ReservationSystem}, STAMP's vacation) at two lengths of block:
 * 2–10 item lookups per reservation, and 10–20 in {@code reservation-heavy}. Both threads draw
 * customers and items from the whole of one shared system, as STAMP's clients do; conflicts come
 * only from two blocks on the same item or customer, or from rebalancing that meets. Uninstrumented
 * code runs on one thread only.
 */
final class ReservationScenarios {
  private static final Keys CUSTOMERS = new Keys(ReservationSystem.CUSTOMERS, false);

  private ReservationScenarios() {}

  static Scenario standard() {
    return scenario("reservation", "reservations", 2, 10);
  }

  static Scenario heavy() {
    return scenario("reservation-heavy", "reservations heavy", 10, 20);
  }

  private static Scenario scenario(String key, String name, int minQueries, int maxQueries) {
    return Scenario.named(key, name)
        .oneThread(Variant.UNINSTRUMENTED, () -> Workload.shared(() -> new ReservationSystem(minQueries,
            maxQueries), CUSTOMERS, system -> system::executePlain, ReservationSystem::check))
        .add(Variant.GLOBAL_LOCK, () -> Workload.shared(() -> new ReservationSystem(minQueries, maxQueries),
            CUSTOMERS, system -> system::executeLocked, ReservationSystem::check))
        .add(Variant.AME, () -> Workload.shared(() -> new ReservationSystem(minQueries, maxQueries),
            CUSTOMERS, system -> system::executeAtomic, ReservationSystem::check))
        .build();
  }
}
