package dev.monocle.auth.web;

import dev.monocle.audit.Retention;
import dev.monocle.auth.Caller;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retention policies of every data class, their last runs, and a run on demand. The policies are
 * platform-wide: tenant admins and auditors may read them, platform admins change and run them.
 */
@Path("api/v1/admin/retention")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow(roles = Role.PLATFORM_ADMIN)
@ApplicationScoped
public class AdminRetentionResource {

  @Inject Retention retention;
  @Inject CurrentCaller current;

  /** One class's new period. */
  public record PolicyUpdate(
      @NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,63}", message = "must be a data class name")
          String dataClass,
      @NotNull @Min(0) @Max(36_500) Long periodDays) {}

  /** A PUT body: the classes to change; the others keep their periods. */
  public record Update(
      @NotNull @Size(min = 1, max = 32) List<@Valid @NotNull PolicyUpdate> policies) {
    public Update {
      policies = policies == null ? null : List.copyOf(policies);
    }

    /** The new periods by class, as {@link Retention#update} takes them (the console's too). */
    Map<String, Long> periods() {
      Map<String, Long> periods = new LinkedHashMap<>();
      policies.forEach(p -> periods.put(p.dataClass(), p.periodDays()));
      return periods;
    }
  }

  @GET
  @Allow(roles = {Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.AUDITOR})
  public Retention.Overview overview() {
    return retention.overview();
  }

  @PUT
  public Retention.Overview update(@Valid @NotNull Update body) {
    Caller caller = current.caller();
    return retention.update(body.periods(), caller.id(), caller.tenantId());
  }

  /** Runs every class now; the answer lists what each purged. */
  @POST
  @Path("run")
  public Map<String, List<Retention.Run>> run() {
    Caller caller = current.caller();
    return Map.of("runs", retention.runNow(caller.id(), caller.tenantId()));
  }
}
