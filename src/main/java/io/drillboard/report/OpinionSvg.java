package io.drillboard.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The opinion curve drawn as inline SVG, so the report prints without scripts: posts per minute, actions, peak. */
final class OpinionSvg {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 240;
  private static final int LEFT = 40;
  private static final int BOTTOM = 24;
  private static final int TOP = 16;
  /** Markers closer than this (in SVG units) are stacked so their numbers stay apart. */
  private static final int MARKER_SPACING = 20;

  private OpinionSvg() {
  }

  static String of(ReportDocument.Chart chart) {
    JsonObject opinion = chart.opinion();
    JsonArray series = opinion.getJsonArray("series");
    StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\">");
    if (series.isEmpty()) {
      return svg.append("</svg>").toString();
    }
    long first = series.getJsonObject(0).getLong("minute");
    long last = series.getJsonObject(series.size() - 1).getLong("minute");
    int max = 1;
    for (Object point : series) {
      max = Math.max(max, ((JsonObject) point).getInteger("total"));
    }
    double span = Math.max(1, last - first);
    double plotWidth = WIDTH - LEFT - 10;
    double plotHeight = HEIGHT - BOTTOM - TOP;
    svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"")
        .append(WIDTH - 10).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#8a97b1\"/>");
    StringBuilder points = new StringBuilder();
    for (Object o : series) {
      JsonObject point = (JsonObject) o;
      double x = LEFT + (point.getLong("minute") - first) / span * plotWidth;
      double y = HEIGHT - BOTTOM - point.getInteger("total") / (double) max * plotHeight;
      points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    svg.append("<polyline fill=\"none\" stroke=\"#d9534f\" stroke-width=\"1.5\" points=\"").append(points)
        .append("\"/>");
    // Markers are numbered, not named: names side by side print over each other; the report lists them under the chart.
    double previousX = Double.NEGATIVE_INFINITY;
    int row = 0;
    int number = 0;
    for (Object o : opinion.getJsonArray("actions")) {
      JsonObject action = (JsonObject) o;
      double x = LEFT + (action.getLong("atMs") - first) / span * plotWidth;
      number++;
      row = x - previousX < MARKER_SPACING ? row + 1 : 0;
      previousX = x;
      svg.append(String.format(java.util.Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1f5fbf\" stroke-dasharray=\"4 3\"/>", x, TOP, x,
          HEIGHT - BOTTOM));
      svg.append(String.format(java.util.Locale.ROOT,
          "<circle cx=\"%.1f\" cy=\"%d\" r=\"8\" fill=\"#1f5fbf\"/><text x=\"%.1f\" y=\"%d\" font-size=\"11\" "
              + "fill=\"#fff\" text-anchor=\"middle\">%d</text>", x, TOP + 8 + row * 18, x, TOP + 12 + row * 18, number));
    }
    JsonObject peak = opinion.getJsonObject("peak");
    if (peak != null) {
      double x = LEFT + (peak.getLong("minuteMs") - first) / span * plotWidth;
      double y = HEIGHT - BOTTOM - peak.getInteger("count") / (double) max * plotHeight;
      svg.append(String.format(java.util.Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#f0a020\"/>", x,
          y));
    }
    svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 6).append("\" font-size=\"11\">")
        .append(ReportHtml.escape(chart.from())).append("</text>");
    svg.append("<text x=\"").append(WIDTH - 4).append("\" y=\"").append(HEIGHT - 6)
        .append("\" font-size=\"11\" text-anchor=\"end\">").append(ReportHtml.escape(chart.to())).append("</text>");
    svg.append("<text x=\"4\" y=\"").append(TOP + 4).append("\" font-size=\"11\">").append(max).append("</text>");
    return svg.append("</svg>").toString();
  }
}
