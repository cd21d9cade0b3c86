// The language server as the VS Code client starts it (dist/server.js, bundled from this
// file): the bundled server, dist/server-main.js, run from the engine's code cache kept beside
// it (engine/code-cache.ts), so that a server started again does not compile its code again.
import * as path from 'node:path';
import { runWithCodeCache } from '../engine/code-cache';

runWithCodeCache(path.join(__dirname, 'server-main.js'));
