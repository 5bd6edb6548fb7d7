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

/** The load tool's warm-up: a rising rate whose events are sent and acknowledged, only their latencies left out. */
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

    // The rate rises from 0 to 200 a second over the first second (100 events), then holds for one (200 more).
    assertThat(summary.sent()).isEqualTo(300);
    assertThat(summary.acknowledged()).isEqualTo(300);
    assertThat(summary.ack().getTotalCount()).as("latencies counted after the warm-up only").isEqualTo(200);
  }
}
