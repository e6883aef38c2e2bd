package dev.ame.it.programs.lincheck;

import dev.ame.Atomic;
import java.util.HashMap;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * An ordinary sequential cache over a {@link HashMap}, written for one thread: {@code put} looks
 * the old value up and then stores (two calls, a window a lock or a block must close). It is
 * also the sequential specification of its three atomic forms below. The JDK's map runs
 * speculatively inside blocks, through its twin (the runtime counts no irrevocable run here):
 * what Lincheck checks is the STM on JDK code. Three threads and two keys, so that blocks
 * conflict (on two threads and three keys a broken commit went unseen).
 */
public class Cache {
  private final HashMap<Integer, Integer> map = new HashMap<>();

  public Integer get(int key) {
    return map.get(key);
  }

  public Integer put(int key, int value) {
    Integer old = map.get(key);
    map.put(key, value);
    return old;
  }

  public Integer remove(int key) {
    return map.remove(key);
  }

  public int size() {
    return map.size();
  }

  /** Made atomic with {@code @Atomic}. */
  @Param(name = "key", gen = IntGen.class, conf = "1:2")
  public static class Annotated extends Cache {
    @Atomic @Operation @Override public Integer get(@Param(name = "key") int key) { return super.get(key); }
    @Atomic @Operation @Override public Integer put(@Param(name = "key") int key, int value) { return super.put(key, value); }
    @Atomic @Operation @Override public Integer remove(@Param(name = "key") int key) { return super.remove(key); }
    @Atomic @Operation @Override public int size() { return super.size(); }
  }

  /** Made atomic by the config file's {@code atomic} directive ({@code *$Listed#*}). */
  @Param(name = "key", gen = IntGen.class, conf = "1:2")
  public static class Listed extends Cache {
    @Operation @Override public Integer get(@Param(name = "key") int key) { return super.get(key); }
    @Operation @Override public Integer put(@Param(name = "key") int key, int value) { return super.put(key, value); }
    @Operation @Override public Integer remove(@Param(name = "key") int key) { return super.remove(key); }
    @Operation @Override public int size() { return super.size(); }
  }

  /** Legacy code: {@code synchronized} methods, atomic under the {@code synchronized} directive ({@code *$Legacy}). */
  @Param(name = "key", gen = IntGen.class, conf = "1:2")
  public static class Legacy extends Cache {
    @Operation @Override public synchronized Integer get(@Param(name = "key") int key) { return super.get(key); }
    @Operation @Override public synchronized Integer put(@Param(name = "key") int key, int value) { return super.put(key, value); }
    @Operation @Override public synchronized Integer remove(@Param(name = "key") int key) { return super.remove(key); }
    @Operation @Override public synchronized int size() { return super.size(); }
  }
}
