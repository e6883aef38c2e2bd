package dev.ame.it.programs.corpus;

import dev.ame.Atomic;

/**
 * A class with one method so large (like generated parsers or state machines) that its
 * transactional twin, with a barrier around each of its 2560 field reads, would exceed the
 * JVM's 64 KB limit on a method's code. That method may lose its twin, but the class's
 * {@code @Atomic} methods must still be atomic blocks.
 */
public final class HugeMethod {
  static final int ITERATIONS = 20_000;
  static final int LINES = 320;

  int a = 1;
  int b = 2;
  int c = 3;
  int d = 5;
  int e = 8;
  int f = 13;
  int g = 21;
  int h = 34;
  long deposits;
  long checksums;

  public static void main(String[] args) {
    new Cases("HugeMethod")
        .add("hugeMethod_classKeepsItsAtomicBlocks", HugeMethod::atomicBlocksOfAHugeClass)
        .runAndExit(args);
  }

  @Atomic
  void deposit() {
    long before = deposits;
    Cases.spin(before);
    deposits = before + 1;
  }

  /** Calls the huge method inside a block, and counts the call; -1 when not inside a block at all. */
  @Atomic
  long checksumAndCount() {
    checksums++;
    return Cases.inAtomicBlock() ? checksum() : -1;
  }

  /** Deliberately repetitive: 320 identical lines, as a code generator would write them. */
  long checksum() {
    long s = 0;
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    return s;
  }

  /** The same recurrence as {@link #checksum()}, as a loop. */
  long expectedChecksum() {
    long s = 0;
    for (int i = 0; i < LINES; i++) {
      s = s * 31 + (a ^ b) + (c ^ d) + (e ^ f) + (g ^ h);
    }
    return s;
  }

  static void atomicBlocksOfAHugeClass() throws Exception {
    HugeMethod huge = new HugeMethod();
    long expected = huge.expectedChecksum();
    Cases.inThreads(ITERATIONS, (t, i) -> {
      huge.deposit();
      if (i % 100 == 0) {
        Cases.expectEquals(expected, huge.checksumAndCount(), "checksum computed inside an atomic block");
      }
    });
    Cases.expectEquals("deposits=" + Cases.THREADS * ITERATIONS + " checksums=" + Cases.THREADS * ITERATIONS / 100,
        "deposits=" + huge.deposits + " checksums=" + huge.checksums, "counters");
  }
}
