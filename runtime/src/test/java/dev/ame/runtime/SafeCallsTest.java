package dev.ame.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeCallsTest {
  @Test
  void valueMethods_withValueParameters_areSafe() {
    assertTrue(SafeCalls.isSafe("java/lang/String", "length", "()I"));
    assertTrue(SafeCalls.isSafe("java/lang/String", "indexOf", "(Ljava/lang/String;I)I"));
    assertTrue(SafeCalls.isSafe("java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;"));
    assertTrue(SafeCalls.isSafe("java/lang/Math", "max", "(JJ)J"));
    assertTrue(SafeCalls.isSafe("java/lang/String", "equals", "(Ljava/lang/Object;)Z"));
  }

  @Test
  void callsThatCanReachUserCodeOrSharedState_areNotSafe() {
    assertFalse(SafeCalls.isSafe("java/lang/String", "valueOf", "(Ljava/lang/Object;)Ljava/lang/String;"));
    assertFalse(SafeCalls.isSafe("java/lang/String", "valueOf", "([C)Ljava/lang/String;"));
    assertFalse(SafeCalls.isSafe("java/lang/String", "contains", "(Ljava/lang/CharSequence;)Z"));
    assertFalse(SafeCalls.isSafe("java/util/ArrayList", "add", "(Ljava/lang/Object;)Z"));
    assertFalse(SafeCalls.isSafe("java/io/PrintStream", "println", "(Ljava/lang/String;)V"));
  }

  @Test
  void helpers_andTheApi_areSafe() {
    assertTrue(SafeCalls.isSafe("java/lang/Object", "<init>", "()V"));
    assertTrue(SafeCalls.isSafe("java/util/Objects", "requireNonNull", "(Ljava/lang/Object;)Ljava/lang/Object;"));
    assertTrue(SafeCalls.isSafe("dev/ame/Ame", "onCommit", "(Ljava/lang/Runnable;)V"));
  }
}
