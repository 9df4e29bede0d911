import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The repository's import graph as the files on disk state it, type-only imports included: `ts.preProcessFile`
 * lists every specifier without type-checking, and each file's list is cached until the file changes.
 */
export class ImportGraph {
  private readonly cache = new Map<string, { mtimeMs: number; imports: readonly string[] }>();

  /** The repository files a file imports, as absolute paths. */
  importsOf(file: string): readonly string[] {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return [];
    }
    const cached = this.cache.get(file);
    if (cached?.mtimeMs === mtimeMs) {
      return cached.imports;
    }
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const imports = info.importedFiles.map((entry) => resolveRelative(file, entry.fileName)).filter((entry) => entry !== null);
    this.cache.set(file, { mtimeMs, imports });
    return imports;
  }

  /** A path of imports from `start` back to `goal` (both included), or null when there is none. */
  pathBetween(start: string, goal: string): readonly string[] | null {
    const cameFrom = new Map<string, string | null>([[start, null]]);
    const queue = [start];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      for (const imported of this.importsOf(next)) {
        if (imported === goal) {
          const route = [goal, next];
          for (let step = cameFrom.get(next) ?? null; step !== null; step = cameFrom.get(step) ?? null) {
            route.push(step);
          }
          return route.reverse();
        }
        if (!cameFrom.has(imported)) {
          cameFrom.set(imported, next);
          queue.push(imported);
        }
      }
    }
    return null;
  }
}

/** A relative specifier as the file it names (Rembuk writes extensions; a bare folder means its index.ts); null otherwise. */
export const resolveRelative = (from: string, specifier: string): string | null => {
  if (!specifier.startsWith('.')) {
    return null;
  }
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      return candidate;
    }
  }
  return null;
};
