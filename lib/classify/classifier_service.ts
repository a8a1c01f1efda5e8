/**
 * Which classifier answers for whom. One built-in classifier serves every user (it keeps a
 * small model per user, rebuilt when their labels change); LLM classifiers are created per
 * endpoint and model and reused.
 *
 * The system default endpoint is the admin's `ai_provider` setting when set, else the
 * OPENAI_* variables, else none (the built-in classifier then). A user's `ai_provider`/
 * `ai_model` assignment is resolved by `resolveLlmSettings`.
 */
import type { Config } from "../app/config.ts";
import type { Encryptor } from "../app/encryption.ts";
import type { Logger } from "../app/logger.ts";
import type { Kysely } from "kysely";
import type { Database } from "../app/db_schema.ts";
import { createDocumentsRepo } from "../documents/documents_repo.ts";
import { getSetting } from "../settings/settings_service.ts";
import { createBuiltinClassifier } from "./builtin/builtin_classifier.ts";
import type { Classifier, LabelledExample } from "./classifier_types.ts";
import { DEFAULT_SYSTEM_PROMPT } from "./llm/default_prompt.ts";
import { createLlmClassifier } from "./llm/llm_classifier.ts";
import { type LlmSettings, resolveLlmSettings } from "./llm/llm_settings.ts";

export interface ClassifierRegistry {
  readonly builtin: Classifier;
  /** The classifier for this user's documents (throws a readable error when misconfigured). */
  forUser(user: { ai_provider: string | null; ai_model: string | null }): Promise<Classifier>;
  /** The endpoint used when nothing is assigned, or null for the built-in classifier. */
  systemDefault(): Promise<LlmSettings | null>;
  /** The user's labels changed: relearn before their next document. */
  forget(userId: string): void;
}

export interface ClassifierRegistryOptions {
  db: Kysely<Database>;
  config: Pick<Config, "openai">;
  encryptor: Encryptor;
  logger: Logger;
}

export function createClassifierRegistry(options: ClassifierRegistryOptions): ClassifierRegistry {
  const { db, config, encryptor, logger } = options;
  const documents = createDocumentsRepo(db);
  const builtin = createBuiltinClassifier({
    loadExamples: async (userId): Promise<LabelledExample[]> =>
      (await documents.examplesOf(userId)).map((row) => ({
        documentId: row.document_id,
        text: row.text,
        language: row.language,
        documentType: row.document_type,
        categories: row.categories as string[],
        tags: row.tags as string[],
      })),
  });
  const llms = new Map<string, Classifier>();

  async function systemDefault(): Promise<LlmSettings | null> {
    const stored = await getSetting({ db }, "ai_provider");
    if (stored) {
      if (!stored.base_url && !stored.model) return null;
      return {
        baseUrl: stored.base_url ?? undefined,
        apiKey: stored.api_key_encrypted
          ? await encryptor.decrypt(stored.api_key_encrypted)
          : undefined,
        model: stored.model ?? "gpt-4o-mini",
      };
    }
    return config.openai
      ? { baseUrl: config.openai.baseUrl, apiKey: config.openai.apiKey, model: config.openai.model }
      : null;
  }

  return {
    builtin,
    systemDefault,
    async forUser(user) {
      const settings = resolveLlmSettings({ user, systemDefault: await systemDefault() });
      if (!settings) return builtin;
      const systemPrompt = (await getSetting({ db }, "llm_system_prompt")) ?? DEFAULT_SYSTEM_PROMPT;
      // One client per distinct configuration: a change of key, model or prompt makes a new one.
      const key = JSON.stringify([settings.baseUrl, settings.apiKey, settings.model, systemPrompt]);
      let classifier = llms.get(key);
      if (!classifier) {
        if (llms.size > 32) llms.clear();
        classifier = createLlmClassifier({
          ...settings,
          systemPrompt,
          logger: logger.child({ component: "llm" }),
        });
        llms.set(key, classifier);
      }
      return classifier;
    },
    forget(userId) {
      builtin.forget(userId);
    },
  };
}
