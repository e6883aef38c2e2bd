package dev.ame.samples.events;

import dev.ame.Ame;
import dev.ame.AtomicExecutor;
import dev.ame.TxCounter;
import dev.ame.collections.TxMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The event-loop pattern of AME: a dispatcher hands events to a pool, and each event is handled
 * as one atomic block, as if it ran alone. Here events move stock between warehouses of an
 * inventory; handlers read and write several shared objects with no lock anywhere. At the end the
 * total stock must be what it was, and every event must have been handled exactly once.
 *
 * <pre>java -javaagent:agent/target/ame.jar -cp samples/target/ame-samples.jar dev.ame.samples.events.EventDispatch [events] [threads]</pre>
 */
public final class EventDispatch {
  /** One warehouse's stock of one product. */
  static final class Stock {
    long units;
    long moves;
  }

  /** Moves units between warehouses: the event. */
  record Move(int product, int from, int to, long units) {
  }

  private final TxMap<String, Stock> stock = new TxMap<>(1024);
  private final TxCounter handled = new TxCounter();
  private final TxCounter refused = new TxCounter();

  EventDispatch(int products, int warehouses, long unitsEach) {
    for (int p = 0; p < products; p++) {
      for (int w = 0; w < warehouses; w++) {
        Stock s = new Stock();
        s.units = unitsEach;
        stock.put(key(p, w), s);
      }
    }
  }

  static String key(int product, int warehouse) {
    return product + "@" + warehouse;
  }

  /** The handler: runs as one atomic block on the executor. */
  void handle(Move m) {
    Stock from = stock.get(key(m.product(), m.from()));
    Stock to = stock.get(key(m.product(), m.to()));
    if (from.units < m.units()) {
      refused.increment();
    } else {
      from.units -= m.units();
      to.units += m.units();
      from.moves++;
      to.moves++;
    }
    handled.increment();
  }

  long totalUnits() {
    long[] sum = {0};
    stock.forEach((k, s) -> sum[0] += s.units);
    return sum[0];
  }

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    int products = 50;
    int warehouses = 8;
    EventDispatch inventory = new EventDispatch(products, warehouses, 1_000);
    long before = inventory.totalUnits();
    AtomicExecutor pool = AtomicExecutor.newFixedThreadPool(threads);
    Ame.Statistics stats = Ame.statistics();
    long start = System.nanoTime();
    List<Future<?>> pending = new ArrayList<>();
    long x = 7;
    for (int e = 0; e < events; e++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      Move m = new Move((int) ((x >>> 33) % products), (int) ((x >>> 20) % warehouses), (int) ((x >>> 8) % warehouses),
          1 + ((x >>> 40) & 15));
      pending.add(pool.submit(() -> inventory.handle(m)));
      if (pending.size() >= 10_000) {
        for (Future<?> f : pending) {
          f.get();
        }
        pending.clear();
      }
    }
    for (Future<?> f : pending) {
      f.get();
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    long after = inventory.totalUnits();
    System.out.printf("%d events on %d threads in %.2f s (%.0f events/s): %d handled, %d refused; units %d -> %d%n", events,
        threads, seconds, events / seconds, inventory.handled.get(), inventory.refused.get(), before, after);
    System.out.println("transactions: " + Ame.statistics().minus(stats));
    if (after != before || inventory.handled.get() != events) {
      System.out.println("FAILED: stock was lost or created, or events were not all handled once");
      System.exit(1);
    }
    System.out.println("OK: every event handled once, no stock lost");
  }
}
