// Moving to another server process when asked (docs/socketio.md, `rebalance`): a process that
// carries more than its share of participants after another came back asks some idle ones to
// reconnect, each after its own random delay. The kit's reconnect path does the rest: a new
// connection (nginx picks the process), a join, the latest STATE. Only while connected.
(function (global) {
  "use strict";

  global.Minbar.whenLive(function (session) {
    var socket = session.socket, pending = false;
    socket.on("rebalance", function (message) {
      var after = message && typeof message.after_ms === "number" ? Math.max(0, Math.min(message.after_ms, 60000)) : 0;
      if (pending) { return; }
      pending = true;
      global.setTimeout(function () {
        pending = false;
        if (!socket.connected) { return; }
        socket.disconnect();
        socket.connect();
      }, after);
    });
  });
})(typeof window !== "undefined" ? window : globalThis);
