package dev.ame.it.programs.jdk;

import static dev.ame.it.programs.jdk.Corpus.expect;

import dev.ame.Atomic;
import java.util.Random;

/**
 * A shared {@code java.util.Random}, and a subclass of it, drawn from inside blocks.
 *
 * <p>Each block takes the next sequence number and records what it drew under it; the draws cycle
 * through {@code nextInt(bound)}, {@code nextLong}, {@code nextGaussian} (which keeps a second value
 * in the generator), {@code nextBoolean} and {@code nextBytes}. If the blocks ran one at a time,
 * a serial replay from the same seed draws exactly the recorded values in sequence order. The
 * subclass overrides {@code next(bits)} (application code called back by the JDK's methods) to
 * count its calls: the replay's count must match too.
 */
public final class Randoms {
  static final long SEED = 20_260_413L;

  /** A generator of the application's own: counts the raw draws the JDK's methods make. */
  static final class Dice extends Random {
    long draws;

    Dice(long seed) {
      super(seed);
    }

    @Override
    protected int next(int bits) {
      draws++;
      return super.next(bits);
    }

    int roll() {
      return 1 + nextInt(6);
    }
  }

  static final Random shared = new Random(SEED);
  static long[] drawn;
  static int drawCount;

  static final Dice dice = new Dice(SEED + 1);
  static int[] rolled;
  static int rollCount;

  /** Draws the next value of the shared generator and records it under the next sequence number. */
  @Atomic
  static void draw() {
    int sequence = drawCount++;
    drawn[sequence] = drawKind(shared, sequence);
  }

  /** The value drawn for {@code sequence}: the kind of draw depends on the sequence number alone. */
  static long drawKind(Random random, int sequence) {
    switch (sequence % 5) {
      case 0: return random.nextInt(1000);
      case 1: return random.nextLong();
      case 2: return Double.doubleToLongBits(random.nextGaussian());
      case 3: return random.nextBoolean() ? 1 : 0;
      default: {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        long packed = 0;
        for (byte b : bytes) {
          packed = packed << 8 | (b & 0xFF);
        }
        return packed;
      }
    }
  }

  @Atomic
  static void roll() {
    int sequence = rollCount;
    int value = dice.roll();
    Corpus.spin(value);
    rolled[sequence] = value;
    rollCount = sequence + 1;
  }

  static void sharedRandomReplays(Corpus corpus) throws InterruptedException {
    drawn = new long[corpus.threads * corpus.iterations];
    corpus.inThreads((thread, i, random) -> draw());
    expect(drawCount == drawn.length, drawCount + " sequence numbers taken by " + drawn.length + " draws");
    Random replay = new Random(SEED);
    for (int s = 0; s < drawn.length; s++) {
      long expected = drawKind(replay, s);
      expect(drawn[s] == expected, "draw " + s + " was " + drawn[s] + ", the serial replay draws " + expected);
    }
  }

  static void subclassReplays(Corpus corpus) throws InterruptedException {
    rolled = new int[corpus.threads * corpus.iterations];
    corpus.inThreads((thread, i, random) -> roll());
    expect(rollCount == rolled.length, rollCount + " sequence numbers taken by " + rolled.length + " rolls");
    Dice replay = new Dice(SEED + 1);
    for (int s = 0; s < rolled.length; s++) {
      int expected = replay.roll();
      expect(rolled[s] == expected, "roll " + s + " was " + rolled[s] + ", the serial replay rolls " + expected);
    }
    expect(dice.draws == replay.draws, dice.draws + " raw draws counted, the replay made " + replay.draws);
  }

  public static void main(String[] args) {
    Corpus corpus = new Corpus(Randoms.class, args);
    corpus.add("random_drawsInsideBlocks_equalASerialReplay", () -> sharedRandomReplays(corpus));
    corpus.add("randomSubclass_overriddenNext_equalsASerialReplay", () -> subclassReplays(corpus));
    corpus.runAndExit();
  }
}
