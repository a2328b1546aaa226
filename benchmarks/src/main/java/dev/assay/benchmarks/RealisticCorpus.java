package dev.assay.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.io.output.CountingOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes a benchmark corpus that looks like what users point a Macie-style scanner at, an S3
 * bucket's export, rather than a log tuned to the detectors: application and access logs, CSV and
 * TSV table dumps, JSON Lines events, JSON documents, Parquet and Avro tables, and plain-English
 * prose (emails, tickets, meeting notes), several files of each.
 *
 * <p>Real exports are dense with numbers that every numeric pattern has to look at and reject (ids,
 * amounts, dates, epoch timestamps, ports, byte counts, phone-like and zip-like numbers, UUIDs and
 * hex trace ids, IPv4 and IPv6 addresses). Their column names and JSON keys carry Macie's keywords
 * ({@code ssn}, {@code account_number}, {@code dob}, {@code passport}, {@code credit_card}, ...)
 * next to innocuous values (masked, empty, {@code N/A}, numbers that validate as nothing), so the
 * detectors have keyword context everywhere. Truly sensitive values are rare: on about one line,
 * row or record in {@value #PLANT_EVERY} a fresh US SSN, Luhn-valid card number, AWS secret access
 * key or AWS access key id sits in its natural context; prose names a person or gives a postal
 * address about once in a few hundred lines.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.RealisticCorpus
 * OUTDIR [--mb N] [--seed S]} (default 384 MB, split evenly over the eight formats, into {@code
 * OUTDIR/<format>/}). The same seed and size give the same bytes: every file has its own random
 * stream, drawn in order from the seed, and nothing depends on the clock or on hash order. {@code
 * OUTDIR/manifest.tsv} has a header line, then one line per file: its path relative to OUTDIR, its
 * format, its size in bytes and how many values of each kind were planted in it.
 */
public final class RealisticCorpus {
  private RealisticCorpus() {}

  /** One line, row or record in this many holds a planted value, on average. */
  static final int PLANT_EVERY = 2_000;

  /** Files of each format (JSON gets more, so that each document stays a few MB). */
  static final int FILES_PER_FORMAT = 4;

  private static final long JSON_FILE_BYTES = 4L << 20;
  private static final int[] TABLE_WIDTHS = {12, 24, 40, 18};

  /** The corpus's formats, each written into its own directory with its own extension. */
  enum Format {
    LOGS("logs", "log"),
    CSV("csv", "csv"),
    TSV("tsv", "tsv"),
    JSONL("jsonl", "jsonl"),
    JSON("json", "json"),
    PARQUET("parquet", "parquet"),
    AVRO("avro", "avro"),
    PROSE("prose", "txt");

    final String dir;
    final String extension;

    Format(String dir, String extension) {
      this.dir = dir;
      this.extension = extension;
    }
  }

  /** The kinds of value planted, in the manifest's column order. */
  enum Secret {
    SSN("ssn"),
    CARD("card"),
    AWS_SECRET("aws_secret"),
    AWS_KEY_ID("aws_key_id");

    final String column;

    Secret(String column) {
      this.column = column;
    }
  }

  record Options(Path out, double mb, long seed) {}

  /** One file to write: its own random stream comes from {@code seed}. */
  record Job(Format format, int index, Path relative, long targetBytes, long seed) {}

  /** One file written, for the manifest. */
  record Written(Path relative, Format format, long bytes, int[] planted) {}

  /** A planted value: its kind, the value alone and the value in a phrase with its keyword. */
  record Planted(Secret kind, String value, String phrase) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Options options = parse(args);
    List<Written> written = generate(options);
    writeManifest(options.out().resolve("manifest.tsv"), written);
    long bytes = written.stream().mapToLong(Written::bytes).sum();
    System.out.printf(
        Locale.ROOT,
        "wrote %d files, %.1f MB, into %s%n",
        written.size(),
        bytes / 1e6,
        options.out());
  }

  private static Options parse(String[] args) {
    Path out = null;
    double mb = 384;
    long seed = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--mb" -> mb = Double.parseDouble(value(args, ++i));
        case "--seed" -> seed = Long.parseLong(value(args, ++i));
        default -> {
          if (out != null || args[i].startsWith("--")) {
            throw usage("unexpected argument " + args[i]);
          }
          out = Path.of(args[i]);
        }
      }
    }
    if (out == null || mb <= 0) {
      throw usage(out == null ? "OUTDIR is missing" : "--mb must be positive");
    }
    return new Options(out, mb, seed);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw usage(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static IllegalArgumentException usage(String problem) {
    return new IllegalArgumentException(
        problem + "; usage: RealisticCorpus OUTDIR [--mb N] [--seed S]");
  }

  // ---- the corpus as a whole

  static List<Written> generate(Options options) throws IOException, InterruptedException {
    long share = (long) (options.mb() * 1_000_000 / Format.values().length);
    SplittableRandom seeds = new SplittableRandom(options.seed());
    List<Job> jobs = new ArrayList<>();
    for (Format format : Format.values()) {
      Files.createDirectories(options.out().resolve(format.dir));
      int files =
          format == Format.JSON
              ? (int) Math.max(FILES_PER_FORMAT, (share + JSON_FILE_BYTES - 1) / JSON_FILE_BYTES)
              : FILES_PER_FORMAT;
      for (int i = 0; i < files; i++) {
        Path relative =
            Path.of(format.dir, String.format(Locale.ROOT, "part-%05d.%s", i, format.extension));
        jobs.add(new Job(format, i, relative, share / files, seeds.nextLong()));
      }
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(4, Runtime.getRuntime().availableProcessors()));
    try {
      List<Future<Written>> futures = new ArrayList<>();
      for (Job job : jobs) {
        futures.add(pool.submit(() -> write(options.out(), job)));
      }
      List<Written> written = new ArrayList<>();
      for (Future<Written> future : futures) {
        written.add(future.get());
      }
      return written;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Written write(Path out, Job job) throws IOException {
    Path file = out.resolve(job.relative());
    SplittableRandom random = new SplittableRandom(job.seed());
    Planter planter = new Planter(random.split());
    switch (job.format()) {
      case LOGS -> writeLogs(file, job.targetBytes(), random, planter);
      case CSV ->
          writeDelimited(
              file,
              job.targetBytes(),
              ',',
              TABLE_WIDTHS[job.index() % TABLE_WIDTHS.length],
              random,
              planter);
      case TSV ->
          writeDelimited(
              file,
              job.targetBytes(),
              '\t',
              TABLE_WIDTHS[(job.index() + 1) % TABLE_WIDTHS.length],
              random,
              planter);
      case JSONL -> writeJsonLines(file, job.targetBytes(), random, planter);
      case JSON ->
          writeJsonDocument(file, job.targetBytes(), job.index() % 2 == 0, random, planter);
      case PARQUET ->
          writeParquet(
              file,
              job.targetBytes(),
              TABLE_WIDTHS[job.index() % TABLE_WIDTHS.length],
              random,
              planter);
      case AVRO ->
          writeAvro(
              file,
              job.targetBytes(),
              TABLE_WIDTHS[(job.index() + 2) % TABLE_WIDTHS.length],
              random,
              planter);
      case PROSE -> writeProse(file, job.targetBytes(), random, planter);
    }
    return new Written(job.relative(), job.format(), Files.size(file), planter.counts());
  }

  private static void writeManifest(Path file, List<Written> written) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("path\tformat\tbytes");
      for (Secret kind : Secret.values()) {
        out.write("\t" + kind.column);
      }
      out.write("\n");
      for (Written w : written) {
        out.write(
            w.relative().toString().replace('\\', '/') + "\t" + w.format().dir + "\t" + w.bytes());
        for (int count : w.planted()) {
          out.write("\t" + count);
        }
        out.write("\n");
      }
    }
  }

  // ---- planted values

  /**
   * Decides which lines get a planted value (gaps drawn uniformly, averaging {@link #PLANT_EVERY}),
   * makes fresh values, and counts them by kind.
   */
  static final class Planter {
    private final SplittableRandom random;
    private final int[] counts = new int[Secret.values().length];
    private int skip;

    Planter(SplittableRandom random) {
      this.random = random;
      this.skip = random.nextInt(PLANT_EVERY);
    }

    /** Called once a line, row or record: whether this one gets a planted value. */
    boolean due() {
      if (skip-- > 0) {
        return false;
      }
      skip = random.nextInt(2 * PLANT_EVERY - 1);
      return true;
    }

    /** A fresh value, counted: the caller must write it. */
    Planted next() {
      int roll = random.nextInt(100);
      Secret kind =
          roll < 40
              ? Secret.SSN
              : roll < 75 ? Secret.CARD : roll < 92 ? Secret.AWS_SECRET : Secret.AWS_KEY_ID;
      counts[kind.ordinal()]++;
      return switch (kind) {
        case SSN -> {
          String ssn = ssn(random);
          yield new Planted(
              kind, ssn, pick(random, "ssn: ", "SSN ", "social security number ", "ssn=") + ssn);
        }
        case CARD -> {
          String card = cardNumber(random);
          String shown =
              random.nextBoolean() ? groupCard(card, random.nextBoolean() ? " " : "-") : card;
          yield new Planted(
              kind,
              shown,
              pick(random, "card number ", "credit card ", "cc_number=", "paid with card ")
                  + shown);
        }
        case AWS_SECRET -> {
          String secret = awsSecret(random);
          yield new Planted(
              kind,
              secret,
              pick(random, "aws_secret_access_key=", "AWS_SECRET_ACCESS_KEY=") + secret);
        }
        case AWS_KEY_ID -> {
          String id = awsKeyId(random);
          yield new Planted(
              kind, id, pick(random, "aws_access_key_id=", "AWS_ACCESS_KEY_ID=") + id);
        }
      };
    }

    int[] counts() {
      return counts.clone();
    }
  }

  /** A US SSN that is valid: area 001-899 but 666, group 01-99, serial 0001-9999. */
  static String ssn(SplittableRandom r) {
    int area;
    do {
      area = r.nextInt(1, 900);
    } while (area == 666);
    return pad(area, 3) + "-" + pad(r.nextInt(1, 100), 2) + "-" + pad(r.nextInt(1, 10_000), 4);
  }

  /** A Luhn-valid Visa or Mastercard (16 digits) or American Express (15 digits) number. */
  static String cardNumber(SplittableRandom r) {
    int brand = r.nextInt(4);
    StringBuilder sb =
        new StringBuilder(
            brand < 2 ? "4" : brand == 2 ? "5" + r.nextInt(1, 6) : r.nextBoolean() ? "34" : "37");
    int length = brand == 3 ? 15 : 16;
    while (sb.length() < length - 1) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    return sb.append(luhnCheckDigit(sb)).toString();
  }

  static int luhnCheckDigit(CharSequence payload) {
    int sum = 0;
    boolean doubled = true; // the payload's last digit is doubled once the check digit follows it
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (doubled) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      doubled = !doubled;
    }
    return (10 - sum % 10) % 10;
  }

  private static String groupCard(String card, String separator) {
    if (card.length() == 15) {
      return card.substring(0, 4)
          + separator
          + card.substring(4, 10)
          + separator
          + card.substring(10);
    }
    return card.substring(0, 4)
        + separator
        + card.substring(4, 8)
        + separator
        + card.substring(8, 12)
        + separator
        + card.substring(12);
  }

  private static String awsSecret(SplittableRandom r) {
    return chars(r, 40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+");
  }

  private static String awsKeyId(SplittableRandom r) {
    return "AKIA" + chars(r, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
  }

  // ---- logs

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOG4J =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss,SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/uuuu:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final long YEAR_2024 = 1_704_067_200_000L;

  private static final String[] LEVELS = {
    "INFO", "INFO", "INFO", "INFO", "DEBUG", "DEBUG", "WARN", "ERROR"
  };
  private static final String[] METHODS = {
    "GET", "GET", "GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH", "HEAD"
  };
  private static final int[] STATUSES = {
    200, 200, 200, 200, 200, 200, 201, 204, 301, 304, 400, 401, 403, 404, 404, 409, 429, 500, 502,
    503
  };
  private static final String[] LOGGERS = {
    "o.e.orders.OrderController", "o.e.billing.InvoiceService", "o.e.auth.TokenFilter",
        "o.e.cart.CartRepository",
    "o.e.search.QueryPlanner", "o.e.payments.PaymentGateway", "o.e.shipping.LabelClient",
        "com.zaxxer.hikari.pool.HikariPool"
  };
  private static final String[] USER_AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.6261.112 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3.1 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0",
    "okhttp/4.12.0",
    "python-requests/2.31.0",
    "aws-sdk-java/2.25.6 Linux/6.1.0 OpenJDK_64-Bit_Server_VM/17.0.10",
    "curl/8.5.0",
    "Apache-HttpClient/4.5.14 (Java/17.0.10)",
    "ELB-HealthChecker/2.0"
  };
  private static final String[] EXCEPTIONS = {
    "java.net.SocketTimeoutException: Read timed out",
        "java.sql.SQLTransientConnectionException: Connection is not available",
    "java.lang.IllegalStateException: cart is locked",
        "software.amazon.awssdk.services.s3.model.S3Exception: Slow Down (Status Code: 503)",
    "java.util.concurrent.TimeoutException: deadline exceeded",
        "org.postgresql.util.PSQLException: deadlock detected"
  };

  private static void writeLogs(Path file, long target, SplittableRandom r, Planter planter)
      throws IOException {
    long millis = YEAR_2024 + r.nextLong(300L * 86_400_000);
    try (TextOut out = new TextOut(file)) {
      StringBuilder line = new StringBuilder(512);
      while (out.chars() < target) {
        millis += r.nextInt(1, 1_500);
        line.setLength(0);
        int kind = r.nextInt(20);
        if (kind < 9) {
          appLine(line, r, millis);
        } else if (kind < 15) {
          accessLine(line, r, millis);
        } else if (kind < 17) {
          metricsLine(line, r, millis);
        } else if (kind < 19) {
          tlsLine(line, r, millis);
        } else {
          errorLine(line, r, millis);
        }
        if (planter.due()) {
          line.append(' ').append(planter.next().phrase());
        }
        out.write(line.append('\n'));
      }
    }
  }

  private static void appLine(StringBuilder sb, SplittableRandom r, long millis) {
    sb.append(ISO.format(Instant.ofEpochMilli(millis)))
        .append(' ')
        .append(pick(r, LEVELS))
        .append(" [http-nio-8080-exec-")
        .append(r.nextInt(1, 200))
        .append("] ")
        .append(pick(r, LOGGERS))
        .append(" - request_id=")
        .append(hex(r, 16))
        .append(" trace_id=")
        .append(hex(r, 32))
        .append(" user_id=")
        .append(r.nextInt(1_000, 9_999_999))
        .append(' ')
        .append(pick(r, METHODS))
        .append(' ')
        .append(path(r))
        .append(' ')
        .append(pick(r, STATUSES))
        .append(' ')
        .append(r.nextInt(1, 4_000))
        .append("ms bytes=")
        .append(r.nextInt(0, 250_000))
        .append(" client=")
        .append(ipv4(r))
        .append(':')
        .append(r.nextInt(1_024, 65_536));
  }

  private static void accessLine(StringBuilder sb, SplittableRandom r, long millis) {
    sb.append(ipv4(r))
        .append(" - - [")
        .append(CLF.format(Instant.ofEpochMilli(millis)))
        .append("] \"")
        .append(pick(r, METHODS))
        .append(' ')
        .append(path(r))
        .append(" HTTP/1.1\" ")
        .append(pick(r, STATUSES))
        .append(' ')
        .append(r.nextInt(0, 90_000))
        .append(" \"")
        .append(r.nextInt(3) == 0 ? "-" : "https://shop.example.com/cart/" + r.nextInt(100_000))
        .append("\" \"")
        .append(pick(r, USER_AGENTS))
        .append("\" rt=")
        .append(r.nextInt(0, 3))
        .append('.')
        .append(pad(r.nextInt(1_000), 3))
        .append(" upstream=10.0.")
        .append(r.nextInt(256))
        .append('.')
        .append(r.nextInt(256))
        .append(":8080");
  }

  private static void metricsLine(StringBuilder sb, SplittableRandom r, long millis) {
    sb.append(millis)
        .append(' ')
        .append(r.nextInt(4) == 0 ? "WARN" : "INFO")
        .append(" pool=")
        .append(pick(r, "db-primary", "db-replica", "redis", "s3"))
        .append(" active=")
        .append(r.nextInt(64))
        .append(" idle=")
        .append(r.nextInt(16))
        .append(" waiters=")
        .append(r.nextInt(4))
        .append(" p50_ms=")
        .append(r.nextInt(1, 40))
        .append(" p99_ms=")
        .append(r.nextInt(40, 2_000))
        .append(" host=")
        .append(ipv4(r))
        .append(" port=")
        .append(pick(r, "5432", "6379", "443", "3306"))
        .append(" heap_used_mb=")
        .append(r.nextInt(100, 4_096))
        .append(" gc_pause_ms=")
        .append(r.nextInt(0, 120))
        .append(" ratio=0.")
        .append(pad(r.nextInt(10_000), 4));
  }

  private static void tlsLine(StringBuilder sb, SplittableRandom r, long millis) {
    sb.append(LOG4J.format(Instant.ofEpochMilli(millis)))
        .append(" DEBUG [tls-")
        .append(r.nextInt(16))
        .append("] client=[")
        .append(ipv6(r))
        .append("]:")
        .append(r.nextInt(1_024, 65_536))
        .append(" session=")
        .append(uuid(r))
        .append(" proto=TLSv1.")
        .append(r.nextInt(2, 4))
        .append(" cipher=TLS_AES_128_GCM_SHA256 bytes_in=")
        .append(r.nextInt(100, 9_000))
        .append(" bytes_out=")
        .append(r.nextInt(100, 900_000))
        .append(" handshake_ms=")
        .append(r.nextInt(2, 300));
  }

  private static void errorLine(StringBuilder sb, SplittableRandom r, long millis) {
    sb.append(ISO.format(Instant.ofEpochMilli(millis)))
        .append(" ERROR [worker-")
        .append(r.nextInt(1, 9))
        .append("] ")
        .append(pick(r, LOGGERS))
        .append(" - job_id=")
        .append(uuid(r))
        .append(" attempt=")
        .append(r.nextInt(1, 6))
        .append("/5 ")
        .append(pick(r, EXCEPTIONS))
        .append(" after ")
        .append(r.nextInt(1, 60) * 1_000)
        .append(" ms (invoice_id=")
        .append(r.nextInt(1_000_000, 9_999_999))
        .append(", batch=")
        .append(r.nextInt(1, 400))
        .append(')');
  }

  private static String path(SplittableRandom r) {
    return switch (r.nextInt(8)) {
      case 0 -> "/api/v2/orders/" + r.nextInt(1_000_000, 9_999_999) + "/items/" + r.nextInt(1, 40);
      case 1 -> "/api/v1/users/" + r.nextInt(1_000, 999_999) + "/profile";
      case 2 ->
          "/v3/accounts/"
              + r.nextInt(10_000, 99_999_999)
              + "/transactions?limit=50&offset="
              + 50 * r.nextInt(40);
      case 3 -> "/api/v2/carts/" + uuid(r);
      case 4 -> "/static/js/app." + hex(r, 8) + ".js";
      case 5 ->
          "/search?q="
              + pick(r, "blue+widget", "usb-c+cable", "desk+lamp", "size+42")
              + "&page="
              + r.nextInt(1, 20);
      case 6 ->
          "/api/v2/shipments/"
              + r.nextInt(100_000, 999_999)
              + "/labels/"
              + r.nextInt(1, 4)
              + ".pdf";
      default -> pick(r, "/health", "/metrics", "/favicon.ico", "/api/v2/session/refresh");
    };
  }

  // ---- tables: CSV, TSV, Parquet, Avro

  /** What a column holds; keyword kinds hold mostly innocuous values, as real exports do. */
  enum Kind {
    ID,
    UUID,
    AMOUNT,
    DATE_ISO,
    DATE_US,
    TIMESTAMP,
    EPOCH_MILLIS,
    PHONE,
    ZIP,
    COUNTRY,
    STATUS,
    EMAIL,
    NOTES,
    SKU,
    QTY,
    CURRENCY,
    IP,
    BOOL,
    CHANNEL,
    CODE,
    SSN,
    ACCOUNT,
    DOB,
    PASSPORT,
    CARD,
    IBAN,
    TAX_ID,
    ADDRESS,
    NAME;

    boolean isLong() {
      return this == ID || this == QTY || this == EPOCH_MILLIS;
    }

    boolean isDouble() {
      return this == AMOUNT;
    }
  }

  record Column(String name, Kind kind) {}

  /** A file's columns: {@code order_id} first, then the rest in a random order. */
  record Table(List<Column> columns) {
    static Table random(int width, SplittableRandom r) {
      List<Column> rest = new ArrayList<>(REQUIRED.subList(1, REQUIRED.size()));
      List<Column> optional = new ArrayList<>(OPTIONAL);
      shuffle(optional, r);
      rest.addAll(optional.subList(0, width - REQUIRED.size()));
      shuffle(rest, r);
      List<Column> columns = new ArrayList<>(List.of(REQUIRED.get(0)));
      columns.addAll(rest);
      return new Table(List.copyOf(columns));
    }

    int indexOf(Kind kind) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).kind() == kind) {
          return i;
        }
      }
      return -1;
    }
  }

  private static final List<Column> REQUIRED =
      List.of(
          new Column("order_id", Kind.ID),
          new Column("created_at", Kind.TIMESTAMP),
          new Column("notes", Kind.NOTES));

  private static final List<Column> OPTIONAL =
      List.of(
          new Column("customer_id", Kind.ID),
          new Column("invoice_id", Kind.ID),
          new Column("store_id", Kind.ID),
          new Column("line_no", Kind.QTY),
          new Column("request_id", Kind.UUID),
          new Column("session_id", Kind.UUID),
          new Column("amount", Kind.AMOUNT),
          new Column("tax", Kind.AMOUNT),
          new Column("discount", Kind.AMOUNT),
          new Column("total", Kind.AMOUNT),
          new Column("weight_kg", Kind.AMOUNT),
          new Column("order_date", Kind.DATE_ISO),
          new Column("ship_date", Kind.DATE_US),
          new Column("updated_at", Kind.TIMESTAMP),
          new Column("event_ms", Kind.EPOCH_MILLIS),
          new Column("phone", Kind.PHONE),
          new Column("contact_phone", Kind.PHONE),
          new Column("zip", Kind.ZIP),
          new Column("billing_zip", Kind.ZIP),
          new Column("country", Kind.COUNTRY),
          new Column("ship_country", Kind.COUNTRY),
          new Column("status", Kind.STATUS),
          new Column("email", Kind.EMAIL),
          new Column("contact_email", Kind.EMAIL),
          new Column("comment", Kind.NOTES),
          new Column("sku", Kind.SKU),
          new Column("qty", Kind.QTY),
          new Column("currency", Kind.CURRENCY),
          new Column("ip_address", Kind.IP),
          new Column("is_gift", Kind.BOOL),
          new Column("channel", Kind.CHANNEL),
          new Column("promo_code", Kind.CODE),
          new Column("ssn", Kind.SSN),
          new Column("account", Kind.ACCOUNT),
          new Column("account_number", Kind.ACCOUNT),
          new Column("dob", Kind.DOB),
          new Column("passport", Kind.PASSPORT),
          new Column("credit_card", Kind.CARD),
          new Column("iban", Kind.IBAN),
          new Column("tax_id", Kind.TAX_ID),
          new Column("address", Kind.ADDRESS),
          new Column("name", Kind.NAME));

  /**
   * One row's cells as text (numbers as their digits). A planted SSN or card goes into the table's
   * {@code ssn} or {@code credit_card} column if it has one, anything else into {@code notes}.
   */
  static String[] row(Table table, long millis, SplittableRandom r, Planter planter) {
    List<Column> columns = table.columns();
    String[] cells = new String[columns.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cell(columns.get(i).kind(), millis, r);
    }
    if (planter.due()) {
      Planted p = planter.next();
      int ssn = table.indexOf(Kind.SSN);
      int card = table.indexOf(Kind.CARD);
      if (p.kind() == Secret.SSN && ssn >= 0) {
        cells[ssn] = p.value();
      } else if (p.kind() == Secret.CARD && card >= 0) {
        cells[card] = p.value();
      } else {
        cells[table.indexOf(Kind.NOTES)] = "updated by import; " + p.phrase();
      }
    }
    return cells;
  }

  private static String cell(Kind kind, long millis, SplittableRandom r) {
    return switch (kind) {
      case ID -> Long.toString(r.nextLong(100_000, 99_999_999));
      case UUID -> uuid(r);
      case AMOUNT -> amount(r);
      case DATE_ISO -> isoDate(r);
      case DATE_US -> usDate(r);
      case TIMESTAMP ->
          r.nextBoolean()
              ? ISO.format(Instant.ofEpochMilli(millis - r.nextInt(86_400_000)))
              : LOG4J.format(Instant.ofEpochMilli(millis));
      case EPOCH_MILLIS -> Long.toString(millis + r.nextInt(60_000));
      case PHONE -> phone(r);
      case ZIP ->
          r.nextInt(4) == 0
              ? pad(r.nextInt(501, 99_951), 5) + "-" + pad(r.nextInt(10_000), 4)
              : pad(r.nextInt(501, 99_951), 5);
      case COUNTRY ->
          pick(
              r, "US", "US", "US", "CA", "GB", "DE", "FR", "MX", "BR", "IN", "JP", "AU", "NL",
              "ES");
      case STATUS ->
          pick(
              r,
              "shipped",
              "delivered",
              "pending",
              "cancelled",
              "refunded",
              "processing",
              "on_hold");
      case EMAIL -> email(r);
      case NOTES -> note(r);
      case SKU ->
          pick(r, "WID", "CBL", "LMP", "DSK", "SHO", "BAG")
              + "-"
              + r.nextInt(1_000, 99_999)
              + pick(r, "", "-BLU", "-XL", "-2PK");
      case QTY -> Integer.toString(r.nextInt(1, r.nextInt(10) == 0 ? 500 : 12));
      case CURRENCY -> pick(r, "USD", "USD", "USD", "EUR", "GBP", "CAD", "JPY");
      case IP -> r.nextInt(5) == 0 ? ipv6(r) : ipv4(r);
      case BOOL -> r.nextInt(5) == 0 ? "true" : "false";
      case CHANNEL -> pick(r, "web", "ios", "android", "pos", "phone", "marketplace");
      case CODE ->
          r.nextInt(3) == 0
              ? pick(r, "SPRING", "WELCOME", "VIP", "FREESHIP") + r.nextInt(5, 50)
              : "";
      case SSN ->
          switch (r.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> "***-**-" + pad(r.nextInt(10_000), 4);
            case 5, 6 -> "";
            case 7 -> "N/A";
            case 8 -> "XXX-XX-" + pad(r.nextInt(10_000), 4);
            default ->
                "9"
                    + pad(r.nextInt(100), 2)
                    + "-"
                    + pad(r.nextInt(70, 100), 2)
                    + "-"
                    + pad(r.nextInt(10_000), 4); // an ITIN's shape: no SSN
          };
      case ACCOUNT ->
          switch (r.nextInt(4)) {
            case 0 -> "****" + pad(r.nextInt(10_000), 4);
            case 1 -> "";
            case 2 -> "ACCT-" + r.nextInt(100_000, 999_999);
            default -> digits(r, r.nextInt(8, 13));
          };
      case DOB ->
          switch (r.nextInt(10)) {
            case 0, 1, 2, 3 -> "**/**/" + r.nextInt(1940, 2006);
            case 4, 5, 6 -> "";
            case 7, 8 -> Integer.toString(r.nextInt(1940, 2006));
            default -> isoDate(r);
          };
      case PASSPORT ->
          pick(
              r,
              "",
              "",
              "",
              "N/A",
              "on file",
              "*****" + pad(r.nextInt(10_000), 4),
              "*****" + pad(r.nextInt(10_000), 4));
      case CARD ->
          switch (r.nextInt(8)) {
            case 0, 1, 2 -> "**** **** **** " + pad(r.nextInt(10_000), 4);
            case 3 -> "XXXXXXXXXXXX" + pad(r.nextInt(10_000), 4);
            case 4, 5 -> "";
            default -> pick(r, "VISA", "MC", "AMEX") + " ending " + pad(r.nextInt(10_000), 4);
          };
      case IBAN ->
          r.nextInt(5) < 2
              ? pick(r, "DE", "FR", "GB", "NL", "ES")
                  + "** **** **** **** **"
                  + pad(r.nextInt(10_000), 4)
              : pick(r, "", "", "N/A");
      case TAX_ID -> pick(r, "", "", "N/A", "EXEMPT", "**-***" + pad(r.nextInt(10_000), 4));
      case ADDRESS ->
          r.nextInt(5) < 2 ? pick(r, TOWNS) : pick(r, "", "", "see billing profile", "REDACTED");
      case NAME -> pick(r, COMPANIES) + (r.nextBoolean() ? "" : " #" + r.nextInt(1, 2_000));
    };
  }

  private static final String[] COMPANIES = {
    "Acme Widgets",
    "Globex Supply",
    "Initech",
    "Umbrella Retail",
    "Northwind Traders",
    "guest",
    "Blue Harbor Goods",
    "store pickup",
    "Contoso Ltd",
    "Fabrikam Inc",
    "marketplace seller",
    "wholesale account"
  };
  private static final String[] TOWNS = {
    "Springfield, IL",
    "Austin, TX",
    "Portland, OR",
    "Columbus, OH",
    "Raleigh, NC",
    "Tampa, FL",
    "Leeds, UK",
    "Lyon, FR",
    "Toronto, ON",
    "Denver, CO"
  };
  private static final String[] NOTES = {
    "left at front door", "customer asked for a call back", "gift wrap, no invoice in the box",
        "address verified by phone",
    "refund issued, see ticket", "duplicate of previous order",
        "second attempt, card declined once", "priority shipping",
    "backordered until next week", "customer said \"call me after 5pm\"", "split shipment, 2 boxes",
        "signature required",
    "VIP, handle with care, fragile", "replacement for damaged item", "price match applied",
        "tax exempt certificate on file",
    "", "", "", ""
  };

  private static String note(SplittableRandom r) {
    String note = pick(r, NOTES);
    if (r.nextInt(400) == 0) {
      return note + "\nfollow-up: " + pick(r, NOTES) + ", again";
    }
    return r.nextInt(6) == 0 ? note + ", ref " + r.nextInt(10_000, 999_999) : note;
  }

  private static void writeDelimited(
      Path file, long target, char delimiter, int width, SplittableRandom r, Planter planter)
      throws IOException {
    Table table = Table.random(width, r);
    long millis = YEAR_2024 + r.nextLong(300L * 86_400_000);
    try (TextOut out = new TextOut(file)) {
      StringBuilder line = new StringBuilder(1_024);
      String[] header = table.columns().stream().map(Column::name).toArray(String[]::new);
      out.write(joinCells(line, header, delimiter));
      while (out.chars() < target) {
        millis += r.nextInt(1, 20_000);
        out.write(joinCells(line, row(table, millis, r, planter), delimiter));
      }
    }
  }

  /**
   * One record, RFC 4180: a cell holding the delimiter, a quote or a line break is quoted, its
   * quotes doubled.
   */
  private static StringBuilder joinCells(StringBuilder sb, String[] cells, char delimiter) {
    sb.setLength(0);
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append(delimiter);
      }
      String cell = cells[i];
      if (cell.indexOf(delimiter) >= 0
          || cell.indexOf('"') >= 0
          || cell.indexOf('\n') >= 0
          || cell.indexOf('\r') >= 0) {
        sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(cell);
      }
    }
    return sb.append('\n');
  }

  private static void writeParquet(
      Path file, long target, int width, SplittableRandom r, Planter planter) throws IOException {
    Table table = Table.random(width, r);
    StringBuilder schema = new StringBuilder("message export {");
    for (Column c : table.columns()) {
      schema
          .append(
              c.kind().isLong()
                  ? " required int64 "
                  : c.kind().isDouble() ? " required double " : " required binary ")
          .append(c.name())
          .append(c.kind().isLong() || c.kind().isDouble() ? ";" : " (UTF8);");
    }
    schema.append(
        " required group meta { required binary source (UTF8); required int64 batch; repeated binary tags (UTF8); } }");
    MessageType type = MessageTypeParser.parseMessageType(schema.toString());
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    long millis = YEAR_2024 + r.nextLong(300L * 86_400_000);
    Files.deleteIfExists(file);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(type)
            .withConf(new Configuration(false))
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withRowGroupSize(4L << 20)
            .build()) {
      // The writer's size counts its buffered row group before compression: about a fifth over what
      // lands on disk.
      for (long rows = 0; rows % 256 != 0 || writer.getDataSize() < target * 6 / 5; rows++) {
        millis += r.nextInt(1, 20_000);
        String[] cells = row(table, millis, r, planter);
        Group g = groups.newGroup();
        for (int i = 0; i < cells.length; i++) {
          Column c = table.columns().get(i);
          if (c.kind().isLong()) {
            g.append(c.name(), Long.parseLong(cells[i]));
          } else if (c.kind().isDouble()) {
            g.append(c.name(), Double.parseDouble(cells[i]));
          } else {
            g.append(c.name(), cells[i]);
          }
        }
        Group meta =
            g.addGroup("meta")
                .append("source", pick(r, SOURCES))
                .append("batch", (long) r.nextInt(1, 5_000));
        for (int t = r.nextInt(3); t > 0; t--) {
          meta.append("tags", pick(r, TAGS));
        }
        writer.write(g);
      }
    }
  }

  private static final String[] SOURCES = {
    "shopify-sync", "pos-import", "erp-nightly", "api", "backfill-2023"
  };
  private static final String[] TAGS = {
    "priority", "wholesale", "gift", "fraud-review", "migrated", "b2b", "test"
  };

  private static void writeAvro(
      Path file, long target, int width, SplittableRandom r, Planter planter) throws IOException {
    Table table = Table.random(width, r);
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record("Export").namespace("dev.assay.corpus").fields();
    for (Column c : table.columns()) {
      fields =
          c.kind().isLong()
              ? fields.requiredLong(c.name())
              : c.kind().isDouble()
                  ? fields.requiredDouble(c.name())
                  : fields.requiredString(c.name());
    }
    Schema metaSchema =
        SchemaBuilder.record("Meta")
            .fields()
            .requiredString("source")
            .requiredLong("batch")
            .name("tags")
            .type()
            .array()
            .items()
            .stringType()
            .noDefault()
            .endRecord();
    Schema schema = fields.name("meta").type(metaSchema).noDefault().endRecord();
    byte[] sync = new byte[16];
    for (int i = 0; i < sync.length; i++) {
      sync[i] =
          (byte)
              r.nextInt(
                  256); // Avro draws its sync marker at random: fixed here, so the bytes repeat
    }
    long millis = YEAR_2024 + r.nextLong(300L * 86_400_000);
    try (FileOutputStream stream = new FileOutputStream(file.toFile());
        DataFileWriter<GenericRecord> writer =
            new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
      writer.setCodec(CodecFactory.snappyCodec());
      writer.create(schema, stream, sync);
      for (long rows = 0; rows % 256 != 0 || stream.getChannel().position() < target; rows++) {
        millis += r.nextInt(1, 20_000);
        String[] cells = row(table, millis, r, planter);
        GenericRecord record = new GenericData.Record(schema);
        for (int i = 0; i < cells.length; i++) {
          Column c = table.columns().get(i);
          record.put(
              c.name(),
              c.kind().isLong()
                  ? (Object) Long.parseLong(cells[i])
                  : c.kind().isDouble() ? (Object) Double.parseDouble(cells[i]) : cells[i]);
        }
        GenericRecord meta = new GenericData.Record(metaSchema);
        meta.put("source", pick(r, SOURCES));
        meta.put("batch", (long) r.nextInt(1, 5_000));
        List<String> tags = new ArrayList<>();
        for (int t = r.nextInt(3); t > 0; t--) {
          tags.add(pick(r, TAGS));
        }
        meta.put("tags", tags);
        record.put("meta", meta);
        writer.append(record);
      }
    }
  }

  // ---- JSON Lines and JSON documents

  record Item(String sku, int qty, double price) {}

  record Account(String number, String type) {}

  record User(long id, Account account, String phone, String email, String ssn) {}

  record Payment(String method, String cardNumber, String last4) {}

  record Event(
      String id,
      String ts,
      long tsMillis,
      String type,
      User user,
      List<Item> items,
      Payment payment,
      String ip,
      String userAgent,
      String region,
      int latencyMs,
      String traceId,
      List<String> tags,
      Planted planted) {}

  private static final JsonFactory JSON = new JsonFactory();

  static Event event(long millis, SplittableRandom r, Planter planter) {
    Planted planted = planter.due() ? planter.next() : null;
    String last4 = pad(r.nextInt(10_000), 4);
    String ssn = r.nextInt(3) == 0 ? "***-**-" + pad(r.nextInt(10_000), 4) : null;
    String card = "************" + last4;
    if (planted != null && planted.kind() == Secret.SSN) {
      ssn = planted.value();
    } else if (planted != null && planted.kind() == Secret.CARD) {
      card = planted.value();
    }
    Account account =
        new Account(
            r.nextBoolean() ? "****" + pad(r.nextInt(10_000), 4) : digits(r, 10),
            pick(r, "checking", "savings", "business", "prepaid"));
    User user = new User(r.nextLong(1_000, 99_999_999), account, phone(r), email(r), ssn);
    List<Item> items = new ArrayList<>();
    for (int i = r.nextInt(1, 5); i > 0; i--) {
      items.add(
          new Item(cell(Kind.SKU, millis, r), r.nextInt(1, 10), r.nextInt(99, 250_000) / 100.0));
    }
    Payment payment =
        new Payment(pick(r, "card", "card", "card", "paypal", "invoice"), card, last4);
    List<String> tags = new ArrayList<>();
    for (int t = r.nextInt(3); t > 0; t--) {
      tags.add(pick(r, TAGS));
    }
    return new Event(
        uuid(r),
        ISO.format(Instant.ofEpochMilli(millis)),
        millis,
        pick(
            r,
            "order.created",
            "order.updated",
            "cart.viewed",
            "payment.authorized",
            "refund.issued"),
        user,
        items,
        payment,
        r.nextInt(6) == 0 ? ipv6(r) : ipv4(r),
        pick(r, USER_AGENTS),
        pick(r, "us-east-1", "us-west-2", "eu-west-1"),
        r.nextInt(1, 3_000),
        hex(r, 32),
        tags,
        planted);
  }

  private static void writeEvent(JsonGenerator g, Event e) throws IOException {
    g.writeStartObject();
    g.writeStringField("event_id", e.id());
    g.writeStringField("ts", e.ts());
    g.writeNumberField("ts_ms", e.tsMillis());
    g.writeStringField("type", e.type());
    g.writeObjectFieldStart("user");
    g.writeNumberField("id", e.user().id());
    g.writeObjectFieldStart("account");
    g.writeStringField("number", e.user().account().number());
    g.writeStringField("type", e.user().account().type());
    g.writeEndObject();
    g.writeStringField("phone", e.user().phone());
    g.writeStringField("email", e.user().email());
    if (e.user().ssn() != null) {
      g.writeStringField("ssn", e.user().ssn());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("items");
    for (Item item : e.items()) {
      g.writeStartObject();
      g.writeStringField("sku", item.sku());
      g.writeNumberField("qty", item.qty());
      g.writeNumberField("price", item.price());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("payment");
    g.writeStringField("method", e.payment().method());
    g.writeStringField("card_number", e.payment().cardNumber());
    g.writeStringField("last4", e.payment().last4());
    g.writeEndObject();
    g.writeStringField("ip", e.ip());
    g.writeStringField("user_agent", e.userAgent());
    g.writeObjectFieldStart("meta");
    g.writeStringField("region", e.region());
    g.writeNumberField("latency_ms", e.latencyMs());
    g.writeStringField("trace_id", e.traceId());
    g.writeArrayFieldStart("tags");
    for (String tag : e.tags()) {
      g.writeString(tag);
    }
    g.writeEndArray();
    Planted p = e.planted();
    if (p != null && p.kind() == Secret.AWS_SECRET) {
      g.writeStringField("aws_secret_access_key", p.value());
    } else if (p != null && p.kind() == Secret.AWS_KEY_ID) {
      g.writeStringField("aws_access_key_id", p.value());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeJsonLines(Path file, long target, SplittableRandom r, Planter planter)
      throws IOException {
    long millis = YEAR_2024 + r.nextLong(300L * 86_400_000);
    try (CountingOutputStream out =
            new CountingOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.setRootValueSeparator(null);
      while (out.getByteCount() + g.getOutputBuffered() < target) {
        millis += r.nextInt(1, 3_000);
        writeEvent(g, event(millis, r, planter));
        g.writeRaw('\n');
      }
    }
  }

  private static void writeJsonDocument(
      Path file, long target, boolean pretty, SplittableRandom r, Planter planter)
      throws IOException {
    long millis = YEAR_2024 + r.nextLong(300L * 86_400_000);
    try (CountingOutputStream out =
            new CountingOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      g.writeStartObject();
      g.writeStringField("export", pick(r, "orders", "events", "audit"));
      g.writeStringField("generated_at", ISO.format(Instant.ofEpochMilli(millis)));
      g.writeNumberField("schema_version", r.nextInt(1, 5));
      g.writeArrayFieldStart("records");
      while (out.getByteCount() + g.getOutputBuffered() < target) {
        millis += r.nextInt(1, 3_000);
        writeEvent(g, event(millis, r, planter));
      }
      g.writeEndArray();
      g.writeStringField("next_token", hex(r, 32));
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  // ---- prose

  private static final String[] FIRST = {
    "Maria", "James", "Priya", "Daniel", "Aiko", "Olu", "Sofia", "Tomas", "Linda", "Chen", "Fatima",
    "Robert"
  };
  private static final String[] LAST = {
    "Gonzalez",
    "Smith",
    "Patel",
    "Okafor",
    "Nakamura",
    "Rossi",
    "Kowalski",
    "Brown",
    "Novak",
    "Haddad",
    "Larsen"
  };
  private static final String[] STREETS = {
    "Elm Street",
    "Oak Avenue",
    "Maple Drive",
    "Main Street",
    "Cedar Lane",
    "Lakeview Road",
    "Park Place",
    "Hillcrest Boulevard"
  };
  private static final String[] PRODUCTS = {
    "the billing export",
    "the nightly sync",
    "the checkout page",
    "the mobile app",
    "the warehouse scanner",
    "the reporting dashboard",
    "the search index",
    "the invoice PDF"
  };

  private static final List<Function<SplittableRandom, String>> SENTENCES =
      List.of(
          r -> "Thanks for the quick turnaround on ticket INC-" + r.nextInt(10_000, 99_999) + ".",
          r ->
              "The "
                  + pick(r, "nightly", "weekly", "hourly")
                  + " export finished at "
                  + clock(r)
                  + " and wrote "
                  + r.nextInt(2, 900)
                  + " thousand rows.",
          r ->
              "We saw error rates climb to "
                  + r.nextInt(1, 30)
                  + "."
                  + r.nextInt(10)
                  + "% between "
                  + clock(r)
                  + " and "
                  + clock(r)
                  + " UTC.",
          r ->
              "Can you confirm whether "
                  + pick(r, PRODUCTS)
                  + " still times out after the last deploy?",
          r ->
              "Version "
                  + r.nextInt(1, 6)
                  + "."
                  + r.nextInt(20)
                  + "."
                  + r.nextInt(30)
                  + " went out on "
                  + isoDate(r)
                  + " with the fix.",
          r -> "The customer was charged $" + amount(r) + " twice and has asked for a refund.",
          r ->
              "Action item: "
                  + pick(
                      r,
                      "update the runbook",
                      "rotate the on-call schedule",
                      "close out the stale tickets",
                      "review the retention policy")
                  + " before "
                  + usDate(r)
                  + ".",
          r ->
              "Latency for "
                  + pick(r, PRODUCTS)
                  + " is back under "
                  + r.nextInt(100, 900)
                  + " ms at the 99th percentile.",
          r ->
              "I have attached the logs from order "
                  + r.nextInt(1_000_000, 9_999_999)
                  + " for reference.",
          r -> "Please do not reply to this message; it was sent from an unmonitored address.",
          r ->
              "We agreed to revisit the budget in Q"
                  + r.nextInt(1, 5)
                  + ", once the numbers from the pilot are in.",
          r ->
              "Roughly "
                  + r.nextInt(2, 95)
                  + "% of the affected accounts have already been migrated.",
          r ->
              "The vendor promised a patch by "
                  + pick(r, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
                  + ", but nothing has arrived yet.",
          r ->
              "Disk usage on the build hosts reached "
                  + r.nextInt(70, 99)
                  + "% again, so the cache was cleared.",
          r ->
              "It looks like the retry logic kicked in "
                  + r.nextInt(2, 40)
                  + " times before giving up.",
          r -> "Everyone agreed the new dashboard is easier to read than the old one.",
          r ->
              "The shipment left the warehouse on "
                  + usDate(r)
                  + " and should arrive within "
                  + r.nextInt(2, 9)
                  + " business days.",
          r -> "Let me know if you need anything else from our side.",
          r ->
              "The root cause was a misconfigured timeout of "
                  + r.nextInt(1, 60)
                  + " seconds in the load balancer.",
          r ->
              "We will keep this ticket open for another "
                  + r.nextInt(2, 14)
                  + " days in case the issue comes back.");

  /** A sentence naming a person or giving a postal address: rare, as in real correspondence. */
  private static String nameOrAddress(SplittableRandom r) {
    String name = pick(r, FIRST) + " " + pick(r, LAST);
    String address =
        r.nextInt(1, 9_999)
            + " "
            + pick(r, STREETS)
            + ", "
            + pick(r, TOWNS)
            + " "
            + pad(r.nextInt(501, 99_951), 5);
    return switch (r.nextInt(4)) {
      case 0 -> "I have copied " + name + " from the accounts team.";
      case 1 -> "Please send the replacement to " + address + ".";
      case 2 -> name + " will follow up with the carrier tomorrow.";
      default -> "The return label should be addressed to " + name + ", " + address + ".";
    };
  }

  private static void writeProse(Path file, long target, SplittableRandom r, Planter planter)
      throws IOException {
    try (TextOut out = new TextOut(file)) {
      StringBuilder doc = new StringBuilder(4_096);
      while (out.chars() < target) {
        doc.setLength(0);
        switch (r.nextInt(3)) {
          case 0 ->
              doc.append("Subject: Re: ")
                  .append(pick(r, PRODUCTS))
                  .append(" issue (case ")
                  .append(r.nextInt(100_000, 999_999))
                  .append(")\nFrom: support@example.com\nDate: ")
                  .append(isoDate(r))
                  .append("\n\nHi team,\n\n");
          case 1 ->
              doc.append("Ticket INC-")
                  .append(r.nextInt(10_000, 99_999))
                  .append(" | Priority P")
                  .append(r.nextInt(1, 5))
                  .append(" | Status: ")
                  .append(pick(r, "open", "pending", "resolved"))
                  .append("\n\n");
          default ->
              doc.append("Meeting notes, ")
                  .append(isoDate(r))
                  .append(" (")
                  .append(pick(r, "weekly sync", "incident review", "planning"))
                  .append(")\nAttendees: platform, billing and support teams\n\n");
        }
        for (int p = r.nextInt(2, 6); p > 0; p--) {
          paragraph(doc, r, planter);
        }
        doc.append(
            pick(
                r,
                "Best regards,\nThe support team\n\n",
                "Thanks,\nBilling operations\n\n",
                "-- end of notes --\n\n"));
        out.write(doc);
      }
    }
  }

  /** A paragraph of sentences, wrapped at 76 columns, then a blank line. */
  private static void paragraph(StringBuilder doc, SplittableRandom r, Planter planter) {
    int column = 0;
    for (int s = r.nextInt(2, 7); s > 0; s--) {
      String sentence =
          r.nextInt(280) == 0
              ? nameOrAddress(r)
              : SENTENCES.get(r.nextInt(SENTENCES.size())).apply(r);
      if (planter.due()) {
        sentence += " For the record, " + planter.next().phrase() + ".";
      }
      for (String word : sentence.split(" ")) {
        if (column > 0 && column + 1 + word.length() > 76) {
          doc.append('\n');
          column = 0;
        } else if (column > 0) {
          doc.append(' ');
          column++;
        }
        doc.append(word);
        column += word.length();
      }
    }
    doc.append("\n\n");
  }

  // ---- values

  private static String uuid(SplittableRandom r) {
    String h = hex(r, 32);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-4"
        + h.substring(13, 16)
        + "-"
        + "89ab".charAt(r.nextInt(4))
        + h.substring(17, 20)
        + "-"
        + h.substring(20);
  }

  private static String hex(SplittableRandom r, int length) {
    return chars(r, length, "0123456789abcdef");
  }

  private static String digits(SplittableRandom r, int length) {
    return chars(r, length, "0123456789");
  }

  private static String chars(SplittableRandom r, int length, String alphabet) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet.charAt(r.nextInt(alphabet.length()));
    }
    return new String(out);
  }

  private static String ipv4(SplittableRandom r) {
    return switch (r.nextInt(3)) {
      case 0 -> "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
      case 1 -> "172." + r.nextInt(16, 32) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
      default ->
          r.nextInt(1, 224) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    };
  }

  /**
   * A global or link-local IPv6 address, in full (eight groups) or with a run of zero groups as
   * {@code ::}.
   */
  private static String ipv6(SplittableRandom r) {
    StringBuilder sb =
        new StringBuilder(pick(r, "2001:db8", "2001:db8", "2600:1f18", "2a05:d018", "fe80:0"));
    boolean full = r.nextBoolean();
    if (!full) {
      sb.append(':');
    }
    for (int i = full ? 6 : r.nextInt(1, 5); i > 0; i--) {
      sb.append(':').append(Integer.toHexString(r.nextInt(0x10000)));
    }
    return sb.toString();
  }

  private static String phone(SplittableRandom r) {
    String area = Integer.toString(r.nextInt(201, 990));
    String exchange = r.nextBoolean() ? "555" : Integer.toString(r.nextInt(200, 1_000));
    String line = pad(r.nextInt(10_000), 4);
    return switch (r.nextInt(5)) {
      case 0 -> "+1 " + area + " " + exchange + " " + line;
      case 1 -> "(" + area + ") " + exchange + "-" + line;
      case 2 -> area + "-" + exchange + "-" + line;
      case 3 -> "+44 20 7946 " + pad(r.nextInt(10_000), 4);
      default -> area + "." + exchange + "." + line;
    };
  }

  private static String email(SplittableRandom r) {
    return pick(r, "jdoe", "orders", "billing", "m.lee", "customer", "a.k", "info", "sales")
        + r.nextInt(1, 9_999)
        + "@"
        + pick(r, "example.com", "example.org", "mail.example.net", "corp.example.com");
  }

  private static String amount(SplittableRandom r) {
    int cents = r.nextInt(10) == 0 ? r.nextInt(100_000, 10_000_000) : r.nextInt(50, 50_000);
    return cents / 100 + "." + pad(cents % 100, 2);
  }

  private static String isoDate(SplittableRandom r) {
    return LocalDate.ofEpochDay(r.nextInt(17_900, 20_200)).toString(); // 2019 to 2025
  }

  private static String usDate(SplittableRandom r) {
    LocalDate d = LocalDate.ofEpochDay(r.nextInt(17_900, 20_200));
    return pad(d.getMonthValue(), 2) + "/" + pad(d.getDayOfMonth(), 2) + "/" + d.getYear();
  }

  private static String clock(SplittableRandom r) {
    return pad(r.nextInt(24), 2) + ":" + pad(r.nextInt(60), 2);
  }

  private static String pad(int value, int width) {
    String s = Integer.toString(value);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  @SafeVarargs
  private static <T> T pick(SplittableRandom r, T... options) {
    return options[r.nextInt(options.length)];
  }

  private static int pick(SplittableRandom r, int[] options) {
    return options[r.nextInt(options.length)];
  }

  private static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  // ---- output

  /** A UTF-8 text file and the characters written to it (the text is ASCII: bytes, near enough). */
  private static final class TextOut implements Closeable {
    private final BufferedWriter writer;
    private long chars;

    TextOut(Path file) throws IOException {
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    void write(CharSequence text) throws IOException {
      writer.append(text);
      chars += text.length();
    }

    long chars() {
      return chars;
    }

    @Override
    public void close() throws IOException {
      writer.close();
    }
  }
}
