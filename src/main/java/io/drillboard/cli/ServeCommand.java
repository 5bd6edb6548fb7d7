package io.drillboard.cli;

import io.drillboard.server.DrillboardServer;
import io.drillboard.config.ServerConfig;
import io.drillboard.store.Database;
import io.drillboard.web.Role;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start the server (on an embedded PostgreSQL unless --db-url is given).")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "${env:DRILLBOARD_PORT:-8080}",
      description = "HTTP port (env DRILLBOARD_PORT, default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "${env:DRILLBOARD_HOST:-0.0.0.0}",
      description = "Interface to listen on (env DRILLBOARD_HOST, default ${DEFAULT-VALUE}).")
  String host;

  @Mixin
  SecretOptions data;

  @Option(names = "--db-url", defaultValue = "${env:DRILLBOARD_DB_URL}",
      description = "External PostgreSQL, postgresql://user:password@host:port/db (env DRILLBOARD_DB_URL); "
          + "when absent, an embedded PostgreSQL under the data dir.")
  String dbUrl;

  @Option(names = "--ingest-queue", defaultValue = "${env:DRILLBOARD_INGEST_QUEUE:-200000}",
      description = "Events waiting for commit before ingest answers 503 (default ${DEFAULT-VALUE}).")
  int ingestQueue;

  @Option(names = "--ingest-rate-limit", defaultValue = "${env:DRILLBOARD_INGEST_RATE_LIMIT:-0}",
      description = "Injected events per second allowed per token; beyond it, 429 (0, the default: no limit).")
  double ingestRateLimit;

  @Option(names = "--metrics-retention", defaultValue = "${env:DRILLBOARD_METRICS_RETENTION:-15m}",
      converter = DurationConverter.class,
      description = "How long an ended drill's series stay in /metrics, and an ended drill nobody uses stays loaded "
          + "(default ${DEFAULT-VALUE}).")
  Duration metricsRetention;

  @Option(names = "--metrics-token", defaultValue = "${env:DRILLBOARD_METRICS_TOKEN}",
      description = "Bearer token /metrics asks for (env DRILLBOARD_METRICS_TOKEN); when absent, /metrics is open.")
  String metricsToken;

  @Option(names = "--allowed-origin", split = ",", defaultValue = "${env:DRILLBOARD_ALLOWED_ORIGINS}",
      description = "Browser origins besides the server's own that may call the API and open live streams, e.g. "
          + "https://wall.example.com (repeatable or comma-separated; env DRILLBOARD_ALLOWED_ORIGINS; default none).")
  List<String> allowedOrigins;

  @Option(names = "--max-header-bytes", defaultValue = "${env:DRILLBOARD_MAX_HEADER_BYTES:-16384}",
      description = "Largest request head; larger ones get 431 (default ${DEFAULT-VALUE}).")
  int maxHeaderBytes;

  @Option(names = "--idle-timeout", defaultValue = "${env:DRILLBOARD_IDLE_TIMEOUT:-60s}",
      converter = DurationConverter.class,
      description = "Close a connection silent this long (default ${DEFAULT-VALUE}).")
  Duration idleTimeout;

  @Option(names = "--request-timeout", defaultValue = "${env:DRILLBOARD_REQUEST_TIMEOUT:-30s}",
      converter = DurationConverter.class,
      description = "Answer 408 to an API request not done in this time, a slow sender's too (default ${DEFAULT-VALUE}).")
  Duration requestTimeout;

  @Option(names = "--live-streams-per-token", defaultValue = "${env:DRILLBOARD_LIVE_STREAMS_PER_TOKEN:-1000}",
      description = "Live streams one token may hold open at once; beyond it, 429 (0: no limit; default "
          + "${DEFAULT-VALUE}).")
  int liveStreamsPerToken;

  @Option(names = "--live-deflate", negatable = true, fallbackValue = "true",
      defaultValue = "${env:DRILLBOARD_LIVE_DEFLATE:-false}",
      description = "Compress live frames for viewers that offer permessage-deflate, as browsers do: a tenth of "
          + "the bytes for much more CPU per viewer; worth it for a few viewers on slow links (default "
          + "${DEFAULT-VALUE}; bench/RESULTS.md has the figures).")
  boolean liveDeflate;

  @Option(names = "--connections-per-token", defaultValue = "${env:DRILLBOARD_CONNECTIONS_PER_TOKEN:-2000}",
      description = "HTTP connections one token may hold open at once; beyond it, 429 (0: no limit; default "
          + "${DEFAULT-VALUE}).")
  int connectionsPerToken;

  @Option(names = "--tls-cert", defaultValue = "${env:DRILLBOARD_TLS_CERT}",
      description = "PEM certificate chain: serve HTTPS and WSS (with --tls-key; env DRILLBOARD_TLS_CERT).")
  Path tlsCert;

  @Option(names = "--tls-key", defaultValue = "${env:DRILLBOARD_TLS_KEY}",
      description = "PEM private key of --tls-cert (env DRILLBOARD_TLS_KEY).")
  Path tlsKey;

  @Option(names = "--jwt-public-key", defaultValue = "${env:DRILLBOARD_JWT_PUBLIC_KEY}",
      description = "PEM public key (RSA or EC) of an identity provider whose RS256/ES256 tokens are accepted too "
          + "(env DRILLBOARD_JWT_PUBLIC_KEY).")
  Path jwtPublicKey;

  @Option(names = "--jwks", defaultValue = "${env:DRILLBOARD_JWKS}",
      description = "JSON Web Key Set file of an identity provider whose tokens are accepted too (env DRILLBOARD_JWKS).")
  Path jwks;

  @Option(names = "--node-name", defaultValue = "${env:DRILLBOARD_NODE_NAME}",
      description = "This server's name: the node label on its metrics (env DRILLBOARD_NODE_NAME; default the host "
          + "name and HTTP port).")
  String nodeName;

  @Option(names = "--cluster", defaultValue = "${env:DRILLBOARD_CLUSTER:-false}",
      description = "Join the other nodes on the same --db-url (docs/deploy.md; env DRILLBOARD_CLUSTER).")
  boolean cluster;

  @Option(names = "--cluster-host", defaultValue = "${env:DRILLBOARD_CLUSTER_HOST:-127.0.0.1}",
      description = "Address this node binds and announces to the others (env DRILLBOARD_CLUSTER_HOST, default "
          + "${DEFAULT-VALUE}).")
  String clusterHost;

  @Option(names = "--cluster-port", defaultValue = "${env:DRILLBOARD_CLUSTER_PORT:-5701}",
      description = "Hazelcast member port (env DRILLBOARD_CLUSTER_PORT, default ${DEFAULT-VALUE}).")
  int clusterPort;

  @Option(names = "--cluster-members", split = ",", defaultValue = "${env:DRILLBOARD_CLUSTER_MEMBERS}",
      description = "Other nodes to join through, host:port of their --cluster-port (comma-separated; env "
          + "DRILLBOARD_CLUSTER_MEMBERS).")
  List<String> clusterMembers;

  @Option(names = "--cluster-config", defaultValue = "${env:DRILLBOARD_CLUSTER_CONFIG}",
      description = "A whole Hazelcast XML or YAML configuration, instead of --cluster-port and --cluster-members "
          + "(env DRILLBOARD_CLUSTER_CONFIG).")
  Path clusterConfig;

  @Option(names = "--bus-port", defaultValue = "${env:DRILLBOARD_BUS_PORT:-0}",
      description = "TCP port of the event bus between nodes (env DRILLBOARD_BUS_PORT; default 0, any free port).")
  int busPort;

  @Spec
  CommandSpec spec;

  private Optional<ServerConfig.Cluster> clusterOptions() {
    if (!cluster) {
      return Optional.empty();
    }
    List<String> members = clusterMembers == null ? List.of()
        : clusterMembers.stream().map(String::trim).filter(m -> !m.isEmpty()).toList();
    return Optional.of(new ServerConfig.Cluster(clusterHost, clusterPort, members, Optional.ofNullable(clusterConfig),
        busPort));
  }

  private String defaultNodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + "-" + port;
  }

  @Override
  public Integer call() throws InterruptedException {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
    }
    if (cluster && (dbUrl == null || dbUrl.isBlank())) {
      throw new ParameterException(spec.commandLine(), "--cluster needs --db-url: the nodes share one PostgreSQL");
    }
    if (cluster && clusterConfig != null && !Files.isRegularFile(clusterConfig)) {
      throw new ParameterException(spec.commandLine(), "--cluster-config: no file at " + clusterConfig);
    }
    ServerConfig config = new ServerConfig(port, host, data.dataDir,
        Optional.ofNullable(dbUrl).filter(s -> !s.isBlank()), data.configuredSecret(),
        ServerConfig.DEFAULT_MAX_BODY_BYTES, ingestQueue, new ServerConfig.Live(ServerConfig.Live.DEFAULT_QUEUE_BYTES,
            liveDeflate), metricsRetention,
        ingestRateLimit, new ServerConfig.Guard(Optional.ofNullable(metricsToken).filter(s -> !s.isBlank()),
            allowedOrigins == null ? List.of() : allowedOrigins.stream().filter(o -> !o.isBlank()).toList(),
            maxHeaderBytes, idleTimeout, requestTimeout, liveStreamsPerToken, connectionsPerToken,
            Optional.ofNullable(tlsCert).map(cert -> new ServerConfig.Tls(cert, tlsKey)),
            new ServerConfig.TokenTrust(data.jwtIssuer, Optional.ofNullable(jwtPublicKey), Optional.ofNullable(jwks))),
        nodeName == null || nodeName.isBlank() ? defaultNodeName() : nodeName, clusterOptions());
    DrillboardServer server = DrillboardServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "drillboard-shutdown"));
    String base = (tlsCert == null ? "http" : "https") + "://localhost:" + server.port() + "/";
    // The first line a newcomer sees: nothing is logged before it on a normal start.
    System.out.println("Drillboard is running: open " + base);
    if (server.embeddedDatabase()) {
      // Ready-made links for a first look; a server on an external database is set up by its operators instead.
      Duration day = Duration.ofHours(12);
      String director = server.tokens().issue(Role.DIRECTOR, null, "director", day);
      String observer = server.tokens().issue(Role.OBSERVER, null, "observer", day);
      System.out.println("  Director console (12 h): " + base + "console.html?token=" + director);
      System.out.println("  Wallboard, read-only (12 h): " + base + "?token=" + observer);
      System.out.println("  API: curl -H 'Authorization: Bearer " + director + "' " + base + "api/v1/scenarios");
      // PostgreSQL's own output is not on the console: say where it is.
      System.out.println("  PostgreSQL's log: " + Database.logFile(data.dataDir.toAbsolutePath().normalize()));
    }
    System.out.println("Press Ctrl-C to stop.");
    stopped.await();
    return 0;
  }
}
