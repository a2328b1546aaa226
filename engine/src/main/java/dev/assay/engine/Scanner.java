package dev.assay.engine;

import dev.assay.engine.extract.Extraction;
import dev.assay.engine.extract.ExtractionLimits;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.ScanObject;
import dev.assay.identifiers.detect.Detector;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Scans objects for sensitive data: the one entry point of the engine, and the one place that owns
 * threads. Three stages: objects are enumerated on the calling thread (listing, and for S3 the
 * metadata reads); a fixed pool of workers fetches, extracts, detects and tallies each one; and one
 * writer thread hands the results to the caller's consumer. The stages are joined by bounded
 * hand-offs: at most twice as many objects as workers wait for a worker, and at most four times as
 * many results wait for the writer, so enumeration never runs ahead of analysis, nor analysis ahead
 * of output, without bound, and a slow consumer slows the scan instead of filling memory.
 *
 * <p>Each object has a time limit ({@link ExtractionLimits#perObjectTime()}, set with {@link
 * Builder#limits}), kept by a watchdog thread: when the limit passes, the watchdog reports the
 * object PARTIAL with TIME_CUT_OFF_REACHED (with what was found until then) and starts a new worker
 * in place of the one analysing it. The abandoned analysis is cancelled (its extraction polls a
 * flag on every read and segment) and interrupted; a parser that ignores both keeps only its own
 * daemon thread, never a place among the workers.
 *
 * <p>A Scanner is immutable and thread-safe; {@link #scan} may be called more than once. Results
 * are delivered one at a time (never concurrently), on the writer thread, in completion order;
 * callers that need a stable order sort them. If the consumer throws, the scan still analyses every
 * object (the rest of the results are dropped) and {@link #scan} rethrows the error at the end.
 */
public final class Scanner {

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
    this.limits = b.limits;
    this.extraction = Extraction.forDetector(detector, b.windowChars, b.limits);
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
  public Summary scan(List<? extends ObjectSource> sources, Consumer<ObjectResult> results)
      throws IOException {
    long started = System.nanoTime();
    Run run =
        new Run(new ObjectAnalyzer(detector, extraction, clock), new Writer(threads * 4, results));
    run.start();
    long submitted = 0;
    try {
      for (ObjectSource source : sources) {
        long[] count = {0};
        try {
          source.enumerate(
              object -> {
                if (progress != null) {
                  progress.enumerated(object.size());
                }
                run.submit(object);
                count[0]++;
              },
              (objects, size) -> {
                if (progress != null) {
                  progress.announced(objects, size);
                }
              });
        } finally {
          submitted += count[0];
        }
      }
      if (progress != null) {
        progress.enumerationComplete();
      }
    } finally {
      run.finish(submitted);
    }
    run.writer.rethrow();
    return new Summary(
        run.objects.get(),
        run.bytes.get(),
        run.problems.get(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * One scan's workers and watchdog. Each object is analysed on the worker that takes it, so an
   * object costs no hand-off between threads (on this 2-core VM a park and unpark pair cost a
   * quarter of a millisecond, a tenth of a 250 KB object's analysis). The watchdog enforces the
   * time limit: when an object's time is up it reports the object PARTIAL with TIME_CUT_OFF_REACHED
   * (Macie's per-object time quota, with what was found until then), cancels and interrupts the
   * analysis, and starts a new worker in place of the one it gave up on, so a parser that ignores
   * both costs a parked daemon thread, never a worker. Exactly one of the worker and the watchdog
   * reports each object: whichever first settles its {@link Job}.
   */
  private final class Run {
    private final ObjectAnalyzer analyzer;
    private final Writer writer;

    /** Enumeration to workers: at most twice as many objects waiting as there are workers. */
    private final BlockingQueue<Optional<ScanObject>> pending =
        new ArrayBlockingQueue<>(threads * 2);

    private final Set<Worker> live = ConcurrentHashMap.newKeySet();
    private final Semaphore reported = new Semaphore(0);
    private final AtomicLong objects = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong problems = new AtomicLong();
    private final AtomicInteger names = new AtomicInteger();
    private final long timeLimit = limits.perObjectTime().toNanos();
    private final Thread watchdog = new Thread(this::watch, "assay-watchdog");
    private volatile boolean finished;

    Run(ObjectAnalyzer analyzer, Writer writer) {
      this.analyzer = analyzer;
      this.writer = writer;
      watchdog.setDaemon(true);
    }

    void start() {
      writer.start();
      for (int i = 0; i < threads; i++) {
        startWorker();
      }
      watchdog.start();
    }

    private void startWorker() {
      Worker w = new Worker();
      live.add(w);
      w.thread.start();
    }

    /** Waits for room among the pending objects (backpressure on enumeration). */
    void submit(ScanObject object) {
      putUninterruptibly(pending, Optional.of(object));
    }

    /**
     * After the last submit: waits until every submitted object is reported, then ends the threads.
     */
    void finish(long submitted) {
      long left = submitted;
      while (left > 0) {
        int n = (int) Math.min(left, Integer.MAX_VALUE);
        reported.acquireUninterruptibly(n);
        left -= n;
      }
      finished = true;
      watchdog.interrupt();
      for (int i = 0; i < threads; i++) {
        putUninterruptibly(pending, Optional.empty()); // one end mark per worker in place
      }
      writer.finish();
    }

    void report(ObjectResult r) {
      objects.incrementAndGet();
      bytes.addAndGet(r.sizeClassified());
      if (r.hasProblem()) {
        problems.incrementAndGet();
      }
      if (progress != null) {
        progress.done(r.object().size());
      }
      writer.put(r);
      reported.release();
    }

    /** Checks the running objects' time several times per limit, at most ten times a second. */
    private void watch() {
      long tick = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(timeLimit) / 10, 100));
      while (!finished) {
        try {
          Thread.sleep(tick);
        } catch (InterruptedException e) {
          continue; // finish() interrupts to end the watchdog; the loop's test decides
        }
        long now = System.nanoTime();
        for (Worker w : live) {
          Job job = w.current;
          if (job != null && now - job.started > timeLimit && job.settle()) {
            live.remove(w);
            startWorker();
            ObjectResult r = job.analysis.timedOut(Duration.ofNanos(timeLimit));
            w.thread.interrupt();
            report(r);
          }
        }
      }
    }

    /** Takes objects and analyses them, until an end mark or until the watchdog gives up on it. */
    private final class Worker implements Runnable {
      final Thread thread = new Thread(this, "assay-worker-" + names.incrementAndGet());
      volatile Job current;

      Worker() {
        thread.setDaemon(true);
      }

      @Override
      public void run() {
        while (true) {
          Optional<ScanObject> next = takeUninterruptibly(pending);
          if (next.isEmpty()) {
            return;
          }
          Job job = new Job(analyzer.start(next.get()), System.nanoTime());
          current = job;
          ObjectResult r;
          try {
            r = job.analysis.run();
          } catch (RuntimeException | Error e) {
            r = job.analysis.crashed(e);
          }
          current = null;
          if (!job.settle()) {
            return; // the watchdog reported this object and started a worker in this one's place
          }
          report(r);
        }
      }
    }
  }

  /**
   * One object being analysed, and who reports it: the worker or the watchdog, whichever settles it
   * first.
   */
  private static final class Job {
    final ObjectAnalyzer.Analysis analysis;
    final long started; // System.nanoTime()
    private final AtomicBoolean settled = new AtomicBoolean();

    Job(ObjectAnalyzer.Analysis analysis, long started) {
      this.analysis = analysis;
      this.started = started;
    }

    /** True for the one caller that settles the job. */
    boolean settle() {
      return settled.compareAndSet(false, true);
    }
  }

  private static <T> void putUninterruptibly(BlockingQueue<T> queue, T item) {
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

  private static <T> T takeUninterruptibly(BlockingQueue<T> queue) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return queue.take();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
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
      putUninterruptibly(queue, Optional.of(r));
    }

    /** After the last put: lets the writer drain the queue, and waits for it. */
    void finish() {
      putUninterruptibly(queue, Optional.empty()); // the end: the queue takes no null
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

  /** Configures a {@link Scanner}; not thread-safe. */
  public static final class Builder {
    private final Detector detector;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int windowChars =
        1 << 18; // 256K chars: each pass over a window stays in cache; the overlap costs 3%
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
