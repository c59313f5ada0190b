module.exports = {
  displayName: 'checkout-infrastructure',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
