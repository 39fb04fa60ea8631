package dev.monocle.catalog.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.AccessControl;
import dev.monocle.auth.Caller;
import dev.monocle.catalog.internal.CustomerInput.ConsentInput;
import dev.monocle.catalog.internal.CustomerInput.Prescription;
import dev.monocle.catalog.internal.CustomerView.Consent;
import dev.monocle.platform.BlindIndex;
import dev.monocle.platform.Database;
import dev.monocle.platform.ETags;
import dev.monocle.platform.JsonBinding;
import dev.monocle.platform.Page;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * The retailer's customers. Tenant admins (and API keys with {@code customers:read}) see every
 * value, and each such read is a {@code pii.read} audit event; catalog editors see masked values.
 * Erasure deletes the row: the personal data is gone, the audit trail keeps only the id.
 */
@ApplicationScoped
public class Customers {

  static final String EMAIL_INDEX = "catalog_customer.email";

  @Inject Database database;
  @Inject AccessControl access;
  @Inject AuditTrail audit;
  @Inject BlindIndex blindIndex;
  @Inject Clock clock;

  /** A customer view and its version (the ETag). */
  public record Versioned(CustomerView customer, long version) {}

  public Versioned create(CustomerInput body) {
    Caller caller = access.caller();
    List<AuditEvent> reads = new ArrayList<>();
    Versioned created =
        create(caller.tenantId(), caller.actor(), body, c -> view(caller, c, reads));
    recordReads(reads);
    return created;
  }

  /**
   * Creates a customer of {@code tenantId} on behalf of {@code actor}; {@code shown} makes the
   * answer (what the caller may see of it).
   */
  Versioned create(
      String tenantId,
      AuditEvent.Actor actor,
      CustomerInput body,
      Function<CustomerEntity, Versioned> shown) {
    CustomerInput input = valid(body);
    Instant now = clock.instant();
    Versioned created =
        written(
            em -> {
              CustomerEntity c = new CustomerEntity(UUID.randomUUID().toString(), tenantId, now);
              apply(c, input, now);
              requireUniqueEmail(em, c);
              em.persist(c);
              em.flush();
              return shown.apply(c);
            });
    audit.record(
        AuditEvent.success(
            "customer.created", actor, tenantId, Target.of("customer", created.customer().id())));
    return created;
  }

  public Versioned get(String id) {
    Caller caller = access.caller();
    List<AuditEvent> reads = new ArrayList<>();
    Versioned found = database.inTransaction(em -> view(caller, find(em, id), reads));
    recordReads(reads);
    return found;
  }

  public Page<CustomerView> list(String email, Page.Request page) {
    Caller caller = access.caller();
    if (email != null && !seesValues(caller)) {
      // A lookup by email would tell masked readers who is a customer: only for those who see it.
      throw ProblemException.forbidden();
    }
    List<AuditEvent> reads = new ArrayList<>();
    Page<CustomerView> result = page(caller, email, page, c -> view(caller, c, reads).customer());
    recordReads(reads);
    return result;
  }

  /**
   * The customers the caller may see, masked whatever the caller's role: for the admin console,
   * which shows no values until an admin unmasks one customer (a {@link #get}, so a {@code
   * pii.read}). Nothing personal is read, so nothing is audited.
   */
  public Page<CustomerView> listMasked(Page.Request page) {
    return page(access.caller(), null, page, Customers::masked);
  }

  /** One page of the caller's tenant's customers (every tenant's for platform admins), by id. */
  private Page<CustomerView> page(
      Caller caller,
      String email,
      Page.Request page,
      Function<CustomerEntity, CustomerView> shown) {
    return database.inTransaction(
        em -> {
          StringBuilder jpql = new StringBuilder("SELECT c FROM CustomerEntity c WHERE 1 = 1");
          if (!caller.isPlatformWide()) {
            jpql.append(" AND c.tenantId = :tenant");
          }
          if (email != null) {
            jpql.append(" AND c.emailIndex = :email");
          }
          if (page.after() != null) {
            if (!FrameCatalog.isId(page.after())) {
              throw ProblemException.validation(
                  List.of(new FieldError("cursor", "is not a cursor this API issued")));
            }
            jpql.append(" AND c.id > :after");
          }
          TypedQuery<CustomerEntity> q =
              em.createQuery(jpql.append(" ORDER BY c.id").toString(), CustomerEntity.class)
                  .setMaxResults(page.limit() + 1);
          if (!caller.isPlatformWide()) {
            q.setParameter("tenant", caller.tenantId());
          }
          if (email != null) {
            q.setParameter("email", emailIndex(email));
          }
          if (page.after() != null) {
            q.setParameter("after", page.after());
          }
          List<CustomerView> views = q.getResultList().stream().map(shown).toList();
          return Page.of(views, page.limit(), CustomerView::id);
        });
  }

  /** RFC 7396 merge patch over the writable fields, then the rules of a new customer. */
  public Versioned patch(String id, Long ifMatch, JsonObject patch) {
    Caller caller = access.caller();
    List<AuditEvent> reads = new ArrayList<>();
    String[] tenant = new String[1];
    Versioned changed =
        written(
            em -> {
              CustomerEntity c = find(em, id);
              ETags.requireMatch(ifMatch, c.version);
              JsonObject current =
                  Json.createReader(new StringReader(JsonBinding.jsonb().toJson(inputOf(c))))
                      .readObject();
              String merged = Json.createMergePatch(patch).apply(current).toString();
              CustomerInput next = valid(withoutWithdrawnBiometrics(bind(merged), patch));
              Instant now = clock.instant();
              apply(c, next, now);
              requireUniqueEmail(em, c);
              em.flush();
              tenant[0] = c.tenantId;
              return view(caller, c, reads);
            });
    record(caller, "customer.updated", tenant[0], id);
    recordReads(reads);
    return changed;
  }

  /** Everything held about the customer, for a data subject request (always unmasked). */
  public CustomerView export(String id) {
    Caller caller = access.caller();
    String[] tenant = new String[1];
    CustomerView view =
        database.inTransaction(
            em -> {
              CustomerEntity c = find(em, id);
              tenant[0] = c.tenantId;
              return full(c);
            });
    audit.record(
        AuditEvent.success("pii.export", caller.actor(), tenant[0], Target.of("customer", id)));
    return view;
  }

  /** Erasure: the row and every sealed value in it are deleted. */
  public void erase(String id) {
    Caller caller = access.caller();
    String tenant =
        database.inTransaction(
            em -> {
              CustomerEntity c = find(em, id);
              em.remove(c);
              return c.tenantId;
            });
    record(caller, "customer.erased", tenant, id);
  }

  private void record(Caller caller, String action, String tenantId, String customerId) {
    audit.record(
        AuditEvent.success(action, caller.actor(), tenantId, Target.of("customer", customerId)));
  }

  /**
   * A write transaction whose races end as the client's errors: a concurrent change of the same
   * customer is a 412, a concurrent customer with the same email a 409.
   */
  private <T> T written(java.util.function.Function<EntityManager, T> work) {
    try {
      return database.inTransaction(work);
    } catch (jakarta.persistence.OptimisticLockException e) {
      throw ETags.preconditionFailed();
    } catch (jakarta.persistence.PersistenceException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
          throw emailTaken();
        }
        if (t instanceof jakarta.persistence.OptimisticLockException) {
          throw ETags.preconditionFailed();
        }
      }
      throw e;
    }
  }

  private static ProblemException emailTaken() {
    return ProblemException.conflict(
        "Another customer of this tenant has that email.",
        new FieldError("email", "belongs to another customer"));
  }

  // ------------------------------------------------------------------ rules

  private CustomerInput valid(CustomerInput input) {
    if (input == null) {
      throw ProblemException.validation(List.of(new FieldError("body", "is required")));
    }
    List<FieldError> errors =
        CustomerRules.check(input, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    return input;
  }

  /** Withdrawing biometric consent also erases the face data, unless the patch sets it itself. */
  private static CustomerInput withoutWithdrawnBiometrics(CustomerInput in, JsonObject patch) {
    boolean biometric = in.consent() != null && Boolean.TRUE.equals(in.consent().biometric());
    if (biometric || patch.containsKey("face_shape") || patch.containsKey("face_width_mm")) {
      return in;
    }
    return new CustomerInput(
        in.fullName(),
        in.email(),
        in.phone(),
        in.dateOfBirth(),
        in.prescription(),
        null,
        null,
        in.consent());
  }

  private static CustomerInput bind(String json) {
    try {
      return JsonBinding.jsonb().fromJson(json, CustomerInput.class);
    } catch (JsonbException e) {
      String field = JsonBinding.unknownField(e).orElse("body");
      throw ProblemException.validation(
          List.of(new FieldError(field, "unknown field or wrong type")));
    }
  }

  private void apply(CustomerEntity c, CustomerInput in, Instant now) {
    String email = in.email() == null ? null : in.email().trim().toLowerCase(Locale.ROOT);
    c.setPersonalData(
        in.fullName().trim(),
        email,
        email == null ? null : emailIndex(email),
        in.phone(),
        in.dateOfBirth(),
        in.prescription() == null ? null : JsonBinding.jsonb().toJson(in.prescription()),
        in.faceShape(),
        in.faceWidthMm() == null ? null : in.faceWidthMm().toPlainString());
    ConsentInput consent = in.consent() == null ? new ConsentInput(false, false) : in.consent();
    boolean marketing = Boolean.TRUE.equals(consent.marketing());
    boolean biometric = Boolean.TRUE.equals(consent.biometric());
    if (c.consentGivenAt == null
        || marketing != c.consentMarketing
        || biometric != c.consentBiometric) {
      c.consentGivenAt = marketing || biometric ? now : null;
    }
    c.consentMarketing = marketing;
    c.consentBiometric = biometric;
    c.updatedAt = now;
    c.lastActivityAt = now;
  }

  private String emailIndex(String email) {
    return blindIndex.of(EMAIL_INDEX, email); // normalised (NFKC, trimmed, lower case) by it
  }

  private static void requireUniqueEmail(EntityManager em, CustomerEntity c) {
    if (c.emailIndex == null) {
      return;
    }
    List<String> others =
        em.createQuery(
                "SELECT c.id FROM CustomerEntity c WHERE c.tenantId = :t AND c.emailIndex = :e",
                String.class)
            .setParameter("t", c.tenantId)
            .setParameter("e", c.emailIndex)
            .getResultList();
    if (others.stream().anyMatch(other -> !other.equals(c.id))) {
      throw emailTaken();
    }
  }

  private CustomerEntity find(EntityManager em, String id) {
    CustomerEntity c = FrameCatalog.isId(id) ? em.find(CustomerEntity.class, id) : null;
    if (c == null) {
      throw ProblemException.notFound();
    }
    access.requireTenant(c.tenantId);
    return c;
  }

  // ------------------------------------------------------------------ views

  /** Who sees values: tenant and platform admins, and API keys holding customers:read. */
  static boolean seesValues(Caller caller) {
    return caller.isUser()
        ? caller.has(Role.TENANT_ADMIN) || caller.has(Role.PLATFORM_ADMIN)
        : caller.scopes().contains(Scope.CUSTOMERS_READ);
  }

  /**
   * What the caller may see of {@code c}; an unmasked view adds a {@code pii.read} to {@code
   * reads}.
   */
  private static Versioned view(Caller caller, CustomerEntity c, List<AuditEvent> reads) {
    if (!seesValues(caller)) {
      return new Versioned(masked(c), c.version);
    }
    reads.add(
        AuditEvent.success("pii.read", caller.actor(), c.tenantId, Target.of("customer", c.id)));
    return new Versioned(full(c), c.version);
  }

  private void recordReads(List<AuditEvent> reads) {
    if (!reads.isEmpty()) {
      audit.recordAll(reads);
    }
  }

  static CustomerView full(CustomerEntity c) {
    return new CustomerView(
        c.id,
        c.fullName,
        c.email,
        c.phone,
        c.dateOfBirth,
        c.prescription == null
            ? null
            : JsonBinding.jsonb().fromJson(c.prescription, Prescription.class),
        c.faceShape,
        c.faceWidthMm == null ? null : new BigDecimal(c.faceWidthMm),
        consent(c),
        c.createdAt,
        c.lastActivityAt,
        false);
  }

  static CustomerView masked(CustomerEntity c) {
    return new CustomerView(
        c.id,
        Masking.name(c.fullName),
        Masking.email(c.email),
        Masking.phone(c.phone),
        Masking.date(c.dateOfBirth),
        null,
        null,
        null,
        consent(c),
        c.createdAt,
        c.lastActivityAt,
        true);
  }

  private static Consent consent(CustomerEntity c) {
    return new Consent(c.consentMarketing, c.consentBiometric, c.consentGivenAt);
  }

  private static CustomerInput inputOf(CustomerEntity c) {
    CustomerView v = full(c);
    return new CustomerInput(
        v.fullName(),
        v.email(),
        v.phone(),
        v.dateOfBirth(),
        v.prescription(),
        v.faceShape(),
        v.faceWidthMm(),
        new ConsentInput(c.consentMarketing, c.consentBiometric));
  }
}
