// Journeys across the four built services (dist/apps/*), on a real broker and real databases.
// Named apart from jest.config.* so that `nx test` does not pick it up: it runs as the `e2e` target.
module.exports = {
  displayName: 'system-e2e',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  testTimeout: 180_000,
};
