/**
 * The built-in classifier on the shared corpus (documents nobody tuned it on): at least
 * 85 % of the files with a text layer must get their labelled type. Image-only files are
 * left out here — without OCR there is no text to classify; bench/classification.ts
 * reports them too. Ignored, under a name that says so, when the corpus is not checked out.
 */
import { assert } from "../../shared/assert.ts";
import { accuracy, CORPUS_DIR, corpusAvailable, evaluateCorpus } from "./corpus_evaluation.ts";

const TARGET = 0.85;
const available = corpusAvailable();

Deno.test({
  name: available
    ? "corpus - the built-in classifier gets at least 85 % of the text-layer files right"
    : `corpus - accuracy check skipped: no corpus at ${CORPUS_DIR}`,
  ignore: !available,
  fn: async () => {
    const { results } = await evaluateCorpus();
    const textLayer = results.filter((r) => r.hasTextLayer);
    assert(textLayer.length >= 20, `only ${textLayer.length} text-layer files in the corpus`);
    const misses = textLayer
      .filter((r) => r.predicted !== r.type)
      .map((r) => `${r.file}: ${r.predicted} (${r.confidence})`);
    const achieved = accuracy(textLayer);
    assert(
      achieved >= TARGET,
      `accuracy ${(achieved * 100).toFixed(1)} % < ${TARGET * 100} %; misses:\n${
        misses.join("\n")
      }`,
    );
  },
});
