package dev.monocle.translation.web;

import dev.monocle.decoding.LanguagePair;
import dev.monocle.decoding.Segments;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
import dev.monocle.translation.internal.Coordinator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The Apertium APy face, so APy clients work against Monocle: {@code /apy/translate} (GET, or POST
 * with a form) and {@code /apy/listPairs}, answering in APy's envelope. {@code langpair} takes API
 * codes ({@code en|es}) or Apertium's ({@code eng|spa}); unknown words are never marked and the
 * text is plain text, whatever {@code markUnknown} or {@code format} say. Errors are the platform's
 * problem documents, with APy's status codes.
 */
@Path("apy")
@Produces(MediaType.APPLICATION_JSON)
@Allow(
    roles = {Role.TRANSLATOR, Role.CATALOG_EDITOR, Role.TENANT_ADMIN},
    scopes = Scope.TRANSLATE)
@ApplicationScoped
public class ApyResource {

  @Inject Coordinator coordinator;

  @GET
  @Path("translate")
  public JsonObject translate(@Context UriInfo uri) {
    return translate(uri.getQueryParameters(), new MultivaluedHashMap<>());
  }

  @POST
  @Path("translate")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public JsonObject translateForm(@Context UriInfo uri, MultivaluedMap<String, String> form) {
    return translate(uri.getQueryParameters(), form);
  }

  private JsonObject translate(
      MultivaluedMap<String, String> query, MultivaluedMap<String, String> form) {
    String langpair = single(query, form, "langpair");
    String q = single(query, form, "q");
    LanguagePair pair = LanguagePair.fromApy(langpair);
    if (pair == null) {
      throw ProblemException.validation(
          List.of(new FieldError("langpair", "must be a pair such as en|es")));
    }
    Segments.check(pair.source(), pair.target(), List.of(q));
    String translated = coordinator.translate(pair, List.of(q)).segments().get(0);
    return envelope(Json.createObjectBuilder().add("translatedText", translated).build());
  }

  @GET
  @Path("listPairs")
  public JsonObject listPairs() {
    JsonArrayBuilder pairs = Json.createArrayBuilder();
    for (LanguagePair pair : coordinator.knownPairs()) {
      pairs.add(
          Json.createObjectBuilder()
              .add("sourceLanguage", pair.source())
              .add("targetLanguage", pair.target()));
    }
    return envelope(pairs.build());
  }

  private static JsonObject envelope(JsonValue data) {
    return Json.createObjectBuilder()
        .add("responseData", data)
        .add("responseDetails", JsonValue.NULL)
        .add("responseStatus", 200)
        .build();
  }

  /** One value of a parameter, from the query or the form; missing or repeated is a 400. */
  private static String single(
      MultivaluedMap<String, String> query, MultivaluedMap<String, String> form, String name) {
    List<String> values = new java.util.ArrayList<>();
    values.addAll(query.getOrDefault(name, List.of()));
    values.addAll(form.getOrDefault(name, List.of()));
    if (values.size() != 1) {
      throw ProblemException.validation(
          List.of(new FieldError(name, values.isEmpty() ? "is required" : "must be given once")));
    }
    return values.get(0);
  }
}
