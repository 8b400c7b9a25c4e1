package dev.bulwark.analysis.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The learned verdict model as shipped: a logistic regression exported by the training tool
 * ({@code dev.bulwark.eval.tools.TrainModel}, Tribuo) to a small JSON resource. Scoring it is a sum
 * of weights and a logistic function, so it is done here by hand and the CLI does not carry the
 * training library (see docs/verdict.md).
 *
 * @param id the short hash of the training data ("" for a hand-made model in tests)
 * @param bias the intercept
 * @param weights feature name → weight; features not listed weigh 0
 * @param malicious probability at or above which a package with a threat is malicious
 * @param suspicious probability at or above which a package is suspicious
 */
public record LearnedModel(String id, double bias, SortedMap<String, Double> weights,
    double malicious, double suspicious) {
  /** The classpath resource of the shipped model. */
  public static final String RESOURCE = "/dev/bulwark/analysis/verdict/model.json";
  private static final int MAX_FEATURES = 100_000;

  public LearnedModel {
    Objects.requireNonNull(id, "id");
    weights = Collections.unmodifiableSortedMap(new TreeMap<>(weights));
    if (!(suspicious > 0 && suspicious <= malicious && malicious < 1)) {
      throw new IllegalArgumentException("thresholds must satisfy 0 < suspicious <= malicious < 1, were "
          + suspicious + " and " + malicious);
    }
  }

  /** The weight of a feature, 0 when the model does not know it. */
  public double weight(String feature) {
    return weights.getOrDefault(feature, 0.0);
  }

  private static final class Holder {
    static final Optional<LearnedModel> BUILTIN = load();

    private static Optional<LearnedModel> load() {
      try (InputStream in = LearnedModel.class.getResourceAsStream(RESOURCE)) {
        return in == null ? Optional.empty() : Optional.of(parse(in, RESOURCE));
      } catch (IOException e) {
        throw new IllegalStateException("the shipped verdict model is broken: " + e.getMessage(), e);
      }
    }
  }

  /** The model shipped in the jar, empty when none is. */
  public static Optional<LearnedModel> builtin() {
    return Holder.BUILTIN;
  }

  /** Reads a model file written by the training tool. */
  public static LearnedModel parse(InputStream in, String source) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    if (root == null || !root.isObject() || root.path("format").asInt(0) != 1) {
      throw new IOException(source + ": not a verdict model (format 1)");
    }
    JsonNode w = root.path("weights");
    if (!w.isObject() || w.size() > MAX_FEATURES) {
      throw new IOException(source + ": 'weights' must be an object of at most " + MAX_FEATURES + " features");
    }
    Map<String, Double> weights = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNumber() || !Double.isFinite(e.getValue().asDouble())) {
        throw new IOException(source + ": weight of '" + e.getKey() + "' is not a finite number");
      }
      weights.put(e.getKey(), e.getValue().asDouble());
    }
    JsonNode t = root.path("thresholds");
    try {
      return new LearnedModel(root.path("trainingDataHash").asText("").substring(0,
              Math.min(12, root.path("trainingDataHash").asText("").length())),
          root.path("bias").asDouble(), new TreeMap<>(weights),
          t.path("malicious").asDouble(-1), t.path("suspicious").asDouble(-1));
    } catch (IllegalArgumentException e) {
      throw new IOException(source + ": " + e.getMessage(), e);
    }
  }
}
