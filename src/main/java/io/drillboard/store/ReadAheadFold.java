package io.drillboard.store;

import io.drillboard.drill.Event;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One fold of a drill's events, page by page in seq order, with a few pages asked for ahead of the one being folded
 * so that reading and folding overlap. A drill's seqs are contiguous, so each page is a seq range. Holds no SQL: the
 * pages come from {@link EventReader}.
 */
final class ReadAheadFold<S> {
  /** Pages asked for ahead of the one being folded. */
  private static final int READ_AHEAD = 3;

  /** Reads a drill's events with seqs in ({@code afterSeq}, {@code upToSeq}], in seq order. */
  interface Range {
    Future<List<Event>> read(long afterSeq, long upToSeq);
  }

  private final Range range;
  private final int page;
  private final Function<Event, S> first;
  private final BiFunction<S, Event, S> next;
  private final Deque<Future<List<Event>>> pages = new ArrayDeque<>();
  private final Promise<S> result = Promise.promise();
  private long requestedUpTo;
  private S state;

  ReadAheadFold(Range range, int page, Function<Event, S> first, BiFunction<S, Event, S> next) {
    this.range = range;
    this.page = page;
    this.first = first;
    this.next = next;
  }

  /** Completes with the folded state, with null when there are no events, or fails as the first page that fails. */
  Future<S> run() {
    for (int i = 0; i < READ_AHEAD; i++) {
      requestPage();
    }
    foldHead();
    return result.future();
  }

  private void requestPage() {
    long after = requestedUpTo;
    requestedUpTo += page;
    pages.add(range.read(after, requestedUpTo));
  }

  private void foldHead() {
    pages.poll().onSuccess(events -> {
      for (Event event : events) {
        state = state == null ? first.apply(event) : next.apply(state, event);
      }
      if (events.size() < page) {
        result.complete(state);
      } else {
        requestPage();
        foldHead();
      }
    }).onFailure(result::fail);
  }
}
