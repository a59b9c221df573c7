/**
 * One anonymous client on the network flooding the server, in its own process (as a phone or
 * a laptop on the guest Wi-Fi would be): `node flooder.mjs <url> subscribe|sign-in|bodies`.
 * It keeps the pressure up until it is killed, counting what the server answered.
 */
import { request } from 'node:http';
import { io } from 'socket.io-client';

const [url, mode] = process.argv.slice(2);
const answers = {};
const count = (what) => {
  answers[what] = (answers[what] ?? 0) + 1;
};
process.on('SIGTERM', () => {
  process.stdout.write(`${JSON.stringify(answers)}\n`);
  process.exit(0);
});

/** One socket asking for the board's snapshot as fast as it can: 100 asks in flight at any time. */
function subscribe() {
  const socket = io(url, { transports: ['websocket'], reconnection: true, forceNew: true });
  const ask = () =>
    socket
      .timeout(30_000)
      .emitWithAck('display:subscribe')
      .then(
        (r) => count(r.ok ? 'ok' : r.error.code),
        () => count('timeout'),
      )
      .finally(ask);
  socket.once('connect', () => {
    for (let i = 0; i < 100; i++) ask();
  });
}

/** Sends one request (optionally with a body of `size` bytes) and starts the next when it ends. */
function loop(method, path, body) {
  const again = () => loop(method, path, body);
  const req = request(
    `${url}${path}`,
    { method, headers: { 'content-type': 'application/json', 'content-length': body.length } },
    (res) => {
      count(String(res.statusCode));
      res.resume();
      res.on('end', again);
      res.on('error', again);
    },
  );
  req.on('error', () => {
    count('error');
    setTimeout(again, 5);
  });
  req.end(body);
}

if (mode === 'subscribe') subscribe();
else if (mode === 'sign-in') {
  // 100 sign-ins always in flight, each a wrong password for the administrator.
  const body = Buffer.from(JSON.stringify({ username: 'bench', password: 'not-the-password' }));
  for (let i = 0; i < 100; i++) loop('POST', '/api/auth/login', body);
} else if (mode === 'bodies') {
  // 60 bodies of 1.9 MB always in flight to the sign-in route.
  const body = Buffer.alloc(1_900_000, 0x61);
  for (let i = 0; i < 60; i++) loop('POST', '/api/auth/login', body);
} else throw new Error(`unknown flood ${mode}`);
