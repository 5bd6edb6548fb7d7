package io.drillboard.store;

/** Told of every group commit: how many events it stored and how long the INSERT took. */
public interface CommitObserver {
  void committed(int events, long nanos);
}
