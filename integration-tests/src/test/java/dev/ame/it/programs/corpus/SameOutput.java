package dev.ame.it.programs.corpus;

import dev.ame.it.programs.corpus.elsewhere.ForeignLabeled;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic, single-threaded tour of the corpus: it calls the {@code @Atomic} methods of
 * the other corpus programs and prints what they return and the state they leave. Its output must
 * be the same with and without the agent: rewriting may change speed, never meaning. It uses no
 * AME API, so it runs without the agent too.
 *
 * <p>Arguments name the sections to print (all when none). A section that throws prints the
 * exception instead, so that a difference shows as a line, not as a crash.
 */
public final class SameOutput {
  private static final Map<String, Section> SECTIONS = new LinkedHashMap<>();

  interface Section {
    void print() throws Throwable;
  }

  static {
    SECTIONS.put("dispatch", SameOutput::dispatch);
    SECTIONS.put("lambdas", SameOutput::lambdas);
    SECTIONS.put("constructors", SameOutput::constructors);
    SECTIONS.put("statics", SameOutput::statics);
    SECTIONS.put("invokedynamic", SameOutput::invokedynamic);
    SECTIONS.put("exceptions", SameOutput::exceptions);
    SECTIONS.put("monitorsAndPrimitives", SameOutput::monitorsAndPrimitives);
    // sections that meet the bugs also found by the corpus cases of the same names
    SECTIONS.put("packagePrivate", SameOutput::packagePrivate);
    SECTIONS.put("methodReferences", SameOutput::methodReferences);
    SECTIONS.put("constructorMixedWrites", SameOutput::constructorMixedWrites);
    SECTIONS.put("arrayClone", SameOutput::arrayClone);
    SECTIONS.put("classInitialization", SameOutput::classInitialization);
    SECTIONS.put("callerSensitive", SameOutput::callerSensitive);
    SECTIONS.put("defaultMethodOnLambda", SameOutput::defaultMethodOnLambda);
  }

  public static void main(String[] args) {
    for (String name : args.length == 0 ? List.copyOf(SECTIONS.keySet()) : List.of(args)) {
      System.out.println("== " + name);
      try {
        SECTIONS.get(name).print();
      } catch (Throwable t) {
        System.out.println(name + " threw " + t);
      }
    }
    System.out.println("== end");
  }

  private static void print(String what, Object value) {
    System.out.println(what + ": " + value);
  }

  static void dispatch() {
    Tally tally = new Tally();
    VirtualDispatch.Shape[] shapes = {new VirtualDispatch.Square(3), new VirtualDispatch.UnitSquare(),
        new VirtualDispatch.Rect(2, 5), new VirtualDispatch.Triangle(4, 6), new VirtualDispatch.Frame(5, 2),
        new VirtualDispatch.Cross(2)};
    for (VirtualDispatch.Shape s : shapes) {
      print("area of " + s.getClass().getSimpleName(), VirtualDispatch.measure(s, tally));
    }
    print("book, food, gift x2", VirtualDispatch.checkout(new VirtualDispatch.Book(), 2, tally) + " "
        + VirtualDispatch.checkout(new VirtualDispatch.Food(), 2, tally) + " "
        + VirtualDispatch.checkout(new VirtualDispatch.Gift(), 2, tally));
    print("names", VirtualDispatch.nameLength(new VirtualDispatch.Employee(), tally) + " "
        + VirtualDispatch.nameLength(new VirtualDispatch.Robot(), tally));
    print("levels", VirtualDispatch.valueAndTag(new VirtualDispatch.Level2(), tally) + " "
        + VirtualDispatch.valueAndTag(new VirtualDispatch.Level3(), tally));
    print("bridged", VirtualDispatch.bridged(new VirtualDispatch.Version(2, 1), new VirtualDispatch.Version(2, 3),
        new VirtualDispatch.BonusBox(1), new VirtualDispatch.Doubler(), tally));
    print("legs of offspring", VirtualDispatch.offspringLegs(new VirtualDispatch.Bird(), tally));
    print("default levels", VirtualDispatch.level(new VirtualDispatch.BothDefaults(), tally) + " "
        + VirtualDispatch.level(new VirtualDispatch.LateDefaults(), tally));
    print("money", VirtualDispatch.compareMoney(new VirtualDispatch.Money(5), new VirtualDispatch.Money(5),
        new VirtualDispatch.Money(6), tally));
    print("tally", tally.sum() + "/" + tally.count());
  }

  static void packagePrivate() {
    Tally tally = new Tally();
    print("label lengths", VirtualDispatch.labelLength(new VirtualDispatch.Labeled(), tally) + " "
        + VirtualDispatch.labelLength(new ForeignLabeled(), tally));
  }

  static void lambdas() throws Throwable {
    Tally tally = new Tally();
    UnrewrittenOverrides.Scorer add5 = x -> x + 5;
    print("lambda, twice", UnrewrittenOverrides.score(add5, 1, tally) + " " + UnrewrittenOverrides.score(add5.twice(), 1, tally));
    java.util.function.IntUnaryOperator composed = ((java.util.function.IntUnaryOperator) x -> x + 1).andThen(x -> x * 2);
    print("composed", UnrewrittenOverrides.score(composed::applyAsInt, 4, tally));
    print("hidden greeter", UnrewrittenOverrides.greetAndFarewell(UnrewrittenOverrides.newHiddenGreeter(), 3, tally));
    UnrewrittenOverrides.CountingHandler handler = new UnrewrittenOverrides.CountingHandler();
    UnrewrittenOverrides.Scorer proxy = (UnrewrittenOverrides.Scorer) java.lang.reflect.Proxy.newProxyInstance(
        UnrewrittenOverrides.Scorer.class.getClassLoader(), new Class<?>[] {UnrewrittenOverrides.Scorer.class}, handler);
    print("proxy", UnrewrittenOverrides.score(proxy, 6, tally) + " after " + handler.calls + " call(s)");
    Invokedynamics.Workshop workshop = new Invokedynamics.Workshop();
    print("workshop", workshop.work(12) + " made " + workshop.made);
    Invokedynamics.Stock stock = new Invokedynamics.Stock();
    print("references", Invokedynamics.useReferences(stock, 13) + " units " + stock.units);
    print("tally", tally.sum() + "/" + tally.count());
  }

  static void methodReferences() {
    UnrewrittenOverrides.Creature giant = new UnrewrittenOverrides.Giant();
    Tally tally = new Tally();
    print("bound, outside a block", giant.strengthScorer().score(2));
    print("unbound, outside a block", UnrewrittenOverrides.Creature.unboundStrength().score(giant, 2));
    print("bound, inside a block", UnrewrittenOverrides.score(giant.strengthScorer(), 2, tally));
  }

  static void defaultMethodOnLambda() {
    print("read back through a default method", UnrewrittenOverrides.addThenReadThroughDefault(x -> x, new Tally(), 5));
  }

  static void constructors() {
    Tally tally = new Tally();
    print("points", Constructors.buildPoints(5, tally));
    Constructors.Club club = new Constructors.Club();
    print("members", Constructors.join(club) + " " + Constructors.join(club) + " of " + club.members);
    print("anonymous", new Constructors.Base().countTwice(4));
    Constructors.LinkedList list = new Constructors.LinkedList();
    for (int i = 1; i <= 4; i++) {
      Constructors.append(list, i * 11);
    }
    StringBuilder chain = new StringBuilder();
    for (Constructors.Node n = list.head.next; n != null; n = n.next) {
      chain.append(n.value).append(n.previous.next == n ? "<>" : "!");
    }
    print("list", chain + " size " + list.size);
    Constructors.Rows rows = new Constructors.Rows();
    print("row block", Constructors.publishRow(rows, 9) + " " + Arrays.toString(rows.rows[0]));
    Constructors.Grids grids = new Constructors.Grids();
    for (int i = 0; i < 40; i++) {
      Constructors.bump(grids, i);
    }
    print("grids", Arrays.deepToString(grids.grid) + " " + Arrays.deepToString(grids.cube));
  }

  static void constructorMixedWrites() {
    print("gauges", Constructors.gauges(new Tally()));
  }

  static void arrayClone() {
    long[] values = {5, 6, 7};
    print("clone", Constructors.incrementAndClone(values, 1) + " " + Arrays.toString(values));
    print("enum values", StaticState.playByValues(6));
  }

  static void statics() {
    Tally tally = new Tally();
    for (int i = 0; i < 5; i++) {
      StaticState.push(i % Cases.THREADS, i * 3);
    }
    print("stack", StaticState.pushes + " pushes, top " + StaticState.top.value + ", " + Arrays.toString(StaticState.PER_THREAD_SUM));
    print("squares", StaticState.square(9, tally) + " " + StaticState.square(70, tally) + " lookups " + StaticState.Tables.lookups);
    StringBuilder plays = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      plays.append(StaticState.play(i, tally)).append(' ');
    }
    print("plays", plays + "CLUBS played " + StaticState.Suit.CLUBS.played);
    StringBuilder classes = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      classes.append(StaticState.classify(StaticState.Color.values()[i % 3], StaticState.WORDS[i], tally)).append(' ');
    }
    print("switches", classes);
  }

  static void classInitialization() {
    print("derived", StaticState.configureThenDerive() + " after " + StaticState.Settings.initializations + " initializations");
  }

  static void invokedynamic() {
    Invokedynamics.Journal journal = new Invokedynamics.Journal();
    journal.note(1, new Invokedynamics.Item(3));
    print("journal", journal.note(2, new Invokedynamics.Item(4)));
    Invokedynamics.Board board = new Invokedynamics.Board();
    print("record facts", Invokedynamics.place(board, 17) + " " + board.placed[0] + " rejected " + board.rejected);
    Invokedynamics.Ledger ledger = new Invokedynamics.Ledger();
    StringBuilder uses = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      uses.append(Invokedynamics.useResources(ledger, i)).append(' ');
    }
    print("resources", uses + "opened " + ledger.opened + " closed " + ledger.closed + " used " + ledger.used);
    Tally tally = new Tally();
    Object[] inputs = {5, 25, "hello", new int[3], new Invokedynamics.Item(7)};
    StringBuilder scores = new StringBuilder();
    for (Object o : inputs) {
      scores.append(Invokedynamics.describe(o, tally)).append(' ');
    }
    print("patterns", scores);
    try {
      Invokedynamics.Gauge gauge = new Invokedynamics.Gauge();
      print("handles", Invokedynamics.handles(gauge, 5) + " level " + gauge.level);
    } catch (Throwable e) {
      print("handles threw", e);
    }
  }

  static void callerSensitive() {
    print("own privates", Invokedynamics.reflectOnOwnPrivates(new Invokedynamics.Gauge()));
  }

  static void exceptions() {
    ExceptionsInBlocks.Account account = new ExceptionsInBlocks.Account();
    account.balance = 10;
    StringBuilder withdrawals = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      withdrawals.append(ExceptionsInBlocks.withdraw(account, 3) ? 'y' : 'n');
    }
    print("withdrawals", withdrawals + " balance " + account.balance + " accepted " + account.accepted + " rejected " + account.rejected);
    ExceptionsInBlocks.Visits visits = new ExceptionsInBlocks.Visits();
    for (int i = 0; i < 11; i++) {
      ExceptionsInBlocks.visit(visits, i);
    }
    print("visits", visits.entered + " " + visits.caught + " " + visits.finallies);
    ExceptionsInBlocks.Rejections rejections = new ExceptionsInBlocks.Rejections();
    try {
      ExceptionsInBlocks.rejectAfterWriting(rejections, 1, 42);
    } catch (ExceptionsInBlocks.Rejected e) {
      print("rejected", e.getMessage() + " same object " + (e == rejections.lastThrownBy[1]) + " sum " + rejections.sumBeforeThrow);
    }
    ExceptionsInBlocks.Store store = new ExceptionsInBlocks.Store();
    StringBuilder checked = new StringBuilder();
    for (int v = 5; v < 10; v++) {
      try {
        ExceptionsInBlocks.addChecked(store, v);
        checked.append("ok ");
      } catch (ExceptionsInBlocks.LimitExceeded e) {
        checked.append(e.getMessage()).append(' ');
      }
    }
    print("checked", checked + "attempts " + store.attempts + " total " + store.total);
    ExceptionsInBlocks.Traps traps = new ExceptionsInBlocks.Traps();
    StringBuilder trapped = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      trapped.append(ExceptionsInBlocks.trap(traps, i)).append(' ');
    }
    print("traps", trapped + Arrays.toString(traps.caught));
    ExceptionsInBlocks.Pair pair = new ExceptionsInBlocks.Pair();
    ExceptionsInBlocks.outerCatches(pair);
    print("nested", pair.inner + " " + pair.outer);
  }

  static void monitorsAndPrimitives() {
    MonitorsAndPrimitives.SynchronizedCounter counter = new MonitorsAndPrimitives.SynchronizedCounter();
    MonitorsAndPrimitives.countEverywhere(counter);
    print("synchronized", MonitorsAndPrimitives.countEverywhere(counter) + " " + MonitorsAndPrimitives.classLocked);
    MonitorsAndPrimitives.Resource a = new MonitorsAndPrimitives.Resource();
    MonitorsAndPrimitives.Resource b = new MonitorsAndPrimitives.Resource();
    MonitorsAndPrimitives.useBoth(a, b);
    MonitorsAndPrimitives.useBoth(b, a);
    print("nested monitors", a.uses + " " + b.uses);
    MonitorsAndPrimitives.AllKinds k = new MonitorsAndPrimitives.AllKinds();
    MonitorsAndPrimitives.AllArrays arrays = new MonitorsAndPrimitives.AllArrays();
    MonitorsAndPrimitives.Volatiles v = new MonitorsAndPrimitives.Volatiles();
    for (int i = 0; i < 101; i++) {
      MonitorsAndPrimitives.bumpAll(k);
      MonitorsAndPrimitives.bumpAllStatics();
      MonitorsAndPrimitives.bumpElements(arrays, i);
      MonitorsAndPrimitives.bumpVolatiles(v, i);
    }
    print("fields", MonitorsAndPrimitives.describeKinds(k.l, k.d, k.f, k.c, k.s, k.b, k.flag, k.flips, k.i));
    print("statics", MonitorsAndPrimitives.describeKinds(MonitorsAndPrimitives.staticL, MonitorsAndPrimitives.staticD,
        MonitorsAndPrimitives.staticF, MonitorsAndPrimitives.staticC, MonitorsAndPrimitives.staticS, MonitorsAndPrimitives.staticB,
        MonitorsAndPrimitives.staticFlag, MonitorsAndPrimitives.staticFlips, MonitorsAndPrimitives.staticI));
    print("elements", Arrays.toString(arrays.l) + Arrays.toString(arrays.d) + Arrays.toString(arrays.f)
        + Arrays.toString(new String(arrays.c).chars().toArray()) + Arrays.toString(arrays.s) + Arrays.toString(arrays.b) + Arrays.toString(arrays.flag)
        + " next free " + arrays.nextFree);
    print("volatiles", v.l + " " + v.i + " " + v.d + " " + v.flag + " " + v.flips + " " + v.snapshot.count + "/" + v.snapshot.sum);
  }
}
