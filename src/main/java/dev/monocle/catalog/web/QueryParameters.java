package dev.monocle.catalog.web;

import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of a request, checked against the ones an endpoint knows: an unknown or
 * repeated parameter is a 400 (a typo in a filter should not silently return everything).
 */
record QueryParameters(Map<String, String> values) {

  static QueryParameters of(UriInfo uri, String... known) {
    Set<String> allowed = Set.of(known);
    MultivaluedMap<String, String> given = uri.getQueryParameters();
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> values = new HashMap<>();
    for (Map.Entry<String, List<String>> p : given.entrySet()) {
      String name = p.getKey().length() > 40 ? p.getKey().substring(0, 40) : p.getKey();
      if (!allowed.contains(p.getKey())) {
        errors.add(new FieldError(name, "is not a parameter of this endpoint"));
      } else if (p.getValue().size() > 1) {
        errors.add(new FieldError(name, "must be given once"));
      } else if (p.getValue().get(0).chars().anyMatch(Character::isISOControl)) {
        errors.add(new FieldError(name, "must not contain control characters"));
      } else {
        values.put(p.getKey(), p.getValue().get(0));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    return new QueryParameters(Map.copyOf(values));
  }

  Integer integer(String name) {
    String value = values.get(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw ProblemException.validation(List.of(new FieldError(name, "must be a whole number")));
    }
  }
}
