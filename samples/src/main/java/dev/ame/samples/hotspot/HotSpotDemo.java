package dev.ame.samples.hotspot;

import dev.ame.Ame;

/**
 * Runs the order desk with a shared counter (naive) or without (fixed) and prints throughput and
 * conflicts. Run it with {@code report=} to see where the time goes:
 *
 * <pre>java -javaagent:agent/target/ame.jar=report=report.txt -cp samples/target/ame-samples.jar dev.ame.samples.hotspot.HotSpotDemo naive 4 200000</pre>
 */
public final class HotSpotDemo {
  private HotSpotDemo() {}

  public static void main(String[] args) throws InterruptedException {
    String variant = args.length > 0 ? args[0] : "naive";
    int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int orders = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
    int customersPerWorker = 100;
    OrderDesk desk = variant.equals("fixed") ? new OrderDeskFixed(workers * customersPerWorker, workers)
        : new OrderDesk(workers * customersPerWorker);
    Thread[] threads = new Thread[workers];
    long start = System.nanoTime();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      threads[w] = new Thread(() -> {
        for (int i = 0; i < orders; i++) {
          desk.process(worker, worker * customersPerWorker + i % customersPerWorker, 1 + i % 7);
        }
      });
      threads[w].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long expected = (long) workers * orders;
    System.out.printf("%s desk: %d workers x %d orders in %.2f s (%.0f orders/s); processed %d of %d%n", variant, workers,
        orders, seconds, expected / seconds, desk.processedOrders(), expected);
    System.out.println("transactions: " + Ame.statistics());
    if (desk.processedOrders() != expected) {
      System.out.println("FAILED: orders were lost");
      System.exit(1);
    }
  }
}
