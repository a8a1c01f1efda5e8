/**
 * Multinomial naive Bayes over TF-IDF weighted, L2-normalised feature vectors (the
 * "transformed weight-normalised" variant of Rennie et al., 2003, "Tackling the Poor
 * Assumptions of Naive Bayes Text Classifiers").
 *
 * Why this model: it learns by adding vectors up, so a user's model is the seed model plus
 * that user's confirmed documents, built in milliseconds and never needing a training
 * loop; it copes with a few hundred short training texts; and its log-space scores turn
 * into probabilities with one temperature. Normalising each document to unit length makes
 * a one-page seed snippet and a forty-page upload weigh the same, so "a user example counts
 * like five seed examples" means exactly that.
 */

/** A sparse vector: feature → value. */
export type SparseVector = Map<string, number>;

/** Inverse document frequencies learnt from a training set. */
export interface IdfTable {
  readonly idf: ReadonlyMap<string, number>;
  /** The IDF of a feature no training document had: the rarest possible. */
  readonly unseen: number;
}

/** Smoothed IDF (as scikit-learn's): ln((1 + n) / (1 + df)) + 1, never zero. */
export function buildIdf(documents: Iterable<ReadonlyMap<string, number>>): IdfTable {
  const df = new Map<string, number>();
  let n = 0;
  for (const document of documents) {
    n++;
    for (const feature of document.keys()) df.set(feature, (df.get(feature) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [feature, count] of df) idf.set(feature, Math.log((1 + n) / (1 + count)) + 1);
  return { idf, unseen: Math.log(1 + n) + 1 };
}

/**
 * Raw counts → TF-IDF vector with sublinear term frequency (1 + ln tf, so a word repeated
 * on every page of a long document does not drown the rest), scaled to unit L2 length.
 */
export function tfidfVector(counts: ReadonlyMap<string, number>, table: IdfTable): SparseVector {
  const vector: SparseVector = new Map();
  let squares = 0;
  for (const [feature, count] of counts) {
    if (count <= 0) continue;
    const value = (1 + Math.log(count)) * (table.idf.get(feature) ?? table.unseen);
    vector.set(feature, value);
    squares += value * value;
  }
  const norm = Math.sqrt(squares);
  if (norm > 0) { for (const [feature, value] of vector) vector.set(feature, value / norm); }
  return vector;
}

/** Cosine similarity of two unit-length vectors (their dot product). */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [feature, value] of small) dot += value * (large.get(feature) ?? 0);
  return dot;
}

export interface TrainingExample {
  label: string;
  vector: SparseVector;
  /** How many seed examples this one counts as (1 for seeds). */
  weight: number;
}

interface ClassCounts {
  /** Feature → summed (weighted) vector values. */
  features: Map<string, number>;
  total: number;
}

export interface NaiveBayesModel {
  readonly labels: readonly string[];
  readonly classes: ReadonlyMap<string, ClassCounts>;
  /** Every feature any class has seen. */
  readonly vocabulary: ReadonlySet<string>;
  /** Laplace / Lidstone smoothing added to every feature count. */
  readonly alpha: number;
}

/** Sum the examples' vectors per label. */
export function trainNaiveBayes(
  examples: Iterable<TrainingExample>,
  options: { alpha: number },
): NaiveBayesModel {
  const classes = new Map<string, ClassCounts>();
  const vocabulary = new Set<string>();
  for (const { label, vector, weight } of examples) {
    let counts = classes.get(label);
    if (!counts) classes.set(label, counts = { features: new Map(), total: 0 });
    for (const [feature, value] of vector) {
      counts.features.set(feature, (counts.features.get(feature) ?? 0) + weight * value);
      counts.total += weight * value;
      vocabulary.add(feature);
    }
  }
  return { labels: [...classes.keys()], classes, vocabulary, alpha: options.alpha };
}

/**
 * Per label, Σ x_w · ln θ_label,w over the features of `vector` that the model knows, with
 * θ = (count + α) / (total + α·|V|). Features the model never saw are left out: they are
 * equally likely under every label and would only shift all scores alike.
 */
export function logLikelihoods(
  model: NaiveBayesModel,
  vector: SparseVector,
  labels: Iterable<string> = model.labels,
): Map<string, number> {
  const known = [...vector].filter(([feature]) => model.vocabulary.has(feature));
  const smoothedVocabulary = model.alpha * model.vocabulary.size;
  const scores = new Map<string, number>();
  for (const label of labels) {
    const counts = model.classes.get(label);
    if (!counts) continue;
    const denominator = Math.log(counts.total + smoothedVocabulary);
    let score = 0;
    for (const [feature, value] of known) {
      score += value * (Math.log((counts.features.get(feature) ?? 0) + model.alpha) - denominator);
    }
    scores.set(label, score);
  }
  return scores;
}

/**
 * Turn log scores into probabilities: softmax(κ · score) with a uniform prior, computed
 * stably in log space. κ is the temperature that makes them calibrated-ish: naive Bayes
 * counts correlated words as independent evidence and is overconfident without it.
 */
export function softmax(scores: ReadonlyMap<string, number>, kappa: number): Map<string, number> {
  const max = Math.max(...scores.values());
  let sum = 0;
  const exps = new Map<string, number>();
  for (const [label, score] of scores) {
    const e = Math.exp(kappa * (score - max));
    exps.set(label, e);
    sum += e;
  }
  for (const [label, e] of exps) exps.set(label, e / sum);
  return exps;
}
