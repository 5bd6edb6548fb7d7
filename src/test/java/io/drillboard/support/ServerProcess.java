package io.drillboard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A Drillboard server in a process of its own, on the test classpath, so that a test can SIGKILL it. */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts `drillboard serve` on the data dir (embedded PostgreSQL) and waits until /health answers 200. */
  public static ServerProcess start(Path dataDir, int port, List<String> extraArguments)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-cp",
        System.getProperty("java.class.path"), "io.drillboard.cli.Main", "serve", "--host", "127.0.0.1", "--port",
        String.valueOf(port), "--data-dir", dataDir.toString(), "--jwt-secret", TestServer.SECRET));
    command.addAll(extraArguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log")
            .toFile())).start();
    ServerProcess server = new ServerProcess(process, port);
    server.awaitHealthy(Duration.ofSeconds(90));
    return server;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Until /health answers 200 (a refused connection meaning still starting); fails at once if the process exits. */
  private void awaitHealthy(Duration limit) throws InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    Eventually.await("the server healthy", limit, Duration.ofMillis(50), () -> {
      if (!process.isAlive()) {
        throw new AssertionError("the server process exited with " + process.exitValue());
      }
      return client.send(HttpRequest.newBuilder(url().resolve("/health")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    }, status -> status == 200);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed; what was acknowledged must already be durable. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
