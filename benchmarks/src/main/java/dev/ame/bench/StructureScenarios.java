package dev.ame.bench;

import dev.ame.TxQueue;
import dev.ame.collections.TxMap;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * AME's TM-friendly structures against plain ones in a block and java.util.concurrent (issue 6),
 * each one shared by both threads: a counter every operation increments, a map of keys 0..4095
 * (thread {@code t} uses its own range: a half on two threads) at 10% updates, and a queue every
 * operation appends to and takes from. Uninstrumented code runs on one thread only.
 */
final class StructureScenarios {
  static final int MAP_KEYS = 4096;
  static final int QUEUE_LENGTH = 1024;
  /** The map workload's block on a {@code java.util.HashMap}: the row issue 13's bars are for. */
  static final Variant AME_HASH_MAP = Variant.ame("AME HashMap");
  private static final Keys ONE = new Keys(1, false);
  private static final Keys MAP_RANGES = new Keys(MAP_KEYS, true);

  private StructureScenarios() {}

  static Scenario counter() {
    return Scenario.named("counter", "shared counter")
        .oneThread(Variant.UNINSTRUMENTED, () -> counting(new SharedCounter(),
            c -> (roll, key, bits) -> c.incrementPlain(), SharedCounter::total))
        .add(Variant.GLOBAL_LOCK, () -> counting(new SharedCounter(),
            c -> (roll, key, bits) -> c.incrementLocked(), SharedCounter::total))
        .add(Variant.concurrent("AtomicLong"), () -> counting(new AtomicLong(),
            c -> (roll, key, bits) -> c.incrementAndGet() != 0, AtomicLong::get))
        .add(Variant.concurrent("LongAdder"), () -> counting(new LongAdder(),
            c -> (roll, key, bits) -> {
              c.increment();
              return true;
            }, LongAdder::sum))
        .add(Variant.ame("AME long field"), () -> counting(new SharedCounter(),
            c -> (roll, key, bits) -> c.incrementFieldAtomic(), SharedCounter::total))
        .add(Variant.ame("AME TxCounter"), () -> counting(new SharedCounter(),
            c -> (roll, key, bits) -> c.incrementTxCounterAtomic(), SharedCounter::total))
        .build();
  }

  static Scenario map() {
    return Scenario.named("map", "map, 10% upd")
        .oneThread(Variant.UNINSTRUMENTED, () -> map(new HashMap<Integer, Integer>(),
            m -> (roll, key, bits) -> MapBlocks.execute(m, roll, Boxed.of(key))))
        .add(Variant.GLOBAL_LOCK, () -> map(new HashMap<Integer, Integer>(),
            m -> (roll, key, bits) -> MapBlocks.executeLocked(m, roll, Boxed.of(key))))
        .add(Variant.concurrent("ConcurrentHashMap"), () -> map(new ConcurrentHashMap<Integer, Integer>(),
            m -> (roll, key, bits) -> MapBlocks.execute(m, roll, Boxed.of(key))))
        .add(AME_HASH_MAP, () -> map(new HashMap<Integer, Integer>(),
            m -> (roll, key, bits) -> MapBlocks.executeAtomic(m, roll, Boxed.of(key))))
        .add(Variant.ame("AME TxMap"), () -> {
          TxMap<Integer, Integer> map = new TxMap<>(MAP_KEYS);
          Fill.half(map, key -> map.put(Boxed.of(key), Boxed.of(key)) == null, MAP_KEYS, 7);
          return Workload.keyed(MAP_RANGES, t -> (roll, key, bits) -> MapBlocks.executeTxMap(map, roll, Boxed.of(key)),
              () -> MapBlocks.check(map, MAP_KEYS));
        })
        .build();
  }

  static Scenario queue() {
    return Scenario.named("queue", "queue add+poll")
        .oneThread(Variant.UNINSTRUMENTED, () -> queue(new ArrayDeque<Integer>(),
            q -> (roll, key, bits) -> QueueBlocks.cycle(q, Boxed.of(roll))))
        .add(Variant.GLOBAL_LOCK, () -> queue(new ArrayDeque<Integer>(),
            q -> (roll, key, bits) -> QueueBlocks.cycleLocked(q, Boxed.of(roll))))
        .add(Variant.concurrent("ConcurrentLinkedQueue"), () -> queue(new ConcurrentLinkedQueue<Integer>(),
            q -> (roll, key, bits) -> QueueBlocks.cycle(q, Boxed.of(roll))))
        .add(Variant.ame("AME ArrayDeque"), () -> queue(new ArrayDeque<Integer>(),
            q -> (roll, key, bits) -> QueueBlocks.cycleAtomic(q, Boxed.of(roll))))
        .add(Variant.ame("AME TxQueue"), () -> {
          TxQueue<Integer> queue = new TxQueue<>();
          for (int i = 0; i < QUEUE_LENGTH; i++) {
            queue.add(Boxed.of(i));
          }
          return Workload.keyed(ONE, t -> (roll, key, bits) -> QueueBlocks.cycleTxQueue(queue, Boxed.of(roll)),
              () -> QueueBlocks.checkLength("TxQueue", QueueBlocks.drain(queue), QUEUE_LENGTH));
        })
        .build();
  }

  /** Each operation increments {@code counter} once: afterwards it must equal the number of operations. */
  private static <C> Workload counting(C counter, Function<C, KeyedAction> action, ToLongFunction<C> value) {
    KeyedAction shared = action.apply(counter);
    return Workload.keyedCounted(ONE, t -> shared, operations -> {
      long total = value.applyAsLong(counter);
      return total == operations ? null : "counter " + total + " after " + operations + " increments";
    });
  }

  private static Workload map(java.util.Map<Integer, Integer> map, Function<java.util.Map<Integer, Integer>,
      KeyedAction> action) {
    Fill.half(map, key -> map.put(Boxed.of(key), Boxed.of(key)) == null, MAP_KEYS, 7);
    KeyedAction shared = action.apply(map);
    return Workload.keyed(MAP_RANGES, t -> shared, () -> MapBlocks.check(map, MAP_KEYS));
  }

  private static Workload queue(Queue<Integer> queue, Function<Queue<Integer>, KeyedAction> action) {
    for (int i = 0; i < QUEUE_LENGTH; i++) {
      queue.add(Boxed.of(i));
    }
    KeyedAction shared = action.apply(queue);
    return Workload.keyed(ONE, t -> shared,
        () -> QueueBlocks.checkLength(queue.getClass().getSimpleName(), queue.size(), QUEUE_LENGTH));
  }
}
