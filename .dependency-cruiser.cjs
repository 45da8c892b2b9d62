// The layers of src/ and the one direction imports may take between them:
//   shared <- crypto <- db <- sync <- session <- ui <- features <- app
// i18n holds the texts (it may use shared's message catalogue) and serves ui,
// features and app; server uses only shared; features never import each other.
// `npm run lint` runs this check, so a rule is kept by the tool, not by memory.

/** Layers in order: a layer may import itself and the layers before it. */
const layers = ['shared', 'crypto', 'db', 'sync', 'session', 'ui', 'features', 'app'];
/** What each layer besides the ordered ones may import. */
const extra = { ui: ['i18n'], features: ['i18n'], app: ['i18n'] };

const layerRules = layers.map((layer, index) => {
  const allowed = [...layers.slice(0, index + 1), ...(extra[layer] ?? [])];
  return {
    name: `layer-${layer}`,
    comment: `src/${layer} may import only ${allowed.join(', ')} (and packages)`,
    severity: 'error',
    from: { path: `^src/${layer}/` },
    to: { path: '^src/', pathNot: `^src/(${allowed.join('|')})/` },
  };
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'feature-to-feature',
      comment: 'a feature never imports another feature: app/routes composes them',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'server-uses-only-shared',
      comment: 'the server shares only the schemas in src/shared with the app',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/', pathNot: '^src/(server|shared)/' },
    },
    {
      name: 'i18n-uses-only-shared',
      comment: 'texts may take the message catalogue from shared, nothing else of the app',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { path: '^src/', pathNot: '^src/(i18n|shared)/' },
    },
    {
      name: 'entry-uses-only-app',
      comment: 'src/main.tsx starts the shell and nothing else',
      severity: 'error',
      from: { path: '^src/main\\.tsx$' },
      to: { path: '^src/', pathNot: '^src/app/' },
    },
    {
      name: 'app-code-never-imports-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^tests/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to nothing is a typo or a missing package',
      severity: 'error',
      from: {},
      // virtual:pwa-register is made by vite-plugin-pwa at build time
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts'],
    },
  },
};
