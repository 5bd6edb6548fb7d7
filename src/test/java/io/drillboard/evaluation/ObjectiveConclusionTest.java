package io.drillboard.evaluation;

import io.drillboard.view.ObjectiveConclusionView;
import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Assessment.Grade;
import io.drillboard.drill.Assessment.Rating;
import io.drillboard.drill.Assessment.TargetKind;
import io.drillboard.drill.CriterionResult;
import io.drillboard.drill.CriterionResult.Status;
import io.drillboard.evaluation.ObjectiveConclusion.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every combination of what the criteria say and what the evaluators rated, against the verdict a reader expects. */
class ObjectiveConclusionTest {
  private static final String OBJECTIVE = "检验信息技术系统对投诉处理的支撑能力。";

  /** What the criteria serving the objective showed at the end. */
  enum Criteria {
    NONE(0, 0, 0), ALL_MET(2, 0, 0), MET_AND_OPEN(1, 0, 1), SOME_MISSED(1, 1, 0), ALL_MISSED(0, 2, 0),
    ONLY_OPEN(0, 0, 2);

    final int met;
    final int missed;
    final int open;

    Criteria(int met, int missed, int open) {
      this.met = met;
      this.missed = missed;
      this.open = open;
    }

    List<CriterionResult> results() {
      List<CriterionResult> results = new ArrayList<>();
      for (int i = 0; i < met; i++) {
        results.add(criterion("met-" + i, true));
      }
      for (int i = 0; i < missed; i++) {
        results.add(criterion("missed-" + i, false));
      }
      for (int i = 0; i < open; i++) {
        results.add(criterion("open-" + i, null));
      }
      return results;
    }
  }

  /** The ratings the evaluators gave the objective. */
  enum Ratings {
    NONE(), P(Grade.P), S(Grade.S), M(Grade.M), U(Grade.U), P_AND_U(Grade.P, Grade.U);

    final List<Grade> grades;

    Ratings(Grade... grades) {
      this.grades = List.of(grades);
    }

    List<Rating> ratings() {
      List<Rating> ratings = new ArrayList<>();
      for (int i = 0; i < grades.size(); i++) {
        ratings.add(new Rating(TargetKind.OBJECTIVE, "it-systems", grades.get(i), null, i == 0 ? "王敏" : "李强", 10 + i));
      }
      return ratings;
    }
  }

  // Rows: what the criteria say; columns: the ratings NONE, P, S, M, U, P and U.
  private static final Object[][] EXPECTED = {
      {Criteria.NONE, Level.NOT_ASSESSED, Level.ACHIEVED, Level.LARGELY, Level.PARTLY, Level.NOT_ACHIEVED, Level.NOT_ACHIEVED},
      {Criteria.ALL_MET, Level.ACHIEVED, Level.ACHIEVED, Level.LARGELY, Level.PARTLY, Level.NOT_ACHIEVED, Level.NOT_ACHIEVED},
      {Criteria.MET_AND_OPEN, Level.LARGELY, Level.LARGELY, Level.LARGELY, Level.PARTLY, Level.NOT_ACHIEVED, Level.NOT_ACHIEVED},
      {Criteria.SOME_MISSED, Level.PARTLY, Level.PARTLY, Level.PARTLY, Level.PARTLY, Level.NOT_ACHIEVED, Level.NOT_ACHIEVED},
      {Criteria.ALL_MISSED, Level.NOT_ACHIEVED, Level.NOT_ACHIEVED, Level.NOT_ACHIEVED, Level.NOT_ACHIEVED, Level.NOT_ACHIEVED, Level.NOT_ACHIEVED},
      {Criteria.ONLY_OPEN, Level.NOT_ASSESSED, Level.ACHIEVED, Level.LARGELY, Level.PARTLY, Level.NOT_ACHIEVED, Level.NOT_ACHIEVED},
  };

  static Stream<Arguments> everyCombination() {
    return Stream.of(EXPECTED).flatMap(row -> Stream.of(Ratings.values())
        .map(ratings -> Arguments.of(row[0], ratings, row[1 + ratings.ordinal()])));
  }

  @ParameterizedTest(name = "criteria {0}, ratings {1} → {2}")
  @MethodSource("everyCombination")
  void theVerdictIsTheLowerOfWhatTheCriteriaAndTheRatingsSay(Criteria criteria, Ratings ratings, Level expected) {
    ObjectiveConclusion conclusion = conclude(criteria, ratings);
    assertThat(conclusion.level()).isEqualTo(expected);
    assertThat(ObjectiveConclusionView.of(conclusion).getString("verdict")).isEqualTo(expected.key);
    String zh = conclusion.zh();
    String en = conclusion.en();
    if (ratings.grades.contains(Grade.M) || ratings.grades.contains(Grade.U)) {
      assertThat(zh).as("an M or U rating is never 'achieved'").doesNotContain("本次演练达到了", "本次演练基本达到了");
      assertThat(en).doesNotContain("The drill achieved", "largely achieved its objective");
    }
    if (criteria.missed > 0) {
      assertThat(zh).contains("未达标" + criteria.missed + "项", "指标 missed-0");
      assertThat(en).contains(criteria.missed + " missed");
    }
    if (criteria.open > 0) {
      assertThat(zh).contains("未能判定" + criteria.open + "项");
    }
    ratings.ratings().forEach(r -> assertThat(zh).contains(r.by() + " " + r.grade().name()));
  }

  @ParameterizedTest(name = "criteria {0}, ratings {1}")
  @MethodSource("everyCombination")
  void aDisagreementIsSaidInWords(Criteria criteria, Ratings ratings, Level expected) {
    ObjectiveConclusion conclusion = conclude(criteria, ratings);
    boolean evidenceDiffers = conclusion.byCriteria().isPresent() && conclusion.byRatings().isPresent()
        && conclusion.byCriteria().get() != conclusion.byRatings().get();
    assertThat(conclusion.zh().contains("两者不一致")).isEqualTo(evidenceDiffers);
    assertThat(conclusion.en().contains("the lower of the two holds")).isEqualTo(evidenceDiffers);
    assertThat(conclusion.zh().contains("各评估员评定不一致")).isEqualTo(ratings == Ratings.P_AND_U);
    assertThat(ObjectiveConclusionView.of(conclusion).getBoolean("disagreement")).isEqualTo(evidenceDiffers || ratings == Ratings.P_AND_U);
  }

  @org.junit.jupiter.api.Test
  void anObjectiveRatedUWithEveryCriterionMetIsNotAchievedAndSaysWhy() {
    String zh = conclude(Criteria.ALL_MET, Ratings.U).zh();
    assertThat(zh).startsWith("本次演练未能达到“检验信息技术系统对投诉处理的支撑能力”的目的")
        .contains("评估指标2项：达标2项", "评估员评定：王敏 U", "评估指标显示“达到”，评估员评定显示“未达到”");
  }

  private static ObjectiveConclusion conclude(Criteria criteria, Ratings ratings) {
    return ObjectiveConclusion.of(OBJECTIVE, "Test the IT systems' support", criteria.results(), ratings.ratings());
  }

  private static CriterionResult criterion(String id, Boolean met) {
    Status status = met == null ? Status.PENDING : met ? Status.MET : Status.MISSED;
    return new CriterionResult(id, "指标 " + id, "Criterion " + id, null, "it-systems", "duration", null, null, met,
        status, List.of());
  }
}
