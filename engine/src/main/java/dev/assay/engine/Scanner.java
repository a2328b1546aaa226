package dev.assay.engine;

import dev.assay.engine.extract.Extraction;
import dev.assay.engine.extract.ExtractionLimits;
import dev.assay.engine.source.ScanObject;
import dev.assay.engine.source.ObjectSource;
import dev.assay.identifiers.Detector;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Scans objects for sensitive data: the one entry point of the engine, and the one place that owns
 * threads. Three stages: objects are enumerated on the calling thread (listing, and for S3 the
 * metadata reads); a fixed pool of workers fetches, extracts, detects and tallies each one; and one
 * writer thread hands the results to the caller's consumer. The stages are joined by bounded
 * hand-offs: at most twice as many objects as workers are being analysed, and at most four times
 * as many results wait for the writer, so enumeration never runs ahead of analysis, nor analysis
 * ahead of output, without bound, and a slow consumer slows the scan instead of filling memory.
 *
 * <p>Each object has a time limit ({@link ExtractionLimits#perObjectTime()}, set with {@link
 * Builder#limits}): it is analysed on an analysis thread of its own while its worker waits; when the
 * limit passes, the worker reports the object PARTIAL with TIME_CUT_OFF_REACHED (with what was found
 * until then) and takes the next one. The abandoned analysis is cancelled (its extraction polls a
 * flag on every read and segment) and interrupted; a parser that ignores both keeps only its own
 * daemon thread, never a worker.
 *
 * <p>A Scanner is immutable and thread-safe; {@link #scan} may be called more than once. Results
 * are delivered one at a time (never concurrently), on the writer thread, in completion order;
 * callers that need a stable order sort them. If the consumer throws, the scan still analyses
 * every object (the rest of the results are dropped) and {@link #scan} rethrows the error at the
 * end.
 */
public final class Scanner {
  /**
   * The longest match a window boundary is guaranteed not to cut (in chars). Longer matches are
   * still found when they do not cross a boundary.
   */
  public static final int MAX_MATCH_CHARS = 8192;

  private final Detector detector;
  private final int threads;
  private final Extraction extraction;
  private final ExtractionLimits limits;
  private final Clock clock;
  private final ScanProgress progress;

  private Scanner(Builder b) {
    this.detector = Objects.requireNonNull(b.detector, "detector");
    this.threads = b.threads;
    this.clock = b.clock;
    this.progress = b.progress;
    int reach = detector.keywordReach();
    this.limits = b.limits;
    this.extraction = new Extraction(b.windowChars, reach + 64, MAX_MATCH_CHARS + reach, b.limits);
  }

  public static Builder builder(Detector detector) {
    return new Builder(detector);
  }

  /** What a scan did. */
  public record Summary(long objects, long bytes, long objectsWithProblems, Duration elapsed) {}

  /**
   * Scans every object of every source.
   *
   * @param results receives each object's result, one call at a time
   * @throws IOException when a source as a whole cannot be enumerated
   */
  public Summary scan(List<? extends ObjectSource> sources, Consumer<ObjectResult> results) throws IOException {
    long started = System.nanoTime();
    ObjectAnalyzer analyzer = new ObjectAnalyzer(detector, extraction, clock);
    AtomicLong objects = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    AtomicLong problems = new AtomicLong();
    Semaphore inFlight = new Semaphore(threads * 2);
    Writer writer = new Writer(threads * 4, results);
    writer.start();
    ExecutorService pool = Executors.newFixedThreadPool(threads, new Workers("assay-worker-"));
    // Each object is analysed on a thread of its own, so that a worker can give up on an object
    // whose time limit has passed (a parser stuck in a loop or in a read that never returns) and
    // go on with the next. The abandoned thread is told to stop (its extraction polls a flag on
    // every read and segment, and it is interrupted); one that never returns stays parked as a
    // daemon thread, costing a thread but not a worker.
    ExecutorService analysts = Executors.newCachedThreadPool(new Workers("assay-analysis-"));
    long timeLimit = limits.perObjectTime().toNanos();
    try {
      for (ObjectSource source : sources) {
        source.enumerate(
            object -> {
              if (progress != null) {
                progress.enumerated(object.size());
              }
              inFlight.acquireUninterruptibly();
              pool.execute(
                  () -> {
                    try {
                      ObjectResult r = analyzeInTime(analyzer, analysts, object, timeLimit);
                      objects.incrementAndGet();
                      bytes.addAndGet(r.sizeClassified());
                      if (r.hasProblem()) {
                        problems.incrementAndGet();
                      }
                      if (progress != null) {
                        progress.done(r.object().size());
                      }
                      writer.put(r);
                    } finally {
                      inFlight.release();
                    }
                  });
            },
            (count, size) -> {
              if (progress != null) {
                progress.announced(count, size);
              }
            });
      }
      if (progress != null) {
        progress.enumerationComplete();
      }
    } finally {
      pool.shutdown();
      try {
        while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
          // keep waiting: every submitted object is reported
        }
      } catch (InterruptedException e) {
        pool.shutdownNow();
        Thread.currentThread().interrupt();
      }
      analysts.shutdownNow();
      writer.finish();
    }
    writer.rethrow();
    return new Summary(objects.get(), bytes.get(), problems.get(), Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Analyses one object on an analysis thread, waiting at most {@code timeLimit} nanoseconds: past
   * that the object is reported PARTIAL with TIME_CUT_OFF_REACHED (Macie's per-object time quota,
   * macie-facts §8.3) and its thread is told to stop.
   */
  private static ObjectResult analyzeInTime(
      ObjectAnalyzer analyzer, ExecutorService analysts, ScanObject object, long timeLimit) {
    ObjectAnalyzer.Analysis analysis = analyzer.start(object);
    Future<ObjectResult> running = analysts.submit(analysis::run);
    try {
      return running.get(timeLimit, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      ObjectResult r = analysis.timedOut(Duration.ofNanos(timeLimit));
      running.cancel(true);
      return r;
    } catch (ExecutionException e) {
      return analysis.crashed(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ObjectResult r = analysis.timedOut(Duration.ofNanos(timeLimit));
      running.cancel(true);
      return r;
    }
  }

  /**
   * The output stage: one thread that takes results from a bounded queue and gives them to the
   * consumer, one at a time. A consumer's error is kept (and later results dropped, so that no
   * worker waits on a full queue for ever) until {@link #rethrow}.
   */
  private static final class Writer {
    private final BlockingQueue<Optional<ObjectResult>> queue;
    private final Consumer<ObjectResult> results;
    private final Thread thread;
    private volatile Throwable failure;

    Writer(int capacity, Consumer<ObjectResult> results) {
      this.queue = new ArrayBlockingQueue<>(capacity);
      this.results = results;
      this.thread = new Thread(this::run, "assay-writer");
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    private void run() {
      while (true) {
        Optional<ObjectResult> next;
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          continue; // only finish() ends the writer: every result put is taken
        }
        if (next.isEmpty()) {
          return;
        }
        if (failure == null) {
          try {
            results.accept(next.get());
          } catch (RuntimeException | Error e) {
            failure = e;
          }
        }
      }
    }

    /** Waits for room in the queue (backpressure on the workers). */
    void put(ObjectResult r) {
      putUninterruptibly(Optional.of(r));
    }

    /** After the last put: lets the writer drain the queue, and waits for it. */
    void finish() {
      putUninterruptibly(Optional.empty()); // the end: the queue takes no null
      boolean interrupted = false;
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    private void putUninterruptibly(Optional<ObjectResult> item) {
      boolean interrupted = false;
      while (true) {
        try {
          queue.put(item);
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    /** Throws what the consumer threw, if it did. */
    void rethrow() {
      Throwable t = failure;
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
    }
  }

  /** Daemon threads named for thread dumps. */
  private static final class Workers implements ThreadFactory {
    private final AtomicInteger n = new AtomicInteger();
    private final String prefix;

    Workers(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }

  /** Configures a {@link Scanner}; not thread-safe. */
  public static final class Builder {
    private final Detector detector;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int windowChars = 1 << 18; // 256K chars: each pass over a window stays in cache; the overlap costs 3%
    private Clock clock = Clock.systemUTC();
    private ScanProgress progress;
    private ExtractionLimits limits = ExtractionLimits.DEFAULT;

    private Builder(Detector detector) {
      this.detector = detector;
    }

    /** Worker threads; default: available processors. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      this.threads = threads;
      return this;
    }

    /** Chars each text window reports; smaller windows bound memory tighter. */
    public Builder windowChars(int windowChars) {
      if (windowChars < 1) {
        throw new IllegalArgumentException("windowChars must be at least 1");
      }
      this.windowChars = windowChars;
      return this;
    }

    /** Counters the scan keeps up to date, for a progress display; none by default. */
    public Builder progress(ScanProgress progress) {
      this.progress = progress;
      return this;
    }

    /**
     * Size, archive and time limits; default {@link ExtractionLimits#DEFAULT} (Macie's quotas, and
     * 30 minutes per object instead of Macie's 10 hours).
     */
    public Builder limits(ExtractionLimits limits) {
      this.limits = Objects.requireNonNull(limits);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Scanner build() {
      return new Scanner(this);
    }
  }
}
