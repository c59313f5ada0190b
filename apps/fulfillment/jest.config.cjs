module.exports = {
  displayName: 'fulfillment',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
