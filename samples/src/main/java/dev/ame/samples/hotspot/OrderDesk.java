package dev.ame.samples.hotspot;

import dev.ame.Atomic;

/**
 * An order desk whose workers each process orders of their own customers, so their blocks touch
 * disjoint data — except for one statistics counter that every block updates. That counter makes
 * every pair of concurrent blocks conflict: the conflict report points at it.
 */
public class OrderDesk {
  /** A customer's account: only the blocks of the worker that owns the customer touch it. */
  static final class Customer {
    long spent;
    int orders;
  }

  final Customer[] customers;
  private long processedOrders;

  public OrderDesk(int customerCount) {
    customers = new Customer[customerCount];
    for (int i = 0; i < customerCount; i++) {
      customers[i] = new Customer();
    }
  }

  /** Books one order: the customer's totals, and the desk's statistics. */
  @Atomic
  public void process(int worker, int customer, long amount) {
    Customer c = customers[customer];
    c.spent += amount;
    c.orders++;
    processedOrders++; // every block reads and writes this field: the hot spot
  }

  @Atomic
  public long processedOrders() {
    return processedOrders;
  }
}
