package io.drillboard.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Front-end libraries served from their webjars: pages import a fixed path, the version lives in the pom alone. */
final class Vendor {
  static final String ECHARTS_PATH = "/vendor/echarts.esm.min.js";

  private Vendor() {
  }

  /** Where the webjar keeps ECharts' ES module build, under /webjars. */
  static String echartsWebjarPath() {
    return "/webjars/echarts/" + version("org.webjars.npm", "echarts") + "/dist/echarts.esm.min.js";
  }

  private static String version(String group, String artifact) {
    String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = Vendor.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing: is the webjar on the classpath?");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
