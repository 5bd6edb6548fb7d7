package io.drillboard.drill;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What evaluators recorded about a drill: HSEEP ratings of objectives and critical tasks (each evaluator's latest per
 * target counts), notes pinned to moments of the timeline, lessons learned, and corrective actions with owners, due
 * dates and states. Entries are corrected without erasure: a correction supersedes an entry and a retraction removes
 * it from what counts, while {@code corrections} keeps the record of both (the events themselves stay in the log).
 */
public record Assessment(Map<String, Rating> ratings, List<Note> notes, List<Lesson> lessons,
    List<CorrectiveAction> actions, List<Correction> corrections, List<ClosedEarlier> closedEarlier) {

  /** P / S / M / U, as in HSEEP. */
  public enum Grade {
    /** Performed without challenges. */
    P,
    /** Performed with some challenges. */
    S,
    /** Performed with major challenges. */
    M,
    /** Unable to be performed. */
    U
  }

  public enum TargetKind {
    OBJECTIVE, TASK
  }

  public enum LessonKind {
    STRENGTH, IMPROVEMENT
  }

  /** Where a corrective action stands; a drill of the same scenario later may close it. */
  public enum ActionState {
    OPEN, IN_PROGRESS, DONE, DROPPED;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static ActionState fromKey(String key) {
      for (ActionState state : values()) {
        if (state.key().equals(key)) {
          return state;
        }
      }
      throw new IllegalArgumentException("no action state " + key);
    }

    /** Done and dropped actions need nothing more. */
    public boolean open() {
      return this == OPEN || this == IN_PROGRESS;
    }
  }

  public record Rating(TargetKind target, String targetId, Grade grade, String note, String by, long seq) {
    /** Each evaluator's latest rating of a target counts: a later one by the same person replaces theirs. */
    public String key() {
      return target.name().toLowerCase(java.util.Locale.ROOT) + ":" + targetId + ":" + by;
    }
  }

  public record Note(long at, String text, String by, long seq) {
  }

  public record Lesson(LessonKind kind, String text, String by, long seq) {
  }

  public record CorrectiveAction(String text, String owner, String due, ActionState state, String by, long seq) {
  }

  /**
   * Entry {@code entrySeq} superseded by entry {@code seq}, or (replacedBy null) retracted by event {@code seq};
   * {@code was} says what the entry had said, so the record reads without the log.
   */
  public record Correction(long entrySeq, Long replacedBy, String reason, String by, long seq, String was) {
    public Correction(long entrySeq, Long replacedBy, String reason, String by, long seq) {
      this(entrySeq, replacedBy, reason, by, seq, null);
    }
  }

  /** An earlier drill's corrective action that this drill closed (HSEEP's improvement plan carried over). */
  public record ClosedEarlier(String drillId, long actionSeq, String text, String note, String by, long seq) {
  }

  public static Assessment empty() {
    return new Assessment(Map.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  public Assessment with(ClosedEarlier closed) {
    return new Assessment(ratings, notes, lessons, actions, corrections, append(closedEarlier, closed));
  }

  /** Whether this drill has already closed that earlier action. */
  public boolean closed(String drillId, long actionSeq) {
    return closedEarlier.stream().anyMatch(c -> c.drillId().equals(drillId) && c.actionSeq() == actionSeq);
  }

  public Assessment with(Rating rating) {
    Map<String, Rating> more = new LinkedHashMap<>(ratings);
    more.put(rating.key(), rating);
    return new Assessment(Collections.unmodifiableMap(more), notes, lessons, actions, corrections, closedEarlier);
  }

  public Assessment with(Note note) {
    return new Assessment(ratings, append(notes, note), lessons, actions, corrections, closedEarlier);
  }

  public Assessment with(Lesson lesson) {
    return new Assessment(ratings, notes, append(lessons, lesson), actions, corrections, closedEarlier);
  }

  public Assessment with(CorrectiveAction action) {
    return new Assessment(ratings, notes, lessons, append(actions, action), corrections, closedEarlier);
  }

  /** The entry with seq {@code entrySeq} no longer counts, for the reason {@code correction} records. */
  public Assessment without(Correction correction) {
    long gone = correction.entrySeq();
    Map<String, Rating> fewer = new LinkedHashMap<>(ratings);
    fewer.values().removeIf(r -> r.seq() == gone);
    Correction told = new Correction(correction.entrySeq(), correction.replacedBy(), correction.reason(),
        correction.by(), correction.seq(), describe(gone));
    return new Assessment(Collections.unmodifiableMap(fewer), notes.stream().filter(n -> n.seq() != gone).toList(),
        lessons.stream().filter(l -> l.seq() != gone).toList(),
        actions.stream().filter(a -> a.seq() != gone).toList(), append(corrections, told), closedEarlier);
  }

  /** What the current entry with this seq says, in brief. */
  private String describe(long seq) {
    return ratings.values().stream().filter(r -> r.seq() == seq).map(r -> r.grade().name() + " · " + r.targetId())
        .findFirst().or(() -> notes.stream().filter(n -> n.seq() == seq).map(Note::text).findFirst())
        .or(() -> lessons.stream().filter(l -> l.seq() == seq).map(Lesson::text).findFirst())
        .or(() -> actions.stream().filter(a -> a.seq() == seq).map(a -> a.text() + " · " + a.state().key())
            .findFirst()).orElse(null);
  }

  /** The kind of the current entry with this seq ("rating", "note", "lesson", "action"), or null if none counts. */
  public String kindOf(long seq) {
    if (ratings.values().stream().anyMatch(r -> r.seq() == seq)) {
      return "rating";
    }
    if (notes.stream().anyMatch(n -> n.seq() == seq)) {
      return "note";
    }
    if (lessons.stream().anyMatch(l -> l.seq() == seq)) {
      return "lesson";
    }
    return actions.stream().anyMatch(a -> a.seq() == seq) ? "action" : null;
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> longer = new ArrayList<>(list);
    longer.add(item);
    return Collections.unmodifiableList(longer);
  }
}
