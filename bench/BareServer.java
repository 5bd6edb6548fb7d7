import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.DeploymentOptions;

/**
 * The physical limit for benchmark 2: a Vert.x endpoint that reads each request's body and answers 202, nothing else.
 * Run from the jar's classpath: java -cp target/drillboard.jar bench/BareServer.java PORT [INSTANCES]
 */
public class BareServer extends VerticleBase {
  private final int port;

  BareServer(int port) {
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> request.response().setStatusCode(202)
            .putHeader("Content-Type", "application/json").end("{\"seq\":0,\"duplicate\":false}")))
        .listen(port, "127.0.0.1");
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int instances = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Vertx.vertx().deployVerticle(() -> new BareServer(port), new DeploymentOptions().setInstances(instances)).await();
    System.out.println("Bare endpoint on port " + port + " with " + instances + " event loop(s)");
  }
}
