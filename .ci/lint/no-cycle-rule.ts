import path from 'node:path';
import { ESLintUtils } from '@typescript-eslint/utils';
import { ImportGraph, resolveRelative } from './import-graph.ts';
import { importSourceVisitors } from './import-sources.ts';

/**
 * No import cycles, counting `import type` too: import-x/no-cycle skips type-only imports, yet a type cycle
 * is still two modules that cannot be understood (or moved) apart. One graph serves a whole lint run.
 */
export const createNoCycleRule = (graph = new ImportGraph()) =>
  ESLintUtils.RuleCreator.withoutDocs<[], 'cycle'>({
    meta: {
      type: 'problem',
      defaultOptions: [],
      messages: { cycle: 'Import cycle (type-only imports count): {{route}}' },
      schema: [],
    },
    create(context) {
      const file = context.physicalFilename;
      const shown = (entry: string): string => path.relative(context.cwd, entry).split(path.sep).join('/');
      return importSourceVisitors((specifier, node) => {
        const target = resolveRelative(file, specifier);
        if (target === null || target === file || target.includes(`${path.sep}node_modules${path.sep}`)) {
          return;
        }
        const route = graph.pathBetween(target, file);
        if (route !== null) {
          context.report({ node, messageId: 'cycle', data: { route: [file, ...route].map(shown).join(' → ') } });
        }
      });
    },
  });
