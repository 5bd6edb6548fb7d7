package io.drillboard.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a server is started with, in one place. Built by the command line (each option has an environment
 * twin) or by tests.
 *
 * @param port HTTP port; 0 picks a free one
 * @param host interface to bind
 * @param dataDir where the embedded database, the generated JWT secret and extra scenarios live
 * @param dbUrl an external PostgreSQL (postgresql://user:pass@host:port/db); empty for the embedded one
 * @param jwtSecret the HS256 secret; empty to use (or create) the one kept in the data dir
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 * @param ingestQueueLimit events waiting for commit before the server answers 503
 * @param liveQueueBytes bytes a live viewer may have waiting to be sent before it is skipped until it catches up
 * @param metricsRetention how long an ended drill's series stay in /metrics
 * @param ingestRateLimit injected events per second allowed per token (0: no limit); beyond it, 429
 */
public record ServerConfig(int port, String host, Path dataDir, Optional<String> dbUrl, Optional<String> jwtSecret,
    long maxBodyBytes, int ingestQueueLimit, int liveQueueBytes, Duration metricsRetention, double ingestRateLimit) {

  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_INGEST_QUEUE_LIMIT = 200_000;
  public static final int DEFAULT_LIVE_QUEUE_BYTES = 1024 * 1024;
  public static final Duration DEFAULT_METRICS_RETENTION = Duration.ofMinutes(15);

  public ServerConfig withDataDir(Path newDataDir) {
    return new ServerConfig(port, host, newDataDir, dbUrl, jwtSecret, maxBodyBytes, ingestQueueLimit, liveQueueBytes,
        metricsRetention, ingestRateLimit);
  }

  public ServerConfig withLiveQueueBytes(int bytes) {
    return new ServerConfig(port, host, dataDir, dbUrl, jwtSecret, maxBodyBytes, ingestQueueLimit, bytes,
        metricsRetention, ingestRateLimit);
  }

  public ServerConfig withIngestLimits(int queueLimit, double rateLimit) {
    return new ServerConfig(port, host, dataDir, dbUrl, jwtSecret, maxBodyBytes, queueLimit, liveQueueBytes,
        metricsRetention, rateLimit);
  }

  public ServerConfig withMetricsRetention(Duration retention) {
    return new ServerConfig(port, host, dataDir, dbUrl, jwtSecret, maxBodyBytes, ingestQueueLimit, liveQueueBytes,
        retention, ingestRateLimit);
  }
}
