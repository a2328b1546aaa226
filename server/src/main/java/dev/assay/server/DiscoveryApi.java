package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.discovery.Discovery;
import dev.assay.engine.discovery.SensitivityScore;
import dev.assay.engine.source.LocalSource;
import dev.assay.engine.source.ObjectScope;
import dev.assay.engine.source.ObjectSource;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The operations on what automated sensitive data discovery found, and on its settings: bucket
 * inventory (DescribeBuckets, GetBucketStatistics, SearchResources), resource profiles (scores,
 * detections, artifacts, override and suppression), the sensitivity inspection template and the
 * classification scope. Shapes and limits follow the Macie2 API model. Thread-safe: state is in the
 * {@link Store} and the discovery state directory.
 */
final class DiscoveryApi {
  private static final Set<String> MANAGED_IDS = new HashSet<>();

  static {
    ManagedCatalog.all().forEach(m -> MANAGED_IDS.add(m.id()));
  }

  private final Store store;
  private final ServerConfig config;
  private final AutomatedDiscovery discovery;
  private final Jobs jobs;

  DiscoveryApi(Store store, ServerConfig config, AutomatedDiscovery discovery, Jobs jobs) {
    this.store = store;
    this.config = config;
    this.discovery = discovery;
    this.jobs = jobs;
  }

  JsonNode handle(Call c) {
    return switch (c.operation()) {
      case "DescribeBuckets" -> describeBuckets(c);
      case "GetBucketStatistics" -> bucketStatistics(c);
      case "SearchResources" -> searchResources(c);
      case "GetResourceProfile" -> resourceProfile(c);
      case "UpdateResourceProfile" -> updateResourceProfile(c);
      case "ListResourceProfileDetections" -> detections(c);
      case "UpdateResourceProfileDetections" -> updateDetections(c);
      case "ListResourceProfileArtifacts" -> artifacts(c);
      case "GetSensitivityInspectionTemplate" -> template(c.label("id"));
      case "UpdateSensitivityInspectionTemplate" -> updateTemplate(c);
      case "ListSensitivityInspectionTemplates" -> listTemplates();
      case "GetClassificationScope" -> scope(c.label("id"));
      case "UpdateClassificationScope" -> updateScope(c);
      case "ListClassificationScopes" -> listScopes(c);
      default -> throw ApiException.internal("no handler for " + c.operation());
    };
  }

  static boolean handles(String operation) {
    return Set.of(
            "DescribeBuckets",
            "GetBucketStatistics",
            "SearchResources",
            "GetResourceProfile",
            "UpdateResourceProfile",
            "ListResourceProfileDetections",
            "UpdateResourceProfileDetections",
            "ListResourceProfileArtifacts",
            "GetSensitivityInspectionTemplate",
            "UpdateSensitivityInspectionTemplate",
            "ListSensitivityInspectionTemplates",
            "GetClassificationScope",
            "UpdateClassificationScope",
            "ListClassificationScopes")
        .contains(operation);
  }

  // ---------------------------------------------------------------- buckets

  /** Every known bucket's metadata, in bucket name order. */
  private List<ObjectNode> bucketMetadata() {
    Set<String> excluded = discovery.excludedBuckets();
    Map<String, ObjectNode> lastJob = lastJobs();
    List<ObjectNode> out = new ArrayList<>();
    for (String bucket : discovery.buckets()) {
      out.add(metadata(bucket, excluded.contains(bucket), lastJob.get(bucket)));
    }
    return out;
  }

  private ObjectNode metadata(String bucket, boolean excluded, ObjectNode lastJob) {
    ObjectNode profile = discovery.profile(bucket);
    Optional<Discovery.BucketReport> report = discovery.report(bucket, profile);
    long[] inventory = report.isPresent() ? inventoryOf(report.get()) : inventory(bucket);
    ObjectNode b = MacieApi.object();
    b.put("accountId", config.accountId());
    b.put("allowsUnencryptedObjectUploads", "UNKNOWN");
    b.put("automatedDiscoveryMonitoringStatus", excluded ? "NOT_MONITORED" : "MONITORED");
    b.put("bucketArn", bucketArn(bucket));
    b.put("bucketName", bucket);
    b.put("classifiableObjectCount", inventory[2]);
    b.put("classifiableSizeInBytes", inventory[3]);
    if (profile.has("errorCode")) {
      b.put("errorCode", profile.get("errorCode").asText());
      b.put("errorMessage", profile.path("errorMessage").asText());
    }
    ObjectNode job = b.putObject("jobDetails");
    job.put("isDefinedInJob", lastJob == null ? "FALSE" : "TRUE");
    job.put(
        "isMonitoredByJob",
        lastJob != null && lastJob.path("monitored").asBoolean() ? "TRUE" : "FALSE");
    if (lastJob != null) {
      job.put("lastJobId", lastJob.path("jobId").asText());
      if (lastJob.hasNonNull("lastRunTime")) {
        job.put("lastJobRunTime", lastJob.get("lastRunTime").asText());
      }
    }
    if (profile.hasNonNull("lastAutomatedDiscoveryTime")) {
      b.put("lastAutomatedDiscoveryTime", profile.get("lastAutomatedDiscoveryTime").asText());
    }
    b.put("lastUpdated", MacieApi.now());
    b.put("objectCount", inventory[0]);
    // Encryption, public access and sharing are not read from the buckets: reported as unknown.
    b.putObject("objectCountByEncryptionType")
        .put("customerManaged", 0)
        .put("kmsManaged", 0)
        .put("s3Managed", 0)
        .put("unencrypted", 0)
        .put("unknown", inventory[0]);
    b.putObject("publicAccess").put("effectivePermission", "UNKNOWN");
    b.put("region", config.region());
    b.putObject("replicationDetails")
        .put("replicated", false)
        .put("replicatedExternally", false)
        .putArray("replicationAccounts");
    b.put("sensitivityScore", score(profile, report).score());
    b.putObject("serverSideEncryption").put("type", "NONE");
    b.put("sharedAccess", "UNKNOWN");
    b.put("sizeInBytes", inventory[1]);
    b.put("sizeInBytesCompressed", 0);
    b.putArray("tags");
    b.putObject("unclassifiableObjectCount")
        .put("fileType", inventory[0] - inventory[2])
        .put("storageClass", 0)
        .put("total", inventory[0] - inventory[2]);
    b.putObject("unclassifiableObjectSizeInBytes")
        .put("fileType", inventory[1] - inventory[3])
        .put("storageClass", 0)
        .put("total", inventory[1] - inventory[3]);
    b.put("versioning", false);
    return b;
  }

  /** objects, bytes, classifiable objects, classifiable bytes. */
  private static long[] inventoryOf(Discovery.BucketReport r) {
    return new long[] {r.totalObjects(), r.totalBytes(), r.objects(), r.bytes()};
  }

  /** The inventory of a bucket discovery has not analysed yet, by listing it. */
  private long[] inventory(String bucket) {
    long[] out = new long[4];
    try {
      Path local = config.buckets().get(bucket);
      ObjectSource source =
          local != null
              ? LocalSource.of(local, bucket)
              : jobs.s3().bucket(bucket, "", ObjectScope.ALL);
      source.enumerate(
          o -> {
            out[0]++;
            out[1] += Math.max(0, o.size());
            if (Discovery.canAnalyse(o)) {
              out[2]++;
              out[3] += o.size();
            }
          });
    } catch (IOException | RuntimeException e) {
      // unreadable: counts stay 0, the profile's error says why once discovery has tried
    }
    return out;
  }

  /**
   * For each bucket a job names: the job that last ran on it (or was created last), and whether a
   * scheduled job monitors it.
   */
  private Map<String, ObjectNode> lastJobs() {
    Map<String, ObjectNode> out = new TreeMap<>();
    List<ObjectNode> jobList = store.resources(MacieApi.JOB);
    jobList.sort(
        Comparator.comparing(
            (ObjectNode j) -> j.path("lastRunTime").asText(j.path("createdAt").asText())));
    for (ObjectNode job : jobList) {
      boolean monitored =
          "SCHEDULED".equals(job.path("jobType").asText())
              && !"CANCELLED".equals(job.path("jobStatus").asText());
      for (JsonNode def : job.at("/s3JobDefinition/bucketDefinitions")) {
        for (JsonNode name : def.path("buckets")) {
          ObjectNode previous = out.get(name.asText());
          boolean wasMonitored = previous != null && previous.path("monitored").asBoolean();
          ObjectNode entry =
              MacieApi.object()
                  .put("jobId", job.path("jobId").asText())
                  .put("monitored", monitored || wasMonitored);
          if (job.hasNonNull("lastRunTime")) {
            entry.put("lastRunTime", job.get("lastRunTime").asText());
          }
          out.put(name.asText(), entry);
        }
      }
    }
    return out;
  }

  private JsonNode describeBuckets(Call c) {
    JsonNode criteria = c.body().path("criteria");
    List<ObjectNode> buckets = new ArrayList<>();
    for (ObjectNode b : bucketMetadata()) {
      if (matches(b, criteria)) {
        buckets.add(b);
      }
    }
    JsonNode sort = c.body().path("sortCriteria");
    if (sort.hasNonNull("attributeName")) {
      String attribute = sort.get("attributeName").asText();
      Comparator<ObjectNode> order =
          Comparator.comparing(b -> attributeOf(b, attribute), DiscoveryApi::compareValues);
      buckets.sort("DESC".equals(sort.path("orderBy").asText("ASC")) ? order.reversed() : order);
    }
    return page(c, buckets, "buckets", 50, 1000);
  }

  /**
   * BucketCriteria: every condition (eq, neq, gt, gte, lt, lte, prefix) on every attribute holds.
   */
  static boolean matches(ObjectNode bucket, JsonNode criteria) {
    for (Iterator<Map.Entry<String, JsonNode>> it = criteria.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode value = attributeOf(bucket, e.getKey());
      JsonNode c = e.getValue();
      if (c.has("eq") && !anyEqual(value, c.get("eq"))) {
        return false;
      }
      if (c.has("neq") && anyEqual(value, c.get("neq"))) {
        return false;
      }
      for (String op : List.of("gt", "gte", "lt", "lte")) {
        if (c.hasNonNull(op)) {
          if (value == null || !value.isNumber()) {
            return false;
          }
          int cmp = Long.compare(value.asLong(), c.get(op).asLong());
          boolean ok =
              switch (op) {
                case "gt" -> cmp > 0;
                case "gte" -> cmp >= 0;
                case "lt" -> cmp < 0;
                default -> cmp <= 0;
              };
          if (!ok) {
            return false;
          }
        }
      }
      if (c.hasNonNull("prefix")
          && (value == null || !value.asText().startsWith(c.get("prefix").asText()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyEqual(JsonNode value, JsonNode wanted) {
    if (value == null) {
      return false;
    }
    for (JsonNode w : wanted) {
      if (value.asText().equals(w.asText())) {
        return true;
      }
    }
    return false;
  }

  /** A dotted attribute of a bucket's metadata ({@code jobDetails.isDefinedInJob}), or null. */
  private static JsonNode attributeOf(ObjectNode bucket, String attribute) {
    JsonNode n = bucket;
    for (String part : attribute.split("\\.")) {
      n = n.get(part);
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  private static int compareValues(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.asDouble(), b.asDouble());
    }
    return a.asText().compareTo(b.asText());
  }

  private JsonNode bucketStatistics(Call c) {
    String account = c.text("accountId");
    List<ObjectNode> buckets =
        account != null && !account.equals(config.accountId()) ? List.of() : bucketMetadata();
    long count = buckets.size();
    ObjectNode out = MacieApi.object();
    out.put("bucketCount", count);
    out.putObject("bucketCountByEffectivePermission")
        .put("publiclyAccessible", 0)
        .put("publiclyReadable", 0)
        .put("publiclyWritable", 0)
        .put("unknown", count);
    out.putObject("bucketCountByEncryptionType")
        .put("kmsManaged", 0)
        .put("s3Managed", 0)
        .put("unencrypted", 0)
        .put("unknown", count);
    out.putObject("bucketCountByObjectEncryptionRequirement")
        .put("allowsUnencryptedObjectUploads", 0)
        .put("deniesUnencryptedObjectUploads", 0)
        .put("unknown", count);
    out.putObject("bucketCountBySharedAccessType")
        .put("external", 0)
        .put("internal", 0)
        .put("notShared", 0)
        .put("unknown", count);
    ObjectNode bySensitivity = out.putObject("bucketStatisticsBySensitivity");
    for (String group :
        List.of("classificationError", "notClassified", "notSensitive", "sensitive")) {
      bySensitivity
          .putObject(group)
          .put("classifiableSizeInBytes", 0)
          .put("publiclyAccessibleCount", 0)
          .put("totalCount", 0)
          .put("totalSizeInBytes", 0);
    }
    long[] sums = new long[8];
    for (ObjectNode b : buckets) {
      int score = b.path("sensitivityScore").asInt();
      String group =
          score < 0
              ? "classificationError"
              : score == 50 ? "notClassified" : score > 50 ? "sensitive" : "notSensitive";
      ObjectNode g = (ObjectNode) bySensitivity.get(group);
      g.put(
          "classifiableSizeInBytes",
          g.path("classifiableSizeInBytes").asLong() + b.path("classifiableSizeInBytes").asLong());
      g.put("totalCount", g.path("totalCount").asLong() + 1);
      g.put(
          "totalSizeInBytes", g.path("totalSizeInBytes").asLong() + b.path("sizeInBytes").asLong());
      sums[0] += b.path("classifiableObjectCount").asLong();
      sums[1] += b.path("classifiableSizeInBytes").asLong();
      sums[2] += b.path("objectCount").asLong();
      sums[3] += b.path("sizeInBytes").asLong();
      sums[4] += b.at("/unclassifiableObjectCount/fileType").asLong();
      sums[5] += b.at("/unclassifiableObjectSizeInBytes/fileType").asLong();
    }
    out.put("classifiableObjectCount", sums[0]);
    out.put("classifiableSizeInBytes", sums[1]);
    out.put("lastUpdated", MacieApi.now());
    out.put("objectCount", sums[2]);
    out.put("sizeInBytes", sums[3]);
    out.put("sizeInBytesCompressed", 0);
    out.putObject("unclassifiableObjectCount")
        .put("fileType", sums[4])
        .put("storageClass", 0)
        .put("total", sums[4]);
    out.putObject("unclassifiableObjectSizeInBytes")
        .put("fileType", sums[5])
        .put("storageClass", 0)
        .put("total", sums[5]);
    return out;
  }

  private static final Map<String, String> SEARCH_KEYS =
      Map.of(
          "ACCOUNT_ID", "accountId",
          "S3_BUCKET_NAME", "bucketName",
          "S3_BUCKET_EFFECTIVE_PERMISSION", "publicAccess.effectivePermission",
          "S3_BUCKET_SHARED_ACCESS", "sharedAccess",
          "AUTOMATED_DISCOVERY_MONITORING_STATUS", "automatedDiscoveryMonitoringStatus");

  private static final Map<String, String> SEARCH_SORT =
      Map.of(
          "ACCOUNT_ID", "accountId",
          "RESOURCE_NAME", "bucketName",
          "S3_CLASSIFIABLE_OBJECT_COUNT", "classifiableObjectCount",
          "S3_CLASSIFIABLE_SIZE_IN_BYTES", "classifiableSizeInBytes");

  private static final List<String> MATCHING_BUCKET_MEMBERS =
      List.of(
          "accountId",
          "automatedDiscoveryMonitoringStatus",
          "bucketName",
          "classifiableObjectCount",
          "classifiableSizeInBytes",
          "errorCode",
          "errorMessage",
          "jobDetails",
          "lastAutomatedDiscoveryTime",
          "objectCount",
          "objectCountByEncryptionType",
          "sensitivityScore",
          "sizeInBytes",
          "sizeInBytesCompressed",
          "unclassifiableObjectCount",
          "unclassifiableObjectSizeInBytes");

  private JsonNode searchResources(Call c) {
    JsonNode criteria = c.body().path("bucketCriteria");
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode b : bucketMetadata()) {
      boolean included = !criteria.has("includes") || block(b, criteria.get("includes"));
      boolean excluded = criteria.has("excludes") && block(b, criteria.get("excludes"));
      if (included && !excluded) {
        matching.add(b);
      }
    }
    JsonNode sort = c.body().path("sortCriteria");
    if (sort.hasNonNull("attributeName")) {
      String attribute = SEARCH_SORT.get(sort.get("attributeName").asText());
      if (attribute == null) {
        throw ApiException.validation(
            "sortCriteria.attributeName: one of "
                + String.join(", ", new TreeSet<>(SEARCH_SORT.keySet())));
      }
      Comparator<ObjectNode> order =
          Comparator.comparing(b -> attributeOf(b, attribute), DiscoveryApi::compareValues);
      matching.sort("DESC".equals(sort.path("orderBy").asText("ASC")) ? order.reversed() : order);
    }
    List<ObjectNode> resources = new ArrayList<>();
    for (ObjectNode b : matching) {
      ObjectNode m = MacieApi.object();
      ObjectNode mb = m.putObject("matchingBucket");
      for (String member : MATCHING_BUCKET_MEMBERS) {
        if (b.has(member)) {
          mb.set(member, b.get(member));
        }
      }
      resources.add(m);
    }
    return page(c, resources, "matchingResources", 50, 1000);
  }

  /** A SearchResourcesCriteriaBlock: all of its {@code and} conditions hold. */
  private static boolean block(ObjectNode bucket, JsonNode block) {
    for (JsonNode condition : block.path("and")) {
      if (condition.has("simpleCriterion")) {
        JsonNode s = condition.get("simpleCriterion");
        String attribute = SEARCH_KEYS.get(s.path("key").asText());
        if (attribute == null) {
          throw ApiException.validation(
              "simpleCriterion.key: one of "
                  + String.join(", ", new TreeSet<>(SEARCH_KEYS.keySet())));
        }
        boolean in = anyEqual(attributeOf(bucket, attribute), s.path("values"));
        if ("NE".equals(s.path("comparator").asText("EQ")) == in) {
          return false;
        }
      }
      if (condition.has("tagCriterion")) {
        // The buckets carry no tags here: a tag condition matches only with NE.
        if (!"NE".equals(condition.get("tagCriterion").path("comparator").asText("EQ"))) {
          return false;
        }
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- resource profiles

  /** The bucket an S3 bucket ARN names; unknown buckets are not found. */
  private String bucketOf(Call c) {
    String arn = c.query("resourceArn");
    if (arn == null || arn.isEmpty()) {
      throw ApiException.validation("resourceArn: is required");
    }
    String prefix = "arn:" + config.partition() + ":s3:::";
    if (!arn.startsWith(prefix)
        || arn.length() == prefix.length()
        || arn.indexOf('/', prefix.length()) >= 0) {
      throw ApiException.validation(
          "resourceArn: not the ARN of an S3 bucket (" + prefix + "BUCKET): " + arn);
    }
    String bucket = arn.substring(prefix.length());
    if (!discovery.buckets().contains(bucket)) {
      throw ApiException.notFound("bucket " + bucket + " is not in this account's inventory");
    }
    return bucket;
  }

  private String bucketArn(String bucket) {
    return "arn:" + config.partition() + ":s3:::" + bucket;
  }

  private static SensitivityScore score(
      ObjectNode profile, Optional<Discovery.BucketReport> report) {
    if (profile.path("sensitivityScoreOverridden").asBoolean()) {
      return new SensitivityScore(100, SensitivityScore.SENSITIVE);
    }
    if (report.isEmpty()) {
      return profile.has("errorCode")
          ? new SensitivityScore(-1, SensitivityScore.ERROR)
          : new SensitivityScore(50, SensitivityScore.NOT_ANALYZED);
    }
    return report.get().score();
  }

  private JsonNode resourceProfile(Call c) {
    String bucket = bucketOf(c);
    ObjectNode profile = discovery.profile(bucket);
    Optional<Discovery.BucketReport> report = discovery.report(bucket, profile);
    ObjectNode out = MacieApi.object();
    if (profile.hasNonNull("profileUpdatedAt")) {
      out.put("profileUpdatedAt", profile.get("profileUpdatedAt").asText());
    }
    out.put("sensitivityScore", score(profile, report).score());
    out.put("sensitivityScoreOverridden", profile.path("sensitivityScoreOverridden").asBoolean());
    ObjectNode stats = out.putObject("statistics");
    Discovery.BucketReport r = report.orElse(null);
    stats.put("totalBytesClassified", r == null ? 0 : r.analysedBytes());
    stats.put(
        "totalDetections",
        r == null ? 0 : r.occurrences().values().stream().mapToLong(Long::longValue).sum());
    stats.put("totalDetectionsSuppressed", r == null ? 0 : r.suppressedOccurrences());
    stats.put("totalItemsClassified", r == null ? 0 : r.analysedObjects());
    stats.put("totalItemsSensitive", r == null ? 0 : r.objectsWithSensitiveData());
    stats.put("totalItemsSkipped", r == null ? 0 : r.failedObjects());
    stats.put("totalItemsSkippedInvalidEncryption", 0);
    stats.put("totalItemsSkippedInvalidKms", 0);
    stats.put("totalItemsSkippedPermissionDenied", 0);
    return out;
  }

  /**
   * Only 100 (the maximum, which applies the Sensitive label) or nothing (back to the calculated
   * score).
   */
  private JsonNode updateResourceProfile(Call c) {
    String bucket = bucketOf(c);
    Integer override = c.integer("sensitivityScoreOverride");
    if (override != null && override != 100) {
      throw ApiException.validation(
          "sensitivityScoreOverride: must be 100 or left out, got " + override);
    }
    ObjectNode profile = discovery.profile(bucket);
    profile.put("sensitivityScoreOverridden", override != null);
    profile.put("profileUpdatedAt", MacieApi.now());
    discovery.putProfile(bucket, profile);
    return MacieApi.object();
  }

  private JsonNode detections(Call c) {
    String bucket = bucketOf(c);
    ObjectNode profile = discovery.profile(bucket);
    Set<String> suppressed = discovery.suppressedTypes(profile);
    Optional<Discovery.BucketReport> all = discovery.report(bucket, Set.of());
    Map<String, ObjectNode> customByName = new TreeMap<>();
    for (ObjectNode cdi : store.resources(MacieApi.CDI)) {
      customByName.putIfAbsent(cdi.path("name").asText(), cdi);
    }
    List<ObjectNode> items = new ArrayList<>();
    if (all.isPresent()) {
      for (Map.Entry<String, Long> e : all.get().occurrences().entrySet()) {
        ObjectNode d = MacieApi.object();
        ObjectNode cdi = MANAGED_IDS.contains(e.getKey()) ? null : customByName.get(e.getKey());
        if (cdi != null) {
          d.put("arn", cdi.path("arn").asText());
          d.put("id", cdi.path("id").asText());
          d.put("type", "CUSTOM");
        } else {
          d.put("id", e.getKey());
          d.put("type", "MANAGED");
        }
        d.put("count", e.getValue());
        d.put("name", e.getKey());
        d.put("suppressed", suppressed.contains(e.getKey()));
        items.add(d);
      }
    }
    return page(c, items, "detections", 25, 25);
  }

  private JsonNode updateDetections(Call c) {
    String bucket = bucketOf(c);
    JsonNode list = c.body().path("suppressDataIdentifiers");
    ArrayNode kept = MacieApi.array();
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode s : list) {
      String id = s.path("id").asText("");
      String type = s.path("type").asText("");
      if (id.isEmpty()) {
        throw ApiException.validation("suppressDataIdentifiers.id: is required");
      }
      if (!type.equals("CUSTOM") && !type.equals("MANAGED")) {
        throw ApiException.validation(
            "suppressDataIdentifiers.type: must be CUSTOM or MANAGED, got '" + type + "'");
      }
      if (type.equals("MANAGED") && !MANAGED_IDS.contains(id)) {
        throw ApiException.validation(
            "suppressDataIdentifiers.id: no managed data identifier " + id);
      }
      if (type.equals("CUSTOM") && store.resource(MacieApi.CDI, id) == null) {
        throw ApiException.notFound("custom data identifier " + id + " does not exist");
      }
      if (seen.add(type + ":" + id)) {
        kept.add(MacieApi.object().put("id", id).put("type", type));
      }
    }
    ObjectNode profile = discovery.profile(bucket);
    profile.set("suppressDataIdentifiers", kept);
    profile.put("profileUpdatedAt", MacieApi.now());
    discovery.putProfile(bucket, profile);
    return MacieApi.object();
  }

  /** The objects discovery selected for analysis, at most 100 a page as Macie answers. */
  private JsonNode artifacts(Call c) {
    String bucket = bucketOf(c);
    Set<String> suppressed = discovery.suppressedTypes(discovery.profile(bucket));
    List<ObjectNode> items = new ArrayList<>();
    for (Discovery.AnalysedObject o : discovery.objects(bucket)) {
      ObjectNode a = MacieApi.object();
      a.put("arn", bucketArn(bucket) + "/" + o.key());
      a.put("classificationResultStatus", "ANALYSED".equals(o.status()) ? "COMPLETE" : "SKIPPED");
      a.put("sensitive", o.occurrences().keySet().stream().anyMatch(t -> !suppressed.contains(t)));
      items.add(a);
    }
    return page(c, items, "artifacts", 100, 100);
  }

  // ---------------------------------------------------------------- template and scope

  private ObjectNode template(String id) {
    ObjectNode t = discovery.template();
    if (!t.path("sensitivityInspectionTemplateId").asText().equals(id)) {
      throw ApiException.notFound("sensitivity inspection template " + id + " does not exist");
    }
    return t;
  }

  private JsonNode updateTemplate(Call c) {
    ObjectNode t = template(c.label("id"));
    JsonNode excludes = c.body().path("excludes");
    JsonNode includes = c.body().path("includes");
    for (String id : MacieApi.strings(excludes.path("managedDataIdentifierIds"))) {
      checkManaged(id, "excludes.managedDataIdentifierIds");
    }
    for (String id : MacieApi.strings(includes.path("managedDataIdentifierIds"))) {
      checkManaged(id, "includes.managedDataIdentifierIds");
    }
    List<String> custom = MacieApi.strings(includes.path("customDataIdentifierIds"));
    List<String> allow = MacieApi.strings(includes.path("allowListIds"));
    // The template's quotas, as a job's: 30 custom data identifiers, 10 allow lists.
    if (custom.size() > 30) {
      throw ApiException.validation(
          "includes.customDataIdentifierIds: at most 30, got " + custom.size());
    }
    if (allow.size() > 10) {
      throw ApiException.validation("includes.allowListIds: at most 10, got " + allow.size());
    }
    for (String id : custom) {
      if (store.resource(MacieApi.CDI, id) == null) {
        throw ApiException.notFound("custom data identifier " + id + " does not exist");
      }
    }
    for (String id : allow) {
      if (store.resource(MacieApi.ALLOW_LIST, id) == null) {
        throw ApiException.notFound("allow list " + id + " does not exist");
      }
    }
    if (c.body().has("description")) {
      t.put("description", c.text("description"));
    }
    ObjectNode ex = t.putObject("excludes");
    ex.set(
        "managedDataIdentifierIds",
        excludes.path("managedDataIdentifierIds").isArray()
            ? excludes.get("managedDataIdentifierIds")
            : MacieApi.array());
    ObjectNode in = t.putObject("includes");
    for (String member :
        List.of("allowListIds", "customDataIdentifierIds", "managedDataIdentifierIds")) {
      in.set(member, includes.path(member).isArray() ? includes.get(member) : MacieApi.array());
    }
    store.putResource(
        AutomatedDiscovery.TEMPLATE,
        t.get("sensitivityInspectionTemplateId").asText(),
        t.get("name").asText(),
        MacieApi.now(),
        t);
    return MacieApi.object();
  }

  private static void checkManaged(String id, String member) {
    if (!MANAGED_IDS.contains(id)) {
      throw ApiException.validation(member + ": no managed data identifier " + id);
    }
  }

  private JsonNode listTemplates() {
    ObjectNode t = discovery.template();
    ObjectNode out = MacieApi.object();
    out.putArray("sensitivityInspectionTemplates")
        .addObject()
        .put("id", t.get("sensitivityInspectionTemplateId").asText())
        .put("name", t.get("name").asText());
    return out;
  }

  private ObjectNode scope(String id) {
    ObjectNode s = discovery.scope();
    if (!s.path("id").asText().equals(id)) {
      throw ApiException.notFound("classification scope " + id + " does not exist");
    }
    return s;
  }

  private JsonNode updateScope(Call c) {
    ObjectNode s = scope(c.label("id"));
    JsonNode update = c.body().path("s3").path("excludes");
    if (update.isMissingNode()) {
      return MacieApi.object();
    }
    String operation = update.path("operation").asText("");
    if (!Set.of("ADD", "REPLACE", "REMOVE").contains(operation)) {
      throw ApiException.validation(
          "s3.excludes.operation: must be ADD, REPLACE or REMOVE, got '" + operation + "'");
    }
    List<String> names = MacieApi.strings(update.path("bucketNames"));
    Set<String> current = new LinkedHashSet<>(MacieApi.strings(s.at("/s3/excludes/bucketNames")));
    switch (operation) {
      case "ADD" -> current.addAll(names);
      case "REMOVE" -> names.forEach(current::remove);
      default -> {
        current.clear();
        current.addAll(names);
      }
    }
    if (current.size() > 1000) {
      throw ApiException.validation(
          "s3.excludes.bucketNames: at most 1,000 buckets can be excluded, got " + current.size());
    }
    ArrayNode list = ((ObjectNode) s.path("s3").path("excludes")).putArray("bucketNames");
    current.forEach(list::add);
    store.putResource(
        AutomatedDiscovery.SCOPE, s.get("id").asText(), s.get("name").asText(), MacieApi.now(), s);
    return MacieApi.object();
  }

  private JsonNode listScopes(Call c) {
    ObjectNode s = discovery.scope();
    ObjectNode out = MacieApi.object();
    ArrayNode list = out.putArray("classificationScopes");
    String name = c.query("name");
    if (name == null || name.equals(s.get("name").asText())) {
      list.addObject().put("id", s.get("id").asText()).put("name", s.get("name").asText());
    }
    return out;
  }

  // ---------------------------------------------------------------- paging

  /**
   * One page: {@code maxResults} (default {@code size}) from the offset in {@code nextToken}. Where
   * the model bounds maxResults ({@code max} below 1,000) a larger value is refused; otherwise it
   * is capped at 1,000.
   */
  private static JsonNode page(Call c, List<ObjectNode> items, String member, int size, int max) {
    Integer asked = c.integer("maxResults");
    if (asked != null && (asked < 1 || (asked > max && max < 1000))) {
      throw ApiException.validation("maxResults: must be 1 to " + max + ", got " + asked);
    }
    int n = asked == null ? size : Math.min(asked, max);
    String token = c.text("nextToken") != null ? c.text("nextToken") : c.query("nextToken");
    int from = token == null || token.isEmpty() ? 0 : MacieApi.offsetOf(token);
    ObjectNode out = MacieApi.object();
    ArrayNode list = out.putArray(member);
    for (int i = from; i < Math.min(items.size(), from + n); i++) {
      list.add(items.get(i));
    }
    if (from + n < items.size()) {
      out.put("nextToken", MacieApi.tokenOf(from + n));
    }
    return out;
  }
}
