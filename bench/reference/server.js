// The protocol's reference server for bench/fanout.py --reference node: a minimal broadcast server
// written with the npm `socket.io` package, speaking the same /live events as Minbar (join, timer,
// state) with a STATE of the same size (BENCH_STATE_BYTES). No database, no checks: the floor
// against which Minbar and the bare Flask-SocketIO stack are compared.
"use strict";
const http = require("http");
const { Server } = require("socket.io");

const port = Number(process.env.PORT || 0);
const stateBytes = Number(process.env.BENCH_STATE_BYTES || 950);
let version = 0;

function state() {
  const body = {
    session: "plenary-1", version, server_time: Date.now(), slot: "plenary-1-state-a",
    timer: { status: "running", limit_s: 300, elapsed_ms: 0, started_at: 0, warn_s: 60 }, pad: "",
  };
  body.pad = "x".repeat(Math.max(0, stateBytes - JSON.stringify(body).length));
  return body;
}

const server = http.createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end('{"status":"ok"}');
    return;
  }
  res.writeHead(404);
  res.end();
});
const io = new Server(server, { transports: ["websocket", "polling"], perMessageDeflate: false,
                                pingInterval: 20000, pingTimeout: 20000 });
const live = io.of("/live");
live.on("connection", (socket) => {
  socket.on("join", (payload, ack) => {
    socket.join(payload.session);
    if (typeof ack === "function") ack({ ok: true, state: state() });
  });
  socket.on("timer", (payload, ack) => {
    version += 1;
    const current = state();
    live.to(payload.session).emit("state", current);
    if (typeof ack === "function") ack({ ok: true, state: current });
  });
});
server.listen(port, "127.0.0.1", () => {
  console.log(`listening on ${server.address().port}`);
});
process.on("SIGTERM", () => process.exit(0));
