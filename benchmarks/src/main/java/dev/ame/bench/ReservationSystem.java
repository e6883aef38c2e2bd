package dev.ame.bench;

import dev.ame.Atomic;

/**
 * A travel reservation system shaped like STAMP's {@code vacation}: three tables of items (cars,
 * flights, rooms; each a {@link RedBlackIntMap} from an id to its total units, free units and price)
 * and a table of customers, each with a linked list of the reservations they hold. An operation is
 * one block of one of three kinds:
 * <ul>
 * <li><b>make a reservation</b> (90%): look up the price of 2–10 random items (10–20 in the heavy
 *     variant) across the tables, then reserve the dearest item found of each kind, adding the
 *     customer if absent: 0–3 updates, each a free unit less and a reservation more;</li>
 * <li><b>delete a customer</b> (5%): free every unit the customer holds and remove them;</li>
 * <li><b>update the tables</b> (5%): as many random items as a reservation queries, each gaining
 *     100 units at a new price (added if absent), or losing 100 free units (removed at none).</li>
 * </ul>
 * With 16384 items per table and 16384 customers, two blocks rarely touch the same item or
 * customer: a low-conflict workload of long blocks (STAMP's "low contention" vacation). The three
 * entry points run the very same {@link #execute} code: plain, under the global lock, and as an
 * atomic block. The random choices inside an operation come from a seed it is given, so an
 * attempt that re-runs makes the same ones.
 */
final class ReservationSystem {
  static final int ITEMS = 16_384;
  static final int CUSTOMERS = 16_384;
  private static final int KINDS = 3;
  private static final int RESERVE_BELOW = 90;
  private static final int DELETE_BELOW = 95;
  private static final int UNITS = 100;
  /** No item found yet: below every packed (price, id) pick. */
  private static final long NONE = -1;

  /** An item of a table; its reservations are {@code total - free}. */
  private static final class Item {
    int total;
    int free;
    int price;

    Item(int total, int price) {
      this.total = total;
      this.free = total;
      this.price = price;
    }
  }

  /** One unit of an item, held by a customer. */
  private static final class Reservation {
    final int kind;
    final int id;
    final int price;
    final Reservation next;

    Reservation(int kind, int id, int price, Reservation next) {
      this.kind = kind;
      this.id = id;
      this.price = price;
      this.next = next;
    }
  }

  private static final class Customer {
    final int id;
    Reservation reservations;

    Customer(int id) {
      this.id = id;
    }
  }

  private final RedBlackIntMap<Item> cars = new RedBlackIntMap<>();
  private final RedBlackIntMap<Item> flights = new RedBlackIntMap<>();
  private final RedBlackIntMap<Item> rooms = new RedBlackIntMap<>();
  private final RedBlackIntMap<Customer> customers = new RedBlackIntMap<>();
  private final int minQueries;
  private final int maxQueries;

  /**
   * Every item of every table present (100–500 units at 50–90 each, drawn by a fixed seed), every
   * customer present with nothing reserved.
   */
  ReservationSystem(int minQueries, int maxQueries) {
    this.minQueries = minQueries;
    this.maxQueries = maxQueries;
    long rng = 11;
    for (int kind = 0; kind < KINDS; kind++) {
      for (int id = 0; id < ITEMS; id++) {
        rng = Rng.next(rng);
        int size = Rng.below(rng, 5);
        table(kind).putIfAbsent(id, new Item(UNITS * (1 + size), 50 + 10 * (int) ((rng & 0xFFFF) % 5)));
      }
    }
    for (int id = 0; id < CUSTOMERS; id++) {
      customers.putIfAbsent(id, new Customer(id));
    }
  }

  boolean executePlain(int roll, int customer, long seed) {
    return execute(roll, customer, seed);
  }

  boolean executeLocked(int roll, int customer, long seed) {
    synchronized (GlobalLock.LOCK) {
      return execute(roll, customer, seed);
    }
  }

  @Atomic
  boolean executeAtomic(int roll, int customer, long seed) {
    return execute(roll, customer, seed);
  }

  /** The kind of block {@code roll} means, for {@code customer}; its other choices come from {@code seed}. */
  private boolean execute(int roll, int customer, long seed) {
    long rng = seed | 1; // a xorshift state must not be 0
    int queries = minQueries + Rng.below(rng, maxQueries - minQueries + 1);
    if (roll < RESERVE_BELOW) {
      return makeReservation(customer, queries, rng);
    }
    if (roll < DELETE_BELOW) {
      return deleteCustomer(customer);
    }
    return updateTables(queries, rng);
  }

  private RedBlackIntMap<Item> table(int kind) {
    return kind == 0 ? cars : kind == 1 ? flights : rooms;
  }

  private boolean makeReservation(int customerId, int queries, long rng) {
    // Per kind, (price << 32 | id) of the dearest item found: locals, not an array, so that the
    // blocks' reads and writes are the tables' alone.
    long car = NONE;
    long flight = NONE;
    long room = NONE;
    for (int q = 0; q < queries; q++) {
      rng = Rng.next(rng);
      int kind = Rng.below(rng, KINDS);
      int id = (int) (rng & (ITEMS - 1));
      Item item = table(kind).get(id);
      if (item != null) {
        long pick = (long) item.price << 32 | id;
        if (kind == 0) {
          car = Math.max(car, pick);
        } else if (kind == 1) {
          flight = Math.max(flight, pick);
        } else {
          room = Math.max(room, pick);
        }
      }
    }
    if (car == NONE && flight == NONE && room == NONE) {
      return false;
    }
    Customer customer = customers.get(customerId);
    if (customer == null) {
      customer = new Customer(customerId);
      customers.putIfAbsent(customerId, customer);
    }
    return reserve(customer, 0, car) | reserve(customer, 1, flight) | reserve(customer, 2, room);
  }

  /** Reserves one unit of the item {@code pick} names, if it was found and has a free unit. */
  private boolean reserve(Customer customer, int kind, long pick) {
    if (pick == NONE) {
      return false;
    }
    int id = (int) pick;
    Item item = table(kind).get(id);
    if (item == null || item.free == 0) {
      return false;
    }
    item.free--;
    customer.reservations = new Reservation(kind, id, item.price, customer.reservations);
    return true;
  }

  /** Frees every unit the customer holds and removes them; returns whether they existed and owed anything. */
  private boolean deleteCustomer(int customerId) {
    Customer customer = customers.get(customerId);
    if (customer == null) {
      return false;
    }
    long bill = 0;
    for (Reservation r = customer.reservations; r != null; r = r.next) {
      table(r.kind).get(r.id).free++; // present: an item with units reserved is never removed
      bill += r.price;
    }
    customers.remove(customerId);
    return bill > 0;
  }

  private boolean updateTables(int updates, long rng) {
    boolean changed = false;
    for (int u = 0; u < updates; u++) {
      rng = Rng.next(rng);
      RedBlackIntMap<Item> table = table(Rng.below(rng, KINDS));
      int id = (int) (rng & (ITEMS - 1));
      Item item = table.get(id);
      if ((rng & (1L << 20)) != 0) {
        int price = 50 + 10 * (int) ((rng >>> 21) % 5);
        if (item == null) {
          table.putIfAbsent(id, new Item(UNITS, price));
        } else {
          item.total += UNITS;
          item.free += UNITS;
          item.price = price;
        }
        changed = true;
      } else if (item != null && item.free >= UNITS) {
        item.total -= UNITS;
        item.free -= UNITS;
        if (item.total == 0) {
          table.remove(id);
        }
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Null when the tables and the customer table are sound red-black trees, every item has
   * {@code 0 ≤ free ≤ total} and some units, every reservation is of an item present, and every
   * item's reserved units ({@code total - free}) are exactly the reservations customers hold of it;
   * else what is wrong. Only while no block runs.
   */
  String check() {
    int[][] held = new int[KINDS][ITEMS];
    String[] problem = {customers.check()};
    customers.forEach((customer, id) -> {
      if (customer.id != id && problem[0] == null) {
        problem[0] = "customer " + customer.id + " filed under " + id;
      }
      for (Reservation r = customer.reservations; r != null; r = r.next) {
        held[r.kind][r.id]++;
      }
    });
    for (int kind = 0; kind < KINDS && problem[0] == null; kind++) {
      int k = kind;
      problem[0] = table(kind).check();
      table(kind).forEach((item, id) -> {
        if (problem[0] == null && (item.free < 0 || item.free > item.total || item.total <= 0)) {
          problem[0] = "item " + k + "/" + id + " has " + item.free + " free of " + item.total;
        } else if (problem[0] == null && item.total - item.free != held[k][id]) {
          problem[0] = "item " + k + "/" + id + " has " + (item.total - item.free) + " units reserved, customers hold "
              + held[k][id];
        }
        held[k][id] = 0;
      });
      for (int id = 0; id < ITEMS && problem[0] == null; id++) {
        if (held[kind][id] != 0) {
          problem[0] = "customers hold " + held[kind][id] + " units of item " + kind + "/" + id + ", which is gone";
        }
      }
    }
    return problem[0];
  }
}
