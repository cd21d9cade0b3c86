// What the client does when its connection to the language server fails.
//
// When the server dies, messages the client sends before it notices the closed pipe fail to
// write. The library's own handler counts those failures and, after three, stops the client
// for good: the crash is then never restarted and the user is only told that the connection
// "is erroring". Here a failed write is logged and otherwise ignored; the close that follows a
// crash decides, with the library's policy (restart, but not more than `maxRestartCount`
// times in three minutes, then tell the user).

import { ErrorAction, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';

export function restartOnCrash(policy: () => ErrorHandler): ErrorHandler {
  return {
    error: (error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult => ({
      action: ErrorAction.Continue,
      // Logged in the server's output channel, without a notification per failed message.
      message: `Connection to the Partnership language server failed (${count ?? 1}): ${error.message}`,
      handled: true,
    }),
    closed: () => policy().closed(),
  };
}
