package io.drillboard.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * @param live how live streams are sent
 * @param metricsRetention how long an ended drill's series stay in /metrics, and how long an ended drill with nothing
 *     asked of it stays loaded
 * @param ingestRateLimit injected events per second allowed per token (0: no limit); beyond it, 429
 * @param guard who may reach the server from where, and how long and large a request may be
 * @param nodeName this server's name: the node label on its metrics and the name in its logs
 * @param cluster when present, the server joins the others sharing its database (docs/deploy.md)
 */
public record ServerConfig(int port, String host, Path dataDir, Optional<String> dbUrl, Optional<String> jwtSecret,
    long maxBodyBytes, int ingestQueueLimit, Live live, Duration metricsRetention, double ingestRateLimit,
    Guard guard, String nodeName, Optional<Cluster> cluster) {

  public ServerConfig {
    if (cluster.isPresent() && dbUrl.isEmpty()) {
      throw new IllegalArgumentException("a cluster needs one shared PostgreSQL: give --db-url");
    }
  }

  /**
   * How a node finds the others: Hazelcast's TCP/IP join on {@code host:port} with the listed members, or a whole
   * Hazelcast configuration file instead.
   *
   * @param host the address this node binds and announces, for Hazelcast and the event bus
   * @param port Hazelcast's member port
   * @param members other members, host:port, to join through
   * @param hazelcastConfig a Hazelcast XML or YAML file; when present, port and members are not used
   * @param busPort the event bus' TCP port; 0 takes any free one
   */
  public record Cluster(String host, int port, List<String> members, Optional<Path> hazelcastConfig, int busPort) {
  }

  /**
   * The server's outer defences (docs/security.md).
   *
   * @param metricsToken when present, /metrics asks for it as a bearer token (Prometheus' authorization option)
   * @param allowedOrigins browser origins besides the server's own that may call the API (CORS) and open live
   *     streams; empty: none
   * @param maxHeaderBytes largest request head (request line and headers); larger ones get 431
   * @param idleTimeout a connection that sends and receives nothing this long is closed
   * @param requestTimeout an API request not answered in this time gets 408 (a slow sender is cut off)
   * @param liveStreamsPerToken live streams one token may hold open at once (0: no limit); beyond it, 429
   * @param connectionsPerToken HTTP connections one token may hold open at once (0: no limit); beyond it, 429
   * @param tls when present, HTTPS (and WSS) with this PEM certificate chain and key
   * @param trust whose signed tokens are accepted besides the server's own
   */
  public record Guard(Optional<String> metricsToken, List<String> allowedOrigins, int maxHeaderBytes,
      Duration idleTimeout, Duration requestTimeout, int liveStreamsPerToken, int connectionsPerToken,
      Optional<Tls> tls, TokenTrust trust) {
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_LIVE_STREAMS_PER_TOKEN = 1_000;
    public static final int DEFAULT_CONNECTIONS_PER_TOKEN = 2_000;

    public Guard withTls(Optional<Tls> newTls) {
      return RecordCopy.with(this, Map.of("tls", newTls));
    }

    public Guard withTrust(TokenTrust newTrust) {
      return RecordCopy.with(this, Map.of("trust", newTrust));
    }

    public static Guard defaults() {
      return new Guard(Optional.empty(), List.of(), DEFAULT_MAX_HEADER_BYTES, DEFAULT_IDLE_TIMEOUT,
          DEFAULT_REQUEST_TIMEOUT, DEFAULT_LIVE_STREAMS_PER_TOKEN, DEFAULT_CONNECTIONS_PER_TOKEN, Optional.empty(),
          TokenTrust.own());
    }
  }

  /**
   * Which tokens are genuine: always those signed with the server's HS256 secret, and, so that a bank can use its
   * own identity provider, those signed with an RS256/ES256 public key or a key of a JWKS file.
   *
   * @param issuer the iss every token must carry (the server's own tokens carry it too)
   * @param publicKey a PEM public key (RSA or EC)
   * @param jwks a JSON Web Key Set file, {"keys": [...]}
   */
  public record TokenTrust(String issuer, Optional<Path> publicKey, Optional<Path> jwks) {
    public static final String DEFAULT_ISSUER = "drillboard";

    public static TokenTrust own() {
      return new TokenTrust(DEFAULT_ISSUER, Optional.empty(), Optional.empty());
    }
  }

  /**
   * How live streams are sent.
   *
   * @param queueBytes bytes a live viewer may have waiting to be sent before it is skipped until it catches up
   * @param deflate whether a viewer that offers permessage-deflate (every browser does) gets its frames compressed;
   *     off by default: each socket compresses on its own, and at 2,000 viewers that cost the server twice the CPU
   *     and its p99 went from 0.86 s to 28 s (bench/RESULTS.md)
   */
  public record Live(int queueBytes, boolean deflate) {
    public static final int DEFAULT_QUEUE_BYTES = 1024 * 1024;
    public static final boolean DEFAULT_DEFLATE = false;
    public static final Live DEFAULTS = new Live(DEFAULT_QUEUE_BYTES, DEFAULT_DEFLATE);
  }

  /** A PEM certificate chain and its private key (PKCS#8 or PKCS#1). */
  public record Tls(Path cert, Path key) {
  }

  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_INGEST_QUEUE_LIMIT = 200_000;
  public static final Duration DEFAULT_METRICS_RETENTION = Duration.ofMinutes(15);

  public ServerConfig withDataDir(Path newDataDir) {
    return RecordCopy.with(this, Map.of("dataDir", newDataDir));
  }

  public ServerConfig withLive(Live newLive) {
    return RecordCopy.with(this, Map.of("live", newLive));
  }

  public ServerConfig withIngestLimits(int queueLimit, double rateLimit) {
    return RecordCopy.with(this, Map.of("ingestQueueLimit", queueLimit, "ingestRateLimit", rateLimit));
  }

  public ServerConfig withGuard(Guard newGuard) {
    return RecordCopy.with(this, Map.of("guard", newGuard));
  }

  public ServerConfig withMetricsRetention(Duration retention) {
    return RecordCopy.with(this, Map.of("metricsRetention", retention));
  }
}
