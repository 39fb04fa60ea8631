package dev.monocle.auth.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.monocle.platform.Database;
import dev.monocle.platform.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ES256 keys (ECDSA P-256) that sign access tokens. ES256 because a token is signed at every
 * sign-in and refresh and verified on every request: with AWS-LC ({@code NativeSignatures}) a
 * signature takes about 40 µs and a verification 60 µs, where RSA 2048 signs in 1.2 ms
 * (ops/bench/README.md). Keys of another type (the RS256 keys of earlier versions) are retired at
 * start-up. Private parts are sealed in {@code auth_signing_key}, so every instance signs with the
 * same key. Rotation is without downtime: a new key is published in the JWKS at once and used for
 * signing only after {@code publish-delay} (longer than verifiers cache the JWKS); the old key
 * stays published until the last token it signed has expired.
 */
@ApplicationScoped
public class SigningKeys {

  /** An access token lives 900 s; a retired key stays published that long plus the skew. */
  static final Duration RETIRED_KEY_PUBLISHED = Duration.ofSeconds(900 + 60 + 60);

  private static final Duration RELOAD_EVERY = Duration.ofSeconds(15);
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(SigningKeys.class.getName());

  @Inject Database database;
  @Inject PlatformSettings settings;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "monocle.auth.signing.publish-delay-seconds", defaultValue = "60")
  long publishDelaySeconds;

  /** Every key still published, newest first; reloaded from the database now and then. */
  private volatile List<Key> keys = List.of();

  private volatile Instant loadedAt = Instant.EPOCH;

  /** A signing key as the rest of auth needs it, with its signer (built once: thread-safe). */
  public record Key(
      ECKey jwk, JWSSigner signer, Instant createdAt, Instant activeFrom, Instant retiredAt) {
    public String kid() {
      return jwk.getKeyID();
    }
  }

  /** Where the JWKS file lives that MicroProfile JWT reads (see {@link JwtConfigSource}). */
  static Path jwksFile(Path dataDir) {
    return dataDir.resolve("auth").resolve("jwks.json");
  }

  /**
   * Makes sure an ES256 signing key exists (retiring keys of another type at once: MicroProfile JWT
   * accepts one algorithm), then loads keys and writes the JWKS file.
   */
  synchronized void initialize() {
    Instant now = clock.instant();
    database.run(
        em -> {
          List<SigningKeyEntity> live =
              em.createQuery(
                      "SELECT k FROM SigningKeyEntity k WHERE k.retiredAt IS NULL",
                      SigningKeyEntity.class)
                  .getResultList();
          boolean usable = false;
          for (SigningKeyEntity k : live) {
            if (toKey(k).isPresent()) {
              usable = true;
            } else {
              k.retiredAt = now;
              LOG.info("Signing key " + k.kid + " retired: access tokens are ES256 now");
            }
          }
          if (!usable) {
            em.persist(newKey(now, now));
          }
        });
    reload();
  }

  /** Publishes a new key now, to sign from {@code publish-delay} on; returns its kid. */
  public synchronized String rotate() {
    Instant now = clock.instant();
    Instant activeFrom = now.plusSeconds(publishDelaySeconds);
    String kid =
        database.inTransaction(
            em -> {
              SigningKeyEntity fresh = newKey(now, activeFrom);
              em.createQuery(
                      "UPDATE SigningKeyEntity k SET k.retiredAt = :at WHERE k.retiredAt IS NULL")
                  .setParameter("at", activeFrom)
                  .executeUpdate();
              em.persist(fresh);
              return fresh.kid;
            });
    reload();
    return kid;
  }

  private static SigningKeyEntity newKey(Instant now, Instant activeFrom) {
    try {
      ECKey key =
          new ECKeyGenerator(Curve.P_256)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .generate();
      return new SigningKeyEntity(key.getKeyID(), key.toJSONString(), now, activeFrom);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a signing key", e);
    }
  }

  /** The key to sign with now: the newest one whose time has come. */
  Key current() {
    refreshIfStale();
    Instant now = clock.instant();
    return keys.stream()
        .filter(k -> !k.activeFrom().isAfter(now))
        .filter(k -> k.retiredAt() == null || k.retiredAt().isAfter(now))
        .findFirst()
        .or(() -> keys.stream().filter(k -> !k.activeFrom().isAfter(now)).findFirst())
        .orElseThrow(() -> new IllegalStateException("no signing key"));
  }

  /** A published key by kid, for verifying Monocle's own tokens (the MFA token). */
  Optional<ECKey> published(String kid) {
    refreshIfStale();
    return keys.stream().filter(k -> k.kid().equals(kid)).map(Key::jwk).findFirst();
  }

  public List<Key> all() {
    refreshIfStale();
    return List.copyOf(keys);
  }

  /** The public JWKS: current, upcoming and recently retired keys. */
  public String jwksJson() {
    refreshIfStale();
    return jwksJsonOf(keys);
  }

  private void refreshIfStale() {
    if (Duration.between(loadedAt, clock.instant()).compareTo(RELOAD_EVERY) > 0) {
      reload();
    }
  }

  private synchronized void reload() {
    Instant now = clock.instant();
    Instant oldestPublished = now.minus(RETIRED_KEY_PUBLISHED);
    List<Key> loaded =
        database.inTransaction(
            em ->
                em
                    .createQuery(
                        "SELECT k FROM SigningKeyEntity k WHERE k.retiredAt IS NULL"
                            + " OR k.retiredAt > :oldest",
                        SigningKeyEntity.class)
                    .setParameter("oldest", oldestPublished)
                    .getResultList()
                    .stream()
                    .map(SigningKeys::toKey)
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparing(Key::activeFrom).reversed())
                    .toList());
    keys = loaded;
    loadedAt = now;
    writeJwksFile();
  }

  /** The key, or empty for a key of another type (an RS256 key of an earlier version). */
  private static Optional<Key> toKey(SigningKeyEntity e) {
    try {
      if (!(JWK.parse(e.privateJwk) instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
        return Optional.empty();
      }
      return Optional.of(new Key(ec, new ECDSASigner(ec), e.createdAt, e.activeFrom, e.retiredAt));
    } catch (ParseException | JOSEException ex) {
      throw new IllegalStateException("stored signing key " + e.kid + " is unreadable", ex);
    }
  }

  private void writeJwksFile() {
    Path file = jwksFile(settings.dataDir());
    Path dir = java.util.Objects.requireNonNull(file.getParent(), "JWKS file has no directory");
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "jwks", ".tmp");
      Files.writeString(temp, jwksJsonOf(keys), StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String jwksJsonOf(List<Key> keys) {
    return new JWKSet(
            keys.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.jwk().toPublicJWK()).toList())
        .toString(true);
  }
}
