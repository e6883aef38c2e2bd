package dev.ame.agent.corpus;

/** Legacy code with synchronized methods and blocks of every shape the converter must keep right. */
public class Legacy {
  private final Object lock = new Object();
  private long total;
  private int[] counts = new int[4];

  public synchronized void add(long amount) {
    total += amount;
  }

  public long loopInside(int n) {
    long local = 5;
    synchronized (lock) {
      for (int i = 0; i < n; i++) {
        local += i;
        counts[i % 4]++;
      }
      total += local;
    }
    return local;
  }

  public String branchesAndEarlyReturn(int n) {
    String result = "start";
    synchronized (this) {
      if (n < 0) {
        return "negative";
      }
      if (n == 0) {
        result = "zero";
      } else {
        result = "positive";
        total++;
      }
    }
    return result;
  }

  public int exceptionInside(int n) {
    int seen = 0;
    try {
      synchronized (lock) {
        seen = 1;
        total += 10;
        if (n > 0) {
          throw new IllegalStateException("planned");
        }
        seen = 2;
      }
    } catch (IllegalStateException e) {
      return seen * 100;
    }
    return seen;
  }

  public int nestedAndCaught(int n) {
    int x = n;
    synchronized (lock) {
      synchronized (this) {
        x++;
      }
      try {
        if (x > 3) {
          throw new IllegalArgumentException();
        }
      } catch (IllegalArgumentException e) {
        x = -x;
      }
      total += x;
    }
    return x;
  }

  public long total() {
    synchronized (lock) {
      return total;
    }
  }

  public int count(int i) {
    synchronized (lock) {
      return counts[i];
    }
  }
}
