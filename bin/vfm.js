#!/usr/bin/env node
// The vfm command. It runs the TypeScript source directly (tsx compiles it on the fly), so the
// command works straight after `npm ci`, with no build step.
require('tsx/cjs');
require('../src/faces/cli/main.ts').main();
