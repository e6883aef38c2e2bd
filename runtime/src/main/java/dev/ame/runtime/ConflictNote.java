package dev.ame.runtime;

/**
 * The location of an attempt's last conflict, noted where it was detected (a read whose orec
 * changed around it, a read-set entry that failed validation), and
 * handed to the profiler and JFR when the attempt aborts.
 *
 * <p>A read-set entry keeps only its orec and source site ({@link ReadLog}): its location is then
 * named from the site ({@link Sites#location}), without the object or the element index.
 */
final class ConflictNote {
  private Object holder;
  private int field;
  private int index;
  private int site;
  private int orec = -1;
  /** Only a site is known (a read-set entry): the location is the one that site reads. */
  private boolean bySite;

  void note(Object holder, int field, int index, int site, int orec) {
    this.holder = holder;
    this.field = field;
    this.index = index;
    this.site = site;
    this.orec = orec;
    this.bySite = false;
  }

  void noteRead(ReadLog reads) {
    int e = reads.lastConflictEntry();
    if (e >= 0) {
      long entry = reads.entries[e];
      holder = null;
      site = ReadLog.siteOf(entry);
      orec = ReadLog.orecOf(entry);
      bySite = true;
    }
  }

  /** No location is at fault (a block that asked to run alone, or a read-only attempt that must log). */
  void clear() {
    holder = null; // a location noted by an earlier attempt must not keep its object alive
    orec = -1;
  }

  boolean isSet() {
    return orec >= 0;
  }

  /** To the profiler and JFR: the conflict noted last, and the time the attempt wasted. */
  void report(ConflictProfiler.ThreadBlocks mine, String block, long attemptStart) {
    boolean profiling = ConflictProfiler.enabled();
    if (orec < 0 || !profiling && !Events.abortWanted()) {
      return; // nobody asked: no strings made at every abort
    }
    try {
      String location = bySite ? Sites.location(site)
          : field == Location.ARRAY && holder == null ? "?" : Location.describe(holder, field, index);
      String writer = ConflictProfiler.lastWriterOf(orec);
      long wasted = profiling ? ConflictProfiler.now() - attemptStart : 0;
      if (profiling) {
        ConflictProfiler.recordAbort(mine, block, location, site, writer, wasted);
      }
      Events.abort(block, location, Sites.describe(site), writer, wasted);
    } catch (Throwable diagnosticsFailed) {
      // Out of memory while describing it, say: the report loses one abort, the block goes on.
      // Never a Thread.stop: allocation is where the JVM delivers one, and it must not be lost.
      Txn.rethrowIfAsynchronous(diagnosticsFailed);
    }
    clear();
  }

  /** For the error a block running alone raises if it ever saw a conflict (it cannot). */
  String describe() {
    return bySite ? Sites.location(site) : orec < 0 ? "?" : Location.describe(holder, field, index);
  }
}
