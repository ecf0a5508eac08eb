// The panel's one live connection per tab: an EventSource on /events. Every event is re-sent
// on document.body as "live:<type>" (htmx elements refresh with
// hx-trigger="live:message.created from:body") and feeds the notifications.
(function () {
  "use strict";
  var body = document.body;
  if (!body || !body.hasAttribute("data-live")) {
    return;
  }
  var MUTE_KEY = "balcao.muted";
  var texts = {
    newConversation: body.getAttribute("data-text-new-conversation") || "",
    newMessage: body.getAttribute("data-text-new-message") || "",
    transferred: body.getAttribute("data-text-transferred") || ""
  };
  var me = Number(body.getAttribute("data-me"));
  var toasts = document.getElementById("toasts");
  var muteButton = document.getElementById("mute-toggle");

  function muted() {
    return window.localStorage.getItem(MUTE_KEY) === "1";
  }

  function showMute() {
    if (muteButton) {
      muteButton.setAttribute("aria-pressed", muted() ? "true" : "false");
      muteButton.textContent = muted() ? muteButton.getAttribute("data-muted")
        : muteButton.getAttribute("data-unmuted");
    }
  }

  // Browsers play sound only after the person has touched the page: until then the page says
  // so, and the first click anywhere turns the sound on.
  var audio = null;
  var soundHint = document.getElementById("sound-hint");
  function unlockSound() {
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      audio = audio || new Context();
      if (audio.resume) {
        audio.resume();
      }
    } catch (ignored) {
      // No audio device: the visual notification is enough.
    }
    if (soundHint) {
      soundHint.hidden = true;
    }
  }
  if (soundHint && !muted()) {
    soundHint.hidden = false;
  }
  // On the click itself, not on pointerdown: hiding the hint moves the top bar, and a page
  // that moves between press and release loses the click the person was making.
  document.addEventListener("click", unlockSound, { once: true, capture: true });
  document.addEventListener("keydown", unlockSound, { once: true, capture: true });

  function beep() {
    if (!audio) {
      return;
    }
    try {
      var tone = audio.createOscillator();
      var gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.08;
      tone.connect(gain);
      gain.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.15);
    } catch (ignored) {
      // No audio device: the visual notification is enough.
    }
  }

  // A notification names the customer and what they said; a click opens the conversation.
  function fill(template, name, preview) {
    return template.replace("{0}", name || "").replace("{1}", preview || "");
  }
  function openConversation(id) {
    window.location.assign("/inbox?c=" + encodeURIComponent(id));
  }
  function notify(text, conversationId) {
    if (toasts) {
      var toast = document.createElement("div");
      toast.className = "toast notification";
      toast.setAttribute("role", "status");
      toast.textContent = text;
      if (conversationId) {
        toast.setAttribute("data-conversation", conversationId);
        toast.tabIndex = 0;
        toast.addEventListener("click", function () { openConversation(conversationId); });
        toast.addEventListener("keydown", function (event) {
          if (event.key === "Enter") {
            openConversation(conversationId);
          }
        });
      }
      toasts.appendChild(toast);
      window.setTimeout(function () { toast.remove(); }, 6000);
    }
    if (muted()) {
      return;
    }
    beep();
    if ("Notification" in window && Notification.permission === "granted"
        && document.visibilityState !== "visible") {
      var desktop = new Notification(text);
      if (conversationId) {
        desktop.onclick = function () {
          window.focus();
          openConversation(conversationId);
        };
      }
    }
  }

  // The conversation on screen, in a focused tab, needs no notification: the person sees it.
  function onScreen(conversationId) {
    var chat = document.getElementById("chat");
    return document.visibilityState === "visible" && document.hasFocus() && chat !== null
      && chat.getAttribute("data-conversation") === conversationId;
  }

  // A fragment refreshes at once on an event, then at most once per gap while events keep
  // coming: the burst's later events ride along with one trailing refresh.
  var pending = {};
  var lastDispatch = {};
  var dispatchSeq = {};
  var seq = 0;
  function dispatch(name, detail) {
    lastDispatch[name] = Date.now();
    dispatchSeq[name] = ++seq;
    body.dispatchEvent(new CustomEvent(name, { detail: detail, bubbles: true }));
  }
  function coalesced(name, detail, gap) {
    if (pending[name]) {
      return;
    }
    var wait = (lastDispatch[name] || 0) + (gap || 120) - Date.now();
    if (wait <= 0) {
      dispatch(name, detail);
      return;
    }
    pending[name] = window.setTimeout(function () {
      delete pending[name];
      dispatch(name, detail);
    }, wait);
  }

  // New content listens for events only once htmx has settled it, and htmx drops a refresh
  // queued on an element its answer replaced: an event dispatched between a request leaving
  // and its answer settling reaches nobody. So every request notes the event count when it
  // leaves, and the content it brings asks again for each event it may have missed.
  var redo = {};
  var redoTimer = null;
  function redoSoon(name) {
    redo[name] = true;
    if (redoTimer === null) {
      redoTimer = window.setTimeout(function () {
        var names = Object.keys(redo);
        redo = {};
        redoTimer = null;
        names.forEach(function (missed) { coalesced(missed, {}); });
      }, 0);
    }
  }
  function liveTriggers(root) {
    var names = [];
    var nodes = root.querySelectorAll ? Array.prototype.slice.call(
      root.querySelectorAll("[hx-trigger*='live:']")) : [];
    if (root.getAttribute) {
      nodes.push(root);
    }
    nodes.forEach(function (node) {
      (node.getAttribute("hx-trigger") || "").split(",").forEach(function (part) {
        var name = part.trim().split(/\s+/)[0];
        if (name.indexOf("live:") === 0) {
          names.push(name);
        }
      });
    });
    return names;
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    event.detail.elt.liveSeq = seq;
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    // htmx sets detail.elt to the element an event fires on; the request's own is in its config.
    var config = event.detail.requestConfig;
    var sent = config && config.elt ? config.elt.liveSeq : undefined;
    if (sent === undefined) {
      return;
    }
    liveTriggers(event.target).forEach(function (name) {
      if ((dispatchSeq[name] || 0) > sent) {
        redoSoon(name);
      }
    });
  });

  // Which fragments each server event refreshes: one row per EventType on the server
  // (LiveRoutesTest fails when a type has no row). Every event is also re-sent on the body as
  // "live:<type>". inbox: the conversation lists; conv: the open chat's timeline; convstate:
  // its header and actions; contact: its contact panel (not after one's own edit); reload: the
  // whole page (the stream lost events it cannot replay).
  var ROUTES = {
    "conversation.created": ["inbox", "conv", "convstate", "contact"],
    "conversation.updated": ["inbox", "conv", "convstate", "contact"],
    "conversation.assigned": ["inbox", "conv", "convstate"],
    "conversation.transferred": ["inbox", "conv", "convstate"],
    "conversation.resolved": ["inbox", "conv", "convstate"],
    "conversation.reopened": ["inbox", "conv", "convstate"],
    "conversation.bot": ["inbox", "conv", "convstate"],
    "conversation.read": ["inbox", "conv", "convstate"],
    "message.created": ["inbox", "conv"],
    "message.updated": ["conv"],
    "typing": [],
    "queue.changed": [],
    "presence.changed": [],
    "resync": ["reload"]
  };

  var REFRESH = {
    // Lists are the costliest fragment: a busy tenant refreshes them at most 4 times a second.
    inbox: function (data) { coalesced("live:inbox", data, 250); },
    conv: function (data) {
      if (data.conversationId) {
        coalesced("live:conv:" + data.conversationId, data);
      }
    },
    convstate: function (data) {
      if (data.conversationId) {
        coalesced("live:convstate:" + data.conversationId, data);
      }
    },
    contact: function (data) {
      if (data.conversationId && Number(data.by) !== me) {
        coalesced("live:contact:" + data.conversationId, data);
      }
    },
    reload: function () { window.location.reload(); }
  };

  function notifyAbout(type, data) {
    if (onScreen(data.conversationId)) {
      return;
    }
    if (type === "conversation.created") {
      notify(fill(texts.newConversation, data.contactName), data.conversationId);
    } else if (type === "message.created" && data.direction === "inbound"
        && Number(data.assigneeId) === me) {
      notify(fill(texts.newMessage, data.contactName, data.preview), data.conversationId);
    } else if (type === "conversation.transferred" && Number(data.assigneeId) === me
        && Number(data.by) !== me) {
      notify(fill(texts.transferred, data.contactName), data.conversationId);
    }
  }

  function onEvent(type, data) {
    dispatch("live:" + type, data);
    ROUTES[type].forEach(function (fragment) { REFRESH[fragment](data); });
    notifyAbout(type, data);
  }

  // One stream per tab, and only while the page is shown: a page kept in the back/forward
  // cache with its stream open would hold one of the browser's six connections to the server,
  // and a few such pages freeze every later page of the tab until they are evicted.
  var last = body.getAttribute("data-last-event-id") || "";
  var source = null;
  var interrupted = false;
  function connect() {
    source = new EventSource("/events" + (last ? "?lastEventId=" + encodeURIComponent(last) : ""));
    Object.keys(ROUTES).forEach(function (type) {
      source.addEventListener(type, function (message) {
        if (message.lastEventId) {
          last = message.lastEventId;
        }
        var data = {};
        try {
          data = JSON.parse(message.data);
        } catch (ignored) {
          return;
        }
        onEvent(type, data);
      });
    });
    source.addEventListener("error", function () {
      interrupted = true;
    });
    source.addEventListener("open", reread);
  }
  window.addEventListener("pagehide", function () {
    if (source) {
      source.close();
      source = null;
    }
  });
  window.addEventListener("pageshow", function () {
    if (!source) {
      // Back from the cache: the replay from the last event seen brings what happened meanwhile.
      interrupted = true;
      connect();
    }
  });
  connect();

  // Browsers ask for desktop notifications only on a click: offer one until it is answered.
  var desktopButton = document.getElementById("desktop-notifications");
  if (desktopButton && "Notification" in window && Notification.permission === "default") {
    desktopButton.hidden = false;
    desktopButton.addEventListener("click", function () {
      Promise.resolve(Notification.requestPermission()).then(function () {
        desktopButton.hidden = Notification.permission === "default";
      });
    });
  }

  // After a lost connection the replay brings every event the server published, but not a
  // change whose event was lost with a crashed server: the page reads its state once again.
  function reread() {
    if (!interrupted) {
      return;
    }
    interrupted = false;
    coalesced("live:inbox", {}, 250);
    var chat = document.getElementById("chat");
    var open = chat && chat.getAttribute("data-conversation");
    if (open) {
      coalesced("live:conv:" + open, {});
      coalesced("live:convstate:" + open, {});
      coalesced("live:contact:" + open, {});
    }
  }

  if (muteButton) {
    showMute();
    muteButton.addEventListener("click", function () {
      window.localStorage.setItem(MUTE_KEY, muted() ? "0" : "1");
      showMute();
      if (!muted() && "Notification" in window && Notification.permission === "default") {
        Notification.requestPermission();
      }
    });
  }

  // Activity keeps the person "online" for supervisors; one ping a minute at most.
  var lastPing = 0;
  function active() {
    var now = Date.now();
    if (now - lastPing < 60000) {
      return;
    }
    lastPing = now;
    var token = document.querySelector("input[name=_csrf]");
    window.fetch("/presence/activity", {
      method: "POST",
      headers: { "X-CSRF-Token": token ? token.value : "" },
      credentials: "same-origin"
    });
  }
  ["keydown", "click"].forEach(function (name) {
    document.addEventListener(name, active, { passive: true });
  });
})();
