// Bundles browser.ts into one classic script (test-artifacts/fake-office.js by default) that a
// page can load in place of office.js. From a test: `await buildFakeOffice()`; from a shell:
// `npx tsx test/fake-office/bundle.ts [output file]`.

import path from 'path';
import webpack from 'webpack';

const ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_BUNDLE = path.join(ROOT, 'test-artifacts', 'fake-office.js');

export function fakeOfficeWebpackConfig(outputFile: string = DEFAULT_BUNDLE, mode: 'development' | 'production' = 'development'): webpack.Configuration {
  return {
    mode,
    target: 'web',
    context: ROOT,
    entry: path.join(__dirname, 'browser.ts'),
    output: { path: path.dirname(outputFile), filename: path.basename(outputFile), iife: true },
    resolve: { extensions: ['.ts', '.js'] },
    devtool: false,
    module: {
      rules: [{
        test: /\.ts$/,
        loader: 'ts-loader',
        options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.json'), compilerOptions: { noEmit: false } },
        exclude: /node_modules/,
      }],
    },
    performance: { hints: false },
  };
}

/** Build the bundle; resolves to its path. */
export function buildFakeOffice(outputFile: string = DEFAULT_BUNDLE): Promise<string> {
  return new Promise((resolve, reject) => {
    webpack(fakeOfficeWebpackConfig(outputFile), (error, stats) => {
      if (error) reject(error);
      else if (!stats) reject(new Error('webpack gave no stats'));
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve(outputFile);
    });
  });
}

if (require.main === module) {
  buildFakeOffice(process.argv[2] === undefined ? DEFAULT_BUNDLE : path.resolve(process.argv[2])).then(
    (file) => console.log(`fake office.js: ${file}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
