package io.drillboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drillboard.config.ServerConfig;
import io.drillboard.config.ServerConfig.TokenTrust;
import io.drillboard.support.Http;
import io.drillboard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tokens of a bank's own identity provider: RS256 from a PEM public key, ES256 from a JWKS file. */
class IdentityProviderTokensTest {
  private static final String IDP = "https://idp.bank.example";

  @Test
  void tokensSignedByTheTrustedKeysAreAcceptedAndNoOthers() throws Exception {
    Path dir = Path.of("target", "test-data", "idp").toAbsolutePath();
    Files.createDirectories(dir);
    KeyPair rsa = generate("RSA", null);
    KeyPair ec = generate("EC", new ECGenParameterSpec("secp256r1"));
    KeyPair stranger = generate("RSA", null);
    Path publicKey = Files.writeString(dir.resolve("idp.pem"), pem("PUBLIC KEY", rsa.getPublic().getEncoded()));
    Path jwks = Files.writeString(dir.resolve("jwks.json"), new JsonObject().put("keys", new JsonArray()
        .add(jwk((ECPublicKey) ec.getPublic()))).encode());
    ServerConfig config = TestServer.config().withGuard(ServerConfig.Guard.defaults()
        .withTrust(new TokenTrust(IDP, Optional.of(publicKey), Optional.of(jwks))));
    Vertx vertx = Vertx.vertx();
    try (TestServer server = TestServer.start(config); Http http = new Http(server.port())) {
      String rs256 = sign(vertx, "RS256", rsa, IDP, null);
      String es256 = sign(vertx, "ES256", ec, IDP, "idp-ec-1");
      assertThat(http.get("/api/v1/drills", rs256).statusCode()).as("RS256 from the PEM key").isEqualTo(200);
      assertThat(http.get("/api/v1/drills", es256).statusCode()).as("ES256 from the JWKS").isEqualTo(200);
      assertThat(http.get("/api/v1/drills", server.token(Role.OBSERVER)).statusCode()).as("the server's own")
          .isEqualTo(200);
      assertThat(http.get("/api/v1/drills", sign(vertx, "RS256", stranger, IDP, null)).statusCode())
          .as("another key").isEqualTo(401);
      assertThat(http.get("/api/v1/drills", sign(vertx, "RS256", rsa, "https://elsewhere.example", null))
          .statusCode()).as("another issuer").isEqualTo(401);
    } finally {
      vertx.close().await();
    }
  }

  private static KeyPair generate(String algorithm, ECGenParameterSpec curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    if (curve != null) {
      generator.initialize(curve);
    } else {
      generator.initialize(2048);
    }
    return generator.generateKeyPair();
  }

  private static String sign(Vertx vertx, String algorithm, KeyPair keys, String issuer, String keyId) {
    JWTAuth signer = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
        .setAlgorithm(algorithm).setBuffer(pem("PRIVATE KEY", keys.getPrivate().getEncoded()))));
    JWTOptions options = new JWTOptions().setAlgorithm(algorithm).setIssuer(issuer)
        .setAudience(List.of(Tokens.AUDIENCE)).setSubject("alice@bank.example").setExpiresInMinutes(10);
    if (keyId != null) {
      options.setHeader(new JsonObject().put("kid", keyId));
    }
    return signer.generateToken(new JsonObject().put("role", "observer"), options);
  }

  private static String pem(String kind, byte[] der) {
    return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + kind + "-----\n";
  }

  private static JsonObject jwk(ECPublicKey key) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return new JsonObject().put("kty", "EC").put("crv", "P-256").put("alg", "ES256").put("use", "sig")
        .put("kid", "idp-ec-1").put("x", base64.encodeToString(coordinate(key.getW().getAffineX())))
        .put("y", base64.encodeToString(coordinate(key.getW().getAffineY())));
  }

  /** A P-256 coordinate as exactly 32 unsigned bytes. */
  private static byte[] coordinate(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
    return Arrays.copyOf(fixed, 32);
  }
}
