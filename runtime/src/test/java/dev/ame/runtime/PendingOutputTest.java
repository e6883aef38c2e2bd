package dev.ame.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** An attempt's console output: written once, in order, and never mixed with output made while it is written. */
class PendingOutputTest {
  @Test
  void writeAll_writesEveryPieceInOrder_once_andTheColumnsAreReused() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true);
    PendingOutput pending = new PendingOutput();
    for (int attempt = 0; attempt < 3; attempt++) {
      for (int i = 0; i < 6; i++) { // more than the first columns hold
        pending.add(out, "a" + attempt + i, i % 2 == 0);
      }
      pending.writeAll();
      pending.writeAll(); // nothing left: nothing written twice
    }
    pending.add(out, "rolled back", true);
    pending.discard();
    pending.writeAll();
    StringBuilder expected = new StringBuilder();
    for (int attempt = 0; attempt < 3; attempt++) {
      for (int i = 0; i < 6; i++) {
        expected.append("a").append(attempt).append(i).append(i % 2 == 0 ? System.lineSeparator() : "");
      }
    }
    assertEquals(expected.toString(), bytes.toString());
  }

  @Test
  void outputMadeWhileWriting_doesNotOverwriteThePiecesBeingWritten() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PendingOutput pending = new PendingOutput();
    // a stream whose println makes output of its own (as a print that runs a block could)
    PrintStream reentrant = new PrintStream(bytes, true) {
      @Override
      public void println(String s) {
        super.println(s);
        pending.add(this, "nested " + s, true);
      }
    };
    pending.add(reentrant, "first", true);
    pending.add(reentrant, "second", true);
    pending.writeAll();
    String n = System.lineSeparator();
    assertEquals("first" + n + "second" + n, bytes.toString());
    bytes.reset();
    pending.writeAll(); // the nested pieces, with the next commit (and their own nested ones after)
    assertEquals("nested first" + n + "nested second" + n, bytes.toString());
  }
}
