package io.drillboard.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of serve, a row each: its type, its default and its help. Each has an environment twin named after the
 * row (DB_URL: --db-url and DRILLBOARD_DB_URL), which when set is its default; a Duration reads as in scenarios (15m)
 * and a list is comma-separated or repeated.
 */
enum ServeOption {
  PORT(int.class, "8080", "HTTP port (env DRILLBOARD_PORT, default ${DEFAULT-VALUE})."),
  HOST(String.class, "0.0.0.0", "Interface to listen on (env DRILLBOARD_HOST, default ${DEFAULT-VALUE})."),
  DB_URL(String.class, null, "External PostgreSQL, postgresql://user:password@host:port/db (env DRILLBOARD_DB_URL); "
      + "when absent, an embedded PostgreSQL under the data dir."),
  INGEST_QUEUE(int.class, "200000",
      "Events waiting for commit before ingest answers 503 (default ${DEFAULT-VALUE})."),
  INGEST_RATE_LIMIT(double.class, "0",
      "Injected events per second allowed per token; beyond it, 429 (0, the default: no limit)."),
  METRICS_RETENTION(Duration.class, "15m", "How long an ended drill's series stay in /metrics, and an ended drill "
      + "nobody uses stays loaded (default ${DEFAULT-VALUE})."),
  METRICS_TOKEN(String.class, null,
      "Bearer token /metrics asks for (env DRILLBOARD_METRICS_TOKEN); when absent, /metrics is open."),
  /** Named in the plural for the environment: one option given many times. */
  ALLOWED_ORIGINS(List.class, null, "Browser origins besides the server's own that may call the API and open live "
      + "streams, e.g. https://wall.example.com (repeatable or comma-separated; env DRILLBOARD_ALLOWED_ORIGINS; "
      + "default none).") {
    @Override
    String optionName() {
      return "--allowed-origin";
    }
  },
  MAX_HEADER_BYTES(int.class, "16384", "Largest request head; larger ones get 431 (default ${DEFAULT-VALUE})."),
  IDLE_TIMEOUT(Duration.class, "60s", "Close a connection silent this long (default ${DEFAULT-VALUE})."),
  REQUEST_TIMEOUT(Duration.class, "30s",
      "Answer 408 to an API request not done in this time, a slow sender's too (default ${DEFAULT-VALUE})."),
  LIVE_STREAMS_PER_TOKEN(int.class, "1000", "Live streams one token may hold open at once; beyond it, 429 (0: no "
      + "limit; default ${DEFAULT-VALUE})."),
  /** The one switch that can also be turned off by name, --no-live-deflate, whatever the environment says. */
  LIVE_DEFLATE(boolean.class, "false", "Compress live frames for viewers that offer permessage-deflate, as browsers "
      + "do: a tenth of the bytes for much more CPU per viewer; worth it for a few viewers on slow links (default "
      + "${DEFAULT-VALUE}; bench/RESULTS.md has the figures).") {
    @Override
    OptionSpec.Builder specific(OptionSpec.Builder option) {
      return option.negatable(true).fallbackValue("true");
    }
  },
  CONNECTIONS_PER_TOKEN(int.class, "2000", "HTTP connections one token may hold open at once; beyond it, 429 (0: no "
      + "limit; default ${DEFAULT-VALUE})."),
  TLS_CERT(Path.class, null,
      "PEM certificate chain: serve HTTPS and WSS (with --tls-key; env DRILLBOARD_TLS_CERT)."),
  TLS_KEY(Path.class, null, "PEM private key of --tls-cert (env DRILLBOARD_TLS_KEY)."),
  JWT_PUBLIC_KEY(Path.class, null, "PEM public key (RSA or EC) of an identity provider whose RS256/ES256 tokens are "
      + "accepted too (env DRILLBOARD_JWT_PUBLIC_KEY)."),
  JWKS(Path.class, null,
      "JSON Web Key Set file of an identity provider whose tokens are accepted too (env DRILLBOARD_JWKS)."),
  NODE_NAME(String.class, null, "This server's name: the node label on its metrics (env DRILLBOARD_NODE_NAME; "
      + "default the host name and HTTP port)."),
  CLUSTER(boolean.class, "false",
      "Join the other nodes on the same --db-url (docs/deploy.md; env DRILLBOARD_CLUSTER)."),
  CLUSTER_HOST(String.class, "127.0.0.1", "Address this node binds and announces to the others "
      + "(env DRILLBOARD_CLUSTER_HOST, default ${DEFAULT-VALUE})."),
  CLUSTER_PORT(int.class, "5701", "Hazelcast member port (env DRILLBOARD_CLUSTER_PORT, default ${DEFAULT-VALUE})."),
  CLUSTER_MEMBERS(List.class, null, "Other nodes to join through, host:port of their --cluster-port "
      + "(comma-separated; env DRILLBOARD_CLUSTER_MEMBERS)."),
  CLUSTER_CONFIG(Path.class, null, "A whole Hazelcast XML or YAML configuration, instead of --cluster-port and "
      + "--cluster-members (env DRILLBOARD_CLUSTER_CONFIG)."),
  BUS_PORT(int.class, "0",
      "TCP port of the event bus between nodes (env DRILLBOARD_BUS_PORT; default 0, any free port).");

  private final Class<?> type;
  /** The default when the environment has none; null for none at all. */
  private final String fallback;
  private final String description;

  ServeOption(Class<?> type, String fallback, String description) {
    this.type = type;
    this.fallback = fallback;
    this.description = description;
  }

  /** This option's value in serve as parsed. */
  <T> T value(CommandSpec serve) {
    return serve.findOption(optionName()).getValue();
  }

  String optionName() {
    return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** What sets this option apart from the rest, beyond its row. */
  OptionSpec.Builder specific(OptionSpec.Builder option) {
    return option;
  }

  private OptionSpec spec() {
    String environment = "DRILLBOARD_" + name();
    OptionSpec.Builder option = OptionSpec.builder(optionName()).type(type).paramLabel("<" + label() + ">")
        .defaultValue("${env:" + environment + (fallback == null ? "" : ":-" + fallback) + "}")
        .description(description);
    if (type == Duration.class) {
      option.converters(new DurationConverter());
    }
    if (type == List.class) {
      option.auxiliaryTypes(String.class).splitRegex(",");
    }
    return specific(option).build();
  }

  /** The value's name in the help, as picocli would name a field: DB_URL, dbUrl. */
  private String label() {
    StringBuilder label = new StringBuilder();
    for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
      label.append(label.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return label.toString();
  }

  /** Adds every row to serve's command, through picocli's {@code modelTransformer}. */
  static final class AddAll implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec serve) {
      for (ServeOption option : values()) {
        serve.addOption(option.spec());
      }
      return serve;
    }
  }
}
