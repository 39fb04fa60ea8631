package dev.monocle.platform.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The certificate an instance serves HTTPS with ({@code MONOCLE_TLS_CERT_FILE}, PEM: the leaf
 * first, then any intermediates). The launcher builds the listener's key store from the same file
 * at start, so the expiry of what is served is the earliest {@code notAfter} of the chain read at
 * start. Replacing the file takes a restart (a rolling one in Kubernetes) to reach the listener.
 */
record ServedCertificate(String subject, Instant notAfter) {

  /** Reads the chain; the earliest expiry of any certificate in it is what clients will meet. */
  static ServedCertificate read(Path pem) throws IOException {
    byte[] bytes = Files.readAllBytes(pem);
    try {
      Collection<? extends java.security.cert.Certificate> chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(bytes));
      Optional<X509Certificate> leaf =
          chain.stream()
              .filter(X509Certificate.class::isInstance)
              .map(X509Certificate.class::cast)
              .findFirst();
      if (leaf.isEmpty()) {
        throw new IOException("it holds no X.509 certificate");
      }
      Instant earliest =
          chain.stream()
              .map(X509Certificate.class::cast)
              .map(c -> c.getNotAfter().toInstant())
              .min(Comparator.naturalOrder())
              .orElseThrow();
      return new ServedCertificate(leaf.get().getSubjectX500Principal().getName(), earliest);
    } catch (GeneralSecurityException e) {
      throw new IOException("it is not a PEM certificate chain", e);
    }
  }

  /** Whole and fractional days until the certificate expires; negative once it has. */
  double daysLeft(Instant now) {
    return Duration.between(now, notAfter).toSeconds() / 86_400.0;
  }

  /** Whether it expires within {@code warningDays} of {@code now} (or already has). */
  boolean expiresWithin(Instant now, int warningDays) {
    return daysLeft(now) < warningDays;
  }
}
