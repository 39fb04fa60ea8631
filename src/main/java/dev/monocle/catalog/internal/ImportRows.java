package dev.monocle.catalog.internal;

import dev.monocle.catalog.internal.FrameInput.Measurements;
import dev.monocle.catalog.internal.FrameInput.Price;
import dev.monocle.platform.JsonBinding;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a bulk import, from a JSON array of frames or a CSV file with a header, numbered from
 * 1 (the first frame; in CSV the first line after the header). A row that does not even parse
 * becomes a row with errors; the request as a whole is refused only when it is not a JSON array or
 * a CSV file with known columns, or holds more than {@value #MAX_ROWS} rows.
 */
public final class ImportRows {

  public static final int MAX_ROWS = 10_000;

  /** CSV columns; {@code images} and {@code tags} hold values separated by {@code |}. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "sku",
          "name",
          "brand",
          "model",
          "description",
          "frame_type",
          "shape",
          "rim",
          "material",
          "color",
          "gender",
          "lens_width_mm",
          "lens_height_mm",
          "bridge_width_mm",
          "temple_length_mm",
          "frame_width_mm",
          "weight_g",
          "price_amount",
          "price_currency",
          "stock",
          "status",
          "images",
          "tags");

  /** One row: a frame to validate, or the errors that kept it from being read. */
  public record Row(int number, FrameInput frame, List<FieldError> errors) {
    public Row {
      errors = List.copyOf(errors);
    }
  }

  private ImportRows() {}

  public static List<Row> fromJson(String body) {
    JsonArray array;
    try {
      JsonValue value = Json.createReader(new StringReader(body)).readValue();
      if (value.getValueType() != JsonValue.ValueType.ARRAY) {
        throw refused("The body must be a JSON array of frames.");
      }
      array = value.asJsonArray();
    } catch (JsonException | NumberFormatException | UnsupportedOperationException e) {
      throw refused("The body is not well-formed JSON, or holds a number out of range.");
    }
    checkCount(array.size());
    List<Row> rows = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      rows.add(jsonRow(i + 1, array.get(i)));
    }
    return rows;
  }

  private static Row jsonRow(int number, JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      return new Row(number, null, List.of(new FieldError("row", "must be a JSON object")));
    }
    try {
      return new Row(
          number, JsonBinding.jsonb().fromJson(value.toString(), FrameInput.class), List.of());
    } catch (JsonbException e) {
      String field = JsonBinding.unknownField(e).orElse(null);
      FieldError error =
          field != null
              ? new FieldError(field, "unknown field")
              : new FieldError("row", "has a field of the wrong type");
      return new Row(number, null, List.of(error));
    }
  }

  public static List<Row> fromCsv(String csv) {
    // Spreadsheets often save UTF-8 with a byte-order mark, which would glue onto the first column.
    String body = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    try (CSVParser parser = CSVParser.parse(body, format)) {
      List<String> header = parser.getHeaderNames();
      for (String column : header) {
        if (!CSV_COLUMNS.contains(column)) {
          throw refused(
              "Unknown CSV column '"
                  + (column.length() > 40 ? column.substring(0, 40) : column)
                  + "'; the columns are "
                  + String.join(",", CSV_COLUMNS)
                  + ".");
        }
      }
      if (!Set.copyOf(header).contains("sku")) {
        throw refused("The CSV header must name the column sku.");
      }
      List<Row> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        checkCount(rows.size() + 1);
        rows.add(csvRow(rows.size() + 1, record));
      }
      return rows;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw refused("The body is not a CSV file with a header line.");
    } catch (java.io.UncheckedIOException e) {
      throw refused("The body is not a well-formed CSV file.");
    }
  }

  private static Row csvRow(int number, CSVRecord r) {
    List<FieldError> errors = new ArrayList<>();
    Function<String, String> text =
        column ->
            r.isMapped(column) && r.isSet(column) && !r.get(column).isEmpty()
                ? r.get(column)
                : null;
    FrameInput frame =
        new FrameInput(
            text.apply("sku"),
            text.apply("name"),
            text.apply("brand"),
            text.apply("model"),
            text.apply("description"),
            text.apply("frame_type"),
            text.apply("shape"),
            text.apply("rim"),
            text.apply("material"),
            text.apply("color"),
            text.apply("gender"),
            new Measurements(
                number(errors, "measurements.lens_width_mm", text.apply("lens_width_mm")),
                number(errors, "measurements.lens_height_mm", text.apply("lens_height_mm")),
                number(errors, "measurements.bridge_width_mm", text.apply("bridge_width_mm")),
                number(errors, "measurements.temple_length_mm", text.apply("temple_length_mm")),
                number(errors, "measurements.frame_width_mm", text.apply("frame_width_mm")),
                number(errors, "measurements.weight_g", text.apply("weight_g"))),
            price(errors, text.apply("price_amount"), text.apply("price_currency")),
            integer(errors, "stock", text.apply("stock")),
            text.apply("status"),
            list(text.apply("images")),
            list(text.apply("tags")),
            null);
    return new Row(number, errors.isEmpty() ? frame : null, errors);
  }

  /** Longer numbers are refused unparsed (BigDecimal parsing is superlinear in the length). */
  static final int MAX_NUMBER_LENGTH = 32;

  /** The number as given, or a NumberFormatException when it is too long to parse at all. */
  private static String capped(String number) {
    if (number.length() > MAX_NUMBER_LENGTH) {
      throw new NumberFormatException("longer than " + MAX_NUMBER_LENGTH + " characters");
    }
    return number;
  }

  private static Double number(List<FieldError> errors, String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(capped(value));
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldError(field, "must be a number"));
    return null;
  }

  private static Integer integer(List<FieldError> errors, String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(capped(value));
    } catch (NumberFormatException e) {
      errors.add(new FieldError(field, "must be a whole number"));
      return null;
    }
  }

  private static Price price(List<FieldError> errors, String amount, String currency) {
    if (amount == null && currency == null) {
      return null;
    }
    BigDecimal value = null;
    if (amount != null) {
      try {
        value = new BigDecimal(capped(amount));
      } catch (NumberFormatException e) {
        errors.add(new FieldError("price.amount", "must be a number"));
      }
    }
    return new Price(value, currency);
  }

  private static List<String> list(String value) {
    return value == null
        ? null
        : Arrays.stream(value.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static void checkCount(int rows) {
    if (rows > MAX_ROWS) {
      throw new ProblemException(
          413,
          "too-many-rows",
          "Import too large",
          "An import holds at most " + MAX_ROWS + " rows; split it into several.");
    }
  }

  private static ProblemException refused(String detail) {
    return new ProblemException(400, "unreadable-import", "Unreadable import", detail);
  }
}
