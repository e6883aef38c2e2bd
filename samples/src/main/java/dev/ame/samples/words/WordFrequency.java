package dev.ame.samples.words;

import dev.ame.Ame;
import dev.ame.collections.TxMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts word frequencies in a large generated text, one atomic block per line: sequentially,
 * with {@code Ame.parallelFor} and with {@code Ame.parallelForOrdered}, into a plain
 * {@code HashMap} (a JDK class: every block that touches it runs alone) and into a
 * {@link TxMap} (blocks on different words never conflict). Every run must give the same counts.
 *
 * <pre>java -javaagent:agent/target/ame.jar -cp samples/target/ame-samples.jar dev.ame.samples.words.WordFrequency [lines]</pre>
 */
public final class WordFrequency {
  private static final String[] VOCABULARY = ("the of and to in is was that for it with as his on be at by had are but from or "
      + "have an they which one you were her all she there would their we him been has when who will more no if out "
      + "so said what up its about into than them can only other new some could time these two may then do first any "
      + "my now such like our over man me even most made after also did many before must through back years where much "
      + "your way well down should because each just those people how too little state good very make world still own "
      + "see men work long get here between both life being under never day same another know while last might us great "
      + "old year off come since against go came right used take three").split(" ");

  private WordFrequency() {}

  /** A deterministic text: {@code lines} lines of 12 words with a Zipf-like skew. */
  static List<String[]> text(int lines) {
    List<String[]> text = new ArrayList<>(lines);
    long x = 42;
    for (int l = 0; l < lines; l++) {
      String[] words = new String[12];
      for (int w = 0; w < words.length; w++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
        double u = ((x >>> 11) & ((1L << 53) - 1)) / (double) (1L << 53);
        words[w] = VOCABULARY[(int) (VOCABULARY.length * u * u)];
      }
      text.add(words);
    }
    return text;
  }

  public static void main(String[] args) {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    List<String[]> text = text(lines);
    Map<String, Long> reference = null;
    for (String mode : new String[] {"sequential", "parallelFor", "parallelForOrdered"}) {
      for (String map : new String[] {"HashMap", "TxMap"}) {
        Ame.Statistics before = Ame.statistics();
        long start = System.nanoTime();
        Map<String, Long> counts = map.equals("HashMap") ? countWithHashMap(text, mode) : countWithTxMap(text, mode);
        double ms = (System.nanoTime() - start) / 1e6;
        Ame.Statistics delta = Ame.statistics().minus(before);
        System.out.printf("%-19s %-8s %8.1f ms  %d distinct words  aborts %d  irrevocable %d%n", mode, map, ms, counts.size(),
            delta.aborts(), delta.irrevocableRuns());
        if (reference == null) {
          reference = counts;
        } else if (!reference.equals(counts)) {
          System.out.println("FAILED: " + mode + " with " + map + " counted differently");
          System.exit(1);
        }
      }
    }
    System.out.println("OK: every way of counting gave the same " + reference.size() + " counts; most frequent: "
        + reference.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow());
  }

  private static Map<String, Long> countWithHashMap(List<String[]> text, String mode) {
    HashMap<String, Long> counts = new HashMap<>();
    run(text, mode, line -> {
      for (String w : line) {
        counts.put(w, counts.getOrDefault(w, 0L) + 1);
      }
    });
    return new TreeMap<>(counts);
  }

  private static Map<String, Long> countWithTxMap(List<String[]> text, String mode) {
    TxMap<String, Long> counts = new TxMap<>(256);
    run(text, mode, line -> {
      for (String w : line) {
        counts.put(w, counts.getOrDefault(w, 0L) + 1);
      }
    });
    TreeMap<String, Long> out = new TreeMap<>();
    counts.forEach(out::put);
    return out;
  }

  interface LineCounter {
    void count(String[] line);
  }

  private static void run(List<String[]> text, String mode, LineCounter counter) {
    switch (mode) {
      case "parallelFor":
        Ame.parallelFor(text, counter::count);
        break;
      case "parallelForOrdered":
        Ame.parallelForOrdered(text, counter::count);
        break;
      default:
        for (String[] line : text) {
          Ame.atomic(() -> counter.count(line));
        }
    }
  }
}
