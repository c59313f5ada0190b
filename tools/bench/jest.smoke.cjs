// The smoke run: the whole tool for a few seconds against the built services on a real broker and
// PostgreSQL. Named apart from jest.config.* so `nx test` does not pick it up: it is the `e2e` target.
module.exports = {
  displayName: 'bench-smoke',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.smoke.spec.ts'],
  testTimeout: 300_000,
};
