module.exports = {
  displayName: 'legacy-billing',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
