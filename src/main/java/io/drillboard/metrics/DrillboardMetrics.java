package io.drillboard.metrics;

import io.drillboard.runtime.CommittedListener;
import io.drillboard.drill.DrillState;
import io.drillboard.drill.Event;
import io.drillboard.store.CommitObserver;
import io.drillboard.metrics.LiveStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Drillboard's own metrics, beside the JVM and Vert.x ones in the same Prometheus registry. Labels stay bounded:
 * drill, team, platform, sentiment, state and type only. An ended drill's series are removed after a retention time,
 * so a server that ran a thousand drills does not serve a thousand sets of series.
 */
public final class DrillboardMetrics implements CommittedListener, CommitObserver, LiveStats {
  private final PrometheusMeterRegistry registry;
  private final Duration retention;
  /** The wall clock the drills run on, from which a drill's sim time is read. */
  private final InstantSource clock;
  private final Map<String, DrillMeters> drills = new ConcurrentHashMap<>();
  /** The drills running on this node, ended or not. */
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Map<String, Gauge> viewerGauges = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> viewers = new ConcurrentHashMap<>();
  private final Map<CommitObserver.Statement, Timer> commits;
  private final Counter framesSent;
  private final Counter framesDropped;
  private final HttpMeters http;
  private Vertx vertx;

  public DrillboardMetrics(PrometheusMeterRegistry registry, Duration retention, InstantSource clock) {
    this.registry = registry;
    this.retention = retention;
    this.clock = clock;
    this.commits = new EnumMap<>(CommitObserver.Statement.class);
    for (CommitObserver.Statement statement : CommitObserver.Statement.values()) {
      commits.put(statement, Timer.builder("drillboard.event.commit")
          .description("Time of one group commit of events to PostgreSQL, by INSERT or by COPY")
          .tag("statement", statement.name().toLowerCase(Locale.ROOT))
          .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
          .maximumExpectedValue(Duration.ofSeconds(10)).register(registry));
    }
    this.framesSent = Counter.builder("drillboard.ws.frames.sent").description("Live frames written to viewers")
        .register(registry);
    this.framesDropped = Counter.builder("drillboard.ws.frames.dropped")
        .description("Live frames skipped for viewers whose write queue was full").register(registry);
    this.http = new HttpMeters(registry);
  }

  /** The registry Vert.x and Drillboard share, tagged application="drillboard" and with the node's name. */
  public static PrometheusMeterRegistry newRegistry(String nodeName) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("application", "drillboard", "node", nodeName);
    return registry;
  }

  /** Starts the timers that remove ended drills' series; the Vert.x instance exists only once metrics do. */
  public void bind(Vertx vertx, IntSupplier ingestQueueDepth) {
    this.vertx = vertx;
    Gauge.builder("drillboard.ingest.queue.depth", ingestQueueDepth, IntSupplier::getAsInt)
        .description("Events waiting for their commit").strongReference(true).register(registry);
    Gauge.builder("drillboard.drills.owned", running, Set::size)
        .description("Drills running on this node (in a cluster, those whose lock it holds)").strongReference(true)
        .register(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The HTTP responses sent, counted by the router. */
  public HttpMeters http() {
    return http;
  }

  @Override
  public void committed(int events, long nanos, CommitObserver.Statement statement) {
    commits.get(statement).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void committed(String drillId, List<Event> events, DrillState state) {
    running.add(drillId);
    if (state.ended() && !events.isEmpty() && !drills.containsKey(drillId)) {
      // An evaluation entry on a drill whose series were retired does not bring them back.
      return;
    }
    DrillMeters meters = drills.computeIfAbsent(drillId, id -> new DrillMeters(registry, state, clock));
    boolean endedBefore = meters.state().ended();
    meters.record(events, state);
    if (state.ended() && (!endedBefore || events.isEmpty())) {
      scheduleRemoval(drillId);
    }
  }

  @Override
  public void stopped(String drillId) {
    running.remove(drillId);
    DrillMeters meters = drills.remove(drillId);
    if (meters != null) {
      meters.remove(registry);
    }
  }

  private void scheduleRemoval(String drillId) {
    if (vertx != null) {
      vertx.setTimer(retention.toMillis(), id -> {
        DrillMeters meters = drills.get(drillId);
        if (meters != null && meters.state().ended()) {
          drills.remove(drillId);
          meters.remove(registry);
        }
      });
    }
  }

  @Override
  public void frameSent() {
    framesSent.increment();
  }

  @Override
  public void frameDropped() {
    framesDropped.increment();
  }

  @Override
  public void viewerJoined(String drillId) {
    viewers.computeIfAbsent(drillId, id -> {
      AtomicInteger count = new AtomicInteger();
      viewerGauges.put(id, Gauge.builder("drillboard.ws.clients", count, AtomicInteger::get)
          .description("WebSocket viewers of a drill on this server").tags(Tags.of("drill", id))
          .strongReference(true).register(registry));
      return count;
    }).incrementAndGet();
  }

  @Override
  public void viewerLeft(String drillId) {
    // The series goes with the drill's last viewer on this server, whichever event loop it was on.
    viewers.computeIfPresent(drillId, (id, count) -> {
      if (count.decrementAndGet() > 0) {
        return count;
      }
      registry.remove(viewerGauges.remove(id));
      return null;
    });
  }
}
