import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const LEAFLET = ['leaflet', 'leaflet/*'];
const D3_DOM = ['d3-selection', 'd3-zoom', 'd3-brush', 'd3-axis'];
const restrict = (files, group, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-artifacts', 'bench/tmp'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The layers of ARCHITECTURE.md: core is pure; Leaflet only in map/; d3 DOM modules only in timeline/.
  restrict(
    ['src/core/**'],
    [...LEAFLET, ...D3_DOM, 'react', 'react-dom', 'react-dom/*', '../*/**'],
    'src/core is pure: no UI libraries and no other layer',
  ),
  restrict(['src/map/**'], D3_DOM, 'd3 DOM modules live in src/timeline only'),
  restrict(['src/timeline/**'], LEAFLET, 'Leaflet lives in src/map only'),
  restrict(
    ['src/{app,ui,state,i18n,embed}/**'],
    [...LEAFLET, ...D3_DOM],
    'Leaflet lives in src/map, d3 DOM modules in src/timeline',
  ),
);
