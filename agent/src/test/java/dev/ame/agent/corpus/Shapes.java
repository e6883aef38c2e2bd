package dev.ame.agent.corpus;

import dev.ame.Atomic;
import java.util.function.LongSupplier;

/** Bytecode shapes the rewriter must handle: every kind of field, array, local and control flow. */
public class Shapes {
  boolean z;
  byte b;
  char c;
  short s;
  int i;
  long j;
  float f;
  double d;
  Object ref;
  String text = "t";
  final long fixed;
  static long counter;
  static final String CONSTANT = "k";
  int[][] grid = new int[2][2];
  String[] names = {"a", "b"};
  boolean[] flags = new boolean[2];
  byte[] bytes = new byte[2];
  char[] chars = new char[2];
  short[] shorts = new short[2];
  long[] longs = new long[2];
  float[] floats = new float[2];
  double[] doubles = new double[2];
  private final Object lock = new Object();

  public Shapes(long fixed) {
    this.fixed = fixed;
    this.j = fixed * 2;
  }

  public Shapes() {
    this(3);
  }

  /** A non-static inner class writes this$0 before the super constructor call. */
  public class Inner {
    long read() {
      return j + fixed;
    }
  }

  @Atomic
  public long everyKind(long wide, double wider, int narrow) {
    long local = wide;
    double other = wider;
    z = !z;
    b += 1;
    c = (char) (c + 1);
    s -= 1;
    i += narrow;
    j += local;
    f += 0.5f;
    d += other;
    ref = text + i;
    counter++;
    grid[1][0] += 3;
    names[0] = names[1] + CONSTANT;
    flags[1] = !flags[1];
    bytes[0]++;
    chars[1] = 'x';
    shorts[0] = (short) 7;
    longs[1] += longs[0] + 1;
    floats[0] = floats[1] + 1;
    doubles[1] = doubles[0] + 2;
    return j + (long) d + new Inner().read();
  }

  @Atomic
  public static long staticBlock(int n) {
    long sum = 0;
    for (int k = 0; k < n; k++) {
      sum += k;
      counter += k;
    }
    return sum;
  }

  @Atomic
  public synchronized String controlFlow(int n) {
    StringBuilder unused = null;
    try {
      synchronized (lock) {
        if (n < 0) {
          throw new IllegalArgumentException("negative");
        }
        switch (n) {
          case 0:
            return "zero";
          case 1:
            return "one" + unused;
          default:
            break;
        }
      }
    } catch (IllegalArgumentException e) {
      return "caught";
    } finally {
      counter++;
    }
    LongSupplier lambda = () -> n * fixed;
    return "many:" + lambda.getAsLong();
  }

  @Atomic
  public void nothing() {
  }

  interface Greeter {
    default String greet(String name) {
      return "hello " + name;
    }
  }

  static final class Polite implements Greeter {
  }

  @Atomic
  public String viaDefault() {
    return new Polite().greet(text);
  }
}
