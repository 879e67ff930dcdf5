// How fresh the room is, said on the page (docs/socketio.md, "delivered" and "current"):
// - a banner while the chair's (or an interpreter's) commands reach only the participants of
//   this server: their acknowledgement says `"delivered": "local"` (the message queue is away);
//   it goes when an acknowledgement says "all" again or the server sends `delivery` on its return;
// - a notice while the STATE shown may not be the latest: `join` answered `"current": false`
//   (the database was away); it goes with the next STATE the server sends.
// The live kit (live.js) is not changed for this: the session's `send` is wrapped here.
(function (global) {
  "use strict";

  function show(id, on) {
    var node = document.getElementById(id);
    if (node) { node.hidden = !on; }
  }

  global.Minbar.whenLive(function (session) {
    var send = session.send.bind(session);
    session.send = function (event, payload) {
      return send(event, payload).then(function (ack) {
        if (ack && ack.ok && typeof ack.delivered === "string") { show("live-delivery-local", ack.delivered === "local"); }
        if (event === "join" && ack && ack.ok) { show("live-not-current", ack.current === false); }
        return ack;
      });
    };
    session.socket.on("delivery", function (message) {
      if (message && typeof message.delivered === "string") { show("live-delivery-local", message.delivered === "local"); }
    });
    session.socket.on("state", function () { show("live-not-current", false); });
  });
})(typeof window !== "undefined" ? window : globalThis);
