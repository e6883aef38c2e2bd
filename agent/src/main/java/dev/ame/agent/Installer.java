package dev.ame.agent;

import java.lang.instrument.Instrumentation;
import com.github.benmanes.caffeine.cache.Caffeine;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the class transformer: a ByteBuddy {@link AgentBuilder} that matches the classes in
 * {@link Scope} and applies {@link TwinVisitorWrapper} to each as it is loaded. A class that cannot
 * be rewritten is reported once and left as it was; calls into it from atomic blocks then run
 * irrevocably (see the runtime's {@code Linker}).
 */
final class Installer {
  private Installer() {}

  static void install(AgentOptions options, Instrumentation inst, boolean lateAttach) {
    AgentLog log = new AgentLog(options.log);
    AgentConfig config = options.config == null ? AgentConfig.EMPTY : AgentConfig.read(options.config);
    Scope scope = new Scope(config);
    if (!config.directives().isEmpty()) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        for (String typo : config.unmatched()) {
          System.err.println("[ame] warning: " + typo);
        }
      }, "ame-config-report"));
    }
    if (options.report != null) {
      ConflictReports.install(options.report, log);
    }
    initializeRuntime(log);
    startJmx(log);
    // JDK library code called from blocks runs in twins, made when first called (nothing happens now).
    dev.ame.runtime.JdkTwins.install(new JdkTwinFactory(inst, log));
    if (lateAttach) {
      log.warnOnce("late-attach", "attached to a running JVM: only classes loaded from now on are rewritten");
    }
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    RuntimeVisibility runtime = new RuntimeVisibility(log);
    // Decorating with visitors needs no method graph of the type's hierarchy: skip computing it.
    ByteBuddy byteBuddy = new ByteBuddy()
        .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
        .with(TypeValidation.DISABLED);
    new AgentBuilder.Default(byteBuddy)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(new AgentBuilder.PoolStrategy.WithTypePoolCache.Simple(typePoolCaches()))
        .with(new Listener(log))
        .ignore(ElementMatchers.none())
        .type((type, loader, module, redefined, domain) ->
            loader != null && loader != platform && scope.includesLoaded(type.getName()) && runtime.isVisibleFrom(loader))
        .transform((builder, type, loader, module, domain) -> builder.visit(new TwinVisitorWrapper(config, scope, log)))
        .installOn(inst);
    log.info("installed: classes of the application are rewritten as they load");
  }

  /** The runtime classes that the block protocol goes through (see {@link #initializeRuntime}). */
  private static final String[] PROTOCOL_CLASSES = {
      "dev.ame.runtime.Txn", "dev.ame.runtime.ControlSignal", "dev.ame.runtime.SerialGate", "dev.ame.runtime.Published",
      "dev.ame.runtime.Orecs", "dev.ame.runtime.Barriers", "dev.ame.runtime.Linker", "dev.ame.runtime.Dispatch",
      "dev.ame.runtime.Fields", "dev.ame.runtime.FieldRef", "dev.ame.runtime.Location", "dev.ame.runtime.Sites",
      "dev.ame.runtime.SafeCalls", "dev.ame.runtime.Backoff", "dev.ame.runtime.Stats", "dev.ame.runtime.FaultInjection",
      "dev.ame.runtime.ConflictProfiler", "dev.ame.runtime.TxnControl", "dev.ame.TxCounter",
      "dev.ame.runtime.Speculation", "dev.ame.runtime.ReadLog", "dev.ame.runtime.RedoLog", "dev.ame.runtime.UndoLog",
      "dev.ame.runtime.BlockHint", "dev.ame.runtime.Regime", "dev.ame.runtime.ConflictNote", "dev.ame.runtime.ConsoleOutput",
      "dev.ame.runtime.SharedStructures", "dev.ame.runtime.CounterCells",
      // the JFR events of the abort and commit paths: a first abort that met a full heap left
      // Events$Abort unusable (ExceptionInInitializerError, then NoClassDefFoundError at every abort)
      "dev.ame.runtime.Events", "dev.ame.runtime.Events$Abort", "dev.ame.runtime.Events$Commit",
      "dev.ame.runtime.Events$Irrevocable"};

  /**
   * Initializes the runtime's protocol classes at startup, on a thread of the agent (off the main
   * thread: it costs tens of milliseconds, which a program that never runs a block should not
   * wait for). Left to the first application thread that needs one (the first abort, say), a
   * {@code Thread.stop} landing in its static initializer would leave the class unusable
   * ({@code NoClassDefFoundError} in every block) for the rest of the run; an application thread
   * that meanwhile needs a class waits for this thread's initialization of it, and a stop there
   * harms nothing.
   */
  private static void initializeRuntime(AgentLog log) {
    Thread init = new Thread(() -> {
      for (String name : PROTOCOL_CLASSES) {
        try {
          Class.forName(name, true, Installer.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          log.warnOnce(name, "could not initialize " + name + ": " + e);
        }
      }
    }, "ame-init");
    init.setDaemon(true);
    init.start();
  }

  /** Registers {@code dev.ame:type=Transactions} off the main thread: JMX takes a while to start. */
  private static void startJmx(AgentLog log) {
    Thread jmx = new Thread(() -> {
      try {
        dev.ame.runtime.Transactions.register();
      } catch (Exception | LinkageError e) {
        log.warnOnce("jmx", "could not register the MBean " + dev.ame.runtime.Transactions.NAME + ": " + e);
      }
    }, "ame-jmx");
    jmx.setDaemon(true);
    jmx.setPriority(Thread.MIN_PRIORITY);
    jmx.start();
  }

  /**
   * Class file descriptions, cached per class loader across transformations (frames and field
   * facts read the same classes again and again); weak keys let a discarded loader go.
   */
  private static java.util.concurrent.ConcurrentMap<ClassLoader, TypePool.CacheProvider> typePoolCaches() {
    return Caffeine.newBuilder().weakKeys().<ClassLoader, TypePool.CacheProvider>build().asMap();
  }

  /** Reports classes that could not be rewritten, once each, and what rewriting costs. */
  private static final class Listener extends AgentBuilder.Listener.Adapter {
    private final AgentLog log;
    private final ThreadLocal<long[]> started = ThreadLocal.withInitial(() -> new long[1]);
    private final java.util.concurrent.atomic.LongAdder nanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder classes = new java.util.concurrent.atomic.LongAdder();

    Listener(AgentLog log) {
      this.log = log;
      if (log.infoEnabled()) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> log.info(String.format(
            "rewrote %d classes in %.1f ms (%.2f ms per class, matching and writing included)",
            classes.sum(), nanos.sum() / 1e6, classes.sum() == 0 ? 0 : nanos.sum() / 1e6 / classes.sum())), "ame-cost-report"));
      }
    }

    @Override
    public void onDiscovery(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
      started.get()[0] = System.nanoTime();
    }

    @Override
    public void onComplete(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
      nanos.add(System.nanoTime() - started.get()[0]);
    }

    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
      log.warnOnce(typeName, "could not rewrite " + typeName + " (" + error
          + "); it runs unchanged and atomic blocks that call into it run irrevocably");
    }

    @Override
    public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
        DynamicType dynamicType) {
      classes.increment();
      log.debug("rewrote " + type.getName());
    }
  }
}
