import { builtinModules } from 'node:module';
import path from 'node:path';
import { ESLintUtils } from '@typescript-eslint/utils';
import { importSourceVisitors } from './import-sources.ts';
import { isTestFile, packageAllowed, packageOf, placementOf, specOf, testPackagesFor, testSupportFiles } from './layers.ts';

/** A temporary exception: these files may still import these packages (see eslint.config.js). */
export type LayerException = { files: readonly string[]; packages: readonly string[] };

type Options = [{ exceptions?: readonly LayerException[] }];

const builtins = new Set(builtinModules);
const toPosix = (file: string): string => file.split(path.sep).join('/');

/** The allow-list of layers (`layers.ts`): a file imports only the layers and packages its layer lists. */
export const layersRule = ESLintUtils.RuleCreator.withoutDocs<Options, 'unplaced' | 'layer' | 'package' | 'featureInternals' | 'testSupport'>({
  meta: {
    type: 'problem',
    defaultOptions: [{}],
    messages: {
      unplaced: '{{file}} belongs to no layer: add it to .ci/lint/layers.ts.',
      layer: '{{layer}} may not import {{target}} ({{targetLayer}}). {{why}}',
      package: '{{layer}} may not import the package {{name}}. {{why}}',
      featureInternals: 'The {{feature}} feature reaches into {{target}}: import the {{other}} feature through its index.ts.',
      testSupport: '{{target}} is a test helper: shipped code may not import it (it would end up in dist/).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          exceptions: {
            type: 'array',
            items: {
              type: 'object',
              properties: { files: { type: 'array', items: { type: 'string' } }, packages: { type: 'array', items: { type: 'string' } } },
              required: ['files', 'packages'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context, [options]) {
    const file = toPosix(path.relative(context.cwd, context.physicalFilename));
    const placement = placementOf(file);
    if (placement === null) {
      context.report({ loc: { line: 1, column: 0 }, messageId: 'unplaced', data: { file } });
      return {};
    }
    const spec = specOf(placement.layer);
    if (spec === undefined) {
      return {};
    }
    const test = isTestFile(file);
    const excepted = new Set((options.exceptions ?? []).filter((entry) => entry.files.includes(file)).flatMap((entry) => entry.packages));

    return importSourceVisitors((specifier, node) => {
      if (!specifier.startsWith('.')) {
        const name = packageOf(specifier, builtins);
        if (packageAllowed(name, spec.packages) || (test && packageAllowed(name, testPackagesFor(file))) || excepted.has(name)) {
          return;
        }
        context.report({ node, messageId: 'package', data: { layer: placement.layer, name, why: spec.why } });
        return;
      }
      const target = toPosix(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
      if (!test && testSupportFiles.some((pattern) => pattern.test(target))) {
        context.report({ node, messageId: 'testSupport', data: { target } });
        return;
      }
      // A test may use the test helpers of its own side (main's or the renderer's).
      if (test && testSupportFiles.some((pattern) => pattern.test(target)) && target.split('/')[0] === file.split('/')[0]) {
        return;
      }
      const to = placementOf(target);
      const targetLayer = to?.layer ?? 'no layer';
      if (spec.layers !== 'any' && !spec.layers.includes(targetLayer)) {
        context.report({ node, messageId: 'layer', data: { layer: placement.layer, target, targetLayer, why: spec.why } });
        return;
      }
      // Between features, and from the app into one, only a feature's index.ts is public.
      const crossesIntoFeature = to?.feature !== undefined && to.feature !== null && to.feature !== placement.feature && placement.layer !== 'renderer-test';
      if (crossesIntoFeature && target !== `renderer/src/features/${to.feature}/index.ts`) {
        context.report({
          node,
          messageId: 'featureInternals',
          data: { feature: placement.feature ?? placement.layer, target, other: to.feature },
        });
      }
    });
  },
});
