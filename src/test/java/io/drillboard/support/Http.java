package io.drillboard.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * A blocking HTTP client for tests that read like a user's session with the API. Every answer to {@link #call} is
 * checked against docs/openapi.yaml ({@link ApiContract}); requests made through {@link #client()} are not.
 */
public final class Http implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final WebClient client;

  public Http(int port) {
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  public HttpResponse<Buffer> call(HttpMethod method, String path, String token, String body) {
    return call(method, path, token, body, "application/json");
  }

  public HttpResponse<Buffer> call(HttpMethod method, String path, String token, String body, String contentType) {
    return send(method, path, token, body == null ? null : Buffer.buffer(body), contentType, null);
  }

  /** Any body, binary too, and an Accept header where one is given. */
  public HttpResponse<Buffer> send(HttpMethod method, String path, String token, Buffer body, String contentType,
      String accept) {
    var request = client.request(method, path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    if (accept != null) {
      request.putHeader("Accept", accept);
    }
    HttpResponse<Buffer> response;
    if (body == null) {
      response = request.send().await();
    } else {
      request.putHeader("Content-Type", contentType);
      response = request.sendBuffer(body).await();
    }
    ApiContract.get().check(method, path, response);
    return response;
  }

  public HttpResponse<Buffer> get(String path, String token) {
    return call(HttpMethod.GET, path, token, null);
  }

  public HttpResponse<Buffer> post(String path, String token, String body) {
    return call(HttpMethod.POST, path, token, body);
  }

  /**
   * GET of a drill once it shows {@code seq}: a read is answered from the server's view, which catches up with what
   * was stored within a frame (100 ms); injected events are acknowledged once stored, before that.
   */
  public JsonObject drillAtLeast(String drillId, String token, long seq) {
    long deadline = System.currentTimeMillis() + 10_000;
    JsonObject drill = json(get("/api/v1/drills/" + drillId, token));
    while (drill.getLong("seq", 0L) < seq && System.currentTimeMillis() < deadline) {
      vertx.timer(20).await();
      drill = json(get("/api/v1/drills/" + drillId, token));
    }
    return drill;
  }

  /** The underlying client, for requests the helpers above do not make (preflights, odd headers). */
  public WebClient client() {
    return client;
  }

  public JsonObject json(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
