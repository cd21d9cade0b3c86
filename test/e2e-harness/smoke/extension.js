'use strict';
// The smoke extension: activates on startup and does nothing. The suite checks that it is active.

function activate() {}

function deactivate() {}

module.exports = { activate, deactivate };
