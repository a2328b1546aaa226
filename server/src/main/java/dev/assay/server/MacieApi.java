package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.config.AllowListFiles;
import dev.assay.engine.config.ClassificationJobFiles;
import dev.assay.engine.config.ConfigException;
import dev.assay.engine.config.CustomIdentifierFiles;
import dev.assay.engine.extract.Segment;
import dev.assay.engine.report.FindingFactory;
import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.CustomDataIdentifier;
import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.detect.Candidate;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The Macie2 operations: each takes a {@link Call} and returns the response body (null for 204), or
 * throws {@link ApiException}. Member names, defaults and errors follow the Macie2 API model and
 * the Macie User Guide. Thread-safe: state is in the {@link Store}.
 */
final class MacieApi {
  static final String CDI = "custom-data-identifier";
  static final String ALLOW_LIST = "allow-list";
  static final String JOB = "classification-job";
  static final String FILTER = "findings-filter";
  static final String MEMBER = "member";
  static final String ADMIN = "admin-account";
  static final String SESSION = "macie-session";
  static final String DISCOVERY = "automated-discovery";
  static final String EXPORT = "classification-export-configuration";
  static final String PUBLICATION = "findings-publication-configuration";
  static final String ORGANIZATION = "organization-configuration";

  /** Operations that answer without Macie being enabled. */
  private static final Set<String> WITHOUT_SESSION =
      Set.of("EnableMacie", "ListManagedDataIdentifiers");

  private final Store store;
  private final ServerConfig config;
  private final Jobs jobs;
  private final FindingsApi findings;
  private final AutomatedDiscovery discovery;
  private final DiscoveryApi discoveryApi;

  MacieApi(Store store, ServerConfig config, Jobs jobs, AutomatedDiscovery discovery) {
    this.store = store;
    this.config = config;
    this.jobs = jobs;
    this.findings = new FindingsApi(store);
    this.discovery = discovery;
    this.discoveryApi = new DiscoveryApi(store, config, discovery, jobs);
  }

  JsonNode handle(Call c) {
    if (!WITHOUT_SESSION.contains(c.operation()) && store.setting(SESSION) == null) {
      // What Macie answers in an account or Region where it is not enabled.
      throw ApiException.accessDenied("Macie is not enabled");
    }
    return switch (c.operation()) {
      case "EnableMacie" -> enableMacie(c);
      case "GetMacieSession" -> store.setting(SESSION);
      case "UpdateMacieSession" -> updateMacieSession(c);
      case "DisableMacie" -> disableMacie();
      case "GetAutomatedDiscoveryConfiguration" -> discoveryConfiguration();
      case "UpdateAutomatedDiscoveryConfiguration" -> updateDiscovery(c);
      case "CreateCustomDataIdentifier" -> createCustomDataIdentifier(c);
      case "GetCustomDataIdentifier" -> getCustomDataIdentifier(c.label("id"));
      case "ListCustomDataIdentifiers" -> listCustomDataIdentifiers(c);
      case "BatchGetCustomDataIdentifiers" -> batchGetCustomDataIdentifiers(c);
      case "DeleteCustomDataIdentifier" -> deleteCustomDataIdentifier(c.label("id"));
      case "TestCustomDataIdentifier" -> testCustomDataIdentifier(c);
      case "CreateAllowList" -> createAllowList(c);
      case "GetAllowList" -> getAllowList(c.label("id"));
      case "ListAllowLists" -> listAllowLists(c);
      case "UpdateAllowList" -> updateAllowList(c);
      case "DeleteAllowList" -> deleteAllowList(c);
      case "ListManagedDataIdentifiers" -> listManagedDataIdentifiers(c);
      case "CreateClassificationJob" -> createClassificationJob(c);
      case "DescribeClassificationJob" -> describeClassificationJob(c.label("jobId"));
      case "ListClassificationJobs" -> listClassificationJobs(c);
      case "UpdateClassificationJob" -> updateClassificationJob(c);
      case "ListFindings" -> findings.list(c);
      case "GetFindings" -> findings.get(c);
      case "GetFindingStatistics" -> findings.statistics(c);
      case "CreateFindingsFilter" -> createFindingsFilter(c);
      case "GetFindingsFilter" -> getFindingsFilter(c.label("id"));
      case "ListFindingsFilters" -> listFindingsFilters(c);
      case "UpdateFindingsFilter" -> updateFindingsFilter(c);
      case "DeleteFindingsFilter" -> deleteFindingsFilter(c.label("id"));
      case "PutClassificationExportConfiguration" -> putExportConfiguration(c);
      case "GetClassificationExportConfiguration" -> exportConfiguration();
      case "GetFindingsPublicationConfiguration" -> publicationConfiguration();
      case "PutFindingsPublicationConfiguration" -> putPublicationConfiguration(c);
      case "GetUsageStatistics" -> usageStatistics(c);
      case "GetUsageTotals" -> usageTotals(c);
      case "EnableOrganizationAdminAccount" -> enableOrganizationAdminAccount(c);
      case "DisableOrganizationAdminAccount" -> disableOrganizationAdminAccount(c);
      case "ListOrganizationAdminAccounts" -> listOrganizationAdminAccounts(c);
      case "DescribeOrganizationConfiguration" -> organizationConfiguration();
      case "UpdateOrganizationConfiguration" -> updateOrganizationConfiguration(c);
      case "CreateMember" -> createMember(c);
      case "GetMember" -> getMember(c.label("id"));
      case "ListMembers" -> listMembers(c);
      case "DeleteMember" -> deleteMember(c.label("id"));
      case "DisassociateMember" -> disassociateMember(c.label("id"));
      case "UpdateMemberSession" -> updateMemberSession(c);
      case "CreateInvitations" -> createInvitations(c);
      case "GetAdministratorAccount", "GetMasterAccount" -> object();
      case "TagResource" -> tagResource(c);
      case "UntagResource" -> untagResource(c);
      case "ListTagsForResource" ->
          object().set("tags", tagsOf(checkedArn(c.label("resourceArn"))));
      default -> {
        if (DiscoveryApi.handles(c.operation())) {
          yield discoveryApi.handle(c);
        }
        throw new ApiException(
            "UnknownOperationException", 404, c.operation() + " is not served here");
      }
    };
  }

  // ---------------------------------------------------------------- session

  private JsonNode enableMacie(Call c) {
    if (store.setting(SESSION) != null) {
      throw ApiException.conflict("Macie is already enabled");
    }
    String now = now();
    ObjectNode s = object();
    s.put("createdAt", now);
    s.put(
        "findingPublishingFrequency",
        oneOf(
            c,
            "findingPublishingFrequency",
            Set.of("FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"),
            "FIFTEEN_MINUTES"));
    s.put(
        "serviceRole",
        "arn:aws:iam::"
            + config.accountId()
            + ":role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie");
    s.put("status", oneOf(c, "status", Set.of("ENABLED", "PAUSED"), "ENABLED"));
    s.put("updatedAt", now);
    store.putSetting(SESSION, s);
    return object();
  }

  private JsonNode updateMacieSession(Call c) {
    ObjectNode s = store.setting(SESSION);
    String frequency =
        oneOf(
            c,
            "findingPublishingFrequency",
            Set.of("FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"),
            null);
    String status = oneOf(c, "status", Set.of("ENABLED", "PAUSED"), null);
    if (frequency != null) {
      s.put("findingPublishingFrequency", frequency);
    }
    if (status != null) {
      s.put("status", status);
    }
    s.put("updatedAt", now());
    store.putSetting(SESSION, s);
    return object();
  }

  /** Disabling Macie deletes its resources and findings, as Macie does. */
  private JsonNode disableMacie() {
    jobs.stopAll();
    discovery.reset();
    store.transaction(
        () -> {
          for (String table :
              List.of("settings", "resources", "client_tokens", "tags", "findings", "job_runs")) {
            store.update("DELETE FROM " + table);
          }
          return null;
        });
    return object();
  }

  ObjectNode discoveryConfiguration() {
    ObjectNode d = store.setting(DISCOVERY);
    if (d == null) {
      d = object();
      d.put("autoEnableOrganizationMembers", "NONE");
      d.put("classificationScopeId", hex(32));
      d.put("sensitivityInspectionTemplateId", hex(32));
      d.put("status", "DISABLED");
      store.putSetting(DISCOVERY, d);
    }
    return d;
  }

  private JsonNode updateDiscovery(Call c) {
    String status = oneOf(c, "status", Set.of("ENABLED", "DISABLED"), null);
    if (status == null) {
      throw ApiException.validation("status: is required (ENABLED or DISABLED)");
    }
    ObjectNode d = discoveryConfiguration();
    String now = now();
    if (status.equals("ENABLED") && !d.has("firstEnabledAt")) {
      d.put("firstEnabledAt", now);
    }
    if (status.equals("DISABLED") && "ENABLED".equals(d.path("status").asText())) {
      d.put("disabledAt", now);
    }
    String auto = oneOf(c, "autoEnableOrganizationMembers", Set.of("ALL", "NEW", "NONE"), null);
    if (auto != null) {
      d.put("autoEnableOrganizationMembers", auto);
    }
    d.put("status", status);
    d.put("lastUpdatedAt", now);
    store.putSetting(DISCOVERY, d);
    return object();
  }

  // ---------------------------------------------------------------- custom data identifiers

  private JsonNode createCustomDataIdentifier(Call c) {
    String token = c.text("clientToken");
    String existing = token == null ? null : store.tokenId(CDI, token);
    if (existing != null) {
      return object().put("customDataIdentifierId", existing);
    }
    ObjectNode body = c.body().deepCopy();
    body.remove("clientToken");
    JsonNode tags = body.remove("tags");
    try {
      CustomIdentifierFiles.parse("CreateCustomDataIdentifier", body);
    } catch (ConfigException e) {
      throw validation(e);
    }
    if (store.resources(CDI).stream().filter(r -> !r.path("deleted").asBoolean()).count()
        >= 10_000) {
      throw ApiException.quota("at most 10,000 custom data identifiers per account");
    }
    String id = UUID.randomUUID().toString();
    String arn = config.arn("custom-data-identifier/" + id);
    String now = now();
    ObjectNode r = object();
    r.put("arn", arn);
    r.put("createdAt", now);
    r.put("deleted", false);
    copy(body, r, "description");
    r.put("id", id);
    r.set("ignoreWords", body.has("ignoreWords") ? body.get("ignoreWords") : array());
    r.set("keywords", body.has("keywords") ? body.get("keywords") : array());
    r.put("maximumMatchDistance", body.path("maximumMatchDistance").asInt(50));
    r.put("name", body.get("name").asText());
    r.put("regex", body.get("regex").asText());
    if (body.has("severityLevels") && !body.get("severityLevels").isEmpty()) {
      r.set("severityLevels", body.get("severityLevels"));
    } else {
      // Macie's default when none are given: one level, MEDIUM from the first occurrence.
      ArrayNode levels = array();
      levels.addObject().put("occurrencesThreshold", 1).put("severity", "MEDIUM");
      r.set("severityLevels", levels);
    }
    store.transaction(
        () -> {
          store.putResource(CDI, id, r.get("name").asText(), now, r);
          store.tag(arn, tagMap(tags));
          if (token != null) {
            store.putToken(CDI, token, id);
          }
          return null;
        });
    return object().put("customDataIdentifierId", id);
  }

  private ObjectNode getCustomDataIdentifier(String id) {
    ObjectNode r = store.resource(CDI, id);
    if (r == null || r.path("deleted").asBoolean()) {
      throw ApiException.notFound("custom data identifier " + id + " does not exist");
    }
    r.set("tags", tagsOf(r.get("arn").asText()));
    return r;
  }

  private JsonNode listCustomDataIdentifiers(Call c) {
    List<ObjectNode> items =
        store.resources(CDI).stream().filter(r -> !r.path("deleted").asBoolean()).toList();
    return page(
        c, items, "items", r -> summary(r, "arn", "createdAt", "description", "id", "name"));
  }

  private JsonNode batchGetCustomDataIdentifiers(Call c) {
    ArrayNode found = array();
    ArrayNode missing = array();
    JsonNode ids = c.body().path("ids");
    if (ids.size() > 50) {
      throw ApiException.validation("ids: at most 50, got " + ids.size());
    }
    for (JsonNode id : ids) {
      ObjectNode r = store.resource(CDI, id.asText());
      if (r == null) {
        missing.add(id.asText());
      } else {
        found.add(summary(r, "arn", "createdAt", "deleted", "description", "id", "name"));
      }
    }
    ObjectNode out = object();
    out.set("customDataIdentifiers", found);
    out.set("notFoundIdentifierIds", missing);
    return out;
  }

  /** Macie keeps a deleted identifier (BatchGet reports it with {@code deleted: true}). */
  private JsonNode deleteCustomDataIdentifier(String id) {
    ObjectNode r = getCustomDataIdentifier(id);
    r.remove("tags");
    r.put("deleted", true);
    store.putResource(CDI, id, r.get("name").asText(), r.get("createdAt").asText(), r);
    return object();
  }

  private JsonNode testCustomDataIdentifier(Call c) {
    String sample = c.required("sampleText");
    if (sample.length() > 1000) {
      throw ApiException.validation("sampleText: at most 1,000 characters, got " + sample.length());
    }
    ObjectNode body = c.body().deepCopy();
    body.remove("sampleText");
    body.put("name", "test");
    CustomDataIdentifier cdi;
    try {
      cdi = CustomIdentifierFiles.parse("TestCustomDataIdentifier", body);
    } catch (ConfigException e) {
      throw validation(e);
    }
    Detector detector = Detector.of(List.of(cdi), List.of());
    Segment segment = Segment.whole(sample, Segment.TextAt.START, FieldContext.NONE);
    long count = 0;
    for (Candidate candidate : detector.scan(segment.text(), segment.field())) {
      if (candidate.counted()) {
        count++;
      }
    }
    return object().put("matchCount", count);
  }

  /** The identifiers a job names, by id, as the engine defines them (ARN as id, for findings). */
  List<CustomDataIdentifier> customIdentifiers(List<String> ids) {
    List<CustomDataIdentifier> out = new ArrayList<>();
    for (String id : ids) {
      out.add(customIdentifier(id));
    }
    return out;
  }

  private CustomDataIdentifier customIdentifier(String id) {
    ObjectNode r = store.resource(CDI, id);
    if (r == null) {
      throw ApiException.notFound("custom data identifier " + id + " does not exist");
    }
    ObjectNode body = r.deepCopy();
    body.put("id", r.get("arn").asText());
    try {
      return CustomIdentifierFiles.parse("custom data identifier " + id, body);
    } catch (ConfigException e) {
      throw validation(e);
    }
  }

  // ---------------------------------------------------------------- allow lists

  private JsonNode createAllowList(Call c) {
    String token = c.required("clientToken");
    String existing = store.tokenId(ALLOW_LIST, token);
    if (existing != null) {
      ObjectNode r = store.resource(ALLOW_LIST, existing);
      return object().put("arn", r.get("arn").asText()).put("id", existing);
    }
    ObjectNode body = c.body().deepCopy();
    body.remove("clientToken");
    JsonNode tags = body.remove("tags");
    checkAllowList(body, "CreateAllowList");
    if (store.resources(ALLOW_LIST).size() >= 10) {
      throw ApiException.quota("at most 10 allow lists per account");
    }
    String id = allowListId();
    String arn = config.arn("allow-list/" + id);
    String now = now();
    ObjectNode r = object();
    r.put("arn", arn);
    r.put("createdAt", now);
    r.set("criteria", body.get("criteria"));
    copy(body, r, "description");
    r.put("id", id);
    r.put("name", body.get("name").asText());
    r.put("updatedAt", now);
    store.transaction(
        () -> {
          store.putResource(ALLOW_LIST, id, r.get("name").asText(), now, r);
          store.tag(arn, tagMap(tags));
          store.putToken(ALLOW_LIST, token, id);
          return null;
        });
    return object().put("arn", arn).put("id", id);
  }

  /** Checks an allow list's definition (its words list is read when a job runs). */
  private static void checkAllowList(ObjectNode body, String operation) {
    try {
      AllowListFiles.parse(operation, body, bucketAndKey -> List.of("placeholder"));
    } catch (ConfigException e) {
      throw validation(e);
    }
  }

  private ObjectNode getAllowList(String id) {
    ObjectNode r = store.resource(ALLOW_LIST, id);
    if (r == null) {
      throw ApiException.notFound("allow list " + id + " does not exist");
    }
    r.set("status", allowListStatus(r));
    r.set("tags", tagsOf(r.get("arn").asText()));
    return r;
  }

  /** OK for a regex; for a words list, whether the server can read the object now. */
  private ObjectNode allowListStatus(ObjectNode r) {
    ObjectNode status = object();
    JsonNode words = r.path("criteria").path("s3WordsList");
    if (words.isMissingNode()) {
      return status.put("code", "OK");
    }
    List<String> lines =
        jobs.readWordsList(words.path("bucketName").asText(), words.path("objectKey").asText());
    if (lines == null) {
      return status
          .put("code", "S3_OBJECT_NOT_FOUND")
          .put("description", "the object cannot be read");
    }
    return lines.stream().allMatch(String::isBlank)
        ? status.put("code", "S3_OBJECT_EMPTY")
        : status.put("code", "OK");
  }

  private JsonNode listAllowLists(Call c) {
    return page(
        c,
        store.resources(ALLOW_LIST),
        "allowLists",
        r -> summary(r, "arn", "createdAt", "description", "id", "name", "updatedAt"));
  }

  private JsonNode updateAllowList(Call c) {
    String id = c.label("id");
    ObjectNode r = store.resource(ALLOW_LIST, id);
    if (r == null) {
      throw ApiException.notFound("allow list " + id + " does not exist");
    }
    ObjectNode body = c.body().deepCopy();
    checkAllowList(body, "UpdateAllowList");
    r.set("criteria", body.get("criteria"));
    r.remove("description");
    copy(body, r, "description");
    r.put("name", body.get("name").asText());
    r.put("updatedAt", now());
    store.putResource(ALLOW_LIST, id, r.get("name").asText(), r.get("createdAt").asText(), r);
    return object().put("arn", r.get("arn").asText()).put("id", id);
  }

  private JsonNode deleteAllowList(Call c) {
    String id = c.label("id");
    ObjectNode r = store.resource(ALLOW_LIST, id);
    if (r == null) {
      throw ApiException.notFound("allow list " + id + " does not exist");
    }
    if (!"true".equals(c.query("ignoreJobChecks"))) {
      for (ObjectNode job : store.resources(JOB)) {
        String status = job.path("jobStatus").asText();
        boolean active = Set.of("RUNNING", "IDLE", "PAUSED", "USER_PAUSED").contains(status);
        if (active && contains(job.path("allowListIds"), id)) {
          throw ApiException.validation(
              "allow list "
                  + id
                  + " is used by job "
                  + job.get("jobId").asText()
                  + "; pass ignoreJobChecks=true to delete it anyway");
        }
      }
    }
    store.transaction(
        () -> {
          store.deleteResource(ALLOW_LIST, id);
          store.untagAll(r.get("arn").asText());
          return null;
        });
    return object();
  }

  /** The allow lists a job names, as the engine defines them. */
  List<AllowList> allowLists(List<String> ids) {
    List<AllowList> out = new ArrayList<>();
    for (String id : ids) {
      ObjectNode r = store.resource(ALLOW_LIST, id);
      if (r == null) {
        throw ApiException.notFound("allow list " + id + " does not exist");
      }
      ObjectNode body = r.deepCopy();
      try {
        out.add(
            AllowListFiles.parse("allow list " + id, body, bk -> jobs.readWordsList(bk[0], bk[1])));
      } catch (ConfigException e) {
        throw validation(e);
      }
    }
    return out;
  }

  /** 22 lowercase letters and digits, the model's pattern for allow list ids. */
  private static String allowListId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder();
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 22; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- managed data identifiers

  private JsonNode listManagedDataIdentifiers(Call c) {
    List<ObjectNode> items = new ArrayList<>();
    for (ManagedDataIdentifier m : ManagedCatalog.all()) {
      items.add(object().put("category", m.category().name()).put("id", m.id()));
    }
    // Macie answers in one page; nextToken is there for the protocol.
    ObjectNode out = object();
    ArrayNode list = out.putArray("items");
    items.forEach(list::add);
    return out;
  }

  // ---------------------------------------------------------------- jobs

  private JsonNode createClassificationJob(Call c) {
    String token = c.required("clientToken");
    String existing = store.tokenId(JOB, token);
    if (existing != null) {
      return object()
          .put("jobArn", config.arn("classification-job/" + existing))
          .put("jobId", existing);
    }
    ObjectNode body = c.body().deepCopy();
    JsonNode tags = body.get("tags");
    try {
      ClassificationJobFiles.parse("CreateClassificationJob", body);
    } catch (ConfigException e) {
      throw validation(e);
    }
    List<String> custom = strings(body.path("customDataIdentifierIds"));
    if (custom.size() > 30) {
      throw ApiException.quota("customDataIdentifierIds: at most 30 per job, got " + custom.size());
    }
    for (String id : custom) {
      ObjectNode r = store.resource(CDI, id);
      if (r == null || r.path("deleted").asBoolean()) {
        throw ApiException.notFound(
            "customDataIdentifierIds: custom data identifier " + id + " does not exist");
      }
    }
    List<String> lists = strings(body.path("allowListIds"));
    if (lists.size() > 10) {
      throw ApiException.quota("allowListIds: at most 10 per job, got " + lists.size());
    }
    for (String id : lists) {
      if (store.resource(ALLOW_LIST, id) == null) {
        throw ApiException.notFound("allowListIds: allow list " + id + " does not exist");
      }
    }
    String id = FindingFactory.newJobId();
    String arn = config.arn("classification-job/" + id);
    String now = now();
    boolean scheduled = "SCHEDULED".equals(body.path("jobType").asText());
    ObjectNode job = object();
    job.set("allowListIds", body.has("allowListIds") ? body.get("allowListIds") : array());
    job.put("clientToken", token);
    job.put("createdAt", now);
    job.set(
        "customDataIdentifierIds",
        body.has("customDataIdentifierIds") ? body.get("customDataIdentifierIds") : array());
    copy(body, job, "description");
    job.put("initialRun", scheduled && body.path("initialRun").asBoolean(false));
    job.put("jobArn", arn);
    job.put("jobId", id);
    job.put(
        "jobStatus", scheduled && !body.path("initialRun").asBoolean(false) ? "IDLE" : "RUNNING");
    job.put("jobType", body.path("jobType").asText());
    job.putObject("lastRunErrorStatus").put("code", "NONE");
    job.put("lastRunTime", now);
    String selector = body.path("managedDataIdentifierSelector").asText("RECOMMENDED");
    if (Set.of("INCLUDE", "EXCLUDE").contains(selector)) {
      job.set("managedDataIdentifierIds", body.path("managedDataIdentifierIds"));
    }
    job.put("managedDataIdentifierSelector", selector);
    job.put("name", body.path("name").asText());
    job.set("s3JobDefinition", body.get("s3JobDefinition"));
    job.put("samplingPercentage", body.path("samplingPercentage").asInt(100));
    if (scheduled) {
      job.set("scheduleFrequency", body.get("scheduleFrequency"));
    }
    job.putObject("statistics")
        .put("approximateNumberOfObjectsToProcess", 0.0)
        .put("numberOfRuns", 0.0);
    store.transaction(
        () -> {
          store.putResource(JOB, id, job.get("name").asText(), now, job);
          store.tag(arn, tagMap(tags));
          store.putToken(JOB, token, id);
          return null;
        });
    if ("RUNNING".equals(job.get("jobStatus").asText())) {
      jobs.submit(id);
    }
    return object().put("jobArn", arn).put("jobId", id);
  }

  ObjectNode describeClassificationJob(String id) {
    ObjectNode job = store.resource(JOB, id);
    if (job == null) {
      throw ApiException.notFound("classification job " + id + " does not exist");
    }
    job.set("tags", tagsOf(job.get("jobArn").asText()));
    return job;
  }

  private static final Set<String> JOB_KEYS = Set.of("jobType", "jobStatus", "createdAt", "name");

  private JsonNode listClassificationJobs(Call c) {
    JsonNode filter = c.body().path("filterCriteria");
    List<ObjectNode> jobsList = new ArrayList<>();
    for (ObjectNode job : store.resources(JOB)) {
      if (jobTerms(filter.path("includes"), job, true)
          && jobTerms(filter.path("excludes"), job, false)) {
        jobsList.add(job);
      }
    }
    JsonNode sort = c.body().path("sortCriteria");
    if (!sort.isMissingNode() && !sort.isNull()) {
      String attribute = sort.path("attributeName").asText("createdAt");
      if (!JOB_KEYS.contains(attribute)) {
        throw ApiException.validation(
            "sortCriteria.attributeName: one of createdAt, jobStatus, name, jobType");
      }
      Comparator<ObjectNode> order = Comparator.comparing(j -> j.path(attribute).asText());
      if ("DESC".equals(sort.path("orderBy").asText("ASC"))) {
        order = order.reversed();
      }
      jobsList.sort(order);
    }
    return page(
        c,
        jobsList,
        "items",
        j -> {
          ObjectNode s = object();
          JsonNode def = j.path("s3JobDefinition");
          if (def.has("bucketCriteria")) {
            s.set("bucketCriteria", def.get("bucketCriteria"));
          }
          if (def.has("bucketDefinitions")) {
            s.set("bucketDefinitions", def.get("bucketDefinitions"));
          }
          for (String m :
              List.of(
                  "createdAt",
                  "jobId",
                  "jobStatus",
                  "jobType",
                  "lastRunErrorStatus",
                  "name",
                  "userPausedDetails")) {
            if (j.has(m)) {
              s.set(m, j.get(m));
            }
          }
          return s;
        });
  }

  /**
   * ListJobsFilterTerm: {@code includes} must all hold; no {@code excludes} may. Each term holds
   * when the job's value compares as asked with any of the values.
   */
  private static boolean jobTerms(JsonNode terms, ObjectNode job, boolean include) {
    if (terms.isMissingNode() || terms.isNull()) {
      return true;
    }
    for (JsonNode t : terms) {
      String key = t.path("key").asText();
      if (!JOB_KEYS.contains(key)) {
        throw ApiException.validation(
            "filterCriteria: key must be one of jobType, jobStatus, createdAt, name; got '"
                + key
                + "'");
      }
      String comparator = t.path("comparator").asText("EQ");
      String value = job.path(key).asText();
      boolean holds = false;
      for (JsonNode v : t.path("values")) {
        String want = v.asText();
        int cmp = key.equals("createdAt") ? compareDates(value, want) : value.compareTo(want);
        holds |=
            switch (comparator) {
              case "EQ" -> cmp == 0;
              case "NE" -> cmp != 0;
              case "GT" -> cmp > 0;
              case "GTE" -> cmp >= 0;
              case "LT" -> cmp < 0;
              case "LTE" -> cmp <= 0;
              case "CONTAINS" -> value.contains(want);
              case "STARTS_WITH" -> value.startsWith(want);
              default ->
                  throw ApiException.validation("filterCriteria: unknown comparator " + comparator);
            };
      }
      if (holds != include) {
        return false;
      }
    }
    return true;
  }

  private static int compareDates(String iso, String want) {
    Long a = Store.epochMillis(iso);
    Long b = Store.epochMillis(want);
    if (b == null) {
      try {
        b = Long.parseLong(want);
      } catch (NumberFormatException e) {
        throw ApiException.validation(
            "filterCriteria: createdAt values are ISO-8601 times or epoch milliseconds, got '"
                + want
                + "'");
      }
    }
    return Long.compare(a == null ? 0 : a, b);
  }

  /**
   * UpdateClassificationJob: cancel, pause or resume, from the states Macie allows (Macie's job
   * lifecycle).
   */
  private JsonNode updateClassificationJob(Call c) {
    String id = c.label("jobId");
    ObjectNode job = describeClassificationJob(id);
    String to = c.required("jobStatus");
    String from = job.path("jobStatus").asText();
    boolean allowed =
        switch (to) {
          case "CANCELLED" -> Set.of("IDLE", "PAUSED", "RUNNING", "USER_PAUSED").contains(from);
          case "USER_PAUSED" -> Set.of("IDLE", "PAUSED", "RUNNING").contains(from);
          case "RUNNING" -> from.equals("USER_PAUSED");
          default ->
              throw ApiException.validation(
                  "jobStatus: must be CANCELLED, USER_PAUSED or RUNNING, got " + to);
        };
    if (from.equals("CANCELLED")) {
      throw ApiException.validation("cannot update cancelled job for job " + id);
    }
    if (from.equals("COMPLETE") && to.equals("CANCELLED")) {
      // Nothing is left to stop; taken as done, so that deleting a finished job (Terraform's
      // destroy cancels it) succeeds.
      allowed = true;
    }
    if (!allowed) {
      throw ApiException.validation("jobStatus: a " + from + " job cannot be changed to " + to);
    }
    jobs.changeStatus(id, from, to);
    return object();
  }

  // ---------------------------------------------------------------- findings filters

  private JsonNode createFindingsFilter(Call c) {
    String token = c.text("clientToken");
    String existing = token == null ? null : store.tokenId(FILTER, token);
    if (existing != null) {
      return object()
          .put("arn", store.resource(FILTER, existing).get("arn").asText())
          .put("id", existing);
    }
    String name = c.required("name");
    checkFilterName(name);
    String action = oneOf(c, "action", Set.of("ARCHIVE", "NOOP"), null);
    if (action == null) {
      throw ApiException.validation("action: is required (ARCHIVE or NOOP)");
    }
    if (!c.body().has("findingCriteria")) {
      throw ApiException.validation("findingCriteria: is required");
    }
    FindingCriteria.parse(c.body().get("findingCriteria"), "findingCriteria");
    for (ObjectNode f : store.resources(FILTER)) {
      if (f.path("name").asText().equals(name)) {
        throw ApiException.conflict("a findings filter named '" + name + "' exists");
      }
    }
    if (store.resources(FILTER).size() >= 1000) {
      throw ApiException.quota("at most 1,000 findings filters per account");
    }
    String id = UUID.randomUUID().toString();
    String arn = config.arn("findings-filter/" + id);
    ObjectNode f = object();
    f.put("action", action);
    f.put("arn", arn);
    copy(c.body(), f, "description");
    f.set("findingCriteria", c.body().get("findingCriteria"));
    f.put("id", id);
    f.put("name", name);
    f.put(
        "position",
        c.integer("position") == null ? store.resources(FILTER).size() + 1 : c.integer("position"));
    String now = now();
    store.transaction(
        () -> {
          store.putResource(FILTER, id, name, now, f);
          store.tag(arn, tagMap(c.body().get("tags")));
          if (token != null) {
            store.putToken(FILTER, token, id);
          }
          return null;
        });
    return object().put("arn", arn).put("id", id);
  }

  private static void checkFilterName(String name) {
    if (name.length() < 3 || name.length() > 64) {
      throw ApiException.validation("name: must be 3 to 64 characters, got " + name.length());
    }
  }

  private ObjectNode getFindingsFilter(String id) {
    ObjectNode f = store.resource(FILTER, id);
    if (f == null) {
      throw ApiException.notFound("findings filter " + id + " does not exist");
    }
    f.set("tags", tagsOf(f.get("arn").asText()));
    return f;
  }

  private JsonNode listFindingsFilters(Call c) {
    Integer max = c.integer("maxResults");
    if (max != null && (max < 1 || max > 25)) {
      throw ApiException.validation("maxResults: must be 1 to 25, got " + max);
    }
    return page(
        c,
        store.resources(FILTER),
        "findingsFilterListItems",
        f -> {
          ObjectNode s = summary(f, "action", "arn", "id", "name");
          s.set("tags", tagsOf(f.get("arn").asText()));
          return s;
        });
  }

  private JsonNode updateFindingsFilter(Call c) {
    String id = c.label("id");
    ObjectNode f = getFindingsFilter(id);
    f.remove("tags");
    String action = oneOf(c, "action", Set.of("ARCHIVE", "NOOP"), null);
    if (action != null) {
      f.put("action", action);
    }
    String name = c.text("name");
    if (name != null) {
      checkFilterName(name);
      f.put("name", name);
    }
    if (c.body().has("description")) {
      f.set("description", c.body().get("description"));
    }
    if (c.body().has("findingCriteria")) {
      FindingCriteria.parse(c.body().get("findingCriteria"), "findingCriteria");
      f.set("findingCriteria", c.body().get("findingCriteria"));
    }
    if (c.integer("position") != null) {
      f.put("position", c.integer("position"));
    }
    store.putResource(FILTER, id, f.get("name").asText(), now(), f);
    return object().put("arn", f.get("arn").asText()).put("id", id);
  }

  private JsonNode deleteFindingsFilter(String id) {
    ObjectNode f = getFindingsFilter(id);
    store.transaction(
        () -> {
          store.deleteResource(FILTER, id);
          store.untagAll(f.get("arn").asText());
          return null;
        });
    return object();
  }

  // ---------------------------------------------------------------- export and publication

  private JsonNode putExportConfiguration(Call c) {
    JsonNode configuration = c.body().get("configuration");
    if (configuration == null || !configuration.isObject()) {
      throw ApiException.validation("configuration: is required");
    }
    JsonNode s3 = configuration.path("s3Destination");
    if (s3.isMissingNode() || s3.isNull()) {
      // An empty configuration removes it (what Terraform sends when it destroys the resource).
      store.deleteSetting(EXPORT);
      ObjectNode out = object();
      out.putObject("configuration");
      return out;
    }
    if (!s3.path("bucketName").isTextual()) {
      throw ApiException.validation("configuration.s3Destination.bucketName: is required");
    }
    if (!s3.path("kmsKeyArn").isTextual()) {
      throw ApiException.validation("configuration.s3Destination.kmsKeyArn: is required");
    }
    ObjectNode stored = object();
    stored.set("configuration", configuration);
    store.putSetting(EXPORT, stored);
    return stored;
  }

  private JsonNode exportConfiguration() {
    ObjectNode stored = store.setting(EXPORT);
    return stored == null ? object() : stored;
  }

  private JsonNode publicationConfiguration() {
    ObjectNode stored = store.setting(PUBLICATION);
    if (stored != null) {
      return stored;
    }
    ObjectNode out = object();
    out.putObject("securityHubConfiguration")
        .put("publishClassificationFindings", false)
        .put("publishPolicyFindings", true);
    return out;
  }

  private JsonNode putPublicationConfiguration(Call c) {
    ObjectNode stored = object();
    JsonNode hub = c.body().path("securityHubConfiguration");
    stored
        .putObject("securityHubConfiguration")
        .put(
            "publishClassificationFindings",
            hub.path("publishClassificationFindings").asBoolean(false))
        .put("publishPolicyFindings", hub.path("publishPolicyFindings").asBoolean(true));
    store.putSetting(PUBLICATION, stored);
    return object();
  }

  // ---------------------------------------------------------------- usage

  private static final List<String> USAGE_TYPES =
      List.of(
          "DATA_INVENTORY_EVALUATION",
          "SENSITIVE_DATA_DISCOVERY",
          "AUTOMATED_SENSITIVE_DATA_DISCOVERY",
          "AUTOMATED_OBJECT_MONITORING");

  /** Bytes the jobs classified since {@code fromMillis}. */
  private long bytesClassifiedSince(long fromMillis) {
    long[] total = {0};
    store.query(
        "SELECT started_at, bytes FROM job_runs",
        List.of(),
        rs -> {
          Long started = Store.epochMillis(rs.getString(1));
          if (started != null && started >= fromMillis) {
            total[0] += rs.getLong(2);
          }
          return true;
        });
    return total[0];
  }

  private long rangeStart(String timeRange) {
    Instant now = Instant.now();
    if ("PAST_30_DAYS".equals(timeRange)) {
      return now.minusSeconds(30L * 86400).toEpochMilli();
    }
    ZonedDateTime z = now.atZone(ZoneOffset.UTC);
    return z.withDayOfMonth(1)
        .toLocalDate()
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant()
        .toEpochMilli();
  }

  /**
   * What Macie would charge: $1.00 per GB classified by jobs (the first GB a month free is not
   * modelled; Macie's quotas); the other types cost nothing here.
   */
  private ArrayNode usageOf(long bytes, boolean withLimits) {
    ArrayNode usage = array();
    for (String type : USAGE_TYPES) {
      ObjectNode u = usage.addObject();
      u.put("currency", "USD");
      double cost = type.equals("SENSITIVE_DATA_DISCOVERY") ? bytes / 1e9 : 0.0;
      u.put("estimatedCost", String.format(Locale.ROOT, "%.2f", cost));
      if (withLimits) {
        u.putObject("serviceLimit")
            .put("isServiceLimited", false)
            .put("unit", "TERABYTES")
            .put("value", 5);
      }
      u.put("type", type);
    }
    return usage;
  }

  private JsonNode usageStatistics(Call c) {
    String timeRange =
        oneOf(c, "timeRange", Set.of("MONTH_TO_DATE", "PAST_30_DAYS"), "MONTH_TO_DATE");
    long bytes = bytesClassifiedSince(rangeStart(timeRange));
    ObjectNode out = object();
    ArrayNode records = out.putArray("records");
    ObjectNode record = object();
    record.put("accountId", config.accountId());
    ObjectNode session = store.setting(SESSION);
    record.put("freeTrialStartDate", session.path("createdAt").asText());
    record.set("usage", usageOf(bytes, true));
    boolean keep = true;
    for (JsonNode f : c.body().path("filterBy")) {
      if ("accountId".equals(f.path("key").asText())) {
        boolean eq = strings(f.path("values")).contains(config.accountId());
        keep &= "NE".equals(f.path("comparator").asText("EQ")) != eq;
      }
    }
    if (keep) {
      records.add(record);
    }
    out.put("timeRange", timeRange);
    return out;
  }

  private JsonNode usageTotals(Call c) {
    String timeRange = c.query("timeRange") == null ? "MONTH_TO_DATE" : c.query("timeRange");
    if (!Set.of("MONTH_TO_DATE", "PAST_30_DAYS").contains(timeRange)) {
      throw ApiException.validation(
          "timeRange: must be MONTH_TO_DATE or PAST_30_DAYS, got " + timeRange);
    }
    ObjectNode out = object();
    out.put("timeRange", timeRange);
    out.set("usageTotals", usageOf(bytesClassifiedSince(rangeStart(timeRange)), false));
    return out;
  }

  // ---------------------------------------------------------------- organization and members

  private JsonNode enableOrganizationAdminAccount(Call c) {
    String account = c.required("adminAccountId");
    checkAccountId(account, "adminAccountId");
    if (!store.resources(ADMIN).isEmpty() && store.resource(ADMIN, account) == null) {
      throw ApiException.conflict("an organization already has a delegated Macie administrator");
    }
    store.putResource(
        ADMIN,
        account,
        account,
        now(),
        object().put("accountId", account).put("status", "ENABLED"));
    return object();
  }

  private JsonNode disableOrganizationAdminAccount(Call c) {
    String account = c.query("adminAccountId");
    if (account == null || !store.deleteResource(ADMIN, account)) {
      throw ApiException.notFound("no delegated administrator " + account);
    }
    return object();
  }

  private JsonNode listOrganizationAdminAccounts(Call c) {
    return page(c, store.resources(ADMIN), "adminAccounts", a -> a);
  }

  private JsonNode organizationConfiguration() {
    ObjectNode stored = store.setting(ORGANIZATION);
    return stored != null
        ? stored
        : object().put("autoEnable", false).put("maxAccountLimitReached", false);
  }

  private JsonNode updateOrganizationConfiguration(Call c) {
    if (!c.body().path("autoEnable").isBoolean()) {
      throw ApiException.validation("autoEnable: is required (true or false)");
    }
    store.putSetting(
        ORGANIZATION,
        object()
            .put("autoEnable", c.body().get("autoEnable").asBoolean())
            .put("maxAccountLimitReached", false));
    return object();
  }

  private JsonNode createMember(Call c) {
    JsonNode account = c.body().path("account");
    String id = account.path("accountId").asText(null);
    String email = account.path("email").asText(null);
    if (id == null || email == null) {
      throw ApiException.validation("account: accountId and email are required");
    }
    checkAccountId(id, "account.accountId");
    if (store.resource(MEMBER, id) != null) {
      throw ApiException.conflict("account " + id + " is already a member");
    }
    String arn = config.arn("member/" + id);
    String now = now();
    ObjectNode m = object();
    m.put("accountId", id);
    m.put("administratorAccountId", config.accountId());
    m.put("arn", arn);
    m.put("email", email);
    m.put("invitedAt", now);
    m.put("masterAccountId", config.accountId());
    // An organization's account is enabled at once; scans run with the server's own S3 access.
    m.put("relationshipStatus", "Enabled");
    m.put("updatedAt", now);
    store.transaction(
        () -> {
          store.putResource(MEMBER, id, email, now, m);
          store.tag(arn, tagMap(c.body().get("tags")));
          return null;
        });
    return object().put("arn", arn);
  }

  private ObjectNode getMember(String id) {
    ObjectNode m = store.resource(MEMBER, id);
    if (m == null) {
      throw ApiException.notFound("account " + id + " is not a member");
    }
    m.set("tags", tagsOf(m.get("arn").asText()));
    return m;
  }

  private JsonNode listMembers(Call c) {
    boolean onlyAssociated = !"false".equals(c.query("onlyAssociated"));
    List<ObjectNode> members =
        store.resources(MEMBER).stream()
            .filter(
                m -> !onlyAssociated || !"Removed".equals(m.path("relationshipStatus").asText()))
            .toList();
    return page(
        c,
        members,
        "members",
        m -> {
          ObjectNode out = m.deepCopy();
          out.set("tags", tagsOf(m.get("arn").asText()));
          return out;
        });
  }

  private JsonNode deleteMember(String id) {
    ObjectNode m = getMember(id);
    store.transaction(
        () -> {
          store.deleteResource(MEMBER, id);
          store.untagAll(m.get("arn").asText());
          return null;
        });
    return object();
  }

  private JsonNode disassociateMember(String id) {
    ObjectNode m = getMember(id);
    m.remove("tags");
    m.put("relationshipStatus", "Removed");
    m.put("updatedAt", now());
    store.putResource(MEMBER, id, m.get("email").asText(), m.get("invitedAt").asText(), m);
    return object();
  }

  /** A member's Macie status: ENABLED or PAUSED (relationship Enabled or Paused). */
  private JsonNode updateMemberSession(Call c) {
    String id = c.label("id");
    ObjectNode m = getMember(id);
    m.remove("tags");
    String status = oneOf(c, "status", Set.of("ENABLED", "PAUSED"), null);
    if (status == null) {
      throw ApiException.validation("status: is required (ENABLED or PAUSED)");
    }
    m.put("relationshipStatus", status.equals("ENABLED") ? "Enabled" : "Paused");
    m.put("updatedAt", now());
    store.putResource(MEMBER, id, m.get("email").asText(), m.get("invitedAt").asText(), m);
    return object();
  }

  /**
   * Invitations to member accounts: nothing is sent from here, so each invited member is enabled at
   * once (as an organization's accounts are); accounts that are not members are unprocessed.
   */
  private JsonNode createInvitations(Call c) {
    ArrayNode unprocessed = array();
    for (String id : strings(c.body().path("accountIds"))) {
      ObjectNode m = store.resource(MEMBER, id);
      if (m == null) {
        unprocessed
            .addObject()
            .put("accountId", id)
            .put("errorCode", "ClientError")
            .put("errorMessage", "the account is not a member; CreateMember first");
        continue;
      }
      m.put("relationshipStatus", "Enabled");
      m.put("invitedAt", now());
      m.put("updatedAt", now());
      store.putResource(MEMBER, id, m.get("email").asText(), m.get("invitedAt").asText(), m);
    }
    ObjectNode out = object();
    out.set("unprocessedAccounts", unprocessed);
    return out;
  }

  private static void checkAccountId(String id, String member) {
    if (!id.matches("\\d{12}")) {
      throw ApiException.validation(member + ": must be a 12-digit account id, got '" + id + "'");
    }
  }

  // ---------------------------------------------------------------- tags

  private JsonNode tagResource(Call c) {
    String arn = checkedArn(c.label("resourceArn"));
    JsonNode tags = c.body().get("tags");
    if (tags == null || !tags.isObject()) {
      throw ApiException.validation("tags: is required (a map of key to value)");
    }
    Map<String, String> map = tagMap(tags);
    if (store.tags(arn).size() + map.size() > 50) {
      throw ApiException.validation("tags: at most 50 per resource");
    }
    store.tag(arn, map);
    return null;
  }

  private JsonNode untagResource(Call c) {
    String arn = checkedArn(c.label("resourceArn"));
    store.untag(arn, c.queryAll("tagKeys"));
    return null;
  }

  /** An ARN of a resource this server holds, else ResourceNotFoundException. */
  private String checkedArn(String arn) {
    String prefix = config.arn("");
    if (arn == null || !arn.startsWith(prefix)) {
      throw ApiException.validation("resourceArn: not an ARN of this account and Region: " + arn);
    }
    String rest = arn.substring(prefix.length());
    int slash = rest.indexOf('/');
    String type = slash < 0 ? rest : rest.substring(0, slash);
    String id = slash < 0 ? "" : rest.substring(slash + 1);
    String kind =
        switch (type) {
          case "custom-data-identifier" -> CDI;
          case "allow-list" -> ALLOW_LIST;
          case "classification-job" -> JOB;
          case "findings-filter" -> FILTER;
          case "member" -> MEMBER;
          default ->
              throw ApiException.validation("resourceArn: not a taggable Macie resource: " + arn);
        };
    if (store.resource(kind, id) == null) {
      throw ApiException.notFound("no resource " + arn);
    }
    return arn;
  }

  private ObjectNode tagsOf(String arn) {
    ObjectNode out = object();
    store.tags(arn).forEach(out::put);
    return out;
  }

  private static Map<String, String> tagMap(JsonNode tags) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tags == null || tags.isNull()) {
      return out;
    }
    if (!tags.isObject()) {
      throw ApiException.validation("tags: must be a map of key to value");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = tags.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().asText());
    }
    if (out.size() > 50) {
      throw ApiException.validation("tags: at most 50, got " + out.size());
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  /**
   * One page of {@code items}: {@code maxResults} (default and most 1,000 here) from the offset in
   * {@code nextToken}; the next token when more are left.
   */
  private static JsonNode page(
      Call c, List<ObjectNode> items, String member, Function<ObjectNode, ObjectNode> shape) {
    Integer max = c.integer("maxResults");
    if (max != null && max < 1) {
      throw ApiException.validation("maxResults: must be at least 1, got " + max);
    }
    int size = max == null ? 1000 : Math.min(max, 1000);
    String token = c.text("nextToken") != null ? c.text("nextToken") : c.query("nextToken");
    int from = token == null || token.isEmpty() ? 0 : offsetOf(token);
    ObjectNode out = object();
    ArrayNode list = out.putArray(member);
    for (int i = from; i < Math.min(items.size(), from + size); i++) {
      list.add(shape.apply(items.get(i)));
    }
    if (from + size < items.size()) {
      out.put("nextToken", tokenOf(from + size));
    }
    return out;
  }

  static String tokenOf(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static int offsetOf(String token) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (s.startsWith("offset:")) {
        return Integer.parseInt(s.substring("offset:".length()));
      }
    } catch (IllegalArgumentException e) {
      // below
    }
    throw ApiException.validation("nextToken: not a token this API gave");
  }

  private static ObjectNode summary(ObjectNode r, String... members) {
    ObjectNode s = object();
    for (String m : members) {
      if (r.has(m)) {
        s.set(m, r.get(m));
      }
    }
    return s;
  }

  private static void copy(JsonNode from, ObjectNode to, String member) {
    if (from.hasNonNull(member)) {
      to.set(member, from.get(member));
    }
  }

  private static String oneOf(Call c, String member, Set<String> values, String otherwise) {
    String v = c.text(member);
    if (v == null) {
      return otherwise;
    }
    if (!values.contains(v)) {
      throw ApiException.validation(
          member
              + ": must be one of "
              + String.join(", ", new TreeSet<>(values))
              + ", got '"
              + v
              + "'");
    }
    return v;
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode n : array) {
      if (n.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  /**
   * A request member's error: the member and why, without the operation name the parser put first.
   */
  static ApiException validation(ConfigException e) {
    String message = e.getMessage();
    String prefix = e.file() + ": ";
    return ApiException.validation(
        message.startsWith(prefix) && e.field() != null
            ? message.substring(prefix.length())
            : message);
  }

  static ObjectNode object() {
    return Store.JSON.createObjectNode();
  }

  static ArrayNode array() {
    return Store.JSON.createArrayNode();
  }

  static String now() {
    return FindingFactory.timestamp(Instant.now());
  }

  private static String hex(int digits) {
    StringBuilder sb = new StringBuilder();
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < digits; i++) {
      sb.append(Character.forDigit(r.nextInt(16), 16));
    }
    return sb.toString();
  }
}
