package dev.ame.runtime;

/**
 * The throwables that unwind a transaction's frames back to its atomic block: an abort (re-run
 * after a conflict) and a retry ({@code wait()} inside a block). Preallocated, without stack
 * traces. Every twin's exception table starts with an entry that catches this class and rethrows,
 * so user handlers never see one (public only so that rewritten classes may name it there).
 */
public final class ControlSignal extends Error {
  private static final long serialVersionUID = 1L;
  static final ControlSignal ABORT = new ControlSignal("AME transaction abort (internal control flow)");
  static final ControlSignal RETRY = new ControlSignal("AME transaction retry (internal control flow)");

  private ControlSignal(String message) {
    super(message, null, false, false);
  }
}
