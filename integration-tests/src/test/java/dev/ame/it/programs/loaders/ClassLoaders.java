package dev.ame.it.programs.loaders;

import static dev.ame.it.programs.Checks.expect;

import dev.ame.it.programs.Checks;
import dev.ame.it.programs.Statistics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Application classes that do not come from the class path: two sibling "webapps" of a web
 * container (child-first loaders, one reading a directory, one a jar), a loader that does not
 * delegate to the system class loader, a class defined at run time with
 * {@code Lookup.defineClass}, and a hidden class. Each case checks the outcome DESIGN.md promises
 * for it: atomic blocks (no hit lost in 4 threads), or a class left unchanged, reported, and
 * called irrevocably from blocks. Prints "OK name" or "FAIL name: why" per case.
 *
 * <p>Usage: {@code ClassLoaders case...} (every case when none is named).
 */
public final class ClassLoaders {
  private static final String WEBAPP = "dev.ame.it.programs.loaders.webapp.";
  private static final long HITS = (long) Hammer.THREADS * Hammer.TIMES;

  private ClassLoaders() {}

  public static void main(String[] args) throws Exception {
    Map<String, Checks.Check> cases = new LinkedHashMap<>();
    cases.put("childFirstWebapps_siblingCopiesOfAClass_areEachAtomic", ClassLoaders::siblingWebapps);
    cases.put("isolatedLoader_withoutTheRuntime_isReportedAndLeftUnchanged", ClassLoaders::isolatedLoader);
    cases.put("lookupDefineClass_atRunTime_isRewrittenAndAtomic", ClassLoaders::definedAtRunTime);
    cases.put("hiddenClass_isLeftUnchanged_andRunsIrrevocablyInsideBlocks", ClassLoaders::hiddenClass);
    Checks checks = new Checks();
    for (String name : args.length > 0 ? List.of(args) : List.copyOf(cases.keySet())) {
      checks.check(name, cases.get(name));
    }
    System.out.println("transactions: " + Statistics.describe());
    checks.exitIfFailed();
  }

  private static Path programs() throws Exception {
    return Path.of(ClassLoaders.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Hits a webapp's counter from 4 threads: no hit may be lost. */
  private static void expectAtomic(LongSupplier counter, Runnable body, String what) throws Exception {
    long hitsBefore = counter.getAsLong();
    long commitsBefore = Statistics.counter(Statistics.snapshot(), "commits");
    Hammer.hammer(body);
    long commits = Statistics.counter(Statistics.snapshot(), "commits") - commitsBefore;
    long hits = counter.getAsLong() - hitsBefore;
    expect(hits == HITS, what + ": " + hits + " hits counted of " + HITS);
    expect(commits >= HITS, what + ": only " + commits + " blocks committed for " + HITS + " hits");
  }

  static void siblingWebapps() throws Exception {
    ClassLoader container = ClassLoaders.class.getClassLoader();
    Path jar = jarOfWebapp();
    try (URLClassLoader a = new ChildFirstLoader("webapp-a", programs().toUri().toURL(), WEBAPP, container);
        URLClassLoader b = new ChildFirstLoader("webapp-b", jar.toUri().toURL(), WEBAPP, container)) {
      Object counterA = a.loadClass(WEBAPP + "Counter").getDeclaredConstructor().newInstance();
      Object counterB = b.loadClass(WEBAPP + "Counter").getDeclaredConstructor().newInstance();
      expect(counterA.getClass() != counterB.getClass() && counterA.getClass().getClassLoader() == a
          && counterB.getClass().getClassLoader() == b, "the webapps do not have their own copies of Counter");
      expectAtomic((LongSupplier) counterA, (Runnable) counterA, "webapp a (a directory)");
      expectAtomic((LongSupplier) counterB, (Runnable) counterB, "webapp b (a jar)");
      expect(((LongSupplier) counterA).getAsLong() == HITS, "webapp b's hits reached webapp a's copy");
    }
  }

  static void isolatedLoader() throws Exception {
    // Its parent is the platform loader: it cannot see the AME runtime on the system class path.
    try (URLClassLoader isolated = new URLClassLoader("isolated", new URL[] {programs().toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      Object counter = isolated.loadClass(WEBAPP + "Counter").getDeclaredConstructor().newInstance();
      long commitsBefore = Statistics.counter(Statistics.snapshot(), "commits");
      for (int i = 0; i < 1000; i++) {
        ((Runnable) counter).run();
      }
      long commits = Statistics.counter(Statistics.snapshot(), "commits") - commitsBefore;
      expect(((LongSupplier) counter).getAsLong() == 1000, "hits " + ((LongSupplier) counter).getAsLong());
      expect(commits == 0, "the isolated loader's class ran " + commits + " blocks: it was rewritten");
      // Called from a block of a rewritten class, its code runs irrevocably: atomic again.
      expectAtomic((LongSupplier) counter, () -> Blocks.runInside((Runnable) counter), "isolated counter inside blocks");
    }
  }

  static void definedAtRunTime() throws Exception {
    Object defined = MethodHandles.lookup().defineClass(bytesOf("Defined"))
        .getDeclaredConstructor().newInstance();
    expectAtomic((LongSupplier) defined, (Runnable) defined, "a class defined by Lookup.defineClass");
  }

  static void hiddenClass() throws Exception {
    MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytesOf("Defined"), true);
    Object own = hidden.lookupClass().getDeclaredConstructor().newInstance();
    long commitsBefore = Statistics.counter(Statistics.snapshot(), "commits");
    for (int i = 0; i < 1000; i++) {
      ((Runnable) own).run();
    }
    long commits = Statistics.counter(Statistics.snapshot(), "commits") - commitsBefore;
    expect(commits == 0, "the hidden class's @Atomic method ran " + commits + " blocks: it was rewritten");
    Object inside = hidden.lookupClass().getDeclaredConstructor().newInstance();
    long irrevocableBefore = Statistics.counter(Statistics.snapshot(), "irrevocableRuns");
    expectAtomic((LongSupplier) inside, () -> Blocks.runInside((Runnable) inside), "hidden class inside blocks");
    expect(Statistics.counter(Statistics.snapshot(), "irrevocableRuns") - irrevocableBefore >= HITS,
        "the blocks calling the hidden class did not run irrevocably");
  }

  /** The bytes of a class of this package, read as a resource (the class itself is not loaded). */
  private static byte[] bytesOf(String simpleName) throws IOException {
    try (InputStream in = ClassLoaders.class.getResourceAsStream(simpleName + ".class")) {
      return in.readAllBytes();
    }
  }

  private static Path jarOfWebapp() throws Exception {
    Path jar = Files.createTempFile("webapp", ".jar");
    jar.toFile().deleteOnExit();
    Path root = programs();
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
        Stream<Path> files = Files.list(root.resolve(WEBAPP.replace('.', '/')))) {
      for (Path f : files.toList()) {
        j.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
        j.write(Files.readAllBytes(f));
        j.closeEntry();
      }
    }
    return jar;
  }
}
