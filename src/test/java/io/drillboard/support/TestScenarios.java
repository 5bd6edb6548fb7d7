package io.drillboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The scenario files under src/test/resources/scenarios, as text and posted to a server. */
public final class TestScenarios {
  private TestScenarios() {
  }

  /** The file's YAML, e.g. {@code text("contingencies")}. */
  public static String text(String name) {
    try (InputStream in = TestScenarios.class.getClassLoader().getResourceAsStream("scenarios/" + name + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Posts the file as a director, so that drills can be created from it. */
  public static void post(Http http, String director, String name) {
    assertThat(http.call(HttpMethod.POST, "/api/v1/scenarios", director, text(name), "application/yaml")
        .statusCode()).isIn(200, 201);
  }
}
