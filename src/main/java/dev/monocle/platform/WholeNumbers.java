package dev.monocle.platform;

import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * Integers in request bodies, strictly: JSON-B's default reading of an {@code Integer} field takes
 * the number's {@code intValue()}, so 4294967297 became 1 and 2.9 became 2. Here a fraction or a
 * number outside the range of {@code int} is a binding error (a 400), never a different number.
 */
public class WholeNumbers implements JsonbDeserializer<Integer> {

  @Override
  public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
    BigDecimal value = context.deserialize(BigDecimal.class, parser);
    if (value == null) {
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw new JsonbException("expected a whole number within the range of int");
    }
  }
}
