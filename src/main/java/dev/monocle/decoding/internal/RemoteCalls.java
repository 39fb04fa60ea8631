package dev.monocle.decoding.internal;

import dev.monocle.decoding.DecoderException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** HTTP calls of the remote decoders: JSON answers, failures as {@link DecoderException}. */
final class RemoteCalls {

  /** Far above the largest answer (100 segments of 5,000 characters, escaped): 16 MiB. */
  private static final int MAX_ANSWER_BYTES = 16 << 20;

  private RemoteCalls() {}

  static CompletableFuture<JsonObject> json(HttpClient http, HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
        .thenApply(
            response -> {
              String body;
              try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                  throw new DecoderException(
                      "decoder node answered " + response.statusCode() + " to " + request.uri(),
                      null);
                }
                byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
                if (bytes.length > MAX_ANSWER_BYTES) {
                  throw new DecoderException("decoder node answer too large", null);
                }
                body = new String(bytes, StandardCharsets.UTF_8);
              } catch (IOException broken) {
                throw new DecoderException("decoder node answer unreadable", broken);
              }
              try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
              } catch (RuntimeException notJson) {
                throw new DecoderException("decoder node answered no JSON object", notJson);
              }
            });
  }

  /** Waits for every call; the first failure (or the deadline) fails the whole batch. */
  static <T> List<T> all(List<CompletableFuture<T>> calls, long timeoutNanos) {
    try {
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
          .get(timeoutNanos, TimeUnit.NANOSECONDS);
      return calls.stream().map(CompletableFuture::join).toList();
    } catch (TimeoutException late) {
      calls.forEach(call -> call.cancel(true));
      throw new DecoderException("decoder node timed out", late);
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof DecoderException decoder) {
        throw decoder;
      }
      throw new DecoderException(
          "decoder node unreachable: " + cause.getClass().getSimpleName(), cause);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new DecoderException("interrupted", interrupted);
    }
  }
}
