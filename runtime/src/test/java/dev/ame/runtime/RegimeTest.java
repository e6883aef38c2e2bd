package dev.ame.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The decisions a regime probe's measurement leads to (the measuring itself runs in every concurrent test). */
class RegimeTest {
  private static final long FIRST = Regime.FIRST_PROBE_INTERVAL;

  @Test
  void probe_switchesOnlyWhenItBeatsTheIncumbentByTheMargin() {
    assertTrue(Regime.probeWins(2_500, 2_000));
    assertFalse(Regime.probeWins(2_100, 2_000), "5% faster is within the noise of a window");
    assertFalse(Regime.probeWins(1_000, 2_000));
  }

  @Test
  void closeCall_isProbedAgainSoon_evenAfterLongIntervals() {
    // speculative measured at 1,700 commits/ms against serial's 1,900 while the JIT still compiled
    // its code: the next probe must not wait for a doubled interval
    assertEquals(FIRST, Regime.nextProbeInterval(1_700, 1_900, 32 * FIRST));
  }

  @Test
  void clearLoss_doublesTheInterval_upToTheMaximum() {
    assertEquals(4 * FIRST, Regime.nextProbeInterval(500, 20_000, 2 * FIRST));
    assertEquals(Regime.MAX_PROBE_INTERVAL, Regime.nextProbeInterval(500, 20_000, Regime.MAX_PROBE_INTERVAL));
  }

  @Test
  void win_startsTheIntervalsOver() {
    assertEquals(FIRST, Regime.nextProbeInterval(3_000, 2_000, 16 * FIRST));
  }
}
