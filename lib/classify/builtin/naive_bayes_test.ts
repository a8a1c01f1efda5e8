import { assert, assertEquals } from "../../shared/assert.ts";
import {
  buildIdf,
  cosine,
  logLikelihoods,
  softmax,
  tfidfVector,
  trainNaiveBayes,
} from "./naive_bayes.ts";

function close(actual: number, expected: number, message?: string) {
  assert(Math.abs(actual - expected) < 1e-9, message ?? `${actual} ≠ ${expected}`);
}

Deno.test("buildIdf - smoothed idf: rarer features weigh more, none weighs zero", () => {
  const table = buildIdf([new Map([["a", 1], ["b", 1]]), new Map([["a", 2]])]);
  close(table.idf.get("a")!, Math.log(3 / 3) + 1);
  close(table.idf.get("b")!, Math.log(3 / 2) + 1);
  close(table.unseen, Math.log(3) + 1);
});

Deno.test("tfidfVector - sublinear term frequency, unit length", () => {
  const table = { idf: new Map([["a", 1], ["b", 2]]), unseen: 3 };
  const vector = tfidfVector(new Map([["a", 1], ["b", Math.E], ["c", 1]]), table);
  // Raw weights: a = 1·1, b = (1 + ln e)·2 = 4, c = 1·3 (unseen).
  const norm = Math.sqrt(1 + 16 + 9);
  close(vector.get("a")!, 1 / norm);
  close(vector.get("b")!, 4 / norm);
  close(vector.get("c")!, 3 / norm);
  close(cosine(vector, vector), 1);
  assertEquals(tfidfVector(new Map(), table).size, 0);
});

Deno.test("cosine - of unit vectors, symmetric, zero without shared features", () => {
  const a = new Map([["x", 0.6], ["y", 0.8]]);
  const b = new Map([["x", 1]]);
  close(cosine(a, b), 0.6);
  close(cosine(b, a), 0.6);
  assertEquals(cosine(a, new Map([["z", 1]])), 0);
});

Deno.test("trainNaiveBayes and logLikelihoods - the Lidstone-smoothed formula", () => {
  const model = trainNaiveBayes([
    { label: "spam", vector: new Map([["win", 1]]), weight: 1 },
    { label: "ham", vector: new Map([["meet", 1]]), weight: 2 },
  ], { alpha: 0.5 });
  assertEquals(model.labels, ["spam", "ham"]);
  assertEquals(model.vocabulary.size, 2);
  const scores = logLikelihoods(model, new Map([["win", 1], ["unknown", 5]]));
  // spam: (1 + 0.5) / (1 + 0.5·2); ham: (0 + 0.5) / (2 + 0.5·2). "unknown" is ignored.
  close(scores.get("spam")!, Math.log(1.5 / 2));
  close(scores.get("ham")!, Math.log(0.5 / 3));
  assertEquals([...logLikelihoods(model, new Map([["win", 1]]), ["ham", "nope"]).keys()], [
    "ham",
  ]);
});

Deno.test("softmax - sums to one, stable for large scores, uniform at zero temperature", () => {
  const p = softmax(new Map([["a", -1000], ["b", -1001], ["c", -1003]]), 1);
  close([...p.values()].reduce((s, v) => s + v, 0), 1);
  close(p.get("a")! / p.get("b")!, Math.E);
  const flat = softmax(new Map([["a", -5], ["b", -50]]), 0);
  close(flat.get("a")!, 0.5);
  close(flat.get("b")!, 0.5);
});
