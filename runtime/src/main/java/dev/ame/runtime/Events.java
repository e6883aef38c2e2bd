package dev.ame.runtime;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;
import jdk.jfr.Timespan;

/**
 * The runtime's JFR events, for {@code jfr print --events dev.ame.Abort} and Mission Control.
 * Only the abort, irrevocable and (when profiling) commit paths touch this class, so an
 * application that never aborts never loads JFR.
 */
final class Events {
  /** Set once a recording was seen to want AME's events: until then no commit event is created. */
  private static volatile boolean recording;

  private Events() {}

  @Name("dev.ame.Abort")
  @Label("AME Abort")
  @Category("AME")
  @Description("An atomic block's attempt was rolled back because of a conflict")
  @StackTrace(false)
  static final class Abort extends Event {
    @Label("Block") String block;
    @Label("Location") String location;
    @Label("Read At") String readAt;
    @Label("Written By") String writtenBy;
    @Label("Wasted") @Timespan(Timespan.NANOSECONDS) long wasted;
  }

  @Name("dev.ame.Irrevocable")
  @Label("AME Irrevocable")
  @Category("AME")
  @Description("An atomic block called code that cannot be rolled back and finished alone")
  static final class Irrevocable extends Event {
    @Label("Block") String block;
    @Label("Cause") String cause;
  }

  @Name("dev.ame.Commit")
  @Label("AME Commit")
  @Category("AME")
  @Description("An atomic block committed (recorded while the profiler is on, above a threshold)")
  @Threshold("1 ms")
  @StackTrace(false)
  static final class Commit extends Event {
    @Label("Block") String block;
    @Label("Attempts") int attempts;
  }

  /** Whether a JFR recording wants abort events (the event object is not kept). */
  static boolean abortWanted() {
    return new Abort().isEnabled();
  }

  static void abort(String block, String location, String readAt, String writtenBy, long wastedNanos) {
    Abort e = new Abort();
    if (e.isEnabled()) {
      recording = true;
      ConflictProfiler.enable(); // a recording wants AME's events: time and writers from now on
      e.block = block;
      e.location = location;
      e.readAt = readAt;
      e.writtenBy = writtenBy;
      e.wasted = wastedNanos;
      e.commit();
    }
  }

  static void irrevocable(String block, String cause) {
    Irrevocable e = new Irrevocable();
    if (e.isEnabled()) {
      e.block = block;
      e.cause = cause;
      e.commit();
    }
  }

  /** At a block's start: a started commit event, or null when JFR does not record it. */
  static Object commitStart() {
    if (!recording) {
      return null; // profiling for report= only: no event object per block
    }
    Commit e = new Commit();
    if (!e.isEnabled()) {
      return null;
    }
    e.begin();
    return e;
  }

  static void commitEnd(Object started, String block, int attempts) {
    if (started instanceof Commit) {
      Commit e = (Commit) started;
      e.end();
      if (e.shouldCommit()) {
        e.block = block;
        e.attempts = attempts;
        e.commit();
      }
    }
  }
}
