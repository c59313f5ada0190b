module.exports = {
  displayName: 'support-application',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
