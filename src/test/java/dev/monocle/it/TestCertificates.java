package dev.monocle.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Certificates for TLS tests, made with the openssl command (as an operator would): EC P-256 CAs
 * and leaves signed by them, with {@code localhost} and {@code 127.0.0.1} as names. Each is a pair
 * of PEM files {@code <name>.pem} and {@code <name>.key} (PKCS#8) in one directory.
 */
public record TestCertificates(Path dir) {

  /** A self-signed CA valid for 400 days. */
  public Path ca(String name) {
    openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        key(name).toString(),
        "-out",
        pem(name).toString(),
        "-days",
        "400",
        "-subj",
        "/CN=" + name);
    return pem(name);
  }

  /** A leaf certificate for server and client use, signed by {@code ca}, valid for {@code days}. */
  public Path leaf(String name, String ca, int days) {
    Path csr = dir.resolve(name + ".csr");
    Path ext = dir.resolve(name + ".ext");
    try {
      Files.writeString(
          ext,
          "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
              + "extendedKeyUsage=serverAuth,clientAuth\n");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    openssl(
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        key(name).toString(),
        "-out",
        csr.toString(),
        "-subj",
        "/CN=" + name);
    openssl(
        "x509",
        "-req",
        "-in",
        csr.toString(),
        "-CA",
        pem(ca).toString(),
        "-CAkey",
        key(ca).toString(),
        "-CAcreateserial",
        "-days",
        String.valueOf(days),
        "-extfile",
        ext.toString(),
        "-out",
        pem(name).toString());
    return pem(name);
  }

  public Path pem(String name) {
    return dir.resolve(name + ".pem");
  }

  public Path key(String name) {
    return dir.resolve(name + ".key");
  }

  private void openssl(String... args) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Commands.Result r = Commands.run(command, Map.of(), null, java.time.Duration.ofMinutes(1));
    if (r.exit() != 0) {
      throw new IllegalStateException("openssl " + args[0] + " failed: " + r.output());
    }
  }
}
