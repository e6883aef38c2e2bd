package dev.ame.runtime;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The console output of one attempt, in order, until it commits (see {@link ConsoleOutput}): kept
 * in columns that the next attempt reuses, so a block that prints allocates nothing but its text
 * (a record per piece and a list per block, with the general commit they forced, cost a 1-thread
 * block that prints a line 16–36 ns on top of its 80–110).
 */
final class PendingOutput {
  private PrintStream[] streams = new PrintStream[4];
  private Object[] texts = new Object[4];
  private boolean[] newlines = new boolean[4];
  private int size;
  /** Columns being written by {@link #writeAll}: a piece added meanwhile goes to new ones. */
  private boolean writing;

  boolean isEmpty() {
    return size == 0;
  }

  /** A string, or bytes for {@code write}; {@code newline}: a {@code println}. */
  void add(PrintStream out, Object text, boolean newline) {
    if (writing) {
      // Output made while this attempt's output is written (a PrintStream subclass whose print
      // runs a block): the pieces being written must not be overwritten.
      streams = new PrintStream[4];
      texts = new Object[4];
      newlines = new boolean[4];
      writing = false;
    }
    if (size == streams.length) {
      streams = Arrays.copyOf(streams, size * 2);
      texts = Arrays.copyOf(texts, size * 2);
      newlines = Arrays.copyOf(newlines, size * 2);
    }
    streams[size] = out;
    texts[size] = text;
    newlines[size] = newline;
    size++;
  }

  /** Writes every piece in order and empties the buffer, even when a write throws (nothing is written twice). */
  void writeAll() {
    PrintStream[] outs = streams;
    Object[] pieces = texts;
    boolean[] lines = newlines;
    int n = size;
    size = 0;
    writing = true;
    try {
      for (int i = 0; i < n; i++) {
        ConsoleOutput.write(outs[i], pieces[i], lines[i]);
      }
    } finally {
      writing = false;
      forget(outs, pieces, n);
    }
  }

  /** Drops the output of an attempt that rolled back. */
  void discard() {
    int n = size;
    size = 0;
    forget(streams, texts, n);
  }

  private static void forget(PrintStream[] outs, Object[] pieces, int n) {
    Arrays.fill(outs, 0, n, null);
    Arrays.fill(pieces, 0, n, null);
  }
}
