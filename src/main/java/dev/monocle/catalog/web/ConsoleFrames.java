package dev.monocle.catalog.web;

import dev.monocle.auth.AccessControl;
import dev.monocle.catalog.internal.Frame;
import dev.monocle.catalog.internal.FrameCatalog;
import dev.monocle.catalog.internal.FrameQuery;
import dev.monocle.catalog.internal.Vocabulary;
import dev.monocle.catalog.internal.Vocabulary.Term;
import dev.monocle.platform.ETags;
import dev.monocle.platform.Page;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.console.ConsolePage;
import dev.monocle.platform.console.ConsoleRedirect;
import dev.monocle.platform.console.Flash;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The frame catalog in the console: a search with the API's filters, in the caller's tenant as the
 * API scopes it (platform admins see every tenant's frames), and an edit form per frame. A save is
 * the API's merge patch through the same {@link FrameCatalog}: the same rules, the same version
 * check (the form carries the version it was read at, as {@code If-Match}) and the same audit
 * event.
 */
@Allow(roles = Role.TENANT_ADMIN)
@WebServlet(urlPatterns = {"/admin/frames", "/admin/frames/*"})
public class ConsoleFrames extends ConsolePage {

  private static final long serialVersionUID = 1L;

  /** The search filters of the page, each a query parameter of the API's search. */
  private static final Map<String, Integer> FILTERS =
      Map.of("q", 200, "brand", 100, "shape", 32, "status", 16, "in_stock", 8, "sort", 16);

  @Inject transient FrameCatalog catalog;
  @Inject transient AccessControl access;

  @Override
  protected void show(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String id = frameId(request);
    vocabularies(request);
    if (id == null) {
      search(request, response);
      return;
    }
    if (id.isEmpty()) {
      ConsoleRedirect.to(request, response, "/admin/frames");
      return;
    }
    FrameCatalog.Versioned found = catalog.get(id, null);
    Frame frame = found.frame();
    request.setAttribute("frame", frame);
    request.setAttribute(
        "amount",
        frame.price() == null || frame.price().amount() == null
            ? null
            : frame.price().amount().toPlainString());
    request.setAttribute("version", found.version());
    render(request, response, "frame");
  }

  private void search(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    request.setAttribute("everyTenant", access.caller().isPlatformWide());
    Page<Frame> found;
    try {
      Map<String, String> params = new HashMap<>();
      for (Map.Entry<String, Integer> filter : FILTERS.entrySet()) {
        String value = field(request, filter.getKey(), filter.getValue());
        if (value != null) {
          params.put(filter.getKey(), value);
        }
      }
      requireText(params);
      found = catalog.search(FrameQuery.parse(params), listPage(request));
    } catch (ProblemException refused) {
      // a bad filter: the form again with what is wrong, and no results
      response.setStatus(refused.status());
      request.setAttribute(
          "flash",
          Flash.error(
              refused.title() + ". " + refused.detail(),
              refused.errors().stream().map(e -> e.field() + ": " + e.message()).toList()));
      found = new Page<>(List.of(), null);
    }
    request.setAttribute("frames", found.items());
    request.setAttribute("nextCursor", found.nextCursor());
    render(request, response, "frames");
  }

  /** Like the API's query parameters: no control characters in a filter. */
  private static void requireText(Map<String, String> params) {
    List<FieldError> errors = new ArrayList<>();
    params.forEach(
        (name, value) -> {
          if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(name, "must not contain control characters"));
          }
        });
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
  }

  /** Saves the edit form as a merge patch of the fields it shows, at the version it was read. */
  @Override
  protected Next change(HttpServletRequest request) {
    String id = frameId(request);
    if (id == null || id.isEmpty()) {
      throw ProblemException.notFound();
    }
    Long version = ETags.parse(required(request, "version", 20));
    JsonObjectBuilder patch = Json.createObjectBuilder();
    text(patch, "sku", field(request, "sku", 64));
    text(patch, "name", field(request, "name", 200));
    text(patch, "brand", field(request, "brand", 100));
    text(patch, "model", field(request, "model", 100));
    text(patch, "description", field(request, "description", 5000));
    text(patch, "frame_type", field(request, "frame_type", 32));
    text(patch, "shape", field(request, "shape", 32));
    text(patch, "rim", field(request, "rim", 32));
    text(patch, "material", field(request, "material", 32));
    text(patch, "color", field(request, "color", 50));
    text(patch, "gender", field(request, "gender", 16));
    text(patch, "status", field(request, "status", 16));
    Integer stock = number(request, "stock", 0, 1_000_000);
    if (stock == null) {
      patch.add("stock", JsonValue.NULL);
    } else {
      patch.add("stock", stock.intValue());
    }
    JsonObjectBuilder price = Json.createObjectBuilder();
    BigDecimal amount = amount(field(request, "price_amount", 20));
    if (amount == null) {
      price.add("amount", JsonValue.NULL);
    } else {
      price.add("amount", amount);
    }
    text(price, "currency", field(request, "price_currency", 3));
    patch.add("price", price);
    FrameCatalog.Versioned saved = catalog.patch(id, version, patch.build());
    return Next.to("/admin/frames/" + saved.frame().id(), "Frame saved.");
  }

  /** A text field of the patch: an emptied field is removed, as {@code null} does in the API. */
  private static void text(JsonObjectBuilder patch, String name, String value) {
    if (value == null) {
      patch.add(name, JsonValue.NULL);
    } else {
      patch.add(name, value);
    }
  }

  private static BigDecimal amount(String value) {
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw ProblemException.validation(
          List.of(new FieldError("price.amount", "must be a number such as 129.90")));
    }
  }

  /** The frame id of a detail path; null for the search page, empty for "/admin/frames/". */
  private static String frameId(HttpServletRequest request) {
    String info = request.getPathInfo();
    if (info == null) {
      return null;
    }
    String id = info.substring(1);
    if (id.contains("/")) {
      throw ProblemException.notFound();
    }
    return id;
  }

  /** The closed vocabularies for the selects of both views. */
  private static void vocabularies(HttpServletRequest request) {
    request.setAttribute("shapes", wires(Vocabulary.Shape.values()));
    request.setAttribute("frameTypes", wires(Vocabulary.FrameType.values()));
    request.setAttribute("rims", wires(Vocabulary.Rim.values()));
    request.setAttribute("materials", wires(Vocabulary.Material.values()));
    request.setAttribute("genders", wires(Vocabulary.Gender.values()));
    request.setAttribute("statuses", wires(Vocabulary.Status.values()));
  }

  private static List<String> wires(Term[] terms) {
    return Arrays.stream(terms).map(Term::wire).toList();
  }
}
