package dev.monocle.auth.web;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a signed-in console session holds: the Auth session it maps onto and when sign-in happened
 * (for the absolute limit). Never a token or a credential.
 */
record ConsoleSession(String userId, String authSessionId, Instant signedInAt)
    implements Serializable {

  static final String ATTRIBUTE = "dev.monocle.console.signed-in";
}
