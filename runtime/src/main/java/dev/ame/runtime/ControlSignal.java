package dev.ame.runtime;

/**
 * The throwables that unwind a transaction's frames back to its atomic block: an abort (re-run
 * after a conflict) and a retry ({@code wait()} inside a block). Preallocated, without stack
 * traces. Rewritten exception handlers that could catch them rethrow them at once
 * ({@link Barriers#rethrowIfControl}), so user code never sees one.
 */
final class ControlSignal extends Error {
  private static final long serialVersionUID = 1L;
  static final ControlSignal ABORT = new ControlSignal("AME transaction abort (internal control flow)");
  static final ControlSignal RETRY = new ControlSignal("AME transaction retry (internal control flow)");

  private ControlSignal(String message) {
    super(message, null, false, false);
  }
}
