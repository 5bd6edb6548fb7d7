package io.drillboard.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Inject events into a drill at a fixed rate (open model) and report acknowledgement and "
        + "end-to-end latency.")
final class LoadCommand implements Callable<Integer> {
  @Option(names = "--url", required = true, description = "The server, e.g. http://localhost:8080")
  URI url;

  @Option(names = "--token", required = true, description = "An injector or director token.")
  String token;

  @Option(names = "--drill", required = true, description = "The drill to inject into.")
  String drill;

  @Option(names = "--rate", required = true, description = "Events per second.")
  double rate;

  @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
      description = "How long to inject (default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--batch", defaultValue = "1",
      description = "Events per request; above 1 the batch endpoint is used (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--subscribers", defaultValue = "0",
      description = "WebSocket viewers that time each event from its intended send to its arrival on screen.")
  int subscribers;

  @Option(names = "--connections", defaultValue = "64", description = "HTTP connections (default ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--acked-log", description = "Write the id of every acknowledged event to this file.")
  Path ackedLog;

  @Option(names = "--deflate",
      description = "The viewers offer permessage-deflate, as browsers do; frame sizes are still counted decompressed.")
  boolean deflate;

  @Option(names = "--warm-up", defaultValue = "0s", converter = DurationConverter.class,
      description = "The first part of the run, over which the rate rises evenly from zero to --rate; its events are "
          + "sent like the rest, but their acknowledgement latencies and throughput are not counted (the loader and "
          + "the server warm up meanwhile without building a backlog); default ${DEFAULT-VALUE}.")
  Duration warmUp;

  @Option(names = "--json", description = "End with the summary as one JSON object on the last line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (rate <= 0 || batch < 1 || batch > 10_000 || subscribers < 0 || duration.isNegative() || duration.isZero()
        || warmUp.isNegative() || warmUp.compareTo(duration) >= 0) {
      throw new IllegalArgumentException("--rate must be positive, --batch 1 to 10000, --subscribers 0 or more, "
          + "--duration longer than zero, --warm-up shorter than --duration");
    }
    LoadRun run = new LoadRun(new LoadRun.Plan(url, token, drill, rate, duration, batch, subscribers, connections,
        ackedLog, deflate, warmUp));
    LoadRun.Summary summary = run.execute(System.out);
    System.out.println(summary.table());
    if (json) {
      System.out.println(summary.toJson().encode());
    }
    return summary.acknowledged() > 0 ? 0 : 1;
  }
}
