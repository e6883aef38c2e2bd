package dev.ame.runtime;

/**
 * Test-only fault injection, so that the external checkers (Lincheck, the litmus tests: issue 14)
 * can be seen to catch a broken STM: {@code -Dame.test.break=NAME} breaks one step of the
 * runtime. Never set outside those tests. Read once, into constants: unset, every flag is a
 * {@code static final false} that the JIT folds away, so the checks cost nothing.
 */
final class FaultInjection {
  private static final String BREAK = System.getProperty("ame.test.break", "");
  /** {@code novalidate}: a speculative commit skips the validation of its read set. */
  static final boolean NO_VALIDATE = BREAK.equals("novalidate");
  /** {@code nolock}: a speculative commit does not take the commit lock (it still stamps and writes back). */
  static final boolean NO_LOCK = BREAK.equals("nolock");
  /** {@code nofence}: a writing commit releases the commit lock before it writes back (no privatization fence). */
  static final boolean NO_FENCE = BREAK.equals("nofence");
  /** {@code captureall}: a speculative attempt writes every object in place, as if it had allocated them all. */
  static final boolean CAPTURE_ALL = BREAK.equals("captureall");
  /** {@code capturekept}: the objects an attempt allocated stay "its own" in the thread's later attempts. */
  static final boolean CAPTURE_KEPT = BREAK.equals("capturekept");
  /** {@code noexclusion}: a block that must run alone (irrevocable, exclusive) neither owns the gate alone nor waits for the others. */
  static final boolean NO_EXCLUSION = BREAK.equals("noexclusion");

  private FaultInjection() {}
}
