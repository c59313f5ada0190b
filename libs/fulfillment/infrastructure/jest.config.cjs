module.exports = {
  displayName: 'fulfillment-infrastructure',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
