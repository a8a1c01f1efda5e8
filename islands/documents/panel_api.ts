/**
 * What the document panel and the category manager share: the shapes of the category and
 * folder trees the API answers, flattening them, and turning a failed call into words.
 */
import { ApiError } from "../../lib/app/client/api.ts";

export interface CategoryNode {
  id: string;
  name: string;
  path: string;
  parent_id: string | null;
  system: boolean;
  document_count: number;
  children: CategoryNode[];
}

export interface FolderNode {
  id: string;
  name: string;
  parent_id: string | null;
  children: FolderNode[];
}

/** Every node of a tree, parents before their children, with its depth. */
export function flatten<T extends { children: T[] }>(
  nodes: T[],
  depth = 0,
  out: (T & { depth: number })[] = [],
): (T & { depth: number })[] {
  for (const node of nodes) {
    out.push({ ...node, depth });
    flatten(node.children, depth + 1, out);
  }
  return out;
}

/** The server's message for a failed call: the field's own message when it names one. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = (error.details as { fields?: { message: string }[] } | undefined)?.fields;
    return fields?.[0]?.message ?? error.message;
  }
  return "Something went wrong. Try again.";
}

/** Ids of a node and everything under it (a category cannot move into these). */
export function subtreeIds(node: CategoryNode, out = new Set<string>()): Set<string> {
  out.add(node.id);
  for (const child of node.children) subtreeIds(child, out);
  return out;
}
