package dev.ame.it.programs.lincheck;

import dev.ame.Atomic;
import java.util.TreeMap;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * An ordinary sequential sorted set of ints over a {@link TreeMap}: {@code add} asks whether the
 * element is there, then puts it (check-then-act). The sequential specification of its three
 * atomic forms below; the JDK's tree runs speculatively in blocks, through its twin. Three
 * threads and three elements, so that blocks conflict (on two threads a broken commit went unseen).
 */
public class SortedSet {
  private final TreeMap<Integer, Boolean> elements = new TreeMap<>();

  public boolean add(int x) {
    if (elements.containsKey(x)) {
      return false;
    }
    elements.put(x, Boolean.TRUE);
    return true;
  }

  public boolean remove(int x) {
    return elements.remove(x) != null;
  }

  public boolean contains(int x) {
    return elements.containsKey(x);
  }

  /** The smallest element, or -1 when empty. */
  public int first() {
    return elements.isEmpty() ? -1 : elements.firstKey();
  }

  /** Made atomic with {@code @Atomic}. */
  @Param(name = "x", gen = IntGen.class, conf = "1:3")
  public static class Annotated extends SortedSet {
    @Atomic @Operation @Override public boolean add(@Param(name = "x") int x) { return super.add(x); }
    @Atomic @Operation @Override public boolean remove(@Param(name = "x") int x) { return super.remove(x); }
    @Atomic @Operation @Override public boolean contains(@Param(name = "x") int x) { return super.contains(x); }
    @Atomic @Operation @Override public int first() { return super.first(); }
  }

  /** Made atomic by the config file's {@code atomic} directive. */
  @Param(name = "x", gen = IntGen.class, conf = "1:3")
  public static class Listed extends SortedSet {
    @Operation @Override public boolean add(@Param(name = "x") int x) { return super.add(x); }
    @Operation @Override public boolean remove(@Param(name = "x") int x) { return super.remove(x); }
    @Operation @Override public boolean contains(@Param(name = "x") int x) { return super.contains(x); }
    @Operation @Override public int first() { return super.first(); }
  }

  /** Legacy {@code synchronized} methods, atomic under the {@code synchronized} directive. */
  @Param(name = "x", gen = IntGen.class, conf = "1:3")
  public static class Legacy extends SortedSet {
    @Operation @Override public synchronized boolean add(@Param(name = "x") int x) { return super.add(x); }
    @Operation @Override public synchronized boolean remove(@Param(name = "x") int x) { return super.remove(x); }
    @Operation @Override public synchronized boolean contains(@Param(name = "x") int x) { return super.contains(x); }
    @Operation @Override public synchronized int first() { return super.first(); }
  }
}
