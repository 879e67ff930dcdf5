// How a live page starts: its JSON configuration, its connection to the session, and a lookup by
// id. Loaded after live.js by templates/sessions/_live_base.html; pages that start this way differ
// only in what they draw from STATE.
(function (global) {
  "use strict";

  global.Minbar.livePage = function () {
    var cfg = global.Minbar.config();
    return {
      cfg: cfg,
      labels: cfg.labels || {},
      session: global.Minbar.startLive(cfg),
      $: function (id) { return document.getElementById(id); }
    };
  };
})(window);
