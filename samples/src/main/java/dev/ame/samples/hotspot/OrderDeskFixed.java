package dev.ame.samples.hotspot;

import dev.ame.Atomic;

/**
 * The same desk with the hot spot removed: each worker counts in its own slot (different array
 * elements never conflict), and the total is summed when it is asked for.
 */
public class OrderDeskFixed extends OrderDesk {
  private final long[] processedByWorker;

  public OrderDeskFixed(int customerCount, int workers) {
    super(customerCount);
    processedByWorker = new long[workers];
  }

  @Override
  @Atomic
  public void process(int worker, int customer, long amount) {
    Customer c = customers[customer];
    c.spent += amount;
    c.orders++;
    processedByWorker[worker]++; // each worker its own element: no conflict
  }

  @Override
  @Atomic
  public long processedOrders() {
    long sum = 0;
    for (long n : processedByWorker) {
      sum += n;
    }
    return sum;
  }
}
