import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Probes: for each architecture rule, a file that breaks it, linted with the repository's own
 * eslint.config.js at a virtual path. Type-aware rules are switched off (the probes are in no tsconfig);
 * every rule under test here reads syntax only.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({
    cwd: repoRoot,
    overrideConfig: [tseslint.configs.disableTypeChecked, { languageOptions: { parserOptions: { projectService: false, project: false } } }],
  });
});

const lint = async (filePath: string, code: string): Promise<Linter.LintMessage[]> => {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  return result?.messages ?? [];
};

/** The messages of one rule, as `messageId: message`, so a failure shows what was reported. */
const reported = (messages: readonly Linter.LintMessage[], ruleId: string): string[] =>
  messages.filter((message) => message.ruleId === ruleId).map((message) => `${message.messageId ?? '?'}: ${message.message}`);

describe('the layer allow-list reports', () => {
  const cases: { name: string; file: string; code: string; messageId: string; names: string }[] = [
    { name: 'core → loopback', file: 'main/core/probe.ts', code: "import '../loopback/server.ts';", messageId: 'layer', names: 'main/loopback/server.ts' },
    { name: 'core → audit', file: 'main/core/probe.ts', code: "import '../audit/cli.ts';", messageId: 'layer', names: 'main/audit/cli.ts' },
    {
      name: 'governance engine → matrix-js-sdk',
      file: 'main/core/governance/probe.ts',
      code: "import type { MatrixClient } from 'matrix-js-sdk';\nexport type C = MatrixClient;",
      messageId: 'package',
      names: 'matrix-js-sdk',
    },
    {
      name: 'governance engine → node:fs',
      file: 'main/core/governance/probe.ts',
      code: "import { readFile } from 'node:fs/promises';\nexport const r = readFile;",
      messageId: 'package',
      names: 'node:fs',
    },
    {
      name: 'import/whatsapp → node:net',
      file: 'main/core/import/whatsapp/probe.ts',
      code: "import { connect } from 'node:net';\nexport const c = connect;",
      messageId: 'package',
      names: 'node:net',
    },
    {
      name: 'media (core outside matrix/) → matrix-js-sdk',
      file: 'main/core/media/probe.ts',
      code: "import { EventType } from 'matrix-js-sdk';\nexport const e = EventType.RoomMessage;",
      messageId: 'package',
      names: 'matrix-js-sdk',
    },
    {
      name: "a feature → another feature's internals",
      file: 'renderer/src/features/composer/probe.ts',
      code: "import { MediaItem } from '../media/MediaItem.tsx';\nexport const m = MediaItem;",
      messageId: 'featureInternals',
      names: 'renderer/src/features/media/MediaItem.tsx',
    },
    {
      name: 'renderer → main',
      file: 'renderer/src/lib/probe.ts',
      code: "import type { Logger } from '../../../main/core/ports.ts';\nexport type L = Logger;",
      messageId: 'layer',
      names: 'main/core/ports.ts',
    },
    {
      name: 'a renderer test → node:fs (tests elsewhere may read fixtures from disk)',
      file: 'renderer/src/lib/probe.test.ts',
      code: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;",
      messageId: 'package',
      names: 'node:fs',
    },
    {
      name: 'shared → react',
      file: 'shared/model/probe.ts',
      code: "import { useState } from 'react';\nexport const u = useState;",
      messageId: 'package',
      names: 'react',
    },
    {
      name: 'shipped core → a test helper',
      file: 'main/core/probe.ts',
      code: "import { tempDir } from './test-support/temp-dir.ts';\nexport const t = tempDir;",
      messageId: 'testSupport',
      names: 'main/core/test-support/temp-dir.ts',
    },
  ];

  for (const probe of cases) {
    it(probe.name, async () => {
      const found = reported(await lint(probe.file, probe.code), 'rembuk/layers');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(new RegExp(`^${probe.messageId}: .*${probe.names.replaceAll('.', '\\.')}`));
    });
  }

  it('nothing for imports each layer is allowed (so the probes above fail for their import, not for any)', async () => {
    const clean = [
      await lint(
        'main/core/probe.ts',
        "import { readFile } from 'node:fs/promises';\nimport type { Logger } from './ports.ts';\nexport type L = Logger;\nexport const r = readFile;",
      ),
      await lint('main/core/matrix/probe.ts', "import { EventType } from 'matrix-js-sdk';\nexport const e = EventType.RoomMessage;"),
      await lint(
        'main/core/governance/probe.ts',
        "import { z } from 'zod';\nimport { tally } from './tally.ts';\nexport const s = z.string();\nexport const t = tally;",
      ),
      await lint('renderer/src/features/composer/probe.ts', "import { MediaItem } from '../media/index.ts';\nexport const m = MediaItem;"),
      await lint('shared/model/probe.ts', "import { z } from 'zod';\nexport const s = z.string();"),
    ];
    expect(clean.map((messages) => reported(messages, 'rembuk/layers'))).toEqual([[], [], [], [], []]);
  });
});

describe('the cycle rule', () => {
  it('reports a cycle made of type-only imports', async () => {
    // handlers/session.ts imports handler-deps.ts (type-only); handler-deps.ts importing it back closes the loop.
    const found = reported(
      await lint('main/core/handlers/handler-deps.ts', "import type { sessionHandlers } from './session.ts';\nexport type S = typeof sessionHandlers;"),
      'rembuk/no-cycle',
    );
    expect(found).toEqual([
      'cycle: Import cycle (type-only imports count): main/core/handlers/handler-deps.ts → main/core/handlers/session.ts → main/core/handlers/handler-deps.ts',
    ]);
  });

  it('reports nothing for the same import without the way back', async () => {
    const found = reported(
      await lint('main/core/handlers/probe.ts', "import type { sessionHandlers } from './session.ts';\nexport type S = typeof sessionHandlers;"),
      'rembuk/no-cycle',
    );
    expect(found).toEqual([]);
  });
});

describe('react-hooks', () => {
  it('reports a hook called conditionally', async () => {
    const code = [
      "import { useState } from 'react';",
      'export const Probe = ({ on }: { on: boolean }) => {',
      '  if (on) {',
      '    useState(0);',
      '  }',
      '  return null;',
      '};',
    ].join('\n');
    const found = reported(await lint('renderer/src/features/composer/Probe.tsx', code), 'react-hooks/rules-of-hooks');
    expect(found).toHaveLength(1);
  });
});
