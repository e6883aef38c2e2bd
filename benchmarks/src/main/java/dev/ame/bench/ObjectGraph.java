package dev.ame.bench;

import dev.ame.Atomic;

/**
 * A small STMBench7: a tree of assemblies (fan-out 3, 5 levels: 81 base assemblies) whose base
 * assemblies each use 3 composite parts out of a shared pool of 200; a composite part is a graph
 * of 20 atomic parts, each with fields {@code x}, {@code y}, {@code date} and links to 3 others of
 * the same composite part. An operation is one block of one of three kinds:
 * <ul>
 * <li><b>long traversal</b> (80%, read-only): every atomic part under a random assembly of the
 *     third level (9 base assemblies, 27 composite parts, 540 atomic parts), summing each part's
 *     fields and its links' dates: about 600 objects and 4000 reads;</li>
 * <li><b>short traversal</b> (10%, read-only): down a random path to a base assembly, into one of
 *     its composite parts, one atomic part and its links: about 10 objects;</li>
 * <li><b>update</b> (10%): down a random path to a composite part, then 4 random atomic parts of it
 *     swap {@code x} and {@code y} and advance their {@code date}, and the composite part counts
 *     the 4 updates.</li>
 * </ul>
 * Blocks conflict only where an update writes parts that another block is reading or writing:
 * long read-mostly blocks with few, short writers. Updates keep two invariants per composite part
 * that a lost or torn update breaks: the sum of {@code x + y} over its parts, and the sum of their
 * dates less the initial sum equal to its update counter. The three entry points run the very
 * same {@link #execute} code: plain, under the global lock, and as an atomic block; the random
 * choices come from a seed, so a re-run attempt makes the same ones.
 */
final class ObjectGraph {
  private static final int FAN_OUT = 3;
  private static final int LEVELS = 5;
  /** The level whose subtree a long traversal walks: 3 below it are 9 base assemblies. */
  private static final int LONG_TRAVERSAL_LEVEL = 3;
  private static final int COMPOSITES = 200;
  private static final int COMPONENTS = 3;
  private static final int PARTS = 20;
  private static final int LINKS = 3;
  private static final int UPDATED_PARTS = 4;
  private static final int LONG_BELOW = 80;
  private static final int SHORT_BELOW = 90;

  private static final class AtomicPart {
    int x;
    int y;
    int date;
    final AtomicPart[] links = new AtomicPart[LINKS];
  }

  private static final class CompositePart {
    final AtomicPart[] parts = new AtomicPart[PARTS];
    /** Parts updated so far: their dates have advanced by as much. */
    long updates;
    /** The invariants' references, set while the graph is built and only read by {@link ObjectGraph#check}. */
    long xySum;
    long initialDates;
  }

  /** A base assembly has components and no children; the others, children only. */
  private static final class Assembly {
    final Assembly[] children;
    final CompositePart[] components;

    Assembly(Assembly[] children, CompositePart[] components) {
      this.children = children;
      this.components = components;
    }
  }

  private final CompositePart[] pool = new CompositePart[COMPOSITES];
  private final Assembly root;

  /** The graph, drawn by a fixed seed: every variant starts from the same one. */
  ObjectGraph() {
    long rng = 17;
    for (int c = 0; c < COMPOSITES; c++) {
      CompositePart composite = new CompositePart();
      for (int p = 0; p < PARTS; p++) {
        AtomicPart part = new AtomicPart();
        rng = Rng.next(rng);
        part.x = Rng.below(rng, 1000);
        part.y = (int) ((rng & 0xFFFF) % 1000);
        part.date = (int) ((rng >>> 16) & 0xFFFF) % 1000;
        composite.parts[p] = part;
        composite.xySum += part.x + part.y;
        composite.initialDates += part.date;
      }
      for (AtomicPart part : composite.parts) {
        for (int l = 0; l < LINKS; l++) {
          rng = Rng.next(rng);
          part.links[l] = composite.parts[Rng.below(rng, PARTS)];
        }
      }
      pool[c] = composite;
    }
    long[] state = {rng};
    root = assembly(1, state);
  }

  private Assembly assembly(int level, long[] rng) {
    if (level == LEVELS) {
      CompositePart[] components = new CompositePart[COMPONENTS];
      for (int c = 0; c < COMPONENTS; c++) {
        rng[0] = Rng.next(rng[0]);
        components[c] = pool[Rng.below(rng[0], COMPOSITES)];
      }
      return new Assembly(null, components);
    }
    Assembly[] children = new Assembly[FAN_OUT];
    for (int c = 0; c < FAN_OUT; c++) {
      children[c] = assembly(level + 1, rng);
    }
    return new Assembly(children, null);
  }

  boolean executePlain(int roll, int unused, long seed) {
    return execute(roll, seed);
  }

  boolean executeLocked(int roll, int unused, long seed) {
    synchronized (GlobalLock.LOCK) {
      return execute(roll, seed);
    }
  }

  @Atomic
  boolean executeAtomic(int roll, int unused, long seed) {
    return execute(roll, seed);
  }

  private boolean execute(int roll, long seed) {
    long rng = seed | 1; // a xorshift state must not be 0
    if (roll < LONG_BELOW) {
      return sum(descend(root, LONG_TRAVERSAL_LEVEL - 1, rng)) > 0;
    }
    Assembly base = descend(root, LEVELS - 1, rng);
    rng = Rng.next(rng);
    CompositePart composite = base.components[Rng.below(rng, COMPONENTS)];
    if (roll < SHORT_BELOW) {
      AtomicPart part = composite.parts[(int) ((rng & 0xFFFF) % PARTS)];
      return sum(part) > 0;
    }
    for (int u = 0; u < UPDATED_PARTS; u++) {
      rng = Rng.next(rng);
      AtomicPart part = composite.parts[Rng.below(rng, PARTS)];
      int x = part.x;
      part.x = part.y;
      part.y = x;
      part.date++;
    }
    composite.updates += UPDATED_PARTS;
    return true;
  }

  /** Down {@code steps} levels from {@code assembly}, each time to a child that {@code rng} picks. */
  private static Assembly descend(Assembly assembly, int steps, long rng) {
    for (int s = 0; s < steps; s++) {
      assembly = assembly.children[(int) ((rng >>> (8 * s)) & 0xFF) % FAN_OUT];
    }
    return assembly;
  }

  /** The fields of every atomic part under {@code assembly}, and the dates of their links. */
  private static long sum(Assembly assembly) {
    long sum = 0;
    if (assembly.children != null) {
      for (Assembly child : assembly.children) {
        sum += sum(child);
      }
      return sum;
    }
    for (CompositePart composite : assembly.components) {
      for (AtomicPart part : composite.parts) {
        sum += sum(part);
      }
    }
    return sum;
  }

  private static long sum(AtomicPart part) {
    long sum = part.x + part.y + part.date;
    for (AtomicPart link : part.links) {
      sum += link.date;
    }
    return sum;
  }

  /**
   * Null when every composite part's {@code x + y} sum is what it was and its dates advanced by its
   * update count, else what is wrong.
   */
  String check() {
    for (int c = 0; c < COMPOSITES; c++) {
      long xy = 0;
      long dates = 0;
      for (AtomicPart part : pool[c].parts) {
        xy += part.x + part.y;
        dates += part.date;
      }
      if (xy != pool[c].xySum || dates - pool[c].initialDates != pool[c].updates) {
        return "composite part " + c + ": x + y sums to " + xy + " (expected " + pool[c].xySum + "), dates advanced by "
            + (dates - pool[c].initialDates) + " in " + pool[c].updates + " updates";
      }
    }
    return null;
  }
}
