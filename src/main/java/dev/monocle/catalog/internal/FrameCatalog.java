package dev.monocle.catalog.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.AccessControl;
import dev.monocle.auth.Caller;
import dev.monocle.catalog.internal.Frame.Localized;
import dev.monocle.catalog.internal.FrameStore.Stored;
import dev.monocle.platform.Database;
import dev.monocle.platform.ETags;
import dev.monocle.platform.JsonBinding;
import dev.monocle.platform.Page;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
import dev.monocle.translation.Translator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The frames of a retailer: create, read, replace, merge-patch, archive, search and localize, each
 * scoped to the caller's tenant (another tenant's frame is a 404) and each write an audit event.
 * Shoppers' apps and viewers see active frames only; editors also see drafts and archived ones.
 */
@ApplicationScoped
public class FrameCatalog {

  @Inject Database database;
  @Inject CatalogJdbc jdbc;
  @Inject AccessControl access;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject Translator translator;

  /** A frame and its version (the ETag). */
  public record Versioned(Frame frame, long version) {}

  public Versioned create(FrameInput body) {
    Caller caller = access.caller();
    FrameInput input = valid(body);
    String id = UUID.randomUUID().toString();
    Instant now = now();
    Versioned created =
        jdbc(
            c -> {
              try (PreparedStatement s = c.prepareStatement(FrameStore.INSERT)) {
                FrameStore.bindInsert(s, id, caller.tenantId(), input, Map.of(), now);
                s.executeUpdate();
              }
              return versioned(FrameStore.find(c, id).orElseThrow(), null);
            });
    record(caller, "catalog.frame_created", caller.tenantId(), id);
    return created;
  }

  public Versioned get(String id, String lang) {
    return jdbc(c -> versioned(visible(c, id), lang));
  }

  public Versioned replace(String id, Long ifMatch, FrameInput body) {
    FrameInput input = valid(body);
    return write(id, ifMatch, "catalog.frame_updated", current -> Next.of(current, input));
  }

  /** RFC 7396 merge patch over the writable fields, then the same rules as a replacement. */
  public Versioned patch(String id, Long ifMatch, JsonObject patch) {
    return write(
        id,
        ifMatch,
        "catalog.frame_updated",
        current -> {
          JsonObject written =
              Json.createReader(
                      new StringReader(JsonBinding.jsonb().toJson(FrameStore.inputOf(current))))
                  .readObject();
          JsonMergePatch merge = Json.createMergePatch(patch);
          JsonValue merged = merge.apply(written);
          return Next.of(current, valid(bind(merged.toString())));
        });
  }

  /** Archives the frame (soft delete): it leaves searches and recommendations, not the database. */
  public void archive(String id, Long ifMatch) {
    write(
        id,
        ifMatch,
        "catalog.frame_archived",
        current -> Next.of(current, FrameStore.inputOf(current).withStatus("archived")));
  }

  public Page<Frame> search(FrameQuery query, Page.Request page) {
    Caller caller = access.caller();
    Optional<String> tenant =
        caller.isPlatformWide() ? Optional.empty() : Optional.of(caller.tenantId());
    return jdbc(
        c -> FrameSearch.run(c, database.engine(), query, tenant, !seesDrafts(caller), page));
  }

  /** Most languages a frame keeps translations for. */
  static final int MAX_LANGUAGES = 30;

  /**
   * Machine-translates name and description into each language and keeps them as localized. The
   * engine's answer is checked like input: one segment back per segment sent, bounded in length.
   */
  public Versioned localize(String id, Long ifMatch, String source, List<String> languages) {
    Stored before = jdbc(c -> visible(c, id));
    ETags.requireMatch(ifMatch, before.version());
    Frame frame = before.frame();
    Map<String, Localized> localized = new TreeMap<>(frame.localized());
    List<String> segments =
        frame.description() == null
            ? List.of(frame.name())
            : List.of(frame.name(), frame.description());
    for (String lang : languages) {
      List<String> out = translator.translate(source, lang, segments);
      if (out == null
          || out.size() != segments.size()
          || out.get(0).length() > 400
          || (out.size() > 1 && out.get(1).length() > 10_000)) {
        throw new ProblemException(
            502,
            "translation-failed",
            "Translation failed",
            "The translation engine gave an answer that cannot be kept.");
      }
      localized.put(lang, new Localized(out.get(0), out.size() > 1 ? out.get(1) : null, true));
    }
    if (localized.size() > MAX_LANGUAGES) {
      throw ProblemException.validation(
          List.of(
              new FieldError(
                  "languages", "a frame keeps translations for at most " + MAX_LANGUAGES)));
    }
    return write(
        id,
        before.version(),
        "catalog.frame_localized",
        current -> new Next(FrameStore.inputOf(current), localized));
  }

  // ------------------------------------------------------------------ writes

  /** A frame's next state: what is written and which translations it keeps. */
  private record Next(FrameInput frame, Map<String, Localized> localized) {

    /** The written fields change; translations stay only if name and description do. */
    static Next of(Stored current, FrameInput frame) {
      FrameInput next = frame.withDefaults();
      return new Next(next, keptLocalizations(current.frame(), next));
    }
  }

  private interface Change {
    Next apply(Stored current);
  }

  private Versioned write(String id, Long ifMatch, String action, Change change) {
    Caller caller = access.caller();
    Stored after =
        jdbc(
            c -> {
              Stored current = visible(c, id);
              ETags.requireMatch(ifMatch, current.version());
              Next next = change.apply(current);
              try (PreparedStatement s = c.prepareStatement(FrameStore.UPDATE)) {
                FrameStore.bindUpdate(
                    s, id, current.version(), next.frame(), next.localized(), now());
                if (s.executeUpdate() != 1) {
                  throw ETags.preconditionFailed();
                }
              }
              return FrameStore.find(c, id).orElseThrow();
            });
    record(caller, action, after.tenantId(), id);
    return versioned(after, null);
  }

  /**
   * Translations stay while the text they translate stays; a new name or description drops them.
   */
  static Map<String, Localized> keptLocalizations(Frame was, FrameInput next) {
    boolean same =
        Objects.equals(was.name(), next.name())
            && Objects.equals(was.description(), next.description());
    return same ? was.localized() : Map.of();
  }

  // ------------------------------------------------------------------ checks

  /** The frame, if the caller may see it; 404 otherwise (another tenant's, or a hidden draft). */
  private Stored visible(Connection c, String id) throws SQLException {
    if (!isId(id)) {
      throw ProblemException.notFound();
    }
    Stored stored = FrameStore.find(c, id).orElseThrow(ProblemException::notFound);
    access.requireTenant(stored.tenantId());
    if (!seesDrafts(access.caller()) && !"active".equals(stored.frame().status())) {
      throw ProblemException.notFound();
    }
    return stored;
  }

  private static final java.util.regex.Pattern ID =
      java.util.regex.Pattern.compile(
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** Monocle's ids are lower-case UUIDs; anything else cannot name a frame or customer. */
  static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** Editors see drafts and archived frames; viewers and read-only API keys do not. */
  static boolean seesDrafts(Caller caller) {
    return caller.isUser()
        ? caller.has(Role.CATALOG_EDITOR)
            || caller.has(Role.TENANT_ADMIN)
            || caller.has(Role.PLATFORM_ADMIN)
        : caller.scopes().contains(Scope.CATALOG_WRITE);
  }

  static FrameInput valid(FrameInput input) {
    if (input == null) {
      throw ProblemException.validation(List.of(new FieldError("body", "is required")));
    }
    List<FieldError> errors = FrameRules.check(input);
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    return input.withDefaults();
  }

  /** Binds JSON to a frame input, with the same refusals as a request body. */
  static FrameInput bind(String json) {
    try {
      return JsonBinding.jsonb().fromJson(json, FrameInput.class);
    } catch (JsonbException e) {
      String field = JsonBinding.unknownField(e).orElse(null);
      throw field != null
          ? ProblemException.validation(List.of(new FieldError(field, "unknown field")))
          : ProblemException.validation(
              List.of(new FieldError("body", "does not have the shape of a frame")));
    }
  }

  // ------------------------------------------------------------------ plumbing

  private Versioned versioned(Stored stored, String lang) {
    return new Versioned(stored.frame().in(lang), stored.version());
  }

  private void record(Caller caller, String action, String tenantId, String frameId) {
    audit.record(AuditEvent.success(action, caller.actor(), tenantId, Target.of("frame", frameId)));
  }

  /** Now, to the microsecond both databases keep (so a cursor's time compares exactly). */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private <T> T jdbc(CatalogJdbc.Work<T> work) {
    return jdbc.transaction(work);
  }
}
