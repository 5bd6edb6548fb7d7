package io.drillboard.cli;

import io.drillboard.server.JwtSecret;
import io.drillboard.config.ServerConfig.TokenTrust;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the server keeps its data, and which secret and issuer its tokens carry: shared by serve and token. */
final class SecretOptions {
  @Option(names = "--data-dir", defaultValue = "${env:DRILLBOARD_DATA_DIR:-./data}",
      description = "Data directory: embedded database, generated JWT secret, extra scenarios "
          + "(env DRILLBOARD_DATA_DIR, default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--jwt-secret", defaultValue = "${env:DRILLBOARD_JWT_SECRET}",
      description = "HS256 secret, at least 32 bytes (env DRILLBOARD_JWT_SECRET); when absent, a random secret "
          + "generated once and kept in the data dir.")
  String jwtSecret;

  @Option(names = "--jwt-issuer", defaultValue = "${env:DRILLBOARD_JWT_ISSUER:-" + TokenTrust.DEFAULT_ISSUER + "}",
      description = "The iss of every token, issued or accepted (env DRILLBOARD_JWT_ISSUER, default ${DEFAULT-VALUE}).")
  String jwtIssuer;

  Optional<String> configuredSecret() {
    return Optional.ofNullable(jwtSecret).filter(s -> !s.isBlank());
  }

  String resolvedSecret() {
    return JwtSecret.resolve(configuredSecret(), dataDir);
  }
}
