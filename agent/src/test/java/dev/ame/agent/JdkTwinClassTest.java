package dev.ame.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Twins the JDK classes that issue 13 names (from the running JDK's own class files), verifies
 * every twin class, and checks what its methods may and may not contain.
 */
class JdkTwinClassTest {
  private static final JdkClassFiles FILES = new JdkClassFiles();
  private static final JdkTwinClass GENERATOR = new JdkTwinClass(FILES, new AgentLog("warn"));

  private static ClassNode twin(String internalName) throws IOException {
    byte[] bytes = GENERATOR.generate(internalName);
    assertNotNull(bytes, internalName);
    StringWriter problems = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(bytes), JdkTwinClassTest.class.getClassLoader(), false, new PrintWriter(problems));
    assertEquals("", problems.toString(), "the verifier found problems in the twin of " + internalName);
    ClassNode node = new ClassNode();
    new ClassReader(bytes).accept(node, 0);
    return node;
  }

  private static ClassNode original(String internalName) throws IOException {
    ClassNode node = new ClassNode();
    new ClassReader(FILES.read(internalName)).accept(node, 0);
    return node;
  }

  @ParameterizedTest
  @ValueSource(strings = {"java/util/HashMap", "java/util/HashMap$Node", "java/util/HashMap$TreeNode",
      "java/util/HashMap$HashIterator", "java/util/LinkedHashMap", "java/util/TreeMap", "java/util/TreeMap$NavigableSubMap",
      "java/util/ArrayList", "java/util/ArrayList$SubList", "java/util/LinkedList", "java/util/ArrayDeque",
      "java/util/PriorityQueue", "java/util/HashSet", "java/util/TreeSet", "java/util/IdentityHashMap", "java/util/EnumMap",
      "java/util/BitSet", "java/util/Collections", "java/util/Collections$SynchronizedMap", "java/util/Arrays",
      "java/util/ImmutableCollections$MapN", "java/util/Random", "java/util/Optional", "java/util/Objects",
      "java/util/Map", "java/util/List", "java/util/Iterator", "java/lang/AbstractStringBuilder", "java/lang/StringBuilder",
      "java/lang/String", "java/lang/ThreadLocal", "java/lang/ThreadLocal$ThreadLocalMap", "jdk/internal/util/ArraysSupport"})
  void generate_verifiesWithATwinPerMethodWithABody(String internalName) throws IOException {
    ClassNode twin = twin(internalName);
    ClassNode original = original(internalName);
    Set<String> twins = twin.methods.stream().map(m -> m.name).collect(Collectors.toSet());
    List<MethodNode> withBody = original.methods.stream()
        .filter(m -> (m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0 && !m.name.startsWith("<"))
        .collect(Collectors.toList());
    for (String suffix : new String[] {"$ame", "$alone"}) {
      long missing = withBody.stream().filter(m -> !twins.contains(m.name + suffix)).count();
      assertTrue(missing <= withBody.size() / 20,
          missing + " of " + withBody.size() + " methods of " + internalName + " got no " + suffix + " twin");
    }
    assertEquals(internalName + "$$AmeTwin", twin.name);
    assertEquals(original.sourceFile, twin.sourceFile, "the twin keeps the source file for stack traces");
    for (MethodNode m : twin.methods) {
      assertTrue((m.access & Opcodes.ACC_STATIC) != 0, m.name + " is static");
      assertFalse(m.desc.contains("dev/ame"), m.name + m.desc + " names the runtime, which java.base cannot see");
      for (AbstractInsnNode n : m.instructions) {
        assertFalse(n.getOpcode() == Opcodes.MONITORENTER, "monitors are elided in " + m.name);
        if (n instanceof MethodInsnNode) {
          assertFalse(((MethodInsnNode) n).owner.startsWith("dev/ame"), m.name + " calls the runtime directly");
        }
      }
    }
  }

  @Test
  void generate_hashMapGet_readsThroughBarriersAndCallsThroughTheBridge() throws IOException {
    ClassNode hashMap = twin("java/util/HashMap");
    MethodNode get = method(hashMap, "get$ame");
    assertEquals("(Ljava/util/HashMap;Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", get.desc);
    List<String> bridged = bridgedCalls(get);
    assertTrue(bridged.contains("barrier readA"), "the node's value is read through a barrier: " + bridged);
    assertTrue(directCalls(get).contains("getNode$ame"), "getNode is final: its twin is called directly");
    MethodNode putVal = method(hashMap, "putVal$ame");
    assertTrue(bridgedCalls(putVal).contains("call afterNodeInsertion"),
        "LinkedHashMap overrides afterNodeInsertion: the runtime dispatches on the receiver");
    MethodNode getNode = method(hashMap, "getNode$ame");
    List<String> barriers = bridgedCalls(getNode);
    assertTrue(barriers.contains("barrier readA"), "field reads: " + barriers);
    assertTrue(barriers.contains("barrier readAA"), "the table's elements: " + barriers);
  }

  /** The alone twin runs only in place: plain loads, stores after keeping the old value, calls marked alone. */
  @Test
  void generate_hashMapAloneTwins_loadPlainlyAndCallAloneTwins() throws IOException {
    ClassNode hashMap = twin("java/util/HashMap");
    MethodNode get = method(hashMap, "get$alone");
    assertEquals(method(hashMap, "get$ame").desc, get.desc);
    assertTrue(directCalls(get).contains("getNode$alone"), "getNode's alone twin is called directly");
    List<String> reads = bridgedCalls(method(hashMap, "getNode$alone"));
    assertTrue(reads.stream().noneMatch(b -> b.startsWith("barrier read") || b.equals("barrier writesInPlace")),
        "an alone twin reads plainly: " + reads);
    MethodNode putVal = method(hashMap, "putVal$alone");
    List<String> writes = bridgedCalls(putVal);
    assertTrue(writes.contains("barrier writeAAInPlace"), "a table store keeps the old element first: " + writes);
    assertTrue(writes.stream().anyMatch(b -> b.startsWith("barrier undo")), "a field store keeps the old value first: " + writes);
    assertTrue(writes.stream().noneMatch(b -> b.matches("barrier write[A-Z]+")), "nothing is logged for later: " + writes);
    InvokeDynamicInsnNode afterInsertion = java.util.stream.StreamSupport.stream(putVal.instructions.spliterator(), false)
        .filter(n -> n instanceof InvokeDynamicInsnNode && ((InvokeDynamicInsnNode) n).name.equals("afterNodeInsertion"))
        .map(n -> (InvokeDynamicInsnNode) n).findFirst().orElseThrow();
    assertEquals(RuntimeNames.VIRTUAL | RuntimeNames.ALONE, afterInsertion.bsmArgs[1], "the runtime binds it to an alone twin");
  }

  @Test
  void generate_synchronizedMap_handlersRethrowTheSignalOutsideTheirRange() throws IOException {
    MethodNode get = method(twin("java/util/Collections$SynchronizedMap"), "get$ame");
    assertFalse(get.tryCatchBlocks.isEmpty(), "synchronized blocks keep their handlers");
    for (TryCatchBlockNode handler : get.tryCatchBlocks) {
      AbstractInsnNode first = handler.handler.getNext();
      while (first.getOpcode() < 0) {
        first = first.getNext();
      }
      assertEquals(Opcodes.DUP, first.getOpcode(), "the handler first asks whether it caught the runtime's signal");
    }
    AbstractInsnNode last = get.instructions.getLast();
    assertEquals(Opcodes.ATHROW, last.getOpcode(), "the signal is rethrown after the code, outside every range");
  }

  @Test
  void generate_iteratorConstructor_becomesABodyOnAnAllocatedObject() throws IOException {
    ClassNode twin = twin("java/util/HashMap$HashIterator");
    MethodNode body = method(twin, "$init$ame");
    assertEquals("(Ljava/util/HashMap$HashIterator;Ljava/util/HashMap;Ljava/lang/Object;)V", body.desc);
    assertTrue(twin.methods.stream().noneMatch(m -> m.name.equals("$new$ame")), "it reads the map: not inert");
    assertTrue(bridgedCalls(body).contains("putFinal this$0"), "the final outer reference is stored through the bridge");
    ClassNode node = twin("java/util/HashMap$Node");
    assertTrue(node.methods.stream().anyMatch(m -> m.name.equals("$new$ame")), "a node touches only itself: inert");
  }

  @Test
  void isInert_constructorsThatTouchOnlyTheirObject() {
    InertConstructors inert = new InertConstructors(FILES, new FieldFacts(FILES.pool()));
    assertTrue(inert.isInert("java/util/HashMap$Node", "(ILjava/lang/Object;Ljava/lang/Object;Ljava/util/HashMap$Node;)V"));
    assertTrue(inert.isInert("java/util/TreeMap$Entry", "(Ljava/lang/Object;Ljava/lang/Object;Ljava/util/TreeMap$Entry;)V"));
    assertTrue(inert.isInert("java/util/ArrayList", "(I)V"), "an exception message is built in a builder of its own");
    assertTrue(inert.isInert("java/util/HashMap", "(IF)V"), "tableSizeFor is a pure static helper");
    assertTrue(inert.isInert("java/util/BitSet", "(I)V"));
    assertFalse(inert.isInert("java/util/ArrayList$Itr", "(Ljava/util/ArrayList;)V"), "reads the list's modCount");
    assertFalse(inert.isInert("java/util/ArrayList", "(Ljava/util/Collection;)V"), "calls the collection");
    assertFalse(inert.isInert("java/util/ImmutableCollections$MapN", "([Ljava/lang/Object;)V"), "calls hashCode and equals");
  }

  private static MethodNode method(ClassNode c, String name) {
    return c.methods.stream().filter(m -> m.name.equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + c.name));
  }

  /** The names of the twin-class methods called directly (invokestatic). */
  private static List<String> directCalls(MethodNode m) {
    return java.util.stream.StreamSupport.stream(m.instructions.spliterator(), false)
        .filter(n -> n instanceof MethodInsnNode && ((MethodInsnNode) n).owner.endsWith("$$AmeTwin"))
        .map(n -> ((MethodInsnNode) n).name)
        .collect(Collectors.toList());
  }

  /** {@code op name} of each bridged invokedynamic. */
  private static List<String> bridgedCalls(MethodNode m) {
    return java.util.stream.StreamSupport.stream(m.instructions.spliterator(), false)
        .filter(n -> n instanceof InvokeDynamicInsnNode && ((InvokeDynamicInsnNode) n).bsm.getOwner().equals(JdkBridge.NAME))
        .map(n -> ((InvokeDynamicInsnNode) n).bsmArgs[0] + " " + ((InvokeDynamicInsnNode) n).name)
        .collect(Collectors.toList());
  }
}
