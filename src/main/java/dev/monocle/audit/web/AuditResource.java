package dev.monocle.audit.web;

import dev.monocle.audit.internal.AuditQueries;
import dev.monocle.audit.internal.AuditVerification;
import dev.monocle.audit.internal.ChainVerifier;
import dev.monocle.audit.internal.Checkpoint;
import dev.monocle.audit.internal.EventRow;
import dev.monocle.audit.internal.StoredEvent;
import dev.monocle.platform.Page;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.TenantScope;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The trail for auditors: events (their own tenant's; platform auditors and admins see all),
 * verification of the whole chain, and the signed checkpoints.
 */
@Path("api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = Role.AUDITOR)
public class AuditResource {

  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_.]*(\\.\\*)?");
  private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final Set<String> OUTCOMES = Set.of("success", "failure", "denied");

  @Inject AuditQueries queries;
  @Inject AuditVerification verification;
  @Inject TenantScope scope;

  /** Who acted or what was acted on. */
  public record Ref(String type, @JsonbNillable String id) {}

  /** An event as the contract shows it. */
  public record EventView(
      long seq,
      String id,
      Instant at,
      @JsonbNillable String tenant,
      Ref actor,
      String action,
      @JsonbNillable Ref target,
      String outcome,
      @JsonbNillable String reason,
      @JsonbNillable String requestId,
      @JsonbNillable String clientIp,
      String prevHash,
      String hash) {

    static EventView of(EventRow row) {
      StoredEvent e = row.event();
      return new EventView(
          e.seq(),
          e.id(),
          e.at(),
          e.tenantId(),
          new Ref(e.actorType(), e.actorId()),
          e.action(),
          e.targetType() == null ? null : new Ref(e.targetType(), e.targetId()),
          e.outcome(),
          e.reason(),
          e.requestId(),
          e.clientIp(),
          row.prevHash(),
          row.hash());
    }
  }

  /** The head of the chain. */
  public record Head(long seq, String hash) {}

  /** The result of a verification. */
  public record VerifyView(
      boolean valid,
      long checked,
      Head head,
      @JsonbNillable Long firstInvalidSeq,
      @JsonbNillable String reason) {}

  /** A signed checkpoint. */
  public record CheckpointView(
      long seq, String hash, Instant signedAt, String kid, String signature) {}

  @GET
  @Path("events")
  public Page<EventView> events(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("outcome") String outcome,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Page.Request page = Page.Request.of(limit, cursor);
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
      throw ProblemException.validation(errors);
    }
    AuditQueries.Filter filter =
        new AuditQueries.Filter(
            scope.restrictedTo(),
            fromTime,
            toTime,
            actorId,
            actionName,
            Optional.ofNullable(outcome));
    List<EventView> rows =
        queries.events(filter, before, page.limit() + 1).stream().map(EventView::of).toList();
    return Page.of(rows, page.limit(), e -> Long.toString(e.seq()));
  }

  @GET
  @Path("verify")
  public VerifyView verify() {
    ChainVerifier.Result r = verification.verify();
    return new VerifyView(
        r.valid(),
        r.checked(),
        new Head(r.headSeq(), r.headHash()),
        r.firstInvalidSeq(),
        r.reason());
  }

  @GET
  @Path("checkpoints")
  public Page<CheckpointView> checkpoints(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    Page.Request page = Page.Request.of(limit, cursor);
    List<FieldError> errors = new ArrayList<>();
    long before = before(page, errors);
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    List<CheckpointView> rows =
        queries.checkpoints(before, page.limit() + 1).stream().map(AuditResource::view).toList();
    return Page.of(rows, page.limit(), c -> Long.toString(c.seq()));
  }

  private static CheckpointView view(Checkpoint c) {
    return new CheckpointView(c.seq(), c.hash(), c.signedAt(), c.kid(), c.signature());
  }

  /** Pages run newest first: the cursor is the last sequence number seen. */
  private static long before(Page.Request page, List<FieldError> errors) {
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
