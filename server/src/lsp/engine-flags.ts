// The JavaScript engine settings the language server is started with: by the VS Code client
// (`execArgv`) and by `bin/partnership-language-server.js` (its first line, which a test keeps
// equal to this list).
//
// Opening a contract builds its whole tree, declarations and model at once, and nearly all of
// it stays alive. With the engine's defaults the young generation starts at 1 MB and grows step
// by step, so that memory is copied again at every one of a dozen early collections; and the
// first full collection comes when the heap reaches a few tens of megabytes, with a pause of
// 150 ms in the middle of opening a 50,000-norm contract. A 64 MB young generation holds all
// that opening a 5,000-norm contract makes (about 40 MB), so nothing is copied while it opens,
// and the first full collection waits until the heap reaches 256 MB. Together they took about
// a fifth off opening the 5,000-norm contract and a tenth off the 50,000-norm one
// (docs/performance.md), for about 80 MB more memory at 5,000 norms (240 MB in all).
//
// Every flag here must be known to every engine the server runs on (Node 20 to 24, and the one
// inside VS Code): Node refuses to start with any other. Settings of how the engine optimises
// differ between versions (`--interrupt-budget`, which helped opening on Node 20, is gone from
// Node 24), so there are none here.
export const ENGINE_FLAGS: readonly string[] = ['--max-semi-space-size=64', '--min-semi-space-size=64', '--initial-old-space-size=256'];
