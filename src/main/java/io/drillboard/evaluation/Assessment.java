package io.drillboard.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What evaluators recorded about a drill: HSEEP ratings of objectives and critical tasks (the latest per target counts),
 * notes pinned to moments of the timeline, lessons learned, and corrective actions with owners and due dates.
 */
public record Assessment(Map<String, Rating> ratings, List<Note> notes, List<Lesson> lessons,
    List<CorrectiveAction> actions) {

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

  public record CorrectiveAction(String text, String owner, String due, String by, long seq) {
  }

  public static Assessment empty() {
    return new Assessment(Map.of(), List.of(), List.of(), List.of());
  }

  public Assessment with(Rating rating) {
    Map<String, Rating> more = new LinkedHashMap<>(ratings);
    more.put(rating.key(), rating);
    return new Assessment(Collections.unmodifiableMap(more), notes, lessons, actions);
  }

  public Assessment with(Note note) {
    return new Assessment(ratings, append(notes, note), lessons, actions);
  }

  public Assessment with(Lesson lesson) {
    return new Assessment(ratings, notes, append(lessons, lesson), actions);
  }

  public Assessment with(CorrectiveAction action) {
    return new Assessment(ratings, notes, lessons, append(actions, action));
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> longer = new ArrayList<>(list);
    longer.add(item);
    return Collections.unmodifiableList(longer);
  }
}
