package dev.monocle.platform.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Why access tokens are ES256 with {@link NativeSignatures}: the cost of signing (sign-in, refresh)
 * and verifying (every request) a token-sized input, ES256 against RS256 (RSA 2048), with the JDK's
 * providers alone and with the native ECDSA installed. Run by {@code ops/bench/jmh.sh
 * SignatureBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBench {

  @Param({"ES256", "RS256"})
  String algorithm;

  @Param({"jdk", "native"})
  String provider;

  private KeyPair keys;
  private byte[] input;
  private byte[] signature;
  private String jca;

  @Setup(Level.Trial)
  public void keys() throws GeneralSecurityException {
    if (provider.equals("native")) {
      NativeSignatures.install(true);
    } else {
      NativeSignatures.uninstall();
    }
    KeyPairGenerator generator;
    if (algorithm.equals("ES256")) {
      generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      jca = "SHA256withECDSA";
    } else {
      generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      jca = "SHA256withRSA";
    }
    keys = generator.generateKeyPair();
    input = new byte[400]; // a header and claims of an access token, base64url
    new SecureRandom().nextBytes(input);
    signature = sign();
  }

  @TearDown(Level.Trial)
  public void restore() {
    NativeSignatures.uninstall();
  }

  @Benchmark
  public byte[] sign() throws GeneralSecurityException {
    Signature s = Signature.getInstance(jca);
    s.initSign(keys.getPrivate());
    s.update(input);
    return s.sign();
  }

  @Benchmark
  public boolean verify() throws GeneralSecurityException {
    Signature s = Signature.getInstance(jca);
    s.initVerify(keys.getPublic());
    s.update(input);
    return s.verify(signature);
  }
}
