module.exports = {
  displayName: 'finance-application',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
