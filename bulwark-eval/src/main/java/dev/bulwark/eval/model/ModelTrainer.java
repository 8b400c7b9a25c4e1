package dev.bulwark.eval.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.analysis.verdict.LearnedModel;
import dev.bulwark.analysis.verdict.ModelFeatures;
import dev.bulwark.analysis.verdict.ModelVerdict;
import dev.bulwark.analysis.verdict.VerdictModel;
import dev.bulwark.model.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.ParameterAveraging;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;

/**
 * Trains the verdict model on the train side of the samples with Tribuo's logistic regression
 * (fixed seed, one thread, samples in id order), exports the linear weights, chooses the verdict
 * thresholds on train, and measures train and validation. Same samples → same bytes.
 */
public final class ModelTrainer {
  public static final String LIBRARY = "Tribuo 4.3.2 (tribuo-classification-sgd: LinearSGDTrainer, "
      + "LogMulticlass (logistic regression), AdaGrad with parameter averaging)";
  private static final String MAL = "MALICIOUS";
  private static final String BEN = "BENIGN";
  private static final String CONSTANT = "constant";

  /**
   * Training settings.
   *
   * @param seed the trainer's random seed
   * @param epochs passes over the training data
   * @param learningRate AdaGrad's initial learning rate
   * @param minRuleSupport a rule gets its own feature only when it fires in at least this many
   *     distinct train packages; rarer rules count through their category features only
   * @param maliciousFpr the highest benign rate at malicious allowed on each train set
   * @param suspiciousFpr the highest benign rate at suspicious allowed on each train set
   */
  public record Settings(long seed, int epochs, double learningRate, int minRuleSupport,
      double maliciousFpr, double suspiciousFpr) {
    public static Settings defaults() {
      return new Settings(20261206L, 12, 0.1, 8, 0.0, 0.01);
    }
  }

  /** The trained model, its JSON file and its figures. */
  public record Result(LearnedModel model, String json, String dataHash, Map<String, Object> figures) {}

  private ModelTrainer() {}

  public static Result train(List<TrainingSample> all, Settings s) {
    List<TrainingSample> train = all.stream().filter(x -> !x.validation())
        .sorted((a, b) -> a.id().compareTo(b.id())).toList();
    List<TrainingSample> validation = all.stream().filter(TrainingSample::validation)
        .sorted((a, b) -> a.id().compareTo(b.id())).toList();
    Map<String, Set<String>> features = new HashMap<>();
    for (TrainingSample t : all) {
      features.put(t.id(), ModelFeatures.extract(t.findings()).keySet());
    }
    Set<String> keptRules = supportedRules(train, features, s.minRuleSupport());
    String dataHash = dataHash(train, features, keptRules);
    Map<String, Double> versions = new HashMap<>();
    for (TrainingSample t : train) {
      versions.merge(t.malicious() + "\u0000" + t.packageName(), 1.0, Double::sum);
    }
    double malWeight = 0;
    double benWeight = 0;
    for (TrainingSample t : train) {
      double w = 1 / versions.get(t.malicious() + "\u0000" + t.packageName());
      if (t.malicious()) {
        malWeight += w;
      } else {
        benWeight += w;
      }
    }
    LabelFactory lf = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(
        new SimpleDataSourceProvenance("bulwark train split", lf), lf);
    for (TrainingSample t : train) {
      double perPackage = 1 / versions.get(t.malicious() + "\u0000" + t.packageName());
      // Each class weighs the same in total, and each package the same within its class.
      float w = (float) (perPackage * (t.malicious() ? (malWeight + benWeight) / (2 * malWeight)
          : (malWeight + benWeight) / (2 * benWeight)));
      ArrayExample<Label> ex = new ArrayExample<>(new Label(t.malicious() ? MAL : BEN), w);
      // A constant feature, folded into the bias on export: Tribuo refuses examples without features.
      ex.add(new Feature(CONSTANT, 1.0));
      for (String f : kept(features.get(t.id()), keptRules)) {
        ex.add(new Feature(f, 1.0));
      }
      data.add(ex);
    }
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(),
        new ParameterAveraging(new AdaGrad(s.learningRate(), 0.1)), s.epochs(), Math.max(1, train.size()), 1, s.seed());
    Model<Label> m = trainer.train(data);
    Map<String, List<Pair<String, Double>>> top = m.getTopFeatures(-1);
    Map<String, Double> mal = toMap(top.get(MAL));
    Map<String, Double> ben = toMap(top.get(BEN));
    TreeMap<String, Double> weights = new TreeMap<>();
    Set<String> names = new TreeSet<>(mal.keySet());
    names.addAll(ben.keySet());
    double bias = 0;
    for (String n : names) {
      // Two-class softmax: P(malicious) = sigmoid(w_mal - w_ben), so the binary weight is the difference.
      double d = round(mal.getOrDefault(n, 0.0) - ben.getOrDefault(n, 0.0));
      if (n.equals(Model.BIAS_FEATURE) || n.equals(CONSTANT)) {
        bias += d;
      } else if (d != 0) {
        weights.put(n, d);
      }
    }
    bias = round(bias);
    LearnedModel provisional = new LearnedModel(dataHash.substring(0, 12), bias, weights, 0.5, 0.5);
    double[] thresholds = thresholds(train, provisional, s);
    LearnedModel model = new LearnedModel(dataHash.substring(0, 12), bias, weights, thresholds[0], thresholds[1]);
    Map<String, Object> figures = new TreeMap<>();
    figures.put("train", Figures.measure(train, model));
    figures.put("validation", Figures.measure(validation, model));
    return new Result(model, json(model, dataHash, s, figures, train.size(), validation.size()), dataHash, figures);
  }

  /** Rules that fire in at least {@code min} distinct train packages (either label). */
  static Set<String> supportedRules(List<TrainingSample> train, Map<String, Set<String>> features, int min) {
    Map<String, Set<String>> packages = new TreeMap<>();
    for (TrainingSample t : train) {
      for (String f : features.get(t.id())) {
        if (f.startsWith("rule:")) {
          packages.computeIfAbsent(f, k -> new TreeSet<>()).add(t.malicious() + ":" + t.packageName());
        }
      }
    }
    Set<String> out = new TreeSet<>();
    packages.forEach((k, v) -> {
      if (v.size() >= min) {
        out.add(k);
      }
    });
    return out;
  }

  private static List<String> kept(Set<String> features, Set<String> keptRules) {
    return features.stream().filter(f -> !f.startsWith("rule:") || keptRules.contains(f)).sorted().toList();
  }

  /** sha256 over the sorted sample ids, labels and feature vectors of the train side. */
  static String dataHash(List<TrainingSample> train, Map<String, Set<String>> features, Set<String> keptRules) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (TrainingSample t : train) {
        md.update((t.id() + "\t" + (t.malicious() ? "1" : "0") + "\t"
            + String.join(" ", kept(features.get(t.id()), keptRules)) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The malicious threshold: just above the highest benign probability of each train set that the
   * allowed rate does not cover (benign packages made malicious by a decisive rule do not count:
   * no threshold changes them). The suspicious one: the lowest that keeps each set within its rate.
   */
  static double[] thresholds(List<TrainingSample> train, LearnedModel m, Settings s) {
    Map<String, List<Double>> bySet = new TreeMap<>();
    for (TrainingSample t : train) {
      if (t.malicious()) {
        continue;
      }
      ModelVerdict.Assessment a = ModelVerdict.assess(t.findings(), m);
      List<Double> ps = bySet.computeIfAbsent(t.set(), k -> new ArrayList<>());
      if (a.explanation().forcedBy().isEmpty()) {
        ps.add(a.explanation().probability());
      }
    }
    double mal = 0.5;
    double susp = 0.05;
    for (List<Double> ps : bySet.values()) {
      ps.sort(null);
      mal = Math.max(mal, above(ps, s.maliciousFpr()));
      susp = Math.max(susp, above(ps, s.suspiciousFpr()));
    }
    // A margin in log-odds above the highest benign value that counts.
    mal = Math.min(0.995, sigmoid(logit(mal) + 0.5));
    susp = Math.min(mal, sigmoid(logit(susp) + 0.25));
    return new double[] {round(mal), round(Math.min(susp, mal))};
  }

  /** The smallest value such that at most {@code rate} of {@code sorted} lies strictly above it. */
  private static double above(List<Double> sorted, double rate) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int allowed = (int) Math.floor(rate * sorted.size());
    return sorted.get(Math.max(0, sorted.size() - 1 - allowed));
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double logit(double p) {
    double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
    return Math.log(q / (1 - q));
  }

  private static Map<String, Double> toMap(List<Pair<String, Double>> l) {
    Map<String, Double> out = new TreeMap<>();
    if (l != null) {
      for (Pair<String, Double> p : l) {
        out.put(p.getA(), p.getB());
      }
    }
    return out;
  }

  static double round(double d) {
    return BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
  }

  private static String json(LearnedModel m, String dataHash, Settings s, Map<String, Object> figures,
      int trainCount, int validationCount) {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    ObjectNode root = om.createObjectNode();
    root.put("format", 1);
    root.put("kind", "logistic-regression over binary finding features (docs/verdict.md)");
    root.put("library", LIBRARY);
    root.put("seed", s.seed());
    root.put("epochs", s.epochs());
    root.put("learningRate", s.learningRate());
    root.put("minRuleSupport", s.minRuleSupport());
    root.put("trainingDataHash", dataHash);
    root.put("trainSamples", trainCount);
    root.put("validationSamples", validationCount);
    ObjectNode t = root.putObject("thresholds");
    t.put("malicious", m.malicious());
    t.put("suspicious", m.suspicious());
    root.set("figures", om.valueToTree(figures));
    root.put("bias", m.bias());
    ObjectNode w = root.putObject("weights");
    m.weights().forEach(w::put);
    try {
      return om.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rule-only verdict of a sample, for side-by-side figures. */
  static Verdict ruleVerdict(TrainingSample t) {
    return VerdictModel.assess(t.findings()).verdict();
  }
}
