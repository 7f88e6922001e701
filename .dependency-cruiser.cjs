/**
 * The import table of docs/architecture.md (and ../shared/DESIGN.md), enforced.
 * Each folder may import only the folders listed for it; `core/` (errors, clock, config types)
 * is open to all but imports nothing itself. Arrows point one way: nothing but cli/ imports
 * bot/, web/ or evals/, and nothing but bin/ imports cli/.
 */
const FOLDERS = [
  'bin',
  'cli',
  'core',
  'demo',
  'sql',
  'db',
  'glue',
  'semantic-layer',
  'charts',
  'ledger',
  'tools',
  'assistant',
  'bot',
  'web',
  'evals',
  'infra',
];

/** folder -> folders it may import (besides itself and core). */
const ALLOWED = {
  core: [],
  demo: [],
  sql: [],
  db: ['sql'],
  glue: ['db', 'sql'],
  'semantic-layer': ['db'],
  charts: [],
  ledger: ['db', 'sql'],
  tools: ['semantic-layer', 'charts', 'ledger', 'db'],
  assistant: ['tools', 'semantic-layer', 'charts', 'ledger', 'db'],
  bot: ['assistant', 'tools', 'ledger', 'charts', 'db'],
  web: ['assistant', 'tools', 'ledger', 'charts', 'semantic-layer', 'glue', 'db'],
  evals: ['assistant', 'tools', 'semantic-layer', 'db'],
  infra: [],
  cli: FOLDERS.filter((f) => f !== 'bin' && f !== 'cli' && f !== 'infra'),
  bin: ['cli'],
};

const escapeRegex = (s) => s.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');

const layerRules = Object.entries(ALLOWED).map(([from, allowed]) => {
  const permitted = new Set([from, ...allowed, ...(from === 'core' ? [] : ['core'])]);
  const forbidden = FOLDERS.filter((f) => !permitted.has(f));
  return {
    name: `layer-${from}`,
    comment: `${from}/ may import only: ${[...permitted].filter((f) => f !== from).join(', ') || 'nothing'} (see docs/architecture.md)`,
    severity: 'error',
    from: { path: `^${escapeRegex(from)}/` },
    to: { path: `^(${forbidden.map(escapeRegex).join('|')})/` },
  };
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'Circular imports make module order matter; break the cycle.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a bug or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-dev-dep',
      comment:
        'Runtime code must not import devDependencies (tests may, and so may test-support modules named test-*.ts).',
      severity: 'error',
      from: {
        path: '^(core|cli|demo|db|glue|semantic-layer|charts|ledger|tools|assistant|bot|web|evals)/',
        pathNot: '(\\.test\\.ts|/test-[a-z0-9-]+\\.ts)$',
      },
      to: { dependencyTypes: ['npm-dev'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
