package dev.monocle.decoding.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS a coordinator speaks to decoder nodes with: the nodes' certificates are checked against
 * {@code MONOCLE_TRANSLATION_TLS_CA_FILE} (else the JDK's trusted roots), and with {@code
 * MONOCLE_TRANSLATION_TLS_CLIENT_CERT_FILE} and {@code ..._KEY_FILE} the coordinator presents a
 * client certificate, for nodes that require one (mTLS, {@code MONOCLE_TLS_CLIENT_CA_FILE} on the
 * node). All three are PEM; the key is PKCS#8 ({@code BEGIN PRIVATE KEY}), RSA or EC.
 */
public final class NodeTls {

  private static final Pattern PKCS8 =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private NodeTls() {}

  /** The context for the given files; nothing given is the JDK's default context. */
  public static SSLContext context(
      Optional<Path> trustedCa, Optional<Path> clientCert, Optional<Path> clientKey)
      throws IOException {
    if (clientCert.isPresent() != clientKey.isPresent()) {
      throw new IOException("a client certificate needs both its certificate and key files");
    }
    try {
      if (trustedCa.isEmpty() && clientCert.isEmpty()) {
        return SSLContext.getDefault();
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (trustedCa.isPresent()) {
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        int i = 0;
        for (Certificate ca : certificates(trustedCa.get())) {
          roots.setCertificateEntry("ca-" + i++, ca);
        }
        trust.init(roots);
      } else {
        trust.init((KeyStore) null);
      }
      KeyManagerFactory keys = null;
      if (clientCert.isPresent()) {
        char[] password = new char[0];
        KeyStore own = KeyStore.getInstance("PKCS12");
        own.load(null, null);
        List<Certificate> chain = certificates(clientCert.get());
        own.setKeyEntry(
            "client",
            privateKey(clientKey.orElseThrow(), chain.get(0)),
            password,
            chain.toArray(Certificate[]::new));
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(own, password);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keys == null ? null : keys.getKeyManagers(),
          trust.getTrustManagers(),
          new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("the decoder TLS files cannot be used: " + e.getMessage(), e);
    }
  }

  private static List<Certificate> certificates(Path pem)
      throws IOException, GeneralSecurityException {
    List<Certificate> chain =
        new ArrayList<>(
            CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(pem))));
    if (chain.isEmpty()) {
      throw new IOException(pem.getFileName() + " holds no certificate");
    }
    return chain;
  }

  private static PrivateKey privateKey(Path pem, Certificate owner)
      throws IOException, GeneralSecurityException {
    Matcher m = PKCS8.matcher(Files.readString(pem, StandardCharsets.US_ASCII));
    if (!m.find()) {
      throw new IOException(
          "the client key must be PEM PKCS#8 (BEGIN PRIVATE KEY); convert it with"
              + " openssl pkcs8 -topk8 -nocrypt");
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(1));
    String algorithm = owner.getPublicKey().getAlgorithm();
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
  }
}
