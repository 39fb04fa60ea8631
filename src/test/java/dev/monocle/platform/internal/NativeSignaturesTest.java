package dev.monocle.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NativeSignaturesTest {

  private static final byte[] INPUT =
      "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ2aWMifQ".getBytes(StandardCharsets.US_ASCII);

  private KeyPair keys;

  @BeforeEach
  void keys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    keys = generator.generateKeyPair();
  }

  @AfterEach
  void restore() {
    NativeSignatures.uninstall();
  }

  @Test
  void installedFirstForEcdsaOnlyAndRemovedAgain() throws GeneralSecurityException {
    String by = NativeSignatures.install(true);

    assertTrue(by.contains("AWS-LC"), by);
    assertEquals(NativeSignatures.NAME, Security.getProviders()[0].getName());
    assertEquals(NativeSignatures.NAME, initializedSigner().getProvider().getName());
    Provider first = Security.getProviders()[0];
    assertEquals(1, first.getServices().size(), "one algorithm, nothing else of the JDK replaced");
    assertNotEquals(NativeSignatures.NAME, Signature.getInstance("SHA256withRSA").getProvider());
    assertEquals("SUN", java.security.MessageDigest.getInstance("SHA-256").getProvider().getName());

    NativeSignatures.install(true);
    assertEquals(
        1,
        java.util.Arrays.stream(Security.getProviders())
            .filter(p -> p.getName().equals(NativeSignatures.NAME))
            .count(),
        "installing twice installs once");

    NativeSignatures.uninstall();
    assertNull(Security.getProvider(NativeSignatures.NAME));
    assertEquals("SunEC", initializedSigner().getProvider().getName());
  }

  @Test
  void switchedOffLeavesTheJdk() throws GeneralSecurityException {
    NativeSignatures.install(true);

    assertTrue(NativeSignatures.install(false).contains("JDK"));

    assertNull(Security.getProvider(NativeSignatures.NAME));
    assertEquals("SunEC", initializedSigner().getProvider().getName());
  }

  @Test
  void signaturesAgreeWithTheJdkBothWays() throws GeneralSecurityException {
    Signature jdk = Signature.getInstance("SHA256withECDSA", "SunEC");
    jdk.initSign(keys.getPrivate());
    jdk.update(INPUT);
    byte[] byJdk = jdk.sign();
    NativeSignatures.install(true);

    byte[] byNative = sign(INPUT);

    assertTrue(verify(INPUT, byJdk), "native verifies what the JDK signed");
    Signature check = Signature.getInstance("SHA256withECDSA", "SunEC");
    check.initVerify(keys.getPublic());
    check.update(INPUT);
    assertTrue(check.verify(byNative), "the JDK verifies what native signed");
  }

  @Test
  void forgeriesFail() throws GeneralSecurityException {
    NativeSignatures.install(true);
    byte[] genuine = sign(INPUT);

    byte[] tampered = INPUT.clone();
    tampered[3] ^= 1;
    assertFalse(verify(tampered, genuine));
    // r = s = 0 (CVE-2022-21449, "psychic signatures"), DER-encoded
    byte[] zeros = {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00};
    assertFalse(rejectsOrFalse(INPUT, zeros));
    KeyPairGenerator other = KeyPairGenerator.getInstance("EC");
    other.initialize(new ECGenParameterSpec("secp256r1"));
    Signature foreign = Signature.getInstance("SHA256withECDSA", "SunEC");
    foreign.initSign(other.generateKeyPair().getPrivate());
    foreign.update(INPUT);
    assertFalse(verify(INPUT, foreign.sign()));
  }

  @Test
  void nimbusEs256GoesThroughIt() throws Exception {
    NativeSignatures.install(true);
    ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(),
            new JWTClaimsSet.Builder().subject("vic").build());

    jwt.sign(new ECDSASigner(key));

    SignedJWT parsed = SignedJWT.parse(jwt.serialize());
    assertTrue(parsed.verify(new ECDSAVerifier(key.toPublicJWK())));
    assertEquals(64, parsed.getSignature().decode().length, "JOSE's R || S form");
  }

  private Signature initializedSigner() throws GeneralSecurityException {
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(keys.getPrivate()); // delayed provider selection happens here
    return s;
  }

  private byte[] sign(byte[] input) throws GeneralSecurityException {
    Signature s = initializedSigner();
    assertEquals(NativeSignatures.NAME, s.getProvider().getName());
    s.update(input);
    return s.sign();
  }

  private boolean verify(byte[] input, byte[] signature) throws GeneralSecurityException {
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initVerify(keys.getPublic());
    assertEquals(NativeSignatures.NAME, s.getProvider().getName());
    s.update(input);
    return s.verify(signature);
  }

  private boolean rejectsOrFalse(byte[] input, byte[] signature) throws GeneralSecurityException {
    try {
      return verify(input, signature);
    } catch (SignatureException e) {
      return false;
    }
  }
}
