package dev.ame.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class WriteSetTest {
  @Test
  void put_sameLocationTwice_keepsOneEntryWithTheLastValue() {
    WriteSet w = new WriteSet();
    long[] a = new long[4];
    w.put(a, Location.ARRAY, 1, Orecs.index(a, 1), 10, null);
    w.put(a, Location.ARRAY, 1, Orecs.index(a, 1), 20, null);
    assertEquals(1, w.size);
    assertEquals(20, w.bits[w.find(a, Location.ARRAY, 1, Orecs.index(a, 1))]);
  }

  @Test
  void find_locationSharingTheStripe_isNotConfused() {
    WriteSet w = new WriteSet();
    long[] a = new long[4];
    long[] b = new long[4];
    int orec = 12345; // force both into one stripe: only the exact location may match
    w.put(a, Location.ARRAY, 0, orec, 1, null);
    assertEquals(-1, w.find(b, Location.ARRAY, 0, orec));
    assertEquals(-1, w.find(a, Location.ARRAY, 1, orec));
    assertEquals(0, w.find(a, Location.ARRAY, 0, orec));
  }

  @Test
  void put_manyLocations_allFoundAfterGrowth() {
    WriteSet w = new WriteSet();
    Object[] a = new Object[10_000];
    for (int i = 0; i < a.length; i++) {
      w.put(a, Location.ARRAY, i, Orecs.index(a, i), 0, "v" + i);
    }
    for (int i = 0; i < a.length; i++) {
      assertEquals("v" + i, w.refs[w.find(a, Location.ARRAY, i, Orecs.index(a, i))]);
    }
  }

  @Test
  void clear_forgetsEntriesAndReferences() {
    WriteSet w = new WriteSet();
    Object[] a = new Object[2];
    Object value = new Object();
    w.put(a, Location.ARRAY, 0, Orecs.index(a, 0), 0, value);
    w.clear();
    assertEquals(0, w.size);
    assertEquals(-1, w.find(a, Location.ARRAY, 0, Orecs.index(a, 0)));
    assertSame(null, w.refs[0]);
    assertSame(null, w.holders[0]);
  }
}
