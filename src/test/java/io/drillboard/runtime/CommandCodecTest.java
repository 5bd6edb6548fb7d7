package io.drillboard.runtime;

import io.drillboard.drill.Assessment;
import io.drillboard.drill.Command;
import io.drillboard.drill.EventBody;
import io.drillboard.drill.TaskState;
import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.drill.Command.ControlAction;
import io.drillboard.drill.Command.Incoming;
import io.drillboard.scenario.Scenario.InjectOpinion;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandCodecTest {
  private final CommandCodec codec = new CommandCodec();

  static List<Command> commands() {
    return List.of(new Command.Control(ControlAction.PAUSE, "director-1"), new Command.SetSpeed(120, "d"),
        new Command.FireInject("viral-post", "d"),
        new Command.AddInject("notice", "媒体来电", "记者询问", Optional.of(new InjectOpinion(40, "weibo", 60_000)), "d"),
        new Command.AddInject("notice", "t", null, Optional.empty(), "d"),
        new Command.TaskAction("home-visit", TaskState.DONE, "comfort", "team-comfort"),
        new Command.Append(List.of(new Incoming("c-1", "message", "{\"text\":\"网点 <b>\",\"n\":[1,{\"x\":null}]}"),
            new Incoming(null, "observation", "{}")), "injector"),
        new Command.Assess(new EventBody.Noted(36_000_000, "记录", "evaluator"), "evaluator"),
        new Command.Assess(new EventBody.Rated(Assessment.TargetKind.OBJECTIVE, "plan", Assessment.Grade.U, null, "王敏",
            7L), "王敏"),
        new Command.Assess(new EventBody.ActionAssigned("修订预案", "办公室", "2026-12-31", Assessment.ActionState.DONE,
            "王敏", 9L), "王敏"),
        new Command.Assess(new EventBody.Retracted(8, "重复", "王敏"), "王敏"),
        new Command.Archive(true, "d"), new Command.Broadcast("各小组注意", "d"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aCommandCrossesTheWireUnchanged(Command command) {
    Buffer wire = Buffer.buffer("prefix");
    codec.encodeToWire(wire, command);
    assertThat(codec.decodeFromWire("prefix".length(), wire)).isEqualTo(command);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void withinOneProcessTheCommandIsHandedOverAsItIs(Command command) {
    assertThat(codec.transform(command)).isSameAs(command);
  }
}
