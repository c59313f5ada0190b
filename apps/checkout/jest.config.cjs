module.exports = {
  displayName: 'checkout',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
