package io.drillboard.evaluation;

import io.drillboard.drill.Assessment.Grade;
import io.drillboard.drill.Assessment.Rating;
import io.drillboard.drill.CriterionResult;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The verdict on one objective, from two kinds of evidence: the criteria that serve it (met, missed or still open) and
 * the P/S/M/U ratings evaluators gave it. Each kind alone gives a level; where both exist the lower one holds, so a
 * rating of M or U never yields "achieved", and criteria missed are never outvoted by a kind rating. Where the two
 * disagree, or the evaluators disagree among themselves, the conclusion says so in words.
 */
public record ObjectiveConclusion(String objective, String objectiveEn, Level level, Optional<Level> byCriteria,
    Optional<Level> byRatings, List<String> missed, List<String> missedEn, int met, int open, int total,
    List<Rating> ratings) {

  /** From best to worst; NOT_ASSESSED is where neither kind of evidence exists. */
  public enum Level {
    ACHIEVED("achieved", "达到", "achieved"),
    LARGELY("largely-achieved", "基本达到", "largely achieved"),
    PARTLY("partly-achieved", "部分达到", "partly achieved"),
    NOT_ACHIEVED("not-achieved", "未达到", "not achieved"),
    NOT_ASSESSED("not-assessed", "有待评估", "not assessed");

    public final String key;
    public final String zh;
    public final String en;

    Level(String key, String zh, String en) {
      this.key = key;
      this.zh = zh;
      this.en = en;
    }

    /** HSEEP: P performed without challenges, S with some, M with major challenges, U unable to perform. */
    static Level of(Grade grade) {
      return switch (grade) {
        case P -> ACHIEVED;
        case S -> LARGELY;
        case M -> PARTLY;
        case U -> NOT_ACHIEVED;
      };
    }

    public static Level byKey(String key) {
      for (Level level : values()) {
        if (level.key.equals(key)) {
          return level;
        }
      }
      throw new IllegalArgumentException("no verdict " + key);
    }

    String in(boolean english) {
      return english ? en : zh;
    }

    Level lower(Level other) {
      return compareTo(other) >= 0 ? this : other;
    }
  }

  /**
   * @param criteria the results of the criteria that serve the objective, as they stood at the end
   * @param ratings every evaluator's latest rating of the objective
   */
  public static ObjectiveConclusion of(String objective, String objectiveEn, List<CriterionResult> criteria,
      List<Rating> ratings) {
    int met = (int) criteria.stream().filter(c -> Boolean.TRUE.equals(c.met())).count();
    int missed = (int) criteria.stream().filter(c -> Boolean.FALSE.equals(c.met())).count();
    int open = criteria.size() - met - missed;
    Optional<Level> byCriteria = criteriaLevel(met, missed, open);
    Optional<Level> byRatings = ratings.stream().map(r -> Level.of(r.grade())).max(Comparator.naturalOrder());
    Level level = byCriteria.map(c -> byRatings.map(c::lower).orElse(c)).or(() -> byRatings)
        .orElse(Level.NOT_ASSESSED);
    List<CriterionResult> missedCriteria = criteria.stream().filter(c -> Boolean.FALSE.equals(c.met())).toList();
    return new ObjectiveConclusion(objective, objectiveEn == null ? objective : objectiveEn, level, byCriteria,
        byRatings, missedCriteria.stream().map(CriterionResult::name).toList(),
        missedCriteria.stream().map(c -> c.nameEn() != null ? c.nameEn() : c.name()).toList(), met, open,
        criteria.size(), List.copyOf(ratings));
  }

  private static Optional<Level> criteriaLevel(int met, int missed, int open) {
    if (met == 0 && missed == 0) {
      return Optional.empty();
    }
    if (missed == 0) {
      return Optional.of(open == 0 ? Level.ACHIEVED : Level.LARGELY);
    }
    return Optional.of(met == 0 ? Level.NOT_ACHIEVED : Level.PARTLY);
  }

  /** The criteria and the ratings point to different levels. */
  public boolean evidenceDisagrees() {
    return byCriteria.isPresent() && byRatings.isPresent() && byCriteria.get() != byRatings.get();
  }

  /** The evaluators gave the objective different grades. */
  public boolean evaluatorsDisagree() {
    return ratings.stream().map(Rating::grade).distinct().count() > 1;
  }

  /** The conclusion in the seed's words: the verdict, then what it rests on, then any disagreement. */
  public String zh() {
    return inWords(false);
  }

  /** The same conclusion in English. */
  public String en() {
    return inWords(true);
  }

  private String inWords(boolean english) {
    String separator = LIST_SEPARATOR.in(english);
    StringBuilder text = new StringBuilder(verdict(level).in(english, strip(english ? objectiveEn : objective)));
    if (total > 0) {
      text.append(CRITERIA.in(english, total, met));
      if (!missed.isEmpty()) {
        text.append(MISSED.in(english, missed.size(), String.join(separator, english ? missedEn : missed)));
      }
      if (open > 0) {
        text.append(UNDECIDED.in(english, open));
      }
      text.append(FULL_STOP.in(english));
    }
    if (!ratings.isEmpty()) {
      text.append(RATINGS.in(english,
          ratings.stream().map(r -> r.by() + " " + r.grade().name()).collect(Collectors.joining(separator))));
    }
    if (evidenceDisagrees()) {
      text.append(EVIDENCE_DISAGREES.in(english, byCriteria.get().in(english), byRatings.get().in(english)));
    }
    if (evaluatorsDisagree()) {
      text.append(EVALUATORS_DISAGREE.in(english));
    }
    return text.toString();
  }

  /** A phrase of the conclusion in Chinese and in English, as format strings: one sentence, two languages. */
  private record Phrase(String zh, String en) {
    String in(boolean english, Object... values) {
      return String.format(Locale.ROOT, english ? en : zh, values);
    }
  }

  private static final Phrase CRITERIA = new Phrase("评估指标%1$d项：达标%2$d项", " Criteria: %2$d of %1$d met");
  private static final Phrase MISSED = new Phrase("，未达标%d项（%s）", ", %d missed (%s)");
  private static final Phrase UNDECIDED = new Phrase("，未能判定%d项", ", %d could not be decided");
  private static final Phrase FULL_STOP = new Phrase("。", ".");
  private static final Phrase LIST_SEPARATOR = new Phrase("、", ", ");
  private static final Phrase RATINGS = new Phrase("评估员评定：%s。", " Ratings: %s.");
  private static final Phrase EVIDENCE_DISAGREES = new Phrase("评估指标显示“%s”，评估员评定显示“%s”，两者不一致，结论取较低者。",
      " The criteria say %s but the ratings say %s; the lower of the two holds.");
  private static final Phrase EVALUATORS_DISAGREE = new Phrase("各评估员评定不一致，结论取最低评定。",
      " The evaluators disagree; the lowest rating holds.");

  private static Phrase verdict(Level level) {
    return switch (level) {
      case ACHIEVED -> new Phrase("本次演练达到了“%s”的目的。", "The drill achieved its objective: %s.");
      case LARGELY -> new Phrase("本次演练基本达到了“%s”的目的，仍需进一步改进和完善。",
          "The drill largely achieved its objective: %s; it needs further improvement.");
      case PARTLY -> new Phrase("本次演练部分达到了“%s”的目的，存在明显不足，须重点整改。",
          "The drill only partly achieved its objective: %s; corrective action is required.");
      case NOT_ACHIEVED -> new Phrase("本次演练未能达到“%s”的目的，须重点整改。",
          "The drill did not achieve its objective: %s; corrective action is required.");
      case NOT_ASSESSED -> new Phrase("“%s”尚无评估指标结果或评估员评定，有待评估。",
          "Not yet assessed (no criteria results or ratings): %s.");
    };
  }

  private static String strip(String sentence) {
    return sentence.replaceAll("[。.]+$", "");
  }
}
