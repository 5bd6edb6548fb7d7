package io.drillboard.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP responses this server sent, by method and status: {@code drillboard_http_requests_total}. It stands in for
 * Vert.x's own HTTP server meters, which looked each meter up by its tags twice a request, hashing their strings anew
 * each time: 8% of the event loops' time under single-event load (bench/RESULTS.md, issue 18). Here a response's
 * counter is found by two small numbers. The method label is one of the methods the API and pages use, or "other",
 * so a client inventing methods cannot add series.
 */
public final class HttpMeters {
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH");
  private static final int OTHER = METHODS.size();

  private final MeterRegistry registry;
  /** Keyed by method index * 1000 + status. */
  private final Map<Integer, Counter> counters = new ConcurrentHashMap<>();

  public HttpMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts one response with {@code status} to a request with {@code method}. */
  public void responded(String method, int status) {
    int index = METHODS.indexOf(method);
    int methodIndex = index < 0 ? OTHER : index;
    counters.computeIfAbsent(methodIndex * 1000 + status, key -> Counter.builder("drillboard.http.requests")
        .description("HTTP responses sent, by request method and status code")
        .tag("method", methodIndex == OTHER ? "other" : METHODS.get(methodIndex))
        .tag("code", Integer.toString(status)).register(registry)).increment();
  }
}
