package io.drillboard.report;

import io.drillboard.drill.DrillEngine;
import io.drillboard.drill.Event;
import io.drillboard.drill.EventBody;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who took part, as the events name them: the director who started the drill, each team's members (whoever moved its
 * tasks, the autopilot aside) and the evaluators (whoever recorded an assessment). Names are the tokens' names.
 */
public record Participants(String director, Map<String, List<String>> teams, List<String> evaluators) {
  public static Participants none() {
    return new Participants(null, Map.of(), List.of());
  }

  public Participants apply(Event event) {
    EventBody body = event.body();
    if (body instanceof EventBody.Started started && director == null) {
      return new Participants(started.by(), teams, evaluators);
    }
    if (body instanceof EventBody.TaskAdvanced advanced && !DrillEngine.AUTOPILOT_ACTOR.equals(advanced.by())
        && !teams.getOrDefault(advanced.teamId(), List.of()).contains(advanced.by())) {
      Map<String, List<String>> more = new LinkedHashMap<>(teams);
      Set<String> members = new LinkedHashSet<>(teams.getOrDefault(advanced.teamId(), List.of()));
      members.add(advanced.by());
      more.put(advanced.teamId(), List.copyOf(members));
      return new Participants(director, Map.copyOf(more), evaluators);
    }
    String assessor = assessor(body);
    if (assessor != null && !evaluators.contains(assessor)) {
      Set<String> more = new LinkedHashSet<>(evaluators);
      more.add(assessor);
      return new Participants(director, teams, List.copyOf(more));
    }
    return this;
  }

  private static String assessor(EventBody body) {
    if (body instanceof EventBody.Rated rated) {
      return rated.by();
    }
    if (body instanceof EventBody.Noted noted) {
      return noted.by();
    }
    if (body instanceof EventBody.LessonRecorded lesson) {
      return lesson.by();
    }
    if (body instanceof EventBody.ActionAssigned action) {
      return action.by();
    }
    return null;
  }
}
