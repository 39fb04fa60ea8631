package dev.monocle.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.platform.FieldBinding;
import dev.monocle.platform.SealedValueException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FieldCryptoTest {

  private final MapKeysetStore store = new MapKeysetStore();
  private final byte[] kek = randomKey();
  private Keyring keyring;
  private TinkFieldCipher cipher;

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @BeforeEach
  void setUp() throws GeneralSecurityException {
    keyring = new Keyring(kek, store);
    cipher = new TinkFieldCipher(() -> keyring);
  }

  private static FieldBinding email(String row) {
    return new FieldBinding("catalog_customer", "email", row);
  }

  @Test
  void sealsAndOpensWithoutLeavingPlaintext() {
    byte[] sealed = cipher.seal("jane@example.com", email("row-1"));
    assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("jane@example.com"));
    assertEquals("jane@example.com", cipher.open(sealed, email("row-1")));
    assertNotEquals(
        HexFormat.of().formatHex(sealed),
        HexFormat.of().formatHex(cipher.seal("jane@example.com", email("row-1"))),
        "each sealing uses a fresh nonce");
  }

  @Test
  void aValueMovedToAnotherRowOrColumnDoesNotOpen() {
    byte[] sealed = cipher.seal("jane@example.com", email("row-1"));
    assertThrows(SealedValueException.class, () -> cipher.open(sealed, email("row-2")));
    assertThrows(
        SealedValueException.class,
        () -> cipher.open(sealed, new FieldBinding("catalog_customer", "phone", "row-1")));
    assertThrows(
        SealedValueException.class,
        () -> cipher.open(sealed, new FieldBinding("auth_user", "email", "row-1")));
  }

  @Test
  void aTamperedValueDoesNotOpen() {
    byte[] sealed = cipher.seal("jane@example.com", email("row-1"));
    sealed[sealed.length - 1] ^= 1;
    assertThrows(SealedValueException.class, () -> cipher.open(sealed, email("row-1")));
  }

  @Test
  void afterRotationOldValuesStillOpenAndNewOnesUseTheNewKey() throws Exception {
    byte[] old = cipher.seal("before", email("row-1"));
    int oldKey = cipher.keyIdOf(old);
    assertEquals(oldKey, cipher.primaryKeyId());

    int newKey = keyring.rotateDataKey();
    assertNotEquals(oldKey, newKey);
    byte[] fresh = cipher.seal("after", email("row-2"));
    assertEquals(newKey, cipher.keyIdOf(fresh));
    assertEquals("before", cipher.open(old, email("row-1")));

    // Another instance reading the same stored keyset sees the rotation and the old key.
    TinkFieldCipher other = new TinkFieldCipher(reload());
    assertEquals("before", other.open(old, email("row-1")));
    assertEquals("after", other.open(fresh, email("row-2")));
    assertEquals(newKey, other.primaryKeyId());
  }

  @Test
  void twoInstancesRotatingAtOnceKeepBothKeys() throws Exception {
    Keyring other = reload().get();
    byte[] old = cipher.seal("before", email("row-1"));
    int mine = keyring.rotateDataKey();
    int theirs = other.rotateDataKey(); // from a stale keyset: it must re-read, not overwrite
    Keyring fresh = reload().get();
    assertTrue(fresh.dataKeyIds().containsAll(List.of(cipher.keyIdOf(old), mine, theirs)));
    assertEquals(theirs, fresh.primaryDataKeyId());
    assertEquals("before", new TinkFieldCipher(() -> fresh).open(old, email("row-1")));
  }

  @Test
  void aValueSealedUnderAKeyRotatedElsewhereOpensAfterARefresh() throws Exception {
    Keyring elsewhere = reload().get();
    elsewhere.rotateDataKey();
    byte[] sealed = new TinkFieldCipher(() -> elsewhere).seal("new", email("row-3"));
    assertEquals("new", cipher.open(sealed, email("row-3")), "the stale instance re-reads");
    assertEquals(elsewhere.primaryDataKeyId(), cipher.primaryKeyId());
  }

  @Test
  void retiredKeysAreDeletedButNeverThePrimary() throws Exception {
    int old = keyring.primaryDataKeyId();
    int primary = keyring.rotateDataKey();
    assertThrows(
        IllegalArgumentException.class, () -> keyring.deleteDataKeys(java.util.Set.of(primary)));
    keyring.deleteDataKeys(java.util.Set.of(old));
    assertEquals(List.of(primary), keyring.dataKeyIds());
    assertEquals(List.of(primary), reload().get().dataKeyIds(), "stored, not only in memory");
  }

  @Test
  void aNewBlindIndexKeyGivesNewIndexesEverywhereAndKeepsOnlyItself() throws Exception {
    TinkBlindIndex index = new TinkBlindIndex(() -> keyring);
    String before = index.of("auth_user.email", "jane@example.com");
    Keyring other = reload().get();
    int fresh = keyring.rotateBlindIndexKey();
    String after = index.of("auth_user.email", "jane@example.com");
    assertNotEquals(before, after);
    assertEquals(fresh, keyring.blindIndexKeyId());
    assertTrue(other.refresh(), "another instance sees the change");
    assertEquals(after, new TinkBlindIndex(() -> other).of("auth_user.email", "Jane@Example.com"));
  }

  @Test
  void keysetsAreStoredOnlyUnderTheKek() throws Exception {
    String stored = store.keysets.get(Keyring.DATA).keyset();
    assertTrue(stored.contains("encryptedKeyset"), "Tink's encrypted keyset format");
    byte[] wrongKek = randomKey();
    assertThrows(GeneralSecurityException.class, () -> new Keyring(wrongKek, store));
  }

  @Test
  void blindIndexIsStableCaseInsensitiveAndKeptApartByPurpose() throws Exception {
    TinkBlindIndex index = new TinkBlindIndex(() -> keyring);
    String a = index.of("auth_user.email", "Jane@Example.com ");
    assertEquals(a, index.of("auth_user.email", "jane@example.com"));
    assertEquals(64, a.length());
    assertNotEquals(a, index.of("catalog_customer.email", "jane@example.com"));
    assertEquals(a, new TinkBlindIndex(reload()).of("auth_user.email", "jane@example.com"));
    Keyring elsewhere = new Keyring(randomKey(), new MapKeysetStore());
    assertNotEquals(
        a, new TinkBlindIndex(() -> elsewhere).of("auth_user.email", "jane@example.com"));
  }

  private java.util.function.Supplier<Keyring> reload() throws GeneralSecurityException {
    Keyring again = new Keyring(Arrays.copyOf(kek, kek.length), store);
    return () -> again;
  }
}
