package dev.monocle.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Request bodies as text: valid UTF-8 or a 400, never a replacement character slipped in. */
public final class StrictUtf8 {

  private StrictUtf8() {}

  public static String decode(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ProblemException(
          400,
          "invalid-encoding",
          "Malformed request body",
          "The request body is not valid UTF-8.");
    }
  }
}
