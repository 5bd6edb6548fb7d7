package io.drillboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Responses counted by method and status, with a bounded method label. */
class HttpMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HttpMeters meters = new HttpMeters(registry);

  @Test
  void eachResponseCountsOnceUnderItsMethodAndStatus() {
    meters.responded("POST", 202);
    meters.responded("POST", 202);
    meters.responded("POST", 409);
    meters.responded("GET", 202);

    assertThat(count("POST", "202")).isEqualTo(2);
    assertThat(count("POST", "409")).isEqualTo(1);
    assertThat(count("GET", "202")).isEqualTo(1);
  }

  @Test
  void anInventedMethodIsCountedAsOtherSoItAddsNoSeries() {
    meters.responded("BREW", 405);
    meters.responded("PROPFIND", 405);

    assertThat(count("other", "405")).isEqualTo(2);
    assertThat(registry.find("drillboard.http.requests").counters()).hasSize(1);
  }

  private double count(String method, String code) {
    return registry.get("drillboard.http.requests").tag("method", method).tag("code", code).counter().count();
  }
}
