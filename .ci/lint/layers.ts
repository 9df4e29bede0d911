/**
 * Rembuk's layers, as an allow-list: every file belongs to one layer, and a layer lists the layers and
 * packages it may import; anything else is an error. The table is data, so `eslint.config.js` stays short
 * and `rules.test.ts` probes exactly what the linter enforces.
 */

/** A file's layer, and for a renderer feature its name. */
export type Placement = { layer: string; feature: string | null };

export type LayerSpec = {
  name: string;
  /** Repository-relative, `/`-separated paths; the first layer whose pattern matches wins. */
  files: readonly RegExp[];
  /** Layers this one may import. A feature reaches another feature only through its `index.ts`. */
  layers: readonly string[] | 'any';
  /** Packages this one may import: exact names, or `node:*` for every Node built-in. */
  packages: readonly string[] | 'any';
  /** Said with every violation, so the error explains the rule. */
  why: string;
};

const NODE = 'node:*';
const CORE = ['shared', 'main-core', 'main-core-matrix', 'main-core-governance-engine', 'main-core-import-whatsapp', 'main-core-import-whatsapp-reader'];
const RENDERER_BASE = ['shared', 'renderer-lib', 'renderer-ui', 'renderer-i18n'];
const REACT = ['react', 'react-i18next', 'i18next', 'zustand'];

/** The governance files that talk to rooms or disk (and the port they talk through); the rest of governance is the pure engine (tally, protocol). */
const GOVERNANCE_SERVICE = /^main\/core\/governance\/(coop-service|coop-room|governance-port|coop-reminders)(\.test)?\.ts$/;
/** The WhatsApp reader's edge that opens the zip on disk; the rest of `whatsapp/` parses bytes it is handed. */
const WHATSAPP_READER = /^main\/core\/import\/whatsapp\/(open-export|read-zip|index|hostile-zip|never-throws)(\.test)?\.ts$/;

const mainCore: LayerSpec = {
  name: 'main-core',
  files: [/^main\/core\//],
  layers: CORE,
  packages: [NODE, 'zod', 'fake-indexeddb', 'yauzl', 'marked'],
  why: 'main/core runs in plain Node, talks to Matrix only through main/core/matrix, and never imports main/loopback, main/audit or Electron.',
};

export const layerSpecs: readonly LayerSpec[] = [
  { name: 'ci', files: [/^\.ci\//], layers: 'any', packages: 'any', why: 'CI scripts may look at anything.' },
  {
    name: 'tooling',
    files: [/^[^/]+\.(js|ts)$/, /(^|\/)vite\.config\.ts$/],
    layers: 'any',
    packages: 'any',
    why: 'Build and test configuration.',
  },
  { name: 'e2e', files: [/^e2e\//], layers: 'any', packages: 'any', why: 'End-to-end tests drive the built app.' },
  { name: 'bench', files: [/^bench\//], layers: 'any', packages: 'any', why: 'Benchmarks drive the built app.' },
  {
    name: 'shared',
    files: [/^shared\//],
    layers: ['shared'],
    packages: ['zod'],
    why: 'shared holds the contract: it imports only zod and other shared files.',
  },
  {
    name: 'main-core-matrix',
    files: [/^main\/core\/matrix\//],
    layers: CORE,
    packages: [NODE, 'zod', 'matrix-js-sdk', '@matrix-org/matrix-sdk-crypto-wasm', 'fake-indexeddb'],
    why: 'main/core/matrix is the one gateway to matrix-js-sdk; it never reaches the loopback, the audit or Electron.',
  },
  // Before the engine's folder-wide pattern: these governance files are ordinary core.
  { ...mainCore, files: [GOVERNANCE_SERVICE] },
  {
    name: 'main-core-governance-engine',
    files: [/^main\/core\/governance\//],
    layers: ['shared', 'main-core-governance-engine'],
    packages: ['zod'],
    why: 'The governance engine (tally, protocol) is pure: no SDK, no I/O, so anyone can recompute a result from the events.',
  },
  {
    name: 'main-core-import-whatsapp-reader',
    files: [WHATSAPP_READER],
    layers: ['shared', 'main-core-import-whatsapp', 'main-core-import-whatsapp-reader'],
    packages: ['node:fs', 'node:crypto', 'node:zlib', 'yauzl'],
    why: "The WhatsApp reader opens the export's zip on disk and hands bytes to the pure parser; it knows nothing of Matrix.",
  },
  {
    name: 'main-core-import-whatsapp',
    files: [/^main\/core\/import\/whatsapp\//],
    layers: ['shared', 'main-core-import-whatsapp'],
    packages: [],
    why: 'The WhatsApp parser is pure: no SDK, no I/O; it turns the bytes it is handed into an export.',
  },
  mainCore,
  {
    name: 'main-loopback',
    files: [/^main\/loopback\//],
    layers: [...CORE, 'main-loopback'],
    packages: [NODE, 'zod', 'ws'],
    why: 'The loopback serves the core over a WebSocket; it never imports Electron or the renderer.',
  },
  {
    name: 'main-audit',
    files: [/^main\/audit\//],
    layers: [...CORE, 'main-audit'],
    packages: [NODE, 'zod', 'matrix-js-sdk', 'fake-indexeddb'],
    why: 'The audit command recomputes results from a room with the pure engine; it never imports Electron.',
  },
  {
    name: 'main-electron',
    files: [/^main\/electron\//],
    layers: [...CORE, 'main-electron'],
    packages: [NODE, 'zod', 'electron'],
    why: 'main/electron is the thin Electron glue around the core.',
  },
  {
    name: 'renderer-app',
    files: [/^renderer\/src\/app\//, /^renderer\/src\/main\.tsx$/],
    layers: [...RENDERER_BASE, 'renderer-app', 'renderer-feature', 'renderer-styles'],
    packages: [...REACT, 'react-dom', 'twemoji-colr-font'],
    why: 'The renderer only shows view models: it never imports main, electron, node or matrix-js-sdk.',
  },
  {
    name: 'renderer-feature',
    files: [/^renderer\/src\/features\/(?<feature>[^/]+)\//],
    layers: [...RENDERER_BASE, 'renderer-feature'],
    packages: [...REACT, 'uqr', 'react-virtuoso', 'frimousse', 'emojibase-data'],
    why: 'A feature uses another feature only through its index.ts, and never imports app/, main, electron, node or matrix-js-sdk.',
  },
  {
    name: 'renderer-ui',
    files: [/^renderer\/src\/ui\//],
    layers: RENDERER_BASE,
    // The icon set comes in through ui/icons.ts only, so it stays one set of named, tree-shaken icons.
    packages: [...REACT, 'lucide-react'],
    why: 'Presentational components know no feature and no app; icons come from ui/icons.ts.',
  },
  {
    name: 'renderer-lib',
    files: [/^renderer\/src\/lib\//],
    layers: ['shared', 'renderer-lib'],
    packages: [...REACT, 'marked', 'dompurify'],
    why: 'renderer/src/lib is plumbing every feature uses; it knows no feature, no UI and no app.',
  },
  {
    name: 'renderer-i18n',
    files: [/^renderer\/src\/i18n\//],
    layers: ['shared', 'renderer-i18n'],
    packages: ['i18next', 'react-i18next'],
    why: 'The translations know nothing else.',
  },
  {
    name: 'renderer-test',
    files: [/^renderer\/src\/test\//],
    layers: [...RENDERER_BASE, 'renderer-app', 'renderer-feature', 'renderer-test'],
    packages: [...REACT, 'react-dom'],
    why: 'Renderer test helpers build the app as the tests need it.',
  },
  { name: 'renderer-styles', files: [/^renderer\/src\/styles\//], layers: [], packages: [], why: 'Stylesheets.' },
];

/** Files that exist for tests only: never imported by shipped code, never in dist/. */
export const testSupportFiles: readonly RegExp[] = [
  /^main\/core\/test-support\//,
  /(^|\/)test-helpers\.ts$/,
  /(^|\/)test-profile\.ts$/,
  /(^|\/)temp-dir\.ts$/,
  /(^|\/)test-(fixtures|zip|room)\.ts$/,
  /\.fixture\.ts$/,
  /^renderer\/src\/test\//,
];

/** A test may also use the test tools and the test-support files; outside the renderer, Node too, for its fixtures. */
export const testPackagesFor = (file: string): readonly string[] =>
  file.startsWith('renderer/') ? ['vitest', 'fast-check', 'jsdom', 'react-dom'] : ['vitest', 'fast-check', 'jsdom', 'react-dom', NODE];

export const isTestFile = (file: string): boolean =>
  /\.test\.tsx?$/.test(file) || /^(e2e|bench)\//.test(file) || testSupportFiles.some((pattern) => pattern.test(file));

/** The layer of a repository-relative path; null when no layer claims it (itself an error). */
export const placementOf = (file: string): Placement | null => {
  for (const spec of layerSpecs) {
    for (const pattern of spec.files) {
      const match = pattern.exec(file);
      if (match) {
        return { layer: spec.name, feature: match.groups?.feature ?? null };
      }
    }
  }
  return null;
};

export const specOf = (layer: string): LayerSpec | undefined => layerSpecs.find((spec) => spec.name === layer);

/** `node:fs/promises` → `node:fs`; `fs` → `node:fs`; `@scope/pkg/sub` → `@scope/pkg`; `pkg/sub` → `pkg`. */
export const packageOf = (specifier: string, builtins: ReadonlySet<string>): string => {
  const parts = specifier.split('/');
  if (specifier.startsWith('node:')) {
    return parts[0] ?? specifier;
  }
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
  return builtins.has(name) ? `node:${name}` : name;
};

export const packageAllowed = (name: string, allowed: readonly string[] | 'any'): boolean =>
  allowed === 'any' || allowed.includes(name) || (name.startsWith('node:') && allowed.includes(NODE));
