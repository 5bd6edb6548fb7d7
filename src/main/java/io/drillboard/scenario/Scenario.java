package io.drillboard.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A drill's script (an MSEL): what happens when, who must do what by when, how it is judged, and how public opinion
 * behaves. Built only by {@link ScenarioParser}, which guarantees every reference inside resolves.
 */
public record Scenario(
    String id,
    String title,
    String titleEn,
    String description,
    String descriptionEn,
    String language,
    long start,
    long end,
    List<Objective> objectives,
    List<Team> teams,
    List<Inject> injects,
    List<Criterion> criteria,
    OpinionParameters opinion,
    Labels labels,
    Optional<Feed> feed,
    String source) {

  /**
   * The short form of a name that a wall screen shows whole: {@code text} in the scenario's language, {@code textEn}
   * in English; either may be null, and then the screen shortens the full name itself.
   */
  public record ShortName(String text, String textEn) {
    public static final ShortName NONE = new ShortName(null, null);
  }

  /** A platform's or channel's display name. */
  public record Label(String name, String nameEn) {
  }

  /** Display names of every platform and channel the scenario uses, by id, so that no screen shows a raw id. */
  public record Labels(Map<String, Label> platforms, Map<String, Label> channels) {
  }

  public record Objective(String id, String text, String textEn) {
  }

  public record Team(String id, String name, String nameEn, ShortName shortName, String lead, List<Task> tasks) {
  }

  public record Task(
      String id,
      String teamId,
      String title,
      String titleEn,
      ShortName shortName,
      Trigger trigger,
      long deadline,
      boolean critical,
      List<String> objectives,
      Optional<Script> script,
      Optional<OpinionEffect> effect) {
  }

  /** What makes a task pending: an inject firing, or another task being done. */
  public sealed interface Trigger {
    record OnInject(String injectId) implements Trigger {
    }

    record AfterTask(String taskId) implements Trigger {
    }
  }

  /**
   * When the seed's team did each step: the autopilot plays these. For a task with an effect, {@code statement} is
   * the text the autopilot publishes as the bank's statement when it completes the task, as the team would.
   */
  public record Script(long ack, long start, long done, Optional<Twin> statement) {
  }

  /** How finishing a task bends the opinion curve: branching ratio multiplied, negative sentiment moved away. */
  public record OpinionEffect(double branching, double sentimentShift) {
  }

  /**
   * Something that happens to the players. A timeline inject fires at its time {@code at}; a contingency inject fires
   * when its condition comes true (never before {@code at}, when it has one too); a held inject has neither and fires
   * only when a director fires it. Any of them may be fired by hand before its time.
   */
  public record Inject(
      String id,
      OptionalLong at,
      String channel,
      String title,
      String titleEn,
      ShortName shortName,
      String text,
      String textEn,
      Optional<InjectOpinion> opinion,
      Optional<Contingency> contingency) {

    /** Off the timeline and without a condition: only a director fires it. */
    public boolean held() {
      return at.isEmpty() && contingency.isEmpty();
    }

    /** Fired by the clock at its time alone. */
    public boolean timeline() {
      return at.isPresent() && contingency.isEmpty();
    }
  }

  /** When a contingency inject fires: {@code delay} after its condition first holds. */
  public record Contingency(Condition when, long delay) {
  }

  /** What a contingency waits for; each is met at most once, and deterministically for a drill's seed. */
  public sealed interface Condition {
    /** The key that names the condition in a scenario file, in events and in views. */
    String key();

    /** The task passes its deadline unfinished. */
    record TaskOverdue(String taskId) implements Condition {
      public String key() {
        return "taskOverdue";
      }
    }

    /** The task reaches the step (a follow-up). */
    record TaskReached(String taskId, TaskStep step) implements Condition {
      public String key() {
        return "taskReached";
      }
    }

    /** The criterion is missed, whatever happens next. */
    record CriterionMissed(String criterionId) implements Condition {
      public String key() {
        return "criterionMissed";
      }
    }

    /** More than {@code posts} posts within the last {@code within}, on one platform or (null) on all. */
    record PostsOver(int posts, long within, String platform) implements Condition {
      public String key() {
        return "postsOver";
      }
    }

    /** A negative share above {@code share} within the last {@code within}, on one platform or (null) on all. */
    record NegativeShareOver(double share, long within, String platform) implements Condition {
      public String key() {
        return "negativeShareOver";
      }
    }
  }

  /** Posts an inject adds to the opinion model from outside (the viral post, media pick-up). */
  public record InjectOpinion(int posts, String platform, long spread) {
  }

  public record Criterion(String id, String name, String nameEn, ShortName shortName, String objectiveId,
      Measure measure) {
  }

  public sealed interface Measure {
    /** Met when to - from is at most target. */
    record Interval(Anchor from, Anchor to, long target) implements Measure {
    }

    /** Met when the anchor happens before the minute of peak opinion volume. */
    record BeforePeak(Anchor event) implements Measure {
    }

    /** Met when every task of the team (or of all teams when null) is done by its deadline. */
    record TasksOnTime(String teamId) implements Measure {
    }
  }

  public sealed interface Anchor {
    record InjectFiredAt(String injectId) implements Anchor {
    }

    record TaskReached(String taskId, TaskStep step) implements Anchor {
    }
  }

  /** The steps of a task whose moment can be measured. */
  public enum TaskStep {
    TRIGGERED, ACKNOWLEDGED, STARTED, DONE
  }

  public record OpinionParameters(
      Kernel kernel,
      double branchingRatio,
      long timescale,
      double theta,
      Map<String, Double> platforms,
      double stickiness,
      Map<Sentiment, Double> sentiment,
      double repostShare) {
  }

  /**
   * The simulated media feed: up to {@code perMinute} of each minute's posts are given a text from the templates that
   * fit their platform, sentiment and kind, with {@code values} (and {platform}, {time}) put in; the bank's statement
   * is posted by {@code official}, when there is one.
   */
  public record Feed(int perMinute, Optional<Official> official, Map<String, Twin> values, List<Template> templates) {
  }

  /** The bank's own account, where a team's statement appears. */
  public record Official(String name, String nameEn, String platform) {
  }

  /** A text in the scenario's language and in English (null: the same). */
  public record Twin(String text, String textEn) {
  }

  /**
   * A post's text for posts on {@code platform} (null: any) of {@code sentiment} (null: any) and {@code kind} (null:
   * any; {@code reply} for comments on the bank's statement).
   */
  public record Template(String platform, Sentiment sentiment, String kind, String text, String textEn) {
  }

  public enum Kernel {
    POWERLAW, EXPONENTIAL
  }

  public enum Sentiment {
    NEGATIVE, NEUTRAL, POSITIVE;

    public String key() {
      return name().toLowerCase();
    }
  }

  public Optional<Team> team(String teamId) {
    return teams.stream().filter(t -> t.id().equals(teamId)).findFirst();
  }

  public Optional<Task> task(String taskId) {
    return tasks().stream().filter(t -> t.id().equals(taskId)).findFirst();
  }

  public Optional<Inject> inject(String injectId) {
    return injects.stream().filter(i -> i.id().equals(injectId)).findFirst();
  }

  public List<Task> tasks() {
    return teams.stream().flatMap(t -> t.tasks().stream()).toList();
  }
}
