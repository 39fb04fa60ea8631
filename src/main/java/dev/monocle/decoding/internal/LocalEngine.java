package dev.monocle.decoding.internal;

import dev.monocle.decoding.Decoder;
import dev.monocle.decoding.LanguagePair;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The local Apertium engine as the application's one {@link Decoder} bean. Settings: {@code
 * monocle.apertium.modes-dir}, {@code monocle.decoder.pipelines-per-pair}, {@code
 * monocle.decoder.pipeline-depth}, {@code monocle.decoder.recycle-after}, {@code
 * monocle.decoder.timeout-ms} and {@code monocle.decoder.warm-pairs} ({@code all}, or a list such
 * as {@code en-es,es-en}).
 */
@ApplicationScoped
public class LocalEngine implements Decoder {

  private ApertiumEngine engine;

  @PostConstruct
  void start() {
    Config config = ConfigProvider.getConfig();
    engine =
        new ApertiumEngine(
            new ApertiumEngine.Settings(
                Path.of(
                    config
                        .getOptionalValue("monocle.apertium.modes-dir", String.class)
                        .orElse("/usr/share/apertium/modes")),
                Math.max(
                    1,
                    config
                        .getOptionalValue("monocle.decoder.pipelines-per-pair", Integer.class)
                        .orElse(2)),
                Math.max(
                    1,
                    config
                        .getOptionalValue("monocle.decoder.pipeline-depth", Integer.class)
                        .orElse(ApertiumEngine.Settings.DEFAULT_DEPTH)),
                Math.max(
                    1,
                    config
                        .getOptionalValue("monocle.decoder.recycle-after", Integer.class)
                        .orElse(5_000)),
                Duration.ofMillis(
                    Math.max(
                        1L,
                        config
                            .getOptionalValue("monocle.decoder.timeout-ms", Long.class)
                            .orElse(5_000L)))));
    String warm =
        config.getOptionalValue("monocle.decoder.warm-pairs", String.class).orElse("").trim();
    Set<LanguagePair> pairs =
        warm.equals("all")
            ? engine.pairs()
            : Arrays.stream(warm.split(","))
                .map(text -> LanguagePair.parse(text.trim(), '-'))
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
    engine.warm(pairs);
  }

  @PreDestroy
  void stop() {
    engine.close();
  }

  @Override
  public Set<LanguagePair> pairs() {
    return engine.pairs();
  }

  @Override
  public List<String> translate(LanguagePair pair, List<String> segments) {
    return engine.translate(pair, segments);
  }

  @Override
  public Health health() {
    return engine.health();
  }

  @Override
  public String engineVersion(LanguagePair pair) {
    return engine.engineVersion(pair);
  }
}
