package dev.monocle.audit.internal;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.subtle.Ed25519Verify;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs checkpoints of the chain head with Ed25519. The private key is derived from the platform
 * secret {@code MONOCLE_AUDIT_SIGNING_KEY}, which is never stored in the database; so whoever can
 * rewrite the trail in the database cannot produce checkpoints that match the rewrite.
 *
 * <p>A key is named by its kid (from its public key). After the secret is rotated, the public keys
 * of earlier secrets are listed in {@code monocle.audit.checkpoint.trusted-public-keys}, so that
 * their checkpoints still verify; a checkpoint of an unknown kid does not.
 */
final class CheckpointSigner {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final String DOMAIN = "monocle.audit.checkpoint.v1";

  private final Ed25519Sign signer;
  private final String kid;
  private final byte[] publicKey;
  private final Map<String, Ed25519Verify> verifiers = new HashMap<>();

  CheckpointSigner(byte[] secret, List<String> trustedPublicKeys) throws GeneralSecurityException {
    byte[] seed = sha256(DOMAIN.getBytes(StandardCharsets.US_ASCII), secret);
    Ed25519Sign.KeyPair pair = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed);
    this.signer = new Ed25519Sign(pair.getPrivateKey());
    this.publicKey = pair.getPublicKey();
    this.kid = kidOf(publicKey);
    verifiers.put(kid, new Ed25519Verify(publicKey));
    for (String trusted : trustedPublicKeys) {
      byte[] key = Base64.getUrlDecoder().decode(trusted.trim());
      if (key.length != Ed25519Verify.PUBLIC_KEY_LEN) {
        throw new GeneralSecurityException("a trusted audit checkpoint key is not an Ed25519 key");
      }
      verifiers.put(kidOf(key), new Ed25519Verify(key));
    }
  }

  String kid() {
    return kid;
  }

  /** The public key (base64url), for operators who check checkpoints outside Monocle. */
  String publicKey() {
    return B64.encodeToString(publicKey);
  }

  String sign(long seq, String hash, Instant signedAt) {
    try {
      return B64.encodeToString(signer.sign(message(seq, hash, signedAt)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("audit checkpoint could not be signed", e);
    }
  }

  /** Whether the checkpoint carries a valid signature of a trusted key. */
  boolean verify(Checkpoint checkpoint) {
    Ed25519Verify verifier = verifiers.get(checkpoint.kid());
    if (verifier == null) {
      return false;
    }
    try {
      verifier.verify(
          Base64.getUrlDecoder().decode(checkpoint.signature()),
          message(checkpoint.seq(), checkpoint.hash(), checkpoint.signedAt()));
      return true;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] message(long seq, String hash, Instant signedAt) {
    return (DOMAIN + "\n" + seq + "\n" + hash + "\n" + signedAt).getBytes(StandardCharsets.UTF_8);
  }

  private static String kidOf(byte[] publicKey) {
    return "audit-" + B64.encodeToString(sha256(publicKey)).substring(0, 16);
  }

  private static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        sha.update(part);
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
