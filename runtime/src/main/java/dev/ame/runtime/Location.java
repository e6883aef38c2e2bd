package dev.ame.runtime;

/**
 * How a logged location is read and written generically: a field (by id; holder is {@code null}
 * for statics), an array element (field {@link #ARRAY}, by index), or the value of a commutative
 * counter (field {@link #COUNTER}), whose logged "write" is a delta added at commit.
 */
final class Location {
  static final int ARRAY = -1;
  static final int COUNTER = -2;
  /** Orec locations of a counter's cells: far apart, so that their lock words do not share a line. */
  static int counterCell(int cell) {
    return COUNTER * 16 * (cell + 1);
  }

  /** A queue's appended count (read) and its pending appends (a write: a list added at commit). */
  static final int QUEUE_TAIL = -3;
  /** A queue's head node. */
  static final int QUEUE_HEAD = -4;

  private Location() {}

  static boolean isReference(Object holder, int field) {
    switch (field) {
      case ARRAY: return ArrayElements.isReference(holder);
      case COUNTER:
      case QUEUE_TAIL: return false;
      case QUEUE_HEAD: return true;
      default: return Fields.get(field).isReference;
    }
  }

  static long getBits(Object holder, int field, int index) {
    if (field == COUNTER) {
      return ((dev.ame.TxCounter) holder).cellValue(index);
    }
    if (field == QUEUE_TAIL) {
      return ((dev.ame.TxQueue<?>) holder).appendedCount();
    }
    return field == ARRAY ? ArrayElements.getBits(holder, index) : Fields.get(field).getBits(holder);
  }

  static Object getRef(Object holder, int field, int index) {
    if (field == QUEUE_HEAD) {
      return ((dev.ame.TxQueue<?>) holder).headNode();
    }
    return field == ARRAY ? ArrayElements.getRef(holder, index) : Fields.get(field).getRef(holder);
  }

  static void setBits(Object holder, int field, int index, long bits) {
    if (field == COUNTER) {
      ((dev.ame.TxCounter) holder).addPlain(index, bits); // a delta: increments commute
    } else if (field == ARRAY) {
      ArrayElements.setBits(holder, index, bits);
    } else {
      Fields.get(field).setBits(holder, bits);
    }
  }

  static void setRef(Object holder, int field, int index, Object value) {
    if (field == QUEUE_TAIL) {
      ((dev.ame.TxQueue<?>) holder).appendAll((java.util.List<?>) value); // pending appends, at commit
    } else if (field == QUEUE_HEAD) {
      ((dev.ame.TxQueue<?>) holder).setHeadNode(value);
    } else if (field == ARRAY) {
      ArrayElements.setRef(holder, index, value);
    } else {
      Fields.get(field).setRef(holder, value);
    }
  }

  static String describe(Object holder, int field, int index) {
    if (field == COUNTER) {
      return "TxCounter@" + Integer.toHexString(System.identityHashCode(holder)) + " (read with get())";
    }
    if (field == QUEUE_TAIL || field == QUEUE_HEAD) {
      return "TxQueue@" + Integer.toHexString(System.identityHashCode(holder)) + (field == QUEUE_HEAD ? " head" : " tail");
    }
    if (field == ARRAY) {
      return holder.getClass().getComponentType().getName() + "[] element " + index;
    }
    return Fields.get(field).name;
  }
}
