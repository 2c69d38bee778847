// Preloaded into the Kinesis emulator (node --require): kinesis-mock binds 0.0.0.0 and has no setting for the
// address (kinesis-local 0.6.2 reads only KINESIS_MOCK_*_PORT), so every server this process starts is made to
// listen on the loopback interface instead. Unix sockets are left alone.
'use strict';

const net = require('net');

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (args.length === 0 || typeof first === 'function') {
    args.unshift({ port: 0, host: LOOPBACK });
  } else if (first !== null && typeof first === 'object' && !first.path && !('fd' in first) && !first._handle) {
    args[0] = { ...first, host: LOOPBACK };
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] === 'string') {
      args[1] = LOOPBACK;
    } else {
      args.splice(1, 0, LOOPBACK);
    }
  }
  return listen.apply(this, args);
};
