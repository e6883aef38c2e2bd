package dev.ame.agent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiPredicate;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Finds the objects that a twin lets the runtime make. Java compiles {@code new X(args)} to
 * {@code new X; dup; args; invokespecial X.<init>}; the twin drops the {@code new} and the
 * {@code dup} and replaces the {@code invokespecial} by one call that takes the arguments and
 * returns the object, which the runtime binds to the constructor itself (when it touches only the
 * new object), to the twin of its body on an object allocated without it (a JDK class), or to the
 * constructor after making the block irrevocable.
 *
 * <p>Constructions nest (an argument may itself be a {@code new}), and Java's code keeps them in
 * order, so a stack pairs each {@code new} with its {@code invokespecial}; a {@code new} that is
 * not followed by its {@code dup}, or a call that does not match, is left as it is.
 */
final class Constructions {
  private Constructions() {}

  /**
   * @param rebuild which constructions, by class and constructor descriptor
   * @return the {@code new}, {@code dup} and {@code invokespecial} instructions of those constructions
   */
  static Set<AbstractInsnNode> of(MethodNode method, BiPredicate<String, String> rebuild) {
    Set<AbstractInsnNode> rebuilt = new HashSet<>();
    Deque<TypeInsnNode> open = new ArrayDeque<>();
    for (AbstractInsnNode n : method.instructions) {
      if (n.getOpcode() == Opcodes.NEW) {
        open.push((TypeInsnNode) n);
      } else if (n.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) n).name.equals("<init>")) {
        MethodInsnNode init = (MethodInsnNode) n;
        if (open.isEmpty() || !open.peek().desc.equals(init.owner)) {
          continue; // the super or this constructor call of a constructor
        }
        TypeInsnNode allocation = open.pop();
        AbstractInsnNode dup = next(allocation);
        if (dup != null && dup.getOpcode() == Opcodes.DUP && rebuild.test(init.owner, init.desc)) {
          rebuilt.add(allocation);
          rebuilt.add(dup);
          rebuilt.add(init);
        }
      }
    }
    return rebuilt;
  }

  /** The next instruction that executes (labels, lines and frames skipped). */
  private static AbstractInsnNode next(AbstractInsnNode n) {
    AbstractInsnNode next = n.getNext();
    while (next != null && next.getOpcode() < 0) {
      next = next.getNext();
    }
    return next;
  }
}
