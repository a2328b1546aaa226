package dev.assay.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.engine.source.ScanObject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a classification job: a CreateClassificationJob request body (JSON), as {@code aws macie2
 * create-classification-job --cli-input-json} takes it, checked against Macie's rules for
 * CreateClassificationJob and S3JobDefinition. Every error names the file and the member, such as
 * {@code job.json: s3JobDefinition.scoping.includes.and[0].simpleScopeTerm.comparator: ...}.
 * Stateless.
 *
 * <p>{@code clientToken} is optional, as with the AWS CLI, which generates it.
 */
public final class ClassificationJobFiles {
  private static final Set<String> MEMBERS =
      Set.of(
          "allowListIds",
          "clientToken",
          "customDataIdentifierIds",
          "description",
          "initialRun",
          "jobType",
          "managedDataIdentifierIds",
          "managedDataIdentifierSelector",
          "name",
          "s3JobDefinition",
          "samplingPercentage",
          "scheduleFrequency",
          "tags");
  private static final Set<String> SELECTORS =
      Set.of("ALL", "EXCLUDE", "INCLUDE", "NONE", "RECOMMENDED");
  private static final Set<String> DAYS =
      Set.of("SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY");
  private static final String BUCKET_NAME = "[A-Za-z0-9.\\-_]{3,255}";

  private ClassificationJobFiles() {}

  /** Reads and checks {@code file}. */
  public static ClassificationJob load(Path file) throws ConfigException {
    return parse(file.toString(), CustomIdentifierFiles.readJson(file));
  }

  /**
   * Checks a CreateClassificationJob body.
   *
   * @param file what messages name as the file
   */
  public static ClassificationJob parse(String file, JsonNode body) throws ConfigException {
    Reader r = new Reader(file);
    if (!body.isObject()) {
      throw new ConfigException(file, null, "must be a CreateClassificationJob JSON object");
    }
    r.onlyMembers(body, "", MEMBERS, "CreateClassificationJob");
    String name = r.text(body, "", "name", true);
    if (name.isEmpty() || name.length() > 500) {
      throw new ConfigException(file, "name", "must be 1 to 500 characters, got " + name.length());
    }
    String description = r.text(body, "", "description", false);
    if (description != null && description.length() > 200) {
      throw new ConfigException(
          file, "description", "must be at most 200 characters, got " + description.length());
    }
    String jobTypeText = r.text(body, "", "jobType", true);
    ClassificationJob.JobType jobType =
        r.oneOf(jobTypeText, "jobType", ClassificationJob.JobType.class);
    JsonNode schedule = body.get("scheduleFrequency");
    if (jobType == ClassificationJob.JobType.ONE_TIME && schedule != null && !schedule.isNull()) {
      throw new ConfigException(file, "scheduleFrequency", "must be left out for a ONE_TIME job");
    }
    if (jobType == ClassificationJob.JobType.SCHEDULED) {
      r.schedule(schedule);
    }
    JsonNode initialRun = body.get("initialRun");
    if (initialRun != null && !initialRun.isNull() && !initialRun.isBoolean()) {
      throw new ConfigException(file, "initialRun", "must be true or false");
    }
    int sampling = 100;
    JsonNode s = body.get("samplingPercentage");
    if (s != null && !s.isNull()) {
      if (!s.isIntegralNumber() || s.asLong() < 1 || s.asLong() > 100) {
        throw new ConfigException(
            file, "samplingPercentage", "must be an integer from 1 to 100, got " + s);
      }
      sampling = s.intValue();
    }
    String selector = r.text(body, "", "managedDataIdentifierSelector", false);
    if (selector != null && !SELECTORS.contains(selector)) {
      throw new ConfigException(
          file,
          "managedDataIdentifierSelector",
          "must be ALL, EXCLUDE, INCLUDE, NONE or RECOMMENDED, got '" + selector + "'");
    }
    List<String> managedIds = r.strings(body, "", "managedDataIdentifierIds", Integer.MAX_VALUE);
    List<String> customIds = r.strings(body, "", "customDataIdentifierIds", 30);
    List<String> allowListIds = r.strings(body, "", "allowListIds", 10);
    String effective = selector == null ? "RECOMMENDED" : selector;
    boolean listed = effective.equals("INCLUDE") || effective.equals("EXCLUDE");
    if (listed && managedIds.isEmpty()) {
      throw new ConfigException(
          file,
          "managedDataIdentifierIds",
          "is required with managedDataIdentifierSelector " + effective);
    }
    if (!listed && !managedIds.isEmpty()) {
      throw new ConfigException(
          file,
          "managedDataIdentifierIds",
          "must be empty unless managedDataIdentifierSelector is INCLUDE or EXCLUDE (it is "
              + effective
              + ")");
    }
    if (effective.equals("NONE") && customIds.isEmpty()) {
      throw new ConfigException(
          file,
          "customDataIdentifierIds",
          "needs at least one id when managedDataIdentifierSelector is NONE, as in Macie");
    }
    JsonNode tags = body.get("tags");
    if (tags != null && !tags.isNull()) {
      if (!tags.isObject() || tags.size() > 50) {
        throw new ConfigException(file, "tags", "must be an object of at most 50 string values");
      }
    }
    JsonNode def = body.get("s3JobDefinition");
    if (def == null || !def.isObject()) {
      throw new ConfigException(
          file,
          "s3JobDefinition",
          "is required: an object with bucketDefinitions or bucketCriteria");
    }
    r.onlyMembers(
        def,
        "s3JobDefinition.",
        Set.of("bucketDefinitions", "bucketCriteria", "scoping"),
        "S3JobDefinition");
    boolean hasDefinitions = def.hasNonNull("bucketDefinitions");
    boolean hasCriteria = def.hasNonNull("bucketCriteria");
    if (hasDefinitions == hasCriteria) {
      throw new ConfigException(
          file, "s3JobDefinition", "must have exactly one of bucketDefinitions and bucketCriteria");
    }
    Map<String, List<String>> definitions =
        hasDefinitions ? r.bucketDefinitions(def.get("bucketDefinitions")) : Map.of();
    BucketCriteria criteria = hasCriteria ? r.bucketCriteria(def.get("bucketCriteria")) : null;
    List<ScopeTerm> includes = List.of();
    List<ScopeTerm> excludes = List.of();
    JsonNode scoping = def.get("scoping");
    if (scoping != null && !scoping.isNull()) {
      String where = "s3JobDefinition.scoping";
      if (!scoping.isObject()) {
        throw new ConfigException(file, where, "must be an object with includes and/or excludes");
      }
      r.onlyMembers(scoping, where + ".", Set.of("includes", "excludes"), "Scoping");
      includes = r.scopeBlock(scoping.get("includes"), where + ".includes");
      excludes = r.scopeBlock(scoping.get("excludes"), where + ".excludes");
    }
    return new ClassificationJob(
        file,
        name,
        description,
        jobType,
        sampling,
        selector,
        managedIds,
        customIds,
        allowListIds,
        definitions,
        criteria,
        new JobScope(includes, excludes, sampling, name));
  }

  /**
   * An ISO-8601 instant such as {@code 2023-09-24T14:31:13Z}; an offset other than Z is allowed.
   */
  static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text).toInstant();
    }
  }

  /** Reading helpers that know the file name. */
  private static final class Reader {
    private final String file;

    Reader(String file) {
      this.file = file;
    }

    void onlyMembers(JsonNode node, String prefix, Set<String> members, String shape)
        throws ConfigException {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String m = it.next();
        if (!members.contains(m)) {
          throw new ConfigException(file, prefix + m, "is not a member of " + shape);
        }
      }
    }

    String text(JsonNode body, String prefix, String member, boolean required)
        throws ConfigException {
      JsonNode n = body.get(member);
      if (n == null || n.isNull()) {
        if (required) {
          throw new ConfigException(file, prefix + member, "is required");
        }
        return null;
      }
      if (!n.isTextual()) {
        throw new ConfigException(file, prefix + member, "must be a string");
      }
      return n.asText();
    }

    List<String> strings(JsonNode body, String prefix, String member, int max)
        throws ConfigException {
      JsonNode n = body.get(member);
      if (n == null || n.isNull()) {
        return List.of();
      }
      if (!n.isArray()) {
        throw new ConfigException(file, prefix + member, "must be an array of strings");
      }
      if (n.size() > max) {
        throw new ConfigException(
            file, prefix + member, "holds " + n.size() + " ids; Macie allows at most " + max);
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        if (!n.get(i).isTextual() || n.get(i).asText().isEmpty()) {
          throw new ConfigException(
              file, prefix + member + "[" + i + "]", "must be a non-empty string");
        }
        out.add(n.get(i).asText());
      }
      return out;
    }

    <E extends Enum<E>> E oneOf(String value, String field, Class<E> type) throws ConfigException {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(value)) {
          return e;
        }
      }
      List<String> names = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        names.add(e.name());
      }
      throw new ConfigException(
          file, field, "must be one of " + String.join(", ", names) + ", got '" + value + "'");
    }

    void schedule(JsonNode schedule) throws ConfigException {
      if (schedule == null || schedule.isNull() || !schedule.isObject()) {
        throw new ConfigException(file, "scheduleFrequency", "is required for a SCHEDULED job");
      }
      onlyMembers(
          schedule,
          "scheduleFrequency.",
          Set.of("dailySchedule", "weeklySchedule", "monthlySchedule"),
          "JobScheduleFrequency");
      if (schedule.size() != 1) {
        throw new ConfigException(
            file,
            "scheduleFrequency",
            "must have exactly one of dailySchedule, weeklySchedule and monthlySchedule");
      }
      JsonNode weekly = schedule.get("weeklySchedule");
      if (weekly != null
          && (!weekly.path("dayOfWeek").isTextual()
              || !DAYS.contains(weekly.path("dayOfWeek").asText()))) {
        throw new ConfigException(
            file, "scheduleFrequency.weeklySchedule.dayOfWeek", "must be SUNDAY to SATURDAY");
      }
      JsonNode monthly = schedule.get("monthlySchedule");
      if (monthly != null) {
        JsonNode day = monthly.path("dayOfMonth");
        if (!day.isIntegralNumber() || day.asInt() < 1 || day.asInt() > 31) {
          throw new ConfigException(
              file,
              "scheduleFrequency.monthlySchedule.dayOfMonth",
              "must be an integer from 1 to 31");
        }
      }
    }

    Map<String, List<String>> bucketDefinitions(JsonNode defs) throws ConfigException {
      String where = "s3JobDefinition.bucketDefinitions";
      if (!defs.isArray() || defs.isEmpty()) {
        throw new ConfigException(file, where, "must be a non-empty array of {accountId, buckets}");
      }
      Map<String, List<String>> out = new LinkedHashMap<>();
      int total = 0;
      for (int i = 0; i < defs.size(); i++) {
        String at = where + "[" + i + "]";
        JsonNode d = defs.get(i);
        if (!d.isObject()) {
          throw new ConfigException(file, at, "must be an object {accountId, buckets}");
        }
        onlyMembers(d, at + ".", Set.of("accountId", "buckets"), "S3BucketDefinitionForJob");
        String account = text(d, at + ".", "accountId", true);
        if (!account.matches("\\d{12}")) {
          throw new ConfigException(
              file, at + ".accountId", "must be a 12-digit account id, got '" + account + "'");
        }
        List<String> buckets = strings(d, at + ".", "buckets", Integer.MAX_VALUE);
        if (buckets.isEmpty()) {
          throw new ConfigException(file, at + ".buckets", "is required: at least one bucket name");
        }
        for (int b = 0; b < buckets.size(); b++) {
          if (!buckets.get(b).matches(BUCKET_NAME)) {
            throw new ConfigException(
                file, at + ".buckets[" + b + "]", "is not a bucket name: '" + buckets.get(b) + "'");
          }
        }
        total += buckets.size();
        out.computeIfAbsent(account, k -> new ArrayList<>()).addAll(buckets);
      }
      if (total > 1000) {
        throw new ConfigException(
            file, where, "names " + total + " buckets; Macie allows at most 1,000 per job");
      }
      out.replaceAll((k, v) -> Collections.unmodifiableList(v));
      return Collections.unmodifiableMap(out);
    }

    BucketCriteria bucketCriteria(JsonNode criteria) throws ConfigException {
      String where = "s3JobDefinition.bucketCriteria";
      if (!criteria.isObject()) {
        throw new ConfigException(file, where, "must be an object with includes and/or excludes");
      }
      onlyMembers(criteria, where + ".", Set.of("includes", "excludes"), "S3BucketCriteriaForJob");
      return new BucketCriteria(
          file,
          criteriaBlock(criteria.get("includes"), where + ".includes"),
          criteriaBlock(criteria.get("excludes"), where + ".excludes"));
    }

    private List<BucketCriteria.Criterion> criteriaBlock(JsonNode block, String where)
        throws ConfigException {
      List<BucketCriteria.Criterion> out = new ArrayList<>();
      for (JsonNode c : and(block, where)) {
        String at = where + ".and[" + out.size() + "]";
        onlyMembers(c, at + ".", Set.of("simpleCriterion", "tagCriterion"), "CriteriaForJob");
        if (c.size() != 1) {
          throw new ConfigException(
              file, at, "must have exactly one of simpleCriterion and tagCriterion");
        }
        JsonNode simple = c.get("simpleCriterion");
        if (simple != null) {
          at += ".simpleCriterion";
          onlyMembers(
              simple, at + ".", Set.of("comparator", "key", "values"), "SimpleCriterionForJob");
          boolean eq = equality(simple, at);
          String key = text(simple, at + ".", "key", true);
          switch (key) {
            case "ACCOUNT_ID", "S3_BUCKET_NAME" -> {}
            case "S3_BUCKET_EFFECTIVE_PERMISSION", "S3_BUCKET_SHARED_ACCESS" ->
                throw new ConfigException(
                    file,
                    at + ".key",
                    key
                        + " needs Macie's bucket inventory and cannot be evaluated by Assay; use bucketDefinitions or S3_BUCKET_NAME");
            default ->
                throw new ConfigException(
                    file,
                    at + ".key",
                    "must be ACCOUNT_ID, S3_BUCKET_NAME, S3_BUCKET_EFFECTIVE_PERMISSION or S3_BUCKET_SHARED_ACCESS, got '"
                        + key
                        + "'");
          }
          List<String> values = strings(simple, at + ".", "values", Integer.MAX_VALUE);
          if (values.isEmpty()) {
            throw new ConfigException(file, at + ".values", "is required: at least one value");
          }
          out.add(new BucketCriteria.SimpleCriterion(key, eq, values));
        } else {
          at += ".tagCriterion";
          JsonNode tag = c.get("tagCriterion");
          onlyMembers(tag, at + ".", Set.of("comparator", "tagValues"), "TagCriterionForJob");
          out.add(new BucketCriteria.TagCriterion(equality(tag, at), tagValues(tag, at, false)));
        }
      }
      return out;
    }

    private boolean equality(JsonNode node, String at) throws ConfigException {
      String comparator = text(node, at + ".", "comparator", true);
      if (!comparator.equals("EQ") && !comparator.equals("NE")) {
        throw new ConfigException(
            file, at + ".comparator", "must be EQ or NE, got '" + comparator + "'");
      }
      return comparator.equals("EQ");
    }

    private List<ScanObject.Tag> tagValues(JsonNode node, String at, boolean keyRequired)
        throws ConfigException {
      JsonNode values = node.get("tagValues");
      if (values == null || !values.isArray() || values.isEmpty()) {
        throw new ConfigException(
            file, at + ".tagValues", "is required: a non-empty array of {key, value}");
      }
      List<ScanObject.Tag> out = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        String t = at + ".tagValues[" + i + "]";
        JsonNode v = values.get(i);
        if (!v.isObject()) {
          throw new ConfigException(file, t, "must be an object {key, value}");
        }
        onlyMembers(v, t + ".", Set.of("key", "value"), "TagValuePair");
        String key = text(v, t + ".", "key", keyRequired);
        String value = text(v, t + ".", "value", false);
        if ((key == null || key.isEmpty()) && (value == null || value.isEmpty())) {
          throw new ConfigException(file, t, "needs a key, a value or both");
        }
        out.add(new ScanObject.Tag(key == null ? "" : key, value == null ? "" : value));
      }
      return out;
    }

    /** The terms of a block {@code {"and": [...]}}; none when the block is absent. */
    private List<JsonNode> and(JsonNode block, String where) throws ConfigException {
      if (block == null || block.isNull()) {
        return List.of();
      }
      if (!block.isObject()) {
        throw new ConfigException(file, where, "must be an object {\"and\": [...]}");
      }
      onlyMembers(block, where + ".", Set.of("and"), "block");
      JsonNode and = block.get("and");
      if (and == null || !and.isArray() || and.isEmpty()) {
        throw new ConfigException(
            file, where + ".and", "is required: a non-empty array of conditions");
      }
      List<JsonNode> out = new ArrayList<>();
      for (int i = 0; i < and.size(); i++) {
        if (!and.get(i).isObject()) {
          throw new ConfigException(file, where + ".and[" + i + "]", "must be an object");
        }
        out.add(and.get(i));
      }
      return out;
    }

    List<ScopeTerm> scopeBlock(JsonNode block, String where) throws ConfigException {
      List<ScopeTerm> out = new ArrayList<>();
      for (JsonNode term : and(block, where)) {
        String at = where + ".and[" + out.size() + "]";
        onlyMembers(term, at + ".", Set.of("simpleScopeTerm", "tagScopeTerm"), "JobScopeTerm");
        if (term.size() != 1) {
          throw new ConfigException(
              file, at, "must have exactly one of simpleScopeTerm and tagScopeTerm");
        }
        out.add(
            term.has("simpleScopeTerm")
                ? simpleTerm(term.get("simpleScopeTerm"), at + ".simpleScopeTerm")
                : tagTerm(term.get("tagScopeTerm"), at + ".tagScopeTerm"));
      }
      return out;
    }

    private ScopeTerm simpleTerm(JsonNode t, String at) throws ConfigException {
      onlyMembers(t, at + ".", Set.of("comparator", "key", "values"), "SimpleScopeTerm");
      ScopeTerm.Key key = oneOf(text(t, at + ".", "key", true), at + ".key", ScopeTerm.Key.class);
      ScopeTerm.Comparator comparator =
          oneOf(
              text(t, at + ".", "comparator", true),
              at + ".comparator",
              ScopeTerm.Comparator.class);
      // Which comparators each key takes (SimpleScopeTerm in the Macie API reference). CONTAINS
      // applies to the object key only: a substring, where STARTS_WITH is a prefix.
      EnumSet<ScopeTerm.Comparator> allowed =
          switch (key) {
            case OBJECT_EXTENSION -> EnumSet.of(ScopeTerm.Comparator.EQ, ScopeTerm.Comparator.NE);
            case OBJECT_KEY ->
                EnumSet.of(ScopeTerm.Comparator.STARTS_WITH, ScopeTerm.Comparator.CONTAINS);
            case OBJECT_LAST_MODIFIED_DATE, OBJECT_SIZE ->
                EnumSet.complementOf(
                    EnumSet.of(ScopeTerm.Comparator.CONTAINS, ScopeTerm.Comparator.STARTS_WITH));
          };
      if (!allowed.contains(comparator)) {
        throw new ConfigException(
            file, at + ".comparator", key + " takes " + allowed + ", not " + comparator);
      }
      List<String> values = strings(t, at + ".", "values", Integer.MAX_VALUE);
      if (values.isEmpty()) {
        throw new ConfigException(file, at + ".values", "is required: at least one value");
      }
      switch (key) {
        case OBJECT_EXTENSION -> {
          for (int i = 0; i < values.size(); i++) {
            if (values.get(i).startsWith(".")) {
              throw new ConfigException(
                  file,
                  at + ".values[" + i + "]",
                  "an extension is given without its dot, such as 'pdf'");
            }
          }
        }
        case OBJECT_SIZE -> {
          one(values, at);
          try {
            if (Long.parseLong(values.get(0)) < 0) {
              throw new NumberFormatException();
            }
          } catch (NumberFormatException e) {
            throw new ConfigException(
                file,
                at + ".values[0]",
                "must be a size in bytes (a whole number), got '" + values.get(0) + "'");
          }
        }
        case OBJECT_LAST_MODIFIED_DATE -> {
          one(values, at);
          try {
            instant(values.get(0));
          } catch (DateTimeParseException e) {
            throw new ConfigException(
                file,
                at + ".values[0]",
                "must be an ISO-8601 date and time such as 2023-09-24T14:31:13Z, got '"
                    + values.get(0)
                    + "'");
          }
        }
        default -> {}
      }
      return new ScopeTerm.Simple(key, comparator, values);
    }

    private void one(List<String> values, String at) throws ConfigException {
      if (values.size() != 1) {
        throw new ConfigException(
            file, at + ".values", "takes exactly one value, got " + values.size());
      }
    }

    private ScopeTerm tagTerm(JsonNode t, String at) throws ConfigException {
      onlyMembers(t, at + ".", Set.of("comparator", "key", "tagValues", "target"), "TagScopeTerm");
      String comparator = text(t, at + ".", "comparator", true);
      if (!comparator.equals("EQ") && !comparator.equals("NE")) {
        throw new ConfigException(
            file, at + ".comparator", "must be EQ or NE, got '" + comparator + "'");
      }
      String key = text(t, at + ".", "key", false);
      if (key != null && !key.equals("TAG")) {
        throw new ConfigException(file, at + ".key", "must be TAG, got '" + key + "'");
      }
      String target = text(t, at + ".", "target", false);
      if (target != null && !target.equals("S3_OBJECT")) {
        throw new ConfigException(file, at + ".target", "must be S3_OBJECT, got '" + target + "'");
      }
      return new ScopeTerm.Tag(ScopeTerm.Comparator.valueOf(comparator), tagValues(t, at, true));
    }
  }
}
