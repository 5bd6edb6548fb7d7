package io.drillboard.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** The signing secret: the one configured, or a random one made once and kept, owner-readable only, in the data dir. */
public final class JwtSecret {
  static final String FILE = "jwt-secret";

  private JwtSecret() {
  }

  public static String resolve(Optional<String> configured, Path dataDir) {
    return configured.filter(s -> !s.isBlank()).orElseGet(() -> keptIn(dataDir));
  }

  private static String keptIn(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      Files.createDirectories(dataDir);
      byte[] random = new byte[48];
      new SecureRandom().nextBytes(random);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read or create the JWT secret in " + file, e);
    }
  }
}
