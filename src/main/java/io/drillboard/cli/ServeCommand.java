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
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, modelTransformer = ServeOption.AddAll.class,
    description = "Start the server (on an embedded PostgreSQL unless --db-url is given).")
final class ServeCommand implements Callable<Integer> {
  @Mixin
  SecretOptions data;

  @Spec
  CommandSpec spec;

  private <T> T option(ServeOption option) {
    return option.value(spec);
  }

  /** A text option, unless it is absent or blank. */
  private Optional<String> text(ServeOption option) {
    return Optional.<String>ofNullable(option(option)).filter(s -> !s.isBlank());
  }

  /** A list option's entries; none when it is not given. */
  private Stream<String> entries(ServeOption option) {
    List<String> entries = option(option);
    return entries == null ? Stream.empty() : entries.stream();
  }

  /** The server's configuration, from the options; usage errors for those that cannot go together. */
  private ServerConfig config() {
    Path tlsCert = option(ServeOption.TLS_CERT);
    Path tlsKey = option(ServeOption.TLS_KEY);
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
    }
    boolean cluster = option(ServeOption.CLUSTER);
    Optional<String> dbUrl = text(ServeOption.DB_URL);
    if (cluster && dbUrl.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--cluster needs --db-url: the nodes share one PostgreSQL");
    }
    Path clusterConfig = option(ServeOption.CLUSTER_CONFIG);
    if (cluster && clusterConfig != null && !Files.isRegularFile(clusterConfig)) {
      throw new ParameterException(spec.commandLine(), "--cluster-config: no file at " + clusterConfig);
    }
    int port = option(ServeOption.PORT);
    ServerConfig.Guard guard = new ServerConfig.Guard(text(ServeOption.METRICS_TOKEN),
        entries(ServeOption.ALLOWED_ORIGINS).filter(o -> !o.isBlank()).toList(), option(ServeOption.MAX_HEADER_BYTES),
        option(ServeOption.IDLE_TIMEOUT), option(ServeOption.REQUEST_TIMEOUT),
        option(ServeOption.LIVE_STREAMS_PER_TOKEN), option(ServeOption.CONNECTIONS_PER_TOKEN),
        Optional.ofNullable(tlsCert).map(cert -> new ServerConfig.Tls(cert, tlsKey)),
        new ServerConfig.TokenTrust(data.jwtIssuer, Optional.ofNullable(option(ServeOption.JWT_PUBLIC_KEY)),
            Optional.ofNullable(option(ServeOption.JWKS))));
    Optional<ServerConfig.Cluster> joined = !cluster ? Optional.empty()
        : Optional.of(new ServerConfig.Cluster(option(ServeOption.CLUSTER_HOST), option(ServeOption.CLUSTER_PORT),
            entries(ServeOption.CLUSTER_MEMBERS).map(String::trim).filter(m -> !m.isEmpty()).toList(),
            Optional.ofNullable(clusterConfig), option(ServeOption.BUS_PORT)));
    return new ServerConfig(port, option(ServeOption.HOST), data.dataDir, dbUrl, data.configuredSecret(),
        ServerConfig.DEFAULT_MAX_BODY_BYTES, option(ServeOption.INGEST_QUEUE),
        new ServerConfig.Live(ServerConfig.Live.DEFAULT_QUEUE_BYTES, option(ServeOption.LIVE_DEFLATE)),
        option(ServeOption.METRICS_RETENTION), option(ServeOption.INGEST_RATE_LIMIT), guard,
        text(ServeOption.NODE_NAME).orElseGet(() -> defaultNodeName(port)), joined);
  }

  private static String defaultNodeName(int port) {
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
    ServerConfig config = config();
    DrillboardServer server = DrillboardServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "drillboard-shutdown"));
    String base = (config.guard().tls().isEmpty() ? "http" : "https") + "://localhost:" + server.port() + "/";
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
