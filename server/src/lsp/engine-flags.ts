// The JavaScript engine settings the language server is started with: by the VS Code client
// (`execArgv`) and by `bin/partnership-language-server.js` (its first line, which a test keeps
// equal to this list).
//
// Opening a contract builds its whole tree, declarations and model at once, and nearly all of
// it stays alive. With the engine's defaults the young generation starts at 1 MB and grows step
// by step, so that memory is copied again at every one of a dozen early collections; and the
// first full collection comes when the heap reaches a few tens of megabytes, with a pause of
// 150 ms in the middle of opening a 50,000-norm contract. Starting with a 16 MB young
// generation, and postponing the first full collection to 256 MB, took about a tenth off
// opening the 5,000-norm contract and about a tenth off the 50,000-norm one
// (docs/performance.md), for about 30 MB more memory at 5,000 norms.
export const ENGINE_FLAGS: readonly string[] = ['--max-semi-space-size=32', '--min-semi-space-size=16', '--initial-old-space-size=256'];
