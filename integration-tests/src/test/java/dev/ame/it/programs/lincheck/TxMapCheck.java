package dev.ame.it.programs.lincheck;

import dev.ame.Atomic;
import dev.ame.collections.TxMap;
import java.util.HashMap;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * {@link TxMap} against a {@link HashMap}: each map call is a block of its own, and
 * {@code increment} joins two of them (a get and a put) into one block, a read-modify-write that
 * only the block keeps atomic. Few keys, so that operations meet on the same bucket and entry.
 */
@Param(name = "key", gen = IntGen.class, conf = "1:3")
public class TxMapCheck {
  private final TxMap<Integer, Integer> map = new TxMap<>(16);

  @Operation
  public Integer get(@Param(name = "key") int key) {
    return map.get(key);
  }

  @Operation
  public Integer put(@Param(name = "key") int key, int value) {
    return map.put(key, value);
  }

  @Operation
  public Integer remove(@Param(name = "key") int key) {
    return map.remove(key);
  }

  @Operation
  public int size() {
    return map.size();
  }

  @Atomic
  @Operation
  public int increment(@Param(name = "key") int key) {
    Integer v = map.get(key);
    int next = v == null ? 1 : v + 1;
    map.put(key, next);
    return next;
  }

  /** The sequential specification. */
  public static final class Spec {
    private final HashMap<Integer, Integer> map = new HashMap<>();

    public Integer get(int key) {
      return map.get(key);
    }

    public Integer put(int key, int value) {
      return map.put(key, value);
    }

    public Integer remove(int key) {
      return map.remove(key);
    }

    public int size() {
      return map.size();
    }

    public int increment(int key) {
      return map.merge(key, 1, Integer::sum);
    }
  }
}
