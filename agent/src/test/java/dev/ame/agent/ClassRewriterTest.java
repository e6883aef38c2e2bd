package dev.ame.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ame.agent.corpus.Shapes;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/** Rewrites the corpus classes, verifies what comes out, and runs it in a child-first loader. */
class ClassRewriterTest {
  private static final String[] CORPUS = {
      "dev.ame.agent.corpus.Shapes", "dev.ame.agent.corpus.Shapes$Inner", "dev.ame.agent.corpus.Shapes$Greeter",
      "dev.ame.agent.corpus.Shapes$Polite", "dev.ame.agent.corpus.Legacy"};
  /** The legacy corpus is converted: its synchronized methods and blocks become atomic. */
  private static final AgentConfig CONFIG = configConverting("dev.ame.agent.corpus.Legacy");

  private static AgentConfig configConverting(String className) {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("ame", ".conf");
      java.nio.file.Files.writeString(file, "synchronized " + className + "\n");
      return AgentConfig.read(file.toString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static byte[] rewrite(String className) throws IOException {
    byte[] original;
    try (InputStream in = ClassRewriterTest.class.getResourceAsStream("/" + className.replace('.', '/') + ".class")) {
      original = in.readAllBytes();
    }
    return rewrite(original);
  }

  static byte[] rewrite(byte[] original) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    ClassRewriter rewriter = new ClassRewriter(writer, new FieldFacts(TypePool.Default.ofSystemLoader()), CONFIG,
        new Scope(CONFIG), new AgentLog("warn"));
    new ClassReader(original).accept(rewriter, ClassReader.EXPAND_FRAMES);
    return writer.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "dev.ame.agent.corpus.Shapes", "dev.ame.agent.corpus.Shapes$Inner", "dev.ame.agent.corpus.Shapes$Greeter",
      "dev.ame.agent.corpus.Shapes$Polite", "dev.ame.agent.corpus.Legacy"})
  void rewrite_producesVerifiableClassWithATwinPerMethod(String className) throws IOException {
    byte[] rewritten = rewrite(className);
    StringWriter problems = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(rewritten), getClass().getClassLoader(), false, new PrintWriter(problems));
    assertEquals("", problems.toString(), "verifier found problems in " + className);
    ClassNode node = new ClassNode();
    new ClassReader(rewritten).accept(node, 0);
    long originals = node.methods.stream().filter(m -> !m.desc.contains("Ldev/ame/runtime/Txn;")
        && (m.access & (org.objectweb.asm.Opcodes.ACC_ABSTRACT | org.objectweb.asm.Opcodes.ACC_NATIVE)) == 0
        && !m.name.equals("<clinit>") && !m.name.endsWith("$ame$dispatch")).count();
    long twins = node.methods.stream().filter(m -> m.desc.contains("Ldev/ame/runtime/Txn;") && !m.name.endsWith("$alone")).count();
    assertEquals(originals, twins, "one twin per method with a body");
    long constructors = node.methods.stream().filter(m -> m.name.equals("<init>") && !m.desc.contains("Ldev/ame/runtime/Txn;")).count();
    long aloneTwins = node.methods.stream().filter(m -> m.name.endsWith("$alone")).count();
    assertEquals(originals - constructors, aloneTwins, "one alone twin per method with a body, constructors aside");
    for (MethodNode m : node.methods) {
      if (m.name.endsWith("$alone")) {
        for (AbstractInsnNode n : m.instructions) {
          if (n instanceof MethodInsnNode && ((MethodInsnNode) n).owner.equals(RuntimeNames.BARRIERS)) {
            String barrier = ((MethodInsnNode) n).name;
            assertTrue(barrier.startsWith("undo") || barrier.endsWith("InPlace") || barrier.equals("arraycopy")
                || barrier.equals("cloneArray") || barrier.equals("irrevocable") || barrier.startsWith("waitRetry")
                || barrier.equals("notifyNoop"), m.name + " of " + className + " calls " + barrier + ", which an alone twin never needs");
          }
        }
      }
    }
    if (className.endsWith("Shapes")) {
      assertTrue(node.methods.stream().anyMatch(m -> m.name.endsWith("$ame$dispatch")), "the lambda got no dispatcher");
    }
  }

  /**
   * A constructor twin makes its object the attempt's own (the runtime's CapturedObjects, written
   * in place) right after its super or this constructor returns, before any barrier of its body;
   * every new array of a twin likewise, as it is made.
   */
  @Test
  void constructorTwin_capturesItsObjectAfterSuper_andEachNewArray() throws IOException {
    ClassNode node = new ClassNode();
    new ClassReader(rewrite("dev.ame.agent.corpus.Shapes")).accept(node, 0);
    MethodNode twin = node.methods.stream()
        .filter(m -> m.name.equals("<init>") && m.desc.equals("(J" + RuntimeNames.TXN_DESC + ")V")).findFirst().orElseThrow();
    java.util.List<String> calls = new java.util.ArrayList<>();
    int arraysMade = 0;
    for (AbstractInsnNode n : twin.instructions) {
      int op = n.getOpcode();
      if (op == org.objectweb.asm.Opcodes.NEWARRAY || op == org.objectweb.asm.Opcodes.ANEWARRAY
          || op == org.objectweb.asm.Opcodes.MULTIANEWARRAY) {
        arraysMade++;
      } else if (n instanceof MethodInsnNode) {
        MethodInsnNode call = (MethodInsnNode) n;
        calls.add(call.owner.equals(RuntimeNames.BARRIERS) ? call.name : call.name + " of " + call.owner);
      }
    }
    assertEquals("<init> of java/lang/Object", calls.get(0), "the super constructor first: " + calls);
    assertEquals("captured", calls.get(1), "then the object is the attempt's own: " + calls);
    assertEquals(1, calls.stream().filter("captured"::equals).count(), calls.toString());
    assertTrue(arraysMade >= 9, "the corpus's field initializers make arrays");
    assertEquals(arraysMade, calls.stream().filter("capturedArray"::equals).count(), "one capture per new array: " + calls);
  }

  @Test
  void rewrittenCorpus_runsItsBlocksTransactionally() throws Exception {
    ClassLoader loader = new ChildFirstLoader();
    Class<?> shapes = loader.loadClass(Shapes.class.getName());
    Object instance = shapes.getConstructor().newInstance();
    Method everyKind = shapes.getMethod("everyKind", long.class, double.class, int.class);
    Object first = everyKind.invoke(instance, 2L, 1.5, 3);
    Object second = everyKind.invoke(instance, 2L, 1.5, 3);
    // The same code run untransformed gives the same answers.
    Shapes plain = new Shapes();
    assertEquals(plain.everyKind(2, 1.5, 3), first);
    assertEquals(plain.everyKind(2, 1.5, 3), second);
    Method controlFlow = shapes.getMethod("controlFlow", int.class);
    assertEquals("zero", controlFlow.invoke(instance, 0));
    assertEquals("caught", controlFlow.invoke(instance, -1));
    assertEquals("many:15", controlFlow.invoke(instance, 5));
    assertEquals(45L, shapes.getMethod("staticBlock", int.class).invoke(null, 10));
    assertEquals("hello t", shapes.getMethod("viaDefault").invoke(instance));
    assertTrue(dev.ame.Ame.statistics().commits() >= 7, "the blocks ran as transactions");
  }

  @Test
  void convertedSynchronizedCode_keepsItsMeaningAndRunsAsBlocks() throws Exception {
    ClassLoader loader = new ChildFirstLoader();
    Class<?> legacy = loader.loadClass(dev.ame.agent.corpus.Legacy.class.getName());
    Object converted = legacy.getConstructor().newInstance();
    dev.ame.agent.corpus.Legacy plain = new dev.ame.agent.corpus.Legacy();
    long before = dev.ame.Ame.statistics().commits();
    for (int n : new int[] {-1, 0, 1, 2, 5, 9}) {
      assertEquals(plain.loopInside(n), legacy.getMethod("loopInside", int.class).invoke(converted, n));
      assertEquals(plain.branchesAndEarlyReturn(n), legacy.getMethod("branchesAndEarlyReturn", int.class).invoke(converted, n));
      assertEquals(plain.exceptionInside(n), legacy.getMethod("exceptionInside", int.class).invoke(converted, n));
      assertEquals(plain.nestedAndCaught(n), legacy.getMethod("nestedAndCaught", int.class).invoke(converted, n));
      legacy.getMethod("add", long.class).invoke(converted, (long) n);
      plain.add(n);
    }
    assertEquals(plain.total(), legacy.getMethod("total").invoke(converted));
    for (int i = 0; i < 4; i++) {
      assertEquals(plain.count(i), legacy.getMethod("count", int.class).invoke(converted, i));
    }
    assertTrue(dev.ame.Ame.statistics().commits() - before >= 30, "the synchronized code ran as transactions");
  }

  @Test
  void java5ClassFile_withoutFrames_getsTwinsThatVerify() throws IOException {
    byte[] modern;
    try (InputStream in = ClassRewriterTest.class.getResourceAsStream("/dev/ame/agent/corpus/Legacy.class")) {
      modern = in.readAllBytes();
    }
    // The same class as a Java 5 compiler would have left it: version 49, no stack map frames.
    ClassWriter old = new ClassWriter(0);
    new ClassReader(modern).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9, old) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        super.visit(org.objectweb.asm.Opcodes.V1_5, access, name, signature, superName, interfaces);
      }
    }, ClassReader.SKIP_FRAMES);
    byte[] rewritten = rewrite(old.toByteArray());
    StringWriter problems = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(rewritten), getClass().getClassLoader(), false, new PrintWriter(problems));
    assertEquals("", problems.toString());
    ClassNode node = new ClassNode();
    new ClassReader(rewritten).accept(node, 0);
    assertTrue(node.methods.stream().anyMatch(m -> m.name.equals("loopInside$ame")), "no twin for the old class");
  }

  /** Loads the corpus rewritten, everything else from the parent. */
  private static final class ChildFirstLoader extends ClassLoader {
    private final Map<String, Class<?>> defined = new HashMap<>();

    ChildFirstLoader() {
      super(ClassRewriterTest.class.getClassLoader());
    }

    @Override
    protected synchronized Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      for (String c : CORPUS) {
        if (c.equals(name)) {
          Class<?> known = defined.get(name);
          if (known == null) {
            try {
              byte[] bytes = rewrite(name);
              known = defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
              throw new ClassNotFoundException(name, e);
            }
            defined.put(name, known);
          }
          return known;
        }
      }
      return super.loadClass(name, resolve);
    }
  }
}
