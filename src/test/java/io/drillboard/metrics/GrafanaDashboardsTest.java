package io.drillboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped dashboards work with file provisioning: a fixed datasource uid, stable uids, unique panel ids. */
class GrafanaDashboardsTest {
  @Test
  void everyPanelUsesTheProvisionedDatasourceAndHasAUniqueId() throws IOException {
    List<JsonObject> dashboards = Dashboards.all();
    assertThat(dashboards).extracting(d -> d.getString("title")).contains("Drill live", "Drillboard server");
    Set<String> uids = new HashSet<>();
    for (JsonObject dashboard : dashboards) {
      String title = dashboard.getString("title");
      assertThat(dashboard.getString("uid")).as(title).isNotBlank();
      assertThat(uids.add(dashboard.getString("uid"))).as("unique uid of " + title).isTrue();
      assertThat(dashboard.encode()).as(title).doesNotContain("${DS_");
      Set<Integer> ids = new HashSet<>();
      for (JsonObject panel : Dashboards.panels(dashboard)) {
        assertThat(ids.add(panel.getInteger("id"))).as(title + " panel id " + panel.getInteger("id")).isTrue();
        assertThat(panel.getJsonObject("datasource").getString("uid")).as(title + ": " + panel.getString("title"))
            .isEqualTo(Dashboards.DATASOURCE_UID);
        assertThat(panel.getJsonArray("targets")).as(title + ": " + panel.getString("title")).isNotEmpty();
        panel.getJsonArray("targets").forEach(t -> assertThat(((JsonObject) t).getJsonObject("datasource")
            .getString("uid")).isEqualTo(Dashboards.DATASOURCE_UID));
      }
    }
    String datasource = Files.readString(Path.of("grafana", "provisioning", "datasources", "prometheus.yaml"));
    assertThat(datasource).contains("uid: " + Dashboards.DATASOURCE_UID);
  }

  @Test
  void theDrillDashboardHasADrillVariable() {
    JsonObject live = Dashboards.all().stream().filter(d -> d.getString("title").equals("Drill live")).findFirst()
        .orElseThrow();
    assertThat(live.getJsonObject("templating").getJsonArray("list").getJsonObject(0).getString("name"))
        .isEqualTo("drill");
  }
}
