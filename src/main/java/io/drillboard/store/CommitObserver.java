package io.drillboard.store;

/** Told of every group commit: how many events it stored, how long it took, and how it was written. */
public interface CommitObserver {
  /** How a group of events was written: one INSERT over arrays, or a binary COPY for a large group. */
  enum Statement {
    INSERT, COPY
  }

  void committed(int events, long nanos, Statement statement);
}
