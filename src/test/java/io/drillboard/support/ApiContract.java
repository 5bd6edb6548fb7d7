package io.drillboard.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Response;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableResponse;
import io.vertx.openapi.validation.ValidatorException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yaml as the check of every answer the tests get through {@link Http}: the status must be one the
 * operation documents, the content type one that status documents, the documented headers must hold, and a JSON body
 * (problem documents included) must match its schema, all by vertx-openapi's {@link ResponseValidator}. Bodies the
 * validator cannot read (HTML, CSV, Word) are checked for status and content type only. A request that is no
 * operation of the document (an unknown address, a static page) is not checked here: OpenApiContractTest holds the
 * routes and the document together.
 *
 * <p>The contract is loaded once per JVM. vertx-openapi 5.0.7 refuses a contract with media types it cannot validate,
 * so it is given the document with request bodies left out (only answers are checked), {@code +json} types renamed to
 * the vendor form it reads ({@code application/problem+json} to {@code application/vnd.problem+json}) and the other
 * types moved to {@value #OTHER_CONTENT}, where the content-type check still finds them.
 */
public final class ApiContract {
  private static final Path DOCUMENT = Path.of("docs/openapi.yaml");
  /** Where a response's media types that the validator cannot read are kept in the validator's copy. */
  private static final String OTHER_CONTENT = "x-other-content";
  /** What the HTTP layer answers to a request head over the limit, before any operation (docs/security.md). */
  private static final Set<Integer> BEFORE_ROUTING = java.util.Set.of(414, 431);
  private static final Set<String> NUMBER_FORMATS = java.util.Set.of("int32", "int64", "float", "double");

  private static final class Holder {
    static final ApiContract INSTANCE = new ApiContract();
  }

  private final Vertx vertx = Vertx.vertx();
  private final OpenAPIContract contract;
  private final ResponseValidator validator;
  private final AtomicLong checked = new AtomicLong();
  /** The shapes of the bodies validated so far, by operation, status and media type. */
  private final Set<String> validatedShapes = ConcurrentHashMap.newKeySet();

  private ApiContract() {
    contract = OpenAPIContract.from(vertx, forValidator(read())).await();
    validator = ResponseValidator.create(vertx, contract);
  }

  /** The contract, loaded at the first call. */
  public static ApiContract get() {
    return Holder.INSTANCE;
  }

  /** How many answers were checked against an operation in this JVM. */
  public long checked() {
    return checked.get();
  }

  /** Fails with an AssertionError naming the operation when the answer to {@code method uri} breaks the document. */
  public void check(HttpMethod method, String uri, HttpResponse<Buffer> response) {
    String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    Operation operation = contract.findOperation(path, method);
    if (operation == null || BEFORE_ROUTING.contains(response.statusCode())) {
      return;
    }
    checked.incrementAndGet();
    String name = operation.getOperationId() + " (" + method.name() + " " + operation.getOpenAPIPath() + ")";
    int status = response.statusCode();
    Response documented = operation.getResponse(status);
    if (documented == null) {
      documented = operation.getDefaultResponse();
    }
    if (documented == null) {
      throw new AssertionError(name + " answered " + status + ", a status the document does not give it; body: "
          + excerpt(response));
    }
    String contentType = response.getHeader("Content-Type");
    Buffer body = response.body() == null ? Buffer.buffer() : response.body();
    List<String> other = documented.getOpenAPIModel().getJsonArray(OTHER_CONTENT, new JsonArray()).stream()
        .map(String::valueOf).toList();
    if (documented.getContent().isEmpty() && other.isEmpty()) {
      if (body.length() > 0) {
        throw new AssertionError(name + " answered " + status + " with a " + contentType
            + " body where the document gives none: " + excerpt(response));
      }
      validate(name, status, response, null, null);
      return;
    }
    // A body without Content-Type is application/octet-stream to its recipient (RFC 9110, 8.3).
    String mediaType = contentType == null ? body.length() > 0 ? "application/octet-stream" : null
        : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    String key = validatorKey(mediaType);
    if (mediaType != null && other.contains(mediaType)) {
      return;
    }
    if (mediaType == null || !documented.getContent().containsKey(key)) {
      List<String> documentedTypes = new ArrayList<>(other);
      documented.getContent().keySet().forEach(type -> documentedTypes.add(type.replace("/vnd.", "/")));
      throw new AssertionError(name + " answered " + status + " as " + contentType + " where the document gives "
          + documentedTypes + ": " + excerpt(response));
    }
    if (validatedShapes.add(operation.getOperationId() + " " + status + " " + key + " " + Shape.of(response))) {
      validate(name, status, response, body, key);
    }
  }

  private void validate(String name, int status, HttpResponse<Buffer> response, Buffer body, String mediaType) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response.headers().names().forEach(header -> headers.put(header, response.getHeader(header)));
    ValidatableResponse answer = body == null ? ValidatableResponse.create(status, headers)
        : ValidatableResponse.create(status, headers, body, mediaType);
    try {
      validator.validate(answer, name.substring(0, name.indexOf(' '))).await();
    } catch (ValidatorException e) {
      throw new AssertionError(name + " answered " + status + " against the document: " + describe(e) + "; body: "
          + excerpt(response), e);
    }
  }

  private static String describe(ValidatorException e) {
    if (e instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
      OutputUnit unit = schema.getOutputUnit();
      List<OutputUnit> errors = unit.getErrors() == null || unit.getErrors().isEmpty() ? List.of(unit)
          : unit.getErrors();
      return e.getMessage() + " " + errors.stream()
          .map(error -> error.getInstanceLocation() + ": " + error.getError() + " (schema "
              + error.getAbsoluteKeywordLocation() + ")")
          .collect(Collectors.joining("; ", "[", "]"));
    }
    return e.getMessage();
  }

  private static String excerpt(HttpResponse<Buffer> response) {
    String text = response.bodyAsString();
    if (text == null) {
      return "(none)";
    }
    return text.length() > 600 ? text.substring(0, 600) + "..." : text;
  }

  /** {@code type/x+json} as the validator's vendor form {@code type/vnd.x+json}; other types unchanged. */
  private static String validatorKey(String mediaType) {
    if (mediaType == null || !mediaType.endsWith("+json") || MediaType.isMediaTypeSupported(mediaType)
        || MediaType.isVendorSpecificJson(mediaType)) {
      return mediaType;
    }
    return mediaType.replaceFirst("/", "/vnd.");
  }

  private static JsonObject read() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(10_000_000);
    try (Reader reader = Files.newBufferedReader(DOCUMENT, StandardCharsets.UTF_8)) {
      Map<String, Object> document = new Yaml(options).load(reader);
      return new JsonObject(document);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DOCUMENT, e);
    }
  }

  /** The document as vertx-openapi can take it: answers only, each media type in a form it reads or set aside. */
  private static JsonObject forValidator(JsonObject document) {
    JsonObject copy = document.copy();
    copy.getJsonObject("paths").forEach(path -> ((JsonObject) path.getValue()).forEach(item -> {
      if (item.getValue() instanceof JsonObject operation && operation.containsKey("responses")) {
        operation.remove("requestBody");
        operation.getJsonObject("responses").forEach(response -> adapt((JsonObject) response.getValue()));
      }
    }));
    JsonObject components = copy.getJsonObject("components", new JsonObject());
    components.remove("requestBodies");
    components.getJsonObject("responses", new JsonObject()).forEach(response -> adapt((JsonObject) response.getValue()));
    dropNumberFormatsOfNullables(copy);
    return copy;
  }

  /**
   * vertx-openapi 5.0.7 checks a number's format ({@code int64}, ...) on null too and fails it, although JSON Schema
   * applies a format only to the types it is meant for: a nullable number's format is left out of the validator's copy.
   */
  private static void dropNumberFormatsOfNullables(Object node) {
    if (node instanceof JsonObject object) {
      if (object.getValue("type") instanceof JsonArray types && types.contains("null")
          && object.getValue("format") instanceof String format && NUMBER_FORMATS.contains(format)) {
        object.remove("format");
      }
      object.forEach(entry -> dropNumberFormatsOfNullables(entry.getValue()));
    } else if (node instanceof JsonArray array) {
      array.forEach(ApiContract::dropNumberFormatsOfNullables);
    }
  }

  private static void adapt(JsonObject response) {
    JsonObject content = response.getJsonObject("content");
    if (content == null) {
      return;
    }
    JsonObject readable = new JsonObject();
    JsonArray other = new JsonArray();
    content.forEach(entry -> {
      String key = validatorKey(entry.getKey());
      if (key.equals(MediaType.APPLICATION_JSON) || MediaType.isVendorSpecificJson(key)) {
        readable.put(key, entry.getValue());
      } else {
        other.add(entry.getKey());
      }
    });
    response.put("content", readable);
    if (!other.isEmpty()) {
      response.put(OTHER_CONTENT, other);
    }
  }
}
