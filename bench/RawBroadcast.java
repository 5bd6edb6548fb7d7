import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The physical limit for benchmark 3: plain Vert.x taking the load tool's batches (answering 202 at once, storing
 * nothing) and broadcasting, ten times a second, a frame of the newest 20 events (as many as Drillboard lists) padded
 * to the size of Drillboard's frames, to every WebSocket, on one event loop per core like Drillboard's.
 * Run from the jar's classpath: java -cp target/drillboard.jar bench/RawBroadcast.java PORT FRAME-BYTES
 */
public class RawBroadcast extends VerticleBase {
  private static final int LISTED = 20;
  private static final Deque<String> NEWEST = new ArrayDeque<>();
  private static boolean fresh;
  private final int port;
  private final Set<ServerWebSocket> viewers = new HashSet<>();

  RawBroadcast(int port) {
    this.port = port;
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().<String>localConsumer("frames", message -> viewers.forEach(socket -> {
      if (!socket.writeQueueFull()) {
        socket.writeTextMessage(message.body());
      }
    }));
    return vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(1 << 20))
        .webSocketHandler(socket -> {
          viewers.add(socket);
          socket.closeHandler(v -> viewers.remove(socket));
        })
        .requestHandler(request -> request.body().onSuccess(body -> {
          int accepted = 0;
          synchronized (NEWEST) {
            for (String line : body.toString().split("\n")) {
              if (!line.isBlank()) {
                NEWEST.addLast(line);
                accepted++;
                if (NEWEST.size() > LISTED) {
                  NEWEST.removeFirst();
                }
              }
            }
            fresh = true;
          }
          request.response().setStatusCode(202).putHeader("Content-Type", "application/json")
              .end("{\"accepted\":" + accepted + ",\"duplicates\":0}");
        }))
        .listen(port, "127.0.0.1");
  }

  private static String frame(String padding) {
    synchronized (NEWEST) {
      if (!fresh) {
        return null;
      }
      fresh = false;
      return "{\"type\":\"delta\",\"events\":[" + String.join(",", NEWEST) + "],\"padding\":\"" + padding + "\"}";
    }
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int frameBytes = Integer.parseInt(args[1]);
    Vertx vertx = Vertx.vertx();
    int cores = Runtime.getRuntime().availableProcessors();
    vertx.deployVerticle(() -> new RawBroadcast(port), new DeploymentOptions().setInstances(cores)).await();
    // Pad to Drillboard's mean frame: its aggregates (KPIs, tasks, opinion) ride along with the events.
    int eventBytes = LISTED * 120;
    String padding = "x".repeat(Math.max(0, frameBytes - eventBytes));
    vertx.setPeriodic(100, id -> {
      String frame = frame(padding);
      if (frame != null) {
        vertx.eventBus().publish("frames", frame);
      }
    });
    System.out.println("Raw broadcast on port " + port + ", " + cores + " event loops, frames of ~" + frameBytes
        + " bytes");
  }
}
