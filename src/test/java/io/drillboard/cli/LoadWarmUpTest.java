package io.drillboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.support.RunningServer;
import io.drillboard.web.Role;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The load tool's warm-up: its events are sent and acknowledged, only their latencies are left out. */
class LoadWarmUpTest {
  @RegisterExtension
  static final RunningServer server = RunningServer.withDefaults();

  @Test
  void latenciesCountOnlyTheEventsIntendedAfterTheWarmUp() throws Exception {
    String director = server.token(Role.DIRECTOR);
    String drill = CrashChecks.runningDrill(server.http(), director);
    LoadRun.Plan plan = new LoadRun.Plan(URI.create("http://127.0.0.1:" + server.server().port()), director, drill,
        200, Duration.ofSeconds(2), 1, 0, 8, null, false, Duration.ofSeconds(1));

    LoadRun.Summary summary = new LoadRun(plan).execute(new PrintStream(OutputStream.nullOutputStream()));

    assertThat(summary.acknowledged()).isEqualTo(400);
    // Event i is intended at start + i * 5 ms: those from i = 200 on fall after the one-second warm-up.
    assertThat(summary.ack().getTotalCount()).isEqualTo(200);
  }
}
