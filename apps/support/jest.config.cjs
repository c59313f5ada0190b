module.exports = {
  displayName: 'support',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
