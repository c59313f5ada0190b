module.exports = {
  displayName: 'platform-service',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
