module.exports = {
  displayName: 'finance-infrastructure',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
