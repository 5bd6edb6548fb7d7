package io.drillboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import io.drillboard.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hazelcast configuration a node starts with, built from the options or read from the operator's file. */
class HazelcastSetupTest {
  @Test
  void theOptionsMakeATcpIpMemberWithVertxMapsAndQuickFailureDetection() {
    Config config = HazelcastSetup.config(new ServerConfig.Cluster("10.0.0.11", 5801,
        List.of("10.0.0.12:5801", "10.0.0.13:5801"), Optional.empty(), 0));

    assertThat(config.getClusterName()).isEqualTo("drillboard");
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(5801);
    assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isTrue();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
        .containsExactly("10.0.0.12:5801", "10.0.0.13:5801", "10.0.0.11:5801");
    assertThat(config.getProperty("hazelcast.local.localAddress")).isEqualTo("10.0.0.11");
    assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("5");
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    // What vert.x keeps its event-bus subscriptions in, from vertx-hazelcast's defaults.
    assertThat(config.getMultiMapConfigs()).containsKey("__vertx.subs");
  }

  @Test
  void aConfigurationFileReplacesTheOptions(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("hazelcast.yaml"), """
        hazelcast:
          cluster-name: bank-drills
          network:
            port: {port: 5901, auto-increment: false}
            join:
              multicast: {enabled: false}
              kubernetes:
                enabled: true
                service-dns: drillboard-hz.drills.svc.cluster.local
          multimap:
            __vertx.subs: {backup-count: 1, value-collection-type: SET}
        """);
    Config config = HazelcastSetup.config(new ServerConfig.Cluster("127.0.0.1", 5701, List.of(), Optional.of(file),
        0));

    assertThat(config.getClusterName()).isEqualTo("bank-drills");
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(5901);
    assertThat(config.getNetworkConfig().getJoin().getKubernetesConfig().isEnabled()).isTrue();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isFalse();
  }

  @Test
  void aMissingConfigurationFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere.xml");
    assertThatThrownBy(() -> HazelcastSetup.config(new ServerConfig.Cluster("127.0.0.1", 5701, List.of(),
        Optional.of(missing), 0))).isInstanceOf(UncheckedIOException.class).hasMessageContaining(missing.toString());
  }
}
