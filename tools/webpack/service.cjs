// The one webpack configuration of a Bazaar service: a Node bundle of the app and the workspace
// libraries it imports; npm packages stay external and are listed in a generated package.json.
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

module.exports = function serviceWebpackConfig(appDir) {
  const name = appDir.split(/[\\/]/).pop();
  return {
    output: { path: join(__dirname, '../../dist/apps', name) },
    devtool: 'source-map',
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        sourceMap: true,
      }),
    ],
  };
};
