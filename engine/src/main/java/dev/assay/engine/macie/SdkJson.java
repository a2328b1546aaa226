package dev.assay.engine.macie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts between the AWS SDK's model objects and the JSON of the Macie2 REST protocol, member by
 * member through the model's own field descriptions (each field's wire name and type), so that a
 * user's request body goes to Macie as written and Macie's answer is read back in full.
 *
 * <p>Timestamps are written as Macie writes them: ISO-8601 in UTC with milliseconds. Stateless.
 */
final class SdkJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private SdkJson() {}

  /**
   * The JSON of a model object, with its payload members under their wire names; nulls left out.
   */
  static ObjectNode toJson(SdkPojo pojo) {
    ObjectNode out = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      // The SDK stands in empty auto-construct collections for members the answer left out.
      if (value != null
          && !(value instanceof SdkAutoConstructList<?>)
          && !(value instanceof SdkAutoConstructMap<?, ?>)) {
        out.set(field.locationName(), value(value));
      }
    }
    return out;
  }

  private static JsonNode value(Object value) {
    if (value instanceof SdkPojo pojo) {
      return toJson(pojo);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(v -> array.add(v == null ? NODES.nullNode() : value(v)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), v == null ? NODES.nullNode() : value(v)));
      return object;
    }
    if (value instanceof Instant instant) {
      return NODES.textNode(ISO_MILLIS.format(instant));
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Float f) {
      return NODES.numberNode(f);
    }
    if (value instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (value instanceof SdkBytes bytes) {
      return NODES.binaryNode(bytes.asByteArray());
    }
    return NODES.textNode(String.valueOf(value));
  }

  /**
   * Fills a request builder from a request body: each member of {@code json} that is a payload
   * member of the request is set; members the model does not know are returned, not set.
   *
   * @return the names of members that were left out
   */
  static List<String> fill(SdkPojo builder, JsonNode json) {
    List<String> unknown = new ArrayList<>();
    Map<String, SdkField<?>> fields = new LinkedHashMap<>();
    for (SdkField<?> field : builder.sdkFields()) {
      if (field.location() == MarshallLocation.PAYLOAD) {
        fields.put(field.locationName(), field);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = json.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      SdkField<?> field = fields.get(member.getKey());
      if (field == null) {
        unknown.add(member.getKey());
        continue;
      }
      if (!member.getValue().isNull()) {
        field.set(builder, read(field, member.getValue()));
      }
    }
    return unknown;
  }

  private static Object read(SdkField<?> field, JsonNode json) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      SdkPojo nested = field.constructor().get();
      fill(nested, json);
      return ((SdkBuilder<?, ?>) nested).build();
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<Object> out = new ArrayList<>();
      json.forEach(v -> out.add(v.isNull() ? null : read(member, v)));
      return out;
    }
    if (type == MarshallingType.MAP) {
      SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> out = new LinkedHashMap<>();
      json.properties()
          .forEach(
              e -> out.put(e.getKey(), e.getValue().isNull() ? null : read(member, e.getValue())));
      return out;
    }
    if (type == MarshallingType.INTEGER) {
      return json.asInt();
    }
    if (type == MarshallingType.LONG) {
      return json.asLong();
    }
    if (type == MarshallingType.DOUBLE) {
      return json.asDouble();
    }
    if (type == MarshallingType.FLOAT) {
      return (float) json.asDouble();
    }
    if (type == MarshallingType.BOOLEAN) {
      return json.isBoolean() ? json.asBoolean() : Boolean.parseBoolean(json.asText());
    }
    if (type == MarshallingType.INSTANT) {
      return Instant.parse(json.asText());
    }
    if (type == MarshallingType.BIG_DECIMAL) {
      return json.decimalValue();
    }
    return json.isTextual() ? json.asText() : json.toString();
  }
}
