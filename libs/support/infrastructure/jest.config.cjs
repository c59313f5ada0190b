module.exports = {
  displayName: 'support-infrastructure',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
