package dev.ame.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamePatternTest {
  @Test
  void doubleStar_matchesAnyDepthBelowThePackage() {
    NamePattern p = NamePattern.of("com.example.**");
    assertTrue(p.matches("com.example.Bank"));
    assertTrue(p.matches("com.example.deep.er.Bank$Inner"));
    assertFalse(p.matches("com.examples.Bank"));
    assertFalse(p.matches("org.example.Bank"));
  }

  @Test
  void singleStar_staysWithinOneSegment() {
    NamePattern p = NamePattern.of("com.example.jobs.*Task");
    assertTrue(p.matches("com.example.jobs.PrintTask"));
    assertTrue(p.matches("com.example.jobs.Task"));
    assertFalse(p.matches("com.example.jobs.sub.PrintTask"));
  }

  @Test
  void starInTheMiddle_andLeadingDoubleStar() {
    assertTrue(NamePattern.of("com.*.Bank").matches("com.example.Bank"));
    assertFalse(NamePattern.of("com.*.Bank").matches("com.a.b.Bank"));
    assertTrue(NamePattern.of("**.Bank").matches("com.a.b.Bank"));
    assertTrue(NamePattern.of("com.**.Bank").matches("com.a.b.Bank"));
    assertTrue(NamePattern.of("com.**.Bank").matches("com.Bank"));
  }

  @Test
  void exactName_matchesOnlyItself() {
    assertTrue(NamePattern.of("com.example.Bank").matches("com.example.Bank"));
    assertFalse(NamePattern.of("com.example.Bank").matches("com.example.Bank2"));
  }

  @Test
  void malformed_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> NamePattern.of(""));
    assertThrows(IllegalArgumentException.class, () -> NamePattern.of("com.example.***"));
    assertThrows(IllegalArgumentException.class, () -> NamePattern.of("com..example"));
    assertThrows(IllegalArgumentException.class, () -> NamePattern.of("com.exa mple"));
    assertThrows(IllegalArgumentException.class, () -> NamePattern.of("com/example/Bank"));
  }
}
