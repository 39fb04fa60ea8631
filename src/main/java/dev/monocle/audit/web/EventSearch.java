package dev.monocle.audit.web;

import dev.monocle.audit.internal.AuditQueries;
import dev.monocle.platform.Page;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import dev.monocle.platform.access.TenantScope;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The raw query values of an events search, checked into an {@link AuditQueries.Filter} within the
 * caller's {@link TenantScope}, the same way for {@code GET /api/v1/audit/events} and the console's
 * audit page: RFC 3339 times, an actor id, an exact action or a prefix ({@code admin.*}), an
 * outcome, and the newest-first cursor.
 *
 * @param filter null when there are errors
 * @param before the sequence number the page starts below
 * @param errors every field that is wrong, in the order of the API's answer
 */
record EventSearch(AuditQueries.Filter filter, long before, List<FieldError> errors) {

  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_.]*(\\.\\*)?");
  private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final Set<String> OUTCOMES = Set.of("success", "failure", "denied");

  EventSearch {
    errors = List.copyOf(errors);
  }

  /** Checks the values; the tenant scope is asked only when they are all valid. */
  static EventSearch of(
      TenantScope scope,
      String from,
      String to,
      String actor,
      String action,
      String outcome,
      Page.Request page) {
    List<FieldError> errors = new ArrayList<>();
    Optional<Instant> fromTime = time("from", from, errors);
    Optional<Instant> toTime = time("to", to, errors);
    Optional<String> actorId = matching("actor", actor, ACTOR, errors);
    Optional<String> actionName = matching("action", action, ACTION, errors);
    if (outcome != null && !OUTCOMES.contains(outcome)) {
      errors.add(new FieldError("outcome", "must be one of success, failure, denied"));
    }
    if (fromTime.isPresent() && toTime.isPresent() && !fromTime.get().isBefore(toTime.get())) {
      errors.add(new FieldError("to", "must be after from"));
    }
    long before = before(page, errors);
    if (!errors.isEmpty()) {
      return new EventSearch(null, before, errors);
    }
    return new EventSearch(
        new AuditQueries.Filter(
            scope.restrictedTo(),
            fromTime,
            toTime,
            actorId,
            actionName,
            Optional.ofNullable(outcome)),
        before,
        errors);
  }

  /** This search, or the 400 problem naming its errors. */
  EventSearch orThrow() {
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    return this;
  }

  /** Pages run newest first: the cursor is the last sequence number seen. */
  static long before(Page.Request page, List<FieldError> errors) {
    if (page.after() == null) {
      return Long.MAX_VALUE;
    }
    try {
      long seq = Long.parseLong(page.after());
      if (seq > 0) {
        return seq;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldError("cursor", "is not a cursor this API issued"));
    return 0;
  }

  private static Optional<Instant> time(String field, String value, List<FieldError> errors) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(field, "must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z"));
      return Optional.empty();
    }
  }

  private static Optional<String> matching(
      String field, String value, Pattern pattern, List<FieldError> errors) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.length() > 64 || !pattern.matcher(value).matches()) {
      errors.add(new FieldError(field, "is not a valid " + field));
      return Optional.empty();
    }
    return Optional.of(value);
  }
}
