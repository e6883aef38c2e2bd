package dev.ame.bench;

/** The ways of running one workload's operations that the harness compares. */
enum Variant {
  UNINSTRUMENTED("uninstrumented"),
  GLOBAL_LOCK("global lock"),
  AME("AME @Atomic");

  final String label;

  Variant(String label) {
    this.label = label;
  }

  ThreadTask task(Workload workload) {
    return switch (this) {
      case UNINSTRUMENTED -> workload::runPlain;
      case GLOBAL_LOCK -> workload::runLocked;
      case AME -> workload::runAtomic;
    };
  }
}
