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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The trail for auditors: events (their own tenant's; platform auditors and admins see all),
 * verification of the whole chain, and the signed checkpoints.
 */
@Path("api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = Role.AUDITOR)
@ApplicationScoped
public class AuditResource {

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
    EventSearch search = EventSearch.of(scope, from, to, actor, action, outcome, page).orThrow();
    List<EventView> rows =
        queries.events(search.filter(), search.before(), page.limit() + 1).stream()
            .map(EventView::of)
            .toList();
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
    long before = EventSearch.before(page, errors);
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
}
