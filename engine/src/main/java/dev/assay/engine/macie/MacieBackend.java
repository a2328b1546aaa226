package dev.assay.engine.macie;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.report.Finding;
import dev.assay.engine.source.s3.S3Settings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.macie2.model.AccessDeniedException;
import software.amazon.awssdk.services.macie2.model.AllowListSummary;
import software.amazon.awssdk.services.macie2.model.BucketCriteriaAdditionalProperties;
import software.amazon.awssdk.services.macie2.model.BucketMetadata;
import software.amazon.awssdk.services.macie2.model.CreateAllowListRequest;
import software.amazon.awssdk.services.macie2.model.CreateClassificationJobRequest;
import software.amazon.awssdk.services.macie2.model.CreateCustomDataIdentifierRequest;
import software.amazon.awssdk.services.macie2.model.CriterionAdditionalProperties;
import software.amazon.awssdk.services.macie2.model.CustomDataIdentifierSummary;
import software.amazon.awssdk.services.macie2.model.DescribeClassificationJobResponse;
import software.amazon.awssdk.services.macie2.model.GetAllowListResponse;
import software.amazon.awssdk.services.macie2.model.GetCustomDataIdentifierResponse;
import software.amazon.awssdk.services.macie2.model.JobStatus;
import software.amazon.awssdk.services.macie2.model.ListFindingsResponse;
import software.amazon.awssdk.services.macie2.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.macie2.model.ThrottlingException;
import software.amazon.awssdk.services.macie2.model.ValidationException;

/**
 * Runs a scan as an Amazon Macie classification job: creates (or reuses, by name) the custom data
 * identifiers and allow lists, creates a ONE_TIME job with the request's scope, follows it to
 * COMPLETE, and reads back the job's findings in the engine's {@link Finding} shape, so that every
 * writer reports Macie's findings as it reports the local engine's.
 *
 * <p>Requests that Macie throttles are retried with backoff (the SDK's standard strategy, with more
 * attempts). Not thread-safe: one run at a time; {@link #close} closes the client it owns.
 */
public final class MacieBackend implements AutoCloseable {
  /** Macie's quotas for one job (per job): custom data identifiers and allow lists. */
  static final int MAX_CUSTOM_IDENTIFIERS = 30;

  static final int MAX_ALLOW_LISTS = 10;

  /** GetFindings takes at most 50 ids a call. */
  static final int GET_FINDINGS_BATCH = 50;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Macie2Client macie;
  private final String where;
  private final Duration firstPoll;
  private final Duration maxPoll;

  MacieBackend(Macie2Client macie, String where, Duration firstPoll, Duration maxPoll) {
    this.macie = macie;
    this.where = where;
    this.firstPoll = firstPoll;
    this.maxPoll = maxPoll;
  }

  /**
   * A backend for the Macie that {@code settings} reach: its endpoint (null for Amazon Macie in the
   * settings' region), region, profile or keys. Makes no request.
   */
  // The Apache 4 client is deprecated in favour of Apache 5, which the SDK's macie2 2.40.2
  // predates; the URL-connection client cannot send PATCH (UpdateClassificationJob).
  @SuppressWarnings("deprecation")
  public static MacieBackend connect(S3Settings settings) {
    var builder =
        Macie2Client.builder()
            .httpClientBuilder(
                ApacheHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(60)))
            .region(settings.resolvedRegion())
            .credentialsProvider(settings.credentialsProvider())
            .overrideConfiguration(
                o ->
                    o.retryStrategy(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(8)
                            .build()));
    URI endpoint = settings.endpoint();
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    String where =
        endpoint != null
            ? endpoint.toString()
            : "Amazon Macie in " + settings.resolvedRegion().id();
    return new MacieBackend(builder.build(), where, Duration.ofMillis(250), Duration.ofSeconds(15));
  }

  /**
   * What a run gave.
   *
   * @param jobId the job's id
   * @param jobArn the job's ARN
   * @param findings the job's findings (not archived), sorted by bucket then key
   * @param elapsed from the first request to the last finding read
   */
  public record Run(String jobId, String jobArn, List<Finding> findings, Duration elapsed) {
    public Run {
      findings = List.copyOf(findings);
    }
  }

  /**
   * Runs {@code request} on Macie and waits for the job to finish.
   *
   * @param progress receives progress and warnings, a line each (for standard error)
   * @throws MacieException when Macie refuses a request or the job ends other than COMPLETE; the
   *     message says which and what to do
   */
  public Run run(MacieRequest request, Consumer<String> progress) throws MacieException {
    long start = System.nanoTime();
    if (request.customDataIdentifiers().size() > MAX_CUSTOM_IDENTIFIERS) {
      throw new MacieException(
          "a Macie job can use at most "
              + MAX_CUSTOM_IDENTIFIERS
              + " custom data identifiers; "
              + request.customDataIdentifiers().size()
              + " were given",
          false);
    }
    if (request.allowLists().size() > MAX_ALLOW_LISTS) {
      throw new MacieException(
          "a Macie job can use at most "
              + MAX_ALLOW_LISTS
              + " allow lists; "
              + request.allowLists().size()
              + " were given",
          false);
    }
    List<String> createdIdentifiers = new ArrayList<>();
    List<String> createdAllowLists = new ArrayList<>();
    String jobId = null;
    boolean finished = false;
    try {
      List<String> identifierIds =
          call(
              "ListCustomDataIdentifiers",
              () ->
                  customIdentifiers(request.customDataIdentifiers(), createdIdentifiers, progress));
      List<String> allowListIds =
          call(
              "ListAllowLists",
              () -> allowLists(request.allowLists(), createdAllowLists, progress));
      String account =
          request.accountId() != null
              ? request.accountId()
              : call("DescribeBuckets", () -> accountOf(request));
      ObjectNode body = jobBody(request, account, identifierIds, allowListIds);
      CreateClassificationJobRequest.Builder create = CreateClassificationJobRequest.builder();
      List<String> unknown = SdkJson.fill(create, body);
      if (!unknown.isEmpty()) {
        progress.accept(
            "warning: "
                + request.jobFile()
                + ": not sent to Macie (not in this SDK's model): "
                + unknown);
      }
      var created =
          call("CreateClassificationJob", () -> macie.createClassificationJob(create.build()));
      jobId = created.jobId();
      progress.accept(
          "macie2: created job " + jobId + " (" + body.path("name").asText() + ") on " + where);
      await(jobId, progress);
      List<Finding> findings = call("ListFindings", () -> findings(created.jobId(), progress));
      finished = true;
      return new Run(
          jobId, created.jobArn(), findings, Duration.ofNanos(System.nanoTime() - start));
    } finally {
      if (request.cleanup()) {
        cleanup(finished ? null : jobId, createdIdentifiers, createdAllowLists, progress);
      }
    }
  }

  /**
   * The Macie ids of the request's custom data identifiers: existing ones of the same name, else
   * new ones.
   */
  private List<String> customIdentifiers(
      List<MacieRequest.Body> bodies, List<String> created, Consumer<String> progress) {
    if (bodies.isEmpty()) {
      return List.of();
    }
    Map<String, String> existing = new HashMap<>();
    for (CustomDataIdentifierSummary s :
        macie.listCustomDataIdentifiersPaginator(r -> r.maxResults(500)).items()) {
      existing.putIfAbsent(s.name(), s.id());
    }
    List<String> ids = new ArrayList<>();
    for (MacieRequest.Body b : bodies) {
      String id = existing.get(b.name());
      if (id != null) {
        GetCustomDataIdentifierResponse old =
            call(
                "GetCustomDataIdentifier",
                () -> macie.getCustomDataIdentifier(r -> r.id(existing.get(b.name()))));
        String difference = identifierDifference(b.json(), SdkJson.toJson(old));
        if (difference != null) {
          progress.accept(
              "warning: "
                  + b.file()
                  + ": Macie already has a custom data identifier named '"
                  + b.name()
                  + "' ("
                  + id
                  + ") whose "
                  + difference
                  + " differs; Macie's is used (identifiers cannot be changed: rename this one to use it)");
        } else {
          progress.accept("macie2: reusing custom data identifier '" + b.name() + "' (" + id + ")");
        }
      } else {
        CreateCustomDataIdentifierRequest.Builder create =
            CreateCustomDataIdentifierRequest.builder();
        SdkJson.fill(create, b.json());
        create.clientToken(UUID.randomUUID().toString());
        id =
            call(
                    "CreateCustomDataIdentifier",
                    () -> macie.createCustomDataIdentifier(create.build()))
                .customDataIdentifierId();
        created.add(id);
        existing.put(b.name(), id);
        progress.accept("macie2: created custom data identifier '" + b.name() + "' (" + id + ")");
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * The first member of a CreateCustomDataIdentifier body that Macie's identifier does not share,
   * or null.
   */
  static String identifierDifference(JsonNode wanted, JsonNode existing) {
    if (!wanted.path("regex").asText().equals(existing.path("regex").asText())) {
      return "regex";
    }
    for (String list : List.of("keywords", "ignoreWords")) {
      if (!strings(wanted.path(list)).equals(strings(existing.path(list)))) {
        return list;
      }
    }
    if (wanted.path("maximumMatchDistance").asInt(50)
        != existing.path("maximumMatchDistance").asInt(50)) {
      return "maximumMatchDistance";
    }
    if (wanted.hasNonNull("severityLevels")
        && !levels(wanted.get("severityLevels")).equals(levels(existing.path("severityLevels")))) {
      return "severityLevels";
    }
    return null;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Set<String> levels(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(
        v -> out.add(v.path("occurrencesThreshold").asLong() + ":" + v.path("severity").asText()));
    return out;
  }

  /** The Macie ids of the request's allow lists: existing ones of the same name, else new ones. */
  private List<String> allowLists(
      List<MacieRequest.Body> bodies, List<String> created, Consumer<String> progress) {
    if (bodies.isEmpty()) {
      return List.of();
    }
    Map<String, String> existing = new HashMap<>();
    for (AllowListSummary s : macie.listAllowListsPaginator(r -> r.maxResults(25)).allowLists()) {
      existing.putIfAbsent(s.name(), s.id());
    }
    List<String> ids = new ArrayList<>();
    for (MacieRequest.Body b : bodies) {
      String id = existing.get(b.name());
      if (id != null) {
        GetAllowListResponse old =
            call("GetAllowList", () -> macie.getAllowList(r -> r.id(existing.get(b.name()))));
        JsonNode oldCriteria = SdkJson.toJson(old).path("criteria");
        if (!oldCriteria.equals(b.json().path("criteria"))) {
          progress.accept(
              "warning: "
                  + b.file()
                  + ": Macie already has an allow list named '"
                  + b.name()
                  + "' ("
                  + id
                  + ") with other criteria ("
                  + oldCriteria
                  + "); Macie's is used");
        } else {
          progress.accept("macie2: reusing allow list '" + b.name() + "' (" + id + ")");
        }
      } else {
        CreateAllowListRequest.Builder create = CreateAllowListRequest.builder();
        SdkJson.fill(create, b.json());
        create.clientToken(UUID.randomUUID().toString());
        id = call("CreateAllowList", () -> macie.createAllowList(create.build())).id();
        created.add(id);
        existing.put(b.name(), id);
        progress.accept("macie2: created allow list '" + b.name() + "' (" + id + ")");
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** The account of the first target's bucket, from Macie's bucket inventory. */
  private String accountOf(MacieRequest request) {
    String bucket = request.targets().isEmpty() ? null : request.targets().get(0).bucket();
    if (bucket == null) {
      return null;
    }
    List<BucketMetadata> found =
        macie
            .describeBuckets(
                r ->
                    r.criteria(
                        Map.of(
                            "bucketName",
                            BucketCriteriaAdditionalProperties.builder().eq(bucket).build())))
            .buckets();
    if (found.isEmpty()) {
      throw new MacieException(
          "bucket "
              + bucket
              + " is not in Macie's S3 inventory at "
              + where
              + " (DescribeBuckets found no such bucket); "
              + "check the bucket's Region and account, or give --account-id",
          false);
    }
    return found.get(0).accountId();
  }

  /**
   * The CreateClassificationJob body: the request's job (or a new one) as a ONE_TIME job, with the
   * targets' buckets and prefixes, the selector, and the Macie ids of the identifiers and allow
   * lists.
   */
  static ObjectNode jobBody(
      MacieRequest request, String account, List<String> identifierIds, List<String> allowListIds) {
    ObjectNode body = request.job() != null ? request.job().deepCopy() : MAPPER.createObjectNode();
    if (!body.hasNonNull("name")) {
      body.put(
          "name",
          "assay scan "
              + String.join(
                  " ",
                  request.targets().stream()
                      .map(t -> "s3://" + t.bucket() + "/" + t.prefix())
                      .toList()));
    }
    if (body.path("name").asText().length() > 500) {
      body.put("name", body.path("name").asText().substring(0, 500));
    }
    // Macie runs a ONE_TIME job once, now; a scheduled job's schedule has no meaning for one scan.
    body.put("jobType", "ONE_TIME");
    body.remove(List.of("scheduleFrequency", "initialRun", "clientToken"));
    if (!body.has("samplingPercentage")) {
      body.put("samplingPercentage", 100);
    }
    if (!request.targets().isEmpty()) {
      ObjectNode definition = body.withObjectProperty("s3JobDefinition");
      definition.remove("bucketCriteria");
      ArrayNode definitions = definition.putArray("bucketDefinitions");
      ObjectNode forAccount = definitions.addObject();
      if (account == null) {
        throw new MacieException("the targets' account is unknown: give --account-id", false);
      }
      forAccount.put("accountId", account);
      ArrayNode buckets = forAccount.putArray("buckets");
      Map<String, Set<String>> prefixes = new LinkedHashMap<>();
      for (MacieRequest.Target t : request.targets()) {
        prefixes.computeIfAbsent(t.bucket(), b -> new LinkedHashSet<>()).add(t.prefix());
      }
      prefixes.keySet().forEach(buckets::add);
      Set<String> keyPrefixes = null;
      for (Map.Entry<String, Set<String>> e : prefixes.entrySet()) {
        Set<String> these = e.getValue().contains("") ? Set.of() : e.getValue();
        if (keyPrefixes != null && !keyPrefixes.equals(these)) {
          // A job's scoping applies to all of its buckets alike.
          throw new MacieException(
              "a Macie job scopes all its buckets with the same key prefixes; the targets give different prefixes for different buckets "
                  + "(run one scan per bucket)",
              false);
        }
        keyPrefixes = these;
      }
      if (keyPrefixes != null && !keyPrefixes.isEmpty()) {
        ObjectNode term = MAPPER.createObjectNode();
        ObjectNode simple = term.putObject("simpleScopeTerm");
        simple.put("comparator", "STARTS_WITH");
        simple.put("key", "OBJECT_KEY");
        ArrayNode values = simple.putArray("values");
        keyPrefixes.forEach(values::add);
        ObjectNode includes =
            definition.withObjectProperty("scoping").withObjectProperty("includes");
        includes.withArray("and").add(term);
      }
    }
    if (!body.hasNonNull("managedDataIdentifierSelector")
        && request.managedDataIdentifierSelector() != null) {
      body.put("managedDataIdentifierSelector", request.managedDataIdentifierSelector());
      if (!request.managedDataIdentifierIds().isEmpty()) {
        ArrayNode ids = body.putArray("managedDataIdentifierIds");
        request.managedDataIdentifierIds().forEach(ids::add);
      }
    }
    body.remove("customDataIdentifierIds");
    body.remove("allowListIds");
    if (!identifierIds.isEmpty()) {
      ArrayNode ids = body.putArray("customDataIdentifierIds");
      identifierIds.forEach(ids::add);
    }
    if (!allowListIds.isEmpty()) {
      ArrayNode ids = body.putArray("allowListIds");
      allowListIds.forEach(ids::add);
    }
    body.put("clientToken", UUID.randomUUID().toString());
    return body;
  }

  /** Polls the job until it is COMPLETE, printing its status as it changes (and every 30 s). */
  private void await(String jobId, Consumer<String> progress) {
    Duration wait = firstPoll;
    String last = null;
    long lastPrinted = System.nanoTime();
    while (true) {
      DescribeClassificationJobResponse job =
          call(
              "DescribeClassificationJob",
              () -> macie.describeClassificationJob(r -> r.jobId(jobId)));
      JobStatus status = job.jobStatus();
      String line =
          "macie2: job "
              + jobId
              + " "
              + job.jobStatusAsString()
              + (status == JobStatus.RUNNING
                      && job.statistics() != null
                      && job.statistics().approximateNumberOfObjectsToProcess() != null
                      && job.statistics().approximateNumberOfObjectsToProcess() > 0
                  ? ", about "
                      + job.statistics().approximateNumberOfObjectsToProcess().longValue()
                      + " object(s) to process"
                  : "");
      if (!line.equals(last) || System.nanoTime() - lastPrinted > 30_000_000_000L) {
        progress.accept(line);
        last = line;
        lastPrinted = System.nanoTime();
      }
      if (status == JobStatus.COMPLETE) {
        return;
      }
      if (status == JobStatus.CANCELLED) {
        throw new MacieException(
            "Macie job "
                + jobId
                + " ended CANCELLED"
                + reason(job)
                + "; its findings are not reported",
            true);
      }
      if (status == JobStatus.USER_PAUSED) {
        throw new MacieException(
            "Macie job "
                + jobId
                + " was paused (USER_PAUSED); resume it (aws macie2 update-classification-job --job-id "
                + jobId
                + " --job-status RUNNING) or cancel it, then scan again",
            true);
      }
      if (status == JobStatus.PAUSED) {
        throw new MacieException(
            "Macie paused job "
                + jobId
                + " (PAUSED: the account's monthly sensitive data discovery quota is reached)"
                + reason(job),
            true);
      }
      sleep(wait);
      wait = wait.multipliedBy(3).dividedBy(2);
      if (wait.compareTo(maxPoll) > 0) {
        wait = maxPoll;
      }
    }
  }

  private static String reason(DescribeClassificationJobResponse job) {
    return job.userPausedDetails() != null
            && job.userPausedDetails().jobImminentExpirationHealthEventArn() != null
        ? " (" + job.userPausedDetails().jobImminentExpirationHealthEventArn() + ")"
        : "";
  }

  /**
   * The job's findings that are not archived. Macie publishes findings shortly after it classifies
   * an object, so the list is read again after a wait until two readings agree.
   */
  private List<Finding> findings(String jobId, Consumer<String> progress) {
    List<String> ids = findingIds(jobId);
    for (int i = 0; i < 20; i++) {
      sleep(firstPoll);
      List<String> again = findingIds(jobId);
      if (again.size() == ids.size()) {
        break;
      }
      ids = again;
    }
    List<Finding> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i += GET_FINDINGS_BATCH) {
      List<String> batch = ids.subList(i, Math.min(ids.size(), i + GET_FINDINGS_BATCH));
      for (var f :
          call("GetFindings", () -> macie.getFindings(r -> r.findingIds(batch))).findings()) {
        out.add(MAPPER.convertValue(SdkJson.toJson(f), Finding.class));
      }
    }
    progress.accept("macie2: job " + jobId + ": " + out.size() + " finding(s)");
    out.sort(Comparator.comparing(MacieBackend::bucketOf).thenComparing(MacieBackend::keyOf));
    return out;
  }

  private List<String> findingIds(String jobId) {
    Map<String, CriterionAdditionalProperties> criteria =
        Map.of(
            "classificationDetails.jobId",
                CriterionAdditionalProperties.builder().eq(jobId).build(),
            "archived", CriterionAdditionalProperties.builder().eq("false").build());
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListFindingsResponse page =
          call(
              "ListFindings",
              () ->
                  macie.listFindings(
                      r ->
                          r.findingCriteria(c -> c.criterion(criteria))
                              .maxResults(50)
                              .nextToken(next)));
      ids.addAll(page.findingIds());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return ids;
  }

  static String bucketOf(Finding f) {
    return f.resourcesAffected() == null || f.resourcesAffected().s3Bucket() == null
        ? ""
        : Objects.toString(f.resourcesAffected().s3Bucket().name(), "");
  }

  static String keyOf(Finding f) {
    return f.resourcesAffected() == null || f.resourcesAffected().s3Object() == null
        ? ""
        : Objects.toString(f.resourcesAffected().s3Object().key(), "");
  }

  private void cleanup(
      String runningJob,
      List<String> identifiers,
      List<String> allowLists,
      Consumer<String> progress) {
    if (runningJob != null) {
      try {
        JobStatus status = macie.describeClassificationJob(r -> r.jobId(runningJob)).jobStatus();
        if (status == JobStatus.RUNNING
            || status == JobStatus.USER_PAUSED
            || status == JobStatus.PAUSED
            || status == JobStatus.IDLE) {
          macie.updateClassificationJob(r -> r.jobId(runningJob).jobStatus(JobStatus.CANCELLED));
          progress.accept("macie2: cancelled job " + runningJob);
        }
      } catch (SdkException e) {
        progress.accept("warning: could not cancel job " + runningJob + ": " + e.getMessage());
      }
    }
    for (String id : allowLists) {
      try {
        macie.deleteAllowList(r -> r.id(id).ignoreJobChecks("true"));
        progress.accept("macie2: deleted allow list " + id);
      } catch (SdkException e) {
        progress.accept("warning: could not delete allow list " + id + ": " + e.getMessage());
      }
    }
    for (String id : identifiers) {
      try {
        macie.deleteCustomDataIdentifier(r -> r.id(id));
        progress.accept("macie2: deleted custom data identifier " + id);
      } catch (SdkException e) {
        progress.accept(
            "warning: could not delete custom data identifier " + id + ": " + e.getMessage());
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MacieException("interrupted while waiting for Macie", true);
    }
  }

  /** Runs one Macie call; its SDK errors become messages that say what to do. */
  private <T> T call(String operation, Supplier<T> request) {
    try {
      return request.get();
    } catch (AccessDeniedException e) {
      String message =
          e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
      if (message != null && message.toLowerCase(Locale.ROOT).contains("not enabled")) {
        throw new MacieException(
            "Macie is not enabled for this account in this Region ("
                + where
                + "): enable it (aws macie2 enable-macie) and scan again",
            false);
      }
      throw new MacieException("Macie denied " + operation + " (" + where + "): " + message, false);
    } catch (ThrottlingException e) {
      throw new MacieException(
          "Macie kept throttling " + operation + " after retries with backoff: " + detail(e),
          false);
    } catch (ServiceQuotaExceededException e) {
      throw new MacieException("a Macie quota stops " + operation + ": " + detail(e), false);
    } catch (ValidationException e) {
      throw new MacieException("Macie rejected " + operation + ": " + detail(e), false);
    } catch (AwsServiceException e) {
      throw new MacieException(
          "Macie failed " + operation + " (HTTP " + e.statusCode() + "): " + detail(e), false);
    } catch (SdkClientException e) {
      throw new MacieException(
          "cannot reach Macie at " + where + " (" + operation + "): " + e.getMessage(), false);
    }
  }

  private static String detail(AwsServiceException e) {
    return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
        ? e.awsErrorDetails().errorMessage()
        : e.getMessage();
  }

  @Override
  public void close() {
    macie.close();
  }
}
