package io.drillboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.config.ServerConfig.Guard;
import io.drillboard.config.ServerConfig.Live;
import io.drillboard.config.ServerConfig.Tls;
import io.drillboard.support.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every wither changes exactly what it names. They copy through {@link RecordCopy}, by component name: a misspelt
 * name would fail only when called, so each is called here.
 */
class WithersTest {
  private static final ServerConfig CONFIG = TestServer.config();

  @Test
  void eachServerConfigWitherChangesItsOwnComponentsAndNothingElse() {
    Path elsewhere = Path.of("target", "elsewhere");
    assertThat(CONFIG.withDataDir(elsewhere)).isEqualTo(new ServerConfig(CONFIG.port(), CONFIG.host(), elsewhere,
        CONFIG.dbUrl(), CONFIG.jwtSecret(), CONFIG.maxBodyBytes(), CONFIG.ingestQueueLimit(), CONFIG.live(),
        CONFIG.metricsRetention(), CONFIG.ingestRateLimit(), CONFIG.guard(), CONFIG.nodeName(), CONFIG.cluster()));
    Live live = new Live(4096, true);
    assertThat(CONFIG.withLive(live).live()).isEqualTo(live);
    assertThat(CONFIG.withLive(live).withLive(CONFIG.live())).isEqualTo(CONFIG);
    ServerConfig limited = CONFIG.withIngestLimits(123, 45.5);
    assertThat(limited.ingestQueueLimit()).isEqualTo(123);
    assertThat(limited.ingestRateLimit()).isEqualTo(45.5);
    assertThat(limited.withIngestLimits(CONFIG.ingestQueueLimit(), CONFIG.ingestRateLimit())).isEqualTo(CONFIG);
    Guard guard = Guard.defaults().withTls(Optional.of(new Tls(Path.of("cert.pem"), Path.of("key.pem"))));
    assertThat(CONFIG.withGuard(guard).guard()).isEqualTo(guard);
    assertThat(CONFIG.withGuard(guard).withGuard(CONFIG.guard())).isEqualTo(CONFIG);
    assertThat(CONFIG.withMetricsRetention(Duration.ofMinutes(7)).metricsRetention()).isEqualTo(Duration.ofMinutes(7));
    assertThat(CONFIG.withMetricsRetention(Duration.ofMinutes(7)).withMetricsRetention(CONFIG.metricsRetention()))
        .isEqualTo(CONFIG);
  }

  @Test
  void eachGuardWitherChangesItsOwnComponentAndNothingElse() {
    Guard defaults = Guard.defaults();
    Optional<Tls> tls = Optional.of(new Tls(Path.of("cert.pem"), Path.of("key.pem")));
    assertThat(defaults.withTls(tls).tls()).isEqualTo(tls);
    assertThat(defaults.withTls(tls).withTls(defaults.tls())).isEqualTo(defaults);
    ServerConfig.TokenTrust trust = new ServerConfig.TokenTrust("bank-idp", Optional.empty(), Optional.empty());
    assertThat(defaults.withTrust(trust).trust()).isEqualTo(trust);
    assertThat(defaults.withTrust(trust).withTrust(defaults.trust())).isEqualTo(defaults);
  }
}
