package dev.monocle.auth.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The request bodies of the auth and administration endpoints (snake_case on the wire). */
public final class AuthRequests {

  private AuthRequests() {}

  public record Login(
      @NotBlank @Size(max = 64) String tenant,
      @NotBlank @Size(max = 64) String username,
      @NotBlank @Size(max = 1024) String password) {}

  public record Mfa(
      @NotBlank @Size(max = 4096) String mfaToken,
      @Size(max = 16) String code,
      @Size(max = 64) String recoveryCode) {}

  public record Enrollment(@Size(max = 4096) String mfaToken) {}

  public record Confirmation(
      @Size(max = 4096) String mfaToken, @NotBlank @Size(max = 16) String code) {}

  public record Refresh(@Size(max = 256) String refreshToken) {}

  public record PasswordChange(
      @NotBlank @Size(max = 1024) String currentPassword,
      @NotBlank @Size(max = 1024) String newPassword) {}

  public record NewTenant(
      @NotBlank
          @Pattern(
              regexp = "[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?",
              message = "must be lower-case letters, digits and dashes")
          String slug,
      @NotBlank @Size(max = 200) String name) {}

  public record TenantChange(
      @Size(min = 1, max = 200) String name,
      @Pattern(regexp = "active|suspended", message = "must be active or suspended")
          String status) {}

  public record NewUser(
      @Size(max = 64) String tenant,
      @NotBlank
          @Pattern(
              regexp = "[A-Za-z0-9._@-]{3,64}",
              message = "must be 3 to 64 letters, digits or . _ @ -")
          String username,
      @NotBlank
          @Size(max = 254)
          @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address")
          String email,
      @NotBlank @Size(max = 1024) String password,
      @Size(max = 6) List<String> roles) {
    public NewUser {
      roles = roles == null ? null : List.copyOf(roles);
    }
  }

  public record UserChange(
      @Size(max = 6) List<String> roles,
      Boolean disabled,
      @Size(max = 254)
          @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address")
          String email) {
    public UserChange {
      roles = roles == null ? null : List.copyOf(roles);
    }
  }

  public record NewApiKey(
      @Size(max = 64) String tenant,
      @NotBlank @Size(max = 100) String name,
      @Size(min = 1, max = 7) List<String> scopes,
      @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(365)
          Integer expiresInDays) {
    public NewApiKey {
      scopes = scopes == null ? null : List.copyOf(scopes);
    }
  }
}
