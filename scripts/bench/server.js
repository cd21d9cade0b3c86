'use strict';
// The language server for a benchmark: started as the VS Code client starts it, spoken to over
// standard input and output, with the notifications a benchmark does not read answered quietly.

const { spawn } = require('node:child_process');

function startServer(serverCommand, { onDiagnostics = () => {} } = {}) {
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
  const server = spawn(serverCommand[0], serverCommand.slice(1), { stdio: 'pipe' });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  connection.onNotification('textDocument/publishDiagnostics', onDiagnostics);
  connection.onNotification('window/logMessage', () => {});
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  return { server, connection };
}

module.exports = { startServer };
