package io.drillboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What `serve` refuses before it starts anything. */
class ServeCommandTest {
  @Test
  void aClusterWithoutASharedDatabaseIsAUsageError() {
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Main()).setErr(new PrintWriter(err))
        .execute("serve", "--cluster", "--data-dir", "target/test-data/serve-cli", "--db-url", "");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--cluster needs --db-url");
  }

  @Test
  void aMissingHazelcastFileIsAUsageError() {
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Main()).setErr(new PrintWriter(err)).execute("serve", "--cluster", "--data-dir",
        "target/test-data/serve-cli", "--db-url", "postgresql://drillboard:secret@127.0.0.1:1/drillboard",
        "--cluster-config", "target/test-data/no-such-hazelcast.yaml");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--cluster-config: no file at target/test-data/no-such-hazelcast.yaml");
  }
}
