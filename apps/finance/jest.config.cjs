module.exports = {
  displayName: 'finance',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
