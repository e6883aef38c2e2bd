package dev.ame.runtime;

/**
 * How a logged location is read and written generically: a field (by id; holder is {@code null}
 * for statics), an array element (field {@link #ARRAY}, by index), or the value of a commutative
 * counter (field {@link #COUNTER}), whose logged "write" is a delta added at commit.
 */
final class Location {
  static final int ARRAY = -1;
  /** A {@link CounterCells} cell (by index); its logged "write" is a delta. */
  static final int COUNTER = -2;

  /** A queue's appended count (read) and its pending appends (a write: a list added at commit). */
  static final int QUEUE_TAIL = -3;
  /** A queue's head node. */
  static final int QUEUE_HEAD = -4;
  /** Elements of an array from an index on, kept together as a copy (an undo entry for an arraycopy). */
  static final int RANGE = -5;

  private Location() {}

  /** The orec of a location, as the barriers compute it. */
  static int orecOf(Object holder, int field, int index) {
    if (field == ARRAY) {
      return Orecs.index(holder, index);
    }
    return holder == null ? Orecs.staticIndex(field) : Orecs.index(holder, field);
  }

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
      return ((CounterCells) holder).cellValue(index);
    }
    if (field == QUEUE_TAIL) {
      return ((QueueState) holder).appendedCount();
    }
    return field == ARRAY ? ArrayElements.getBits(holder, index) : Fields.get(field).getBits(holder);
  }

  static Object getRef(Object holder, int field, int index) {
    if (field == QUEUE_HEAD) {
      return ((QueueState) holder).headNode();
    }
    return field == ARRAY ? ArrayElements.getRef(holder, index) : Fields.get(field).getRef(holder);
  }

  static void setBits(Object holder, int field, int index, long bits) {
    if (field == COUNTER) {
      ((CounterCells) holder).addPlain(index, bits); // a delta: increments commute
    } else if (field == ARRAY) {
      ArrayElements.setBits(holder, index, bits);
    } else {
      Fields.get(field).setBits(holder, bits);
    }
  }

  static void setRef(Object holder, int field, int index, Object value) {
    if (field == QUEUE_TAIL) {
      ((QueueState) holder).appendAll((java.util.List<?>) value); // pending appends, at commit
    } else if (field == QUEUE_HEAD) {
      ((QueueState) holder).setHeadNode(value);
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
