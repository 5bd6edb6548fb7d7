import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * What a commit waits for on this machine, outside Drillboard and PostgreSQL: 8 kB written then synced (fdatasync),
 * over and over, into a file written out whole first, as PostgreSQL zero-fills a WAL segment before it uses it. One
 * sync starts every 20 ms at most: synced more often, the probe slows the commits it is there to explain (every 2 ms,
 * single events at 9,000 a second fell behind). A stall of the storage holds up whichever sync is in flight, so one
 * of 50 ms or more is still seen.
 *
 * <p>A sync can be slow because the disk is, or because the thread, once woken, waited for a core. For the syncs over
 * 20 ms the probe tells the two apart with the kernel's count of the thread's time on a run queue
 * (/proc/thread-self/schedstat, its second field).
 *
 * <p>Run from the jar's classpath: java -cp target/drillboard.jar bench/SyncProbe.java FILE SECONDS [AFTER-SECONDS].
 * With AFTER-SECONDS it starts measuring that long after it was started: compiling this file takes a few seconds of
 * both cores, which must not fall into the load's counted part. Prints one line:
 * sync_ms p50=... p99=... p999=... max=... over_20ms=... over_50ms=... syncs=... slow_ms=... of_it_waiting_for_a_core_ms=...
 */
public class SyncProbe {
  private static final int FILE_BYTES = 16 << 20;
  private static final int WRITE_BYTES = 8192;
  private static final long EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long SLOW_MICROS = 20_000;
  private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    long seconds = Long.parseLong(args[1]);
    long begin = startedAt() + TimeUnit.SECONDS.toNanos(args.length > 2 ? Long.parseLong(args[2]) : 0);
    Histogram micros = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    long slowNanos = 0;
    long slowQueuedNanos = 0;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.allocate(FILE_BYTES), 0);
      channel.force(true);
      ByteBuffer page = ByteBuffer.allocateDirect(WRITE_BYTES);
      LockSupport.parkNanos(begin - System.nanoTime());
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      for (long offset = 0; System.nanoTime() < end; offset = (offset + WRITE_BYTES) % FILE_BYTES) {
        long queuedBefore = runQueueNanos();
        long start = System.nanoTime();
        channel.write(page.clear(), offset);
        channel.force(false);
        long took = System.nanoTime() - start;
        micros.recordValue(TimeUnit.NANOSECONDS.toMicros(took));
        if (TimeUnit.NANOSECONDS.toMicros(took) > SLOW_MICROS) {
          slowNanos += took;
          slowQueuedNanos += runQueueNanos() - queuedBefore;
        }
        LockSupport.parkNanos(EVERY_NANOS - took);
      }
    } finally {
      Files.deleteIfExists(file);
    }
    System.out.printf(Locale.ROOT, "sync_ms p50=%.2f p99=%.2f p999=%.2f max=%.1f over_20ms=%d over_50ms=%d "
        + "syncs=%d slow_ms=%.1f of_it_waiting_for_a_core_ms=%.1f%n", ms(micros.getValueAtPercentile(50)),
        ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()),
        above(micros, SLOW_MICROS), above(micros, 50_000), micros.getTotalCount(), slowNanos / 1e6,
        slowQueuedNanos / 1e6);
  }

  /** When this JVM started, on the clock of {@link System#nanoTime()}. */
  private static long startedAt() {
    long upMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    return System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(upMillis);
  }

  /** The time this thread has spent runnable but waiting for a core, as the kernel counts it. */
  private static long runQueueNanos() throws IOException {
    return Long.parseLong(Files.readString(SCHEDSTAT).trim().split(" ")[1]);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  private static long above(Histogram micros, long threshold) {
    return micros.getTotalCount() - micros.getCountBetweenValues(0, threshold);
  }
}
