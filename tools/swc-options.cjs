// One swc configuration for the build and for jest, so tests run the code exactly as it ships.
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const libs = [
  'contracts',
  'eventstore',
  'messaging',
  'cache',
  'database',
  'auth',
  'platform',
  'testing',
  'search',
];

function swcOptions({ withPaths }) {
  const jsc = {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  };
  if (withPaths) {
    jsc.baseUrl = root;
    jsc.paths = Object.fromEntries(libs.map((lib) => [`@quizbook/${lib}`, [`libs/${lib}/src/index.ts`]]));
  }
  return { jsc, module: { type: 'commonjs' }, sourceMaps: true };
}

module.exports = { root, libs, swcOptions };
