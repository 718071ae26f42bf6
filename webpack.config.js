// Builds the Excel add-in into dist/: the task pane (its page, script and styles, all served from the
// add-in's own origin: the page's Content-Security-Policy allows nothing else), and beside it the
// files Office fetches by URL: manifest.xml, the icons assets/*.png and the help page help.html.
//
// In production mode (`npm run build`) the copy of the manifest in dist/ gets the production URL in
// place of the development origin: $VFM_ADDIN_URL if set, else package.json's config.productionUrl.
// The source manifest.xml keeps the development origin, for sideloading against `npm start`.
const fs = require('fs');
const path = require('path');
const { Buffer } = require('buffer');
const { URL } = require('url');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const MiniCssExtractPlugin = require('mini-css-extract-plugin');
const { devOrigin } = require('./scripts/addin.json');
const { config: packageConfig = {} } = require('./package.json');

/** The production base URL: https, no query or fragment, no trailing slash. */
function productionBaseUrl() {
  const fromEnv = process.env.VFM_ADDIN_URL;
  const raw = fromEnv || packageConfig.productionUrl;
  const source = fromEnv ? 'VFM_ADDIN_URL' : 'package.json config.productionUrl';
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${source}: ${JSON.stringify(raw)} is not a URL; give the add-in's https:// base URL`);
  }
  if (url.protocol !== 'https:') throw new Error(`${source}: ${raw} must be https:// (Office loads add-ins only over HTTPS)`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`${source}: ${raw} must be a plain base URL, without query, fragment or credentials`);
  return raw.replace(/\/+$/, '');
}

/** Replaces every occurrence of the development origin (and not, say, https://localhost:30001). */
function withBaseUrl(text, baseUrl) {
  const escaped = devOrigin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`${escaped}(?![0-9])`, 'g'), baseUrl);
}

/**
 * Emits the add-in's static files into the build. A dozen lines of our own rather than
 * copy-webpack-plugin: the list is fixed and small, the manifest needs one string replacement, and
 * watch mode (npm start) picks up changes to these files through the file and context dependencies.
 */
class AddinFilesPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    const assetsDir = path.resolve(__dirname, 'assets');
    compiler.hooks.thisCompilation.tap('AddinFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'AddinFilesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const files = [
          { from: path.resolve(__dirname, 'manifest.xml'), to: 'manifest.xml', manifest: true },
          { from: path.join(assetsDir, 'help.html'), to: 'help.html' },
          ...fs.readdirSync(assetsDir).filter((name) => name.endsWith('.png')).sort()
            .map((name) => ({ from: path.join(assetsDir, name), to: `assets/${name}` })),
        ];
        compilation.contextDependencies.add(assetsDir);
        if (this.baseUrl && /(^|\.)example\.(org|com|net)$/.test(new URL(this.baseUrl).hostname)) {
          compilation.warnings.push(new WebpackError(`AddinFilesPlugin: dist/manifest.xml points at the placeholder ${this.baseUrl}: set package.json config.productionUrl (or VFM_ADDIN_URL) to where dist/ is served before deploying`));
        }
        for (const file of files) {
          compilation.fileDependencies.add(file.from);
          try {
            let content = fs.readFileSync(file.from);
            if (file.manifest && this.baseUrl) content = Buffer.from(withBaseUrl(content.toString('utf8'), this.baseUrl), 'utf8');
            // Copied as they are: `minimized` keeps webpack's own minimizers (HTML, XML) off them.
            compilation.emitAsset(file.to, new sources.RawSource(content), { minimized: true, sourceFilename: path.relative(__dirname, file.from) });
          } catch (err) {
            compilation.errors.push(new WebpackError(`AddinFilesPlugin: cannot copy ${path.relative(__dirname, file.from)}: ${err.message}`));
          }
        }
      });
    });
  }
}

module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  return {
    entry: { taskpane: './src/faces/taskpane/taskpane.ts' },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    devtool: production ? false : 'source-map',
    module: {
      rules: [
        { test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true }, exclude: /node_modules/ },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
      ],
    },
    plugins: [
      new MiniCssExtractPlugin({ filename: '[name].[contenthash:8].css' }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/faces/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new AddinFilesPlugin(production ? productionBaseUrl() : undefined),
    ],
    performance: { hints: false },
  };
};
