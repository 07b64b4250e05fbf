#!/usr/bin/env node
// Usage: node tests/hub/cli.mjs [--root tests/fixtures/models] [--port 8765] [--host 127.0.0.1]
import { parseArgs } from 'node:util';
import { startHub } from './server.mjs';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: 'tests/fixtures/models' },
    port: { type: 'string', default: '8765' },
    host: { type: 'string', default: '127.0.0.1' },
    quiet: { type: 'boolean', default: false },
  },
});

const hub = await startHub({
  root: values.root,
  port: Number(values.port),
  host: values.host,
  log: !values.quiet,
});
console.log(`hub serving ${values.root} at ${hub.url}/`);
console.log(`e.g. ${hub.url}/edgewise-test/echo-tiny/resolve/main/config.json`);
const stop = async () => {
  await hub.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
