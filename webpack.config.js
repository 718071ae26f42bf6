// Builds the task pane into dist/: the page, its script and its styles, all served from the
// add-in's own origin (the page's Content-Security-Policy allows nothing else).
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const MiniCssExtractPlugin = require('mini-css-extract-plugin');

module.exports = (_env, argv) => ({
  entry: { taskpane: './src/faces/taskpane/taskpane.ts' },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  devtool: argv.mode === 'production' ? false : 'source-map',
  module: {
    rules: [
      { test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true }, exclude: /node_modules/ },
      { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
    ],
  },
  plugins: [
    new MiniCssExtractPlugin({ filename: '[name].[contenthash:8].css' }),
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/faces/taskpane/taskpane.html', chunks: ['taskpane'] }),
  ],
  performance: { hints: false },
});
