package dev.ame.bench;

/**
 * Which operation a roll in [0, 100) means: half the update percentage adds, the other half
 * removes, the rest looks up, so a set stays about half full.
 *
 * @param addBelow rolls below this add
 * @param removeBelow rolls below this (and not below {@code addBelow}) remove
 */
record UpdateMix(int addBelow, int removeBelow) {
  /** A mix with {@code percent}% updates. */
  static UpdateMix ofPercent(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("update percentage must be in [0, 100], not " + percent);
    }
    return new UpdateMix(percent / 2, percent);
  }
}
