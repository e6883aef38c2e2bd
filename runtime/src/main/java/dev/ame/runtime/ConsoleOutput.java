package dev.ame.runtime;

import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Console output from inside atomic blocks: {@code print}, {@code println}, {@code printf},
 * {@code format}, {@code write} and {@code append} of a {@link PrintStream} ({@code System.out},
 * {@code System.err}, or any other) do not make the block irrevocable. The text is made inside
 * the block (so it shows what the block saw), kept with the attempt, and written when the block
 * commits, in commit order; an attempt that rolls back prints nothing.
 *
 * <p>Commit order: a block with output commits holding {@link #ORDER}, and writes its output before
 * it releases its locks (or the gate). So of two blocks that print, the one that commits first
 * prints first, and a block that saw another's writes prints after it. A read-only block that
 * prints validates its reads under the same lock, so that what it prints is still true then.
 *
 * <p>Text made from an object other than a string or a boxed value ({@code println(order)},
 * {@code printf("%s", order)}) calls that object's {@code toString} or formatter, which this class
 * cannot run inside the block: the block then becomes irrevocable, and prints at once.
 */
public final class ConsoleOutput {
  /** Orders the commits of blocks that print. */
  static final ReentrantLock ORDER = new ReentrantLock();

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private ConsoleOutput() {}

  /**
   * The deferred version of {@code PrintStream.name descriptor} as a call of a twin of type
   * {@code type} (receiver first, transaction last), or null when it has none.
   */
  static MethodHandle target(String implementor, String name, String descriptor, MethodType type) {
    if (!implementor.equals("java.io.PrintStream")) {
      return null;
    }
    MethodType deferred = MethodType.fromMethodDescriptorString(descriptor, null)
        .insertParameterTypes(0, PrintStream.class).appendParameterTypes(Txn.class);
    String method = name.equals("printf") ? "format" : name;
    try {
      return LOOKUP.findStatic(ConsoleOutput.class, method, deferred).asType(type);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null; // not one of ours (checkError, close, ...): the call stays irrevocable
    }
  }

  // ---- the text, made inside the block ----

  public static void print(PrintStream out, String s, Txn t) {
    defer(out, String.valueOf(s), false, t);
  }

  public static void print(PrintStream out, Object o, Txn t) {
    String s = text(o, t);
    if (s != null) {
      defer(out, s, false, t);
    } else {
      out.print(o); // irrevocable now (see text)
    }
  }

  public static void print(PrintStream out, boolean b, Txn t) {
    defer(out, String.valueOf(b), false, t);
  }

  public static void print(PrintStream out, char c, Txn t) {
    defer(out, String.valueOf(c), false, t);
  }

  public static void print(PrintStream out, int i, Txn t) {
    defer(out, String.valueOf(i), false, t);
  }

  public static void print(PrintStream out, long l, Txn t) {
    defer(out, String.valueOf(l), false, t);
  }

  public static void print(PrintStream out, float f, Txn t) {
    defer(out, String.valueOf(f), false, t);
  }

  public static void print(PrintStream out, double d, Txn t) {
    defer(out, String.valueOf(d), false, t);
  }

  public static void print(PrintStream out, char[] chars, Txn t) {
    defer(out, new String(readChars(chars, t)), false, t);
  }

  public static void println(PrintStream out, Txn t) {
    defer(out, "", true, t);
  }

  public static void println(PrintStream out, String s, Txn t) {
    defer(out, String.valueOf(s), true, t);
  }

  public static void println(PrintStream out, Object o, Txn t) {
    String s = text(o, t);
    if (s != null) {
      defer(out, s, true, t);
    } else {
      out.println(o);
    }
  }

  public static void println(PrintStream out, boolean b, Txn t) {
    defer(out, String.valueOf(b), true, t);
  }

  public static void println(PrintStream out, char c, Txn t) {
    defer(out, String.valueOf(c), true, t);
  }

  public static void println(PrintStream out, int i, Txn t) {
    defer(out, String.valueOf(i), true, t);
  }

  public static void println(PrintStream out, long l, Txn t) {
    defer(out, String.valueOf(l), true, t);
  }

  public static void println(PrintStream out, float f, Txn t) {
    defer(out, String.valueOf(f), true, t);
  }

  public static void println(PrintStream out, double d, Txn t) {
    defer(out, String.valueOf(d), true, t);
  }

  public static void println(PrintStream out, char[] chars, Txn t) {
    defer(out, new String(readChars(chars, t)), true, t);
  }

  public static PrintStream format(PrintStream out, String format, Object[] args, Txn t) {
    return format(out, null, format, args, t);
  }

  public static PrintStream format(PrintStream out, Locale locale, String format, Object[] args, Txn t) {
    Object[] values = args == null ? null : (Object[]) Barriers.cloneArray(args, 0, t);
    if (values != null) {
      for (Object v : values) {
        if (!isValue(v)) {
          Barriers.irrevocable(t, "PrintStream.format of an argument of " + v.getClass().getName()
              + " (its formatting is application code)");
          return out.format(locale, format, values);
        }
      }
    }
    defer(out, String.format(locale, format, values), false, t);
    return out;
  }

  public static PrintStream append(PrintStream out, CharSequence s, Txn t) {
    print(out, (Object) (s == null ? "null" : s), t);
    return out;
  }

  public static PrintStream append(PrintStream out, CharSequence s, int start, int end, Txn t) {
    String text = text(s == null ? "null" : s, t);
    if (text == null) {
      return out.append(s, start, end);
    }
    defer(out, text.substring(start, end), false, t);
    return out;
  }

  public static PrintStream append(PrintStream out, char c, Txn t) {
    print(out, c, t);
    return out;
  }

  public static void write(PrintStream out, int b, Txn t) {
    defer(out, new byte[] {(byte) b}, false, t);
  }

  public static void write(PrintStream out, byte[] buf, int off, int len, Txn t) {
    byte[] copy = new byte[len];
    for (int i = 0; i < len; i++) {
      copy[i] = (byte) Barriers.readBA(buf, off + i, 0, t); // bounds and null as write() checks them
    }
    defer(out, copy, false, t);
  }

  public static void write(PrintStream out, byte[] buf, Txn t) {
    write(out, buf, 0, buf.length, t);
  }

  public static void writeBytes(PrintStream out, byte[] buf, Txn t) {
    write(out, buf, 0, buf.length, t);
  }

  public static void flush(PrintStream out, Txn t) {
    // the output is written at commit, and flushed then as the stream does
  }

  /** A string or boxed value's text, made here; null for other objects (their toString is application code). */
  private static String text(Object o, Txn t) {
    if (isValue(o)) {
      return String.valueOf(o);
    }
    Barriers.irrevocable(t, "PrintStream output of " + o.getClass().getName() + " (its toString is application code)");
    return null;
  }

  private static boolean isValue(Object o) {
    return o == null || o instanceof String || o instanceof Number && o.getClass().getName().startsWith("java.lang.")
        || o instanceof Character || o instanceof Boolean;
  }

  private static char[] readChars(char[] chars, Txn t) {
    char[] copy = new char[chars.length];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = (char) Barriers.readCA(chars, i, 0, t);
    }
    return copy;
  }

  private static void defer(PrintStream out, Object text, boolean newline, Txn t) {
    if (t.inPlace && !t.undoing) {
      write(out, text, newline); // irrevocable: nothing can roll back any more
    } else {
      t.deferOutput(out, text, newline);
    }
  }

  static void write(PrintStream out, Object text, boolean newline) {
    if (text instanceof byte[] bytes) {
      out.write(bytes, 0, bytes.length);
    } else if (newline) {
      out.println((String) text);
    } else {
      out.print((String) text);
    }
  }
}
