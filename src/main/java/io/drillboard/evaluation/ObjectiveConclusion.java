package io.drillboard.evaluation;

import io.drillboard.drill.Assessment.Grade;
import io.drillboard.drill.Assessment.Rating;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

  public JsonObject toJson() {
    Map<Grade, Integer> grades = new EnumMap<>(Grade.class);
    ratings.forEach(r -> grades.merge(r.grade(), 1, Integer::sum));
    JsonObject gradeCounts = new JsonObject();
    grades.forEach((g, n) -> gradeCounts.put(g.name(), n));
    JsonArray raters = new JsonArray();
    ratings.forEach(r -> raters.add(new JsonObject().put("by", r.by()).put("rating", r.grade().name())));
    return new JsonObject().put("verdict", level.key).put("verdictZh", level.zh).put("verdictEn", level.en)
        .put("byCriteria", byCriteria.map(l -> l.key).orElse(null))
        .put("byRatings", byRatings.map(l -> l.key).orElse(null)).put("criteriaMet", met).put("criteriaOpen", open)
        .put("criteriaMissed", missed.size()).put("criteriaTotal", total).put("ratings", gradeCounts)
        .put("raters", raters).put("disagreement", evidenceDisagrees() || evaluatorsDisagree())
        .put("text", zh()).put("textEn", en());
  }

  /** The conclusion in the seed's words: the verdict, then what it rests on, then any disagreement. */
  public String zh() {
    String name = "“" + strip(objective) + "”";
    StringBuilder text = new StringBuilder(switch (level) {
      case ACHIEVED -> "本次演练达到了" + name + "的目的。";
      case LARGELY -> "本次演练基本达到了" + name + "的目的，仍需进一步改进和完善。";
      case PARTLY -> "本次演练部分达到了" + name + "的目的，存在明显不足，须重点整改。";
      case NOT_ACHIEVED -> "本次演练未能达到" + name + "的目的，须重点整改。";
      case NOT_ASSESSED -> name + "尚无评估指标结果或评估员评定，有待评估。";
    });
    if (total > 0) {
      text.append("评估指标").append(total).append("项：达标").append(met).append("项");
      if (!missed.isEmpty()) {
        text.append("，未达标").append(missed.size()).append("项（").append(String.join("、", missed)).append("）");
      }
      if (open > 0) {
        text.append("，未能判定").append(open).append("项");
      }
      text.append("。");
    }
    if (!ratings.isEmpty()) {
      text.append("评估员评定：").append(raters(" ", "、")).append("。");
    }
    if (evidenceDisagrees()) {
      text.append("评估指标显示“").append(byCriteria.get().zh).append("”，评估员评定显示“")
          .append(byRatings.get().zh).append("”，两者不一致，结论取较低者。");
    }
    if (evaluatorsDisagree()) {
      text.append("各评估员评定不一致，结论取最低评定。");
    }
    return text.toString();
  }

  public String en() {
    String name = strip(objectiveEn);
    StringBuilder text = new StringBuilder(switch (level) {
      case ACHIEVED -> "The drill achieved its objective: " + name + ".";
      case LARGELY -> "The drill largely achieved its objective: " + name + "; it needs further improvement.";
      case PARTLY -> "The drill only partly achieved its objective: " + name + "; corrective action is required.";
      case NOT_ACHIEVED -> "The drill did not achieve its objective: " + name + "; corrective action is required.";
      case NOT_ASSESSED -> "Not yet assessed (no criteria results or ratings): " + name + ".";
    });
    if (total > 0) {
      text.append(" Criteria: ").append(met).append(" of ").append(total).append(" met");
      if (!missed.isEmpty()) {
        text.append(", ").append(missed.size()).append(" missed (").append(String.join(", ", missedEn)).append(")");
      }
      if (open > 0) {
        text.append(", ").append(open).append(" could not be decided");
      }
      text.append(".");
    }
    if (!ratings.isEmpty()) {
      text.append(" Ratings: ").append(raters(" ", ", ")).append(".");
    }
    if (evidenceDisagrees()) {
      text.append(" The criteria say ").append(byCriteria.get().en).append(" but the ratings say ")
          .append(byRatings.get().en).append("; the lower of the two holds.");
    }
    if (evaluatorsDisagree()) {
      text.append(" The evaluators disagree; the lowest rating holds.");
    }
    return text.toString();
  }

  private String raters(String between, String separator) {
    return ratings.stream().map(r -> r.by() + between + r.grade().name()).collect(Collectors.joining(separator));
  }

  private static String strip(String sentence) {
    return sentence.replaceAll("[。.]+$", "");
  }
}
