// jest's globalSetup: builds the vfm command into lib/ from the sources as they are, once before the
// tests, so that the tests that run bin/vfm.js as a process run this code, not an earlier build.
const { buildCli } = require('../../scripts/build-cli');

module.exports = async () => {
  await buildCli();
};
