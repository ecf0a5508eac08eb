// The inbox's chat behaviour: keep the newest message in view, reply-to, emoji, quick replies
// (picked with the keyboard), send on Enter, the chosen attachment's name, keyboard moves between conversations and the
// "typing…" line between colleagues. Everything else is htmx.
(function () {
  "use strict";
  var body = document.body;
  var me = Number(body.getAttribute("data-me"));
  var typingTimer = null;
  var lastTypingPost = 0;

  function scroller() {
    return document.getElementById("chat-scroll");
  }

  function nearBottom(element) {
    return element.scrollHeight - element.scrollTop - element.clientHeight < 120;
  }

  function toBottom() {
    var element = scroller();
    if (element) {
      element.scrollTop = element.scrollHeight;
    }
  }

  function chatId() {
    var chat = document.getElementById("chat");
    return chat ? chat.getAttribute("data-conversation") : null;
  }

  function csrf() {
    var field = document.querySelector("input[name=_csrf]");
    return field ? field.value : "";
  }

  // New messages keep the view at the bottom, unless the person scrolled up to read; loading
  // older messages keeps what was on screen in place.
  var stick = true;
  var heightBefore = 0;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var element = scroller();
    if (element) {
      stick = nearBottom(element);
      heightBefore = element.scrollHeight;
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    // htmx announces a settle once per element of the answer; act once per answer.
    var config = event.detail.requestConfig;
    if (config) {
      if (config.inboxSettled) {
        return;
      }
      config.inboxSettled = true;
    }
    var target = event.detail.target;
    var element = scroller();
    if (!element || !target) {
      return;
    }
    if (target.id === "older") {
      element.scrollTop += element.scrollHeight - heightBefore;
    } else if (target.id === "timeline" && stick) {
      toBottom();
    } else if (target.id === "pane" || target.id === "composer-area") {
      toBottom();
      focusComposer();
    }
    if (target.id === "pane" || target.id === "older") {
      revealFound();
    }
    if (target.id === "pane") {
      markOpen();
    }
  });

  // The list marks the open conversation, and its live refreshes keep marking it.
  function markOpen() {
    var chat = document.getElementById("chat");
    var open = chat ? chat.getAttribute("data-conversation") : null;
    document.querySelectorAll("#inbox-list a.conversation").forEach(function (link) {
      link.classList.toggle("active", link.getAttribute("data-conversation") === open);
    });
    var list = document.getElementById("inbox-list");
    if (!list || !open || !window.htmx) {
      return;
    }
    var url = new URL(list.getAttribute("hx-get"), window.location.origin);
    url.searchParams.set("c", open);
    list.setAttribute("hx-get", url.pathname + url.search);
    window.htmx.process(list);
  }

  // A conversation opened from a search shows the message the search found: older pages load
  // until it is there (a few at most), then it is scrolled into view and marked for a moment.
  var found = null;
  var foundPages = 0;
  function revealFound() {
    if (!found) {
      return;
    }
    var message = document.getElementById("m-" + found);
    var older = document.querySelector("#older button");
    if (message) {
      found = null;
      message.classList.add("found");
      message.scrollIntoView({ block: "center" });
      window.setTimeout(function () { message.classList.remove("found"); }, 4000);
    } else if (older && foundPages < 25) {
      foundPages += 1;
      older.click();
    } else {
      found = null;
    }
  }
  document.addEventListener("click", function (event) {
    var item = event.target.closest && event.target.closest("a.conversation");
    if (item) {
      found = item.getAttribute("data-found");
      foundPages = 0;
    }
  }, true);

  function focusComposer() {
    var text = document.getElementById("composer-text");
    if (text) {
      text.focus();
    }
  }

  function insertAtCaret(text, value) {
    var start = text.selectionStart || 0;
    var end = text.selectionEnd || 0;
    text.value = text.value.slice(0, start) + value + text.value.slice(end);
    text.selectionStart = text.selectionEnd = start + value.length;
    text.focus();
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var reply = target.closest(".reply-button");
    if (reply) {
      document.getElementById("reply-to").value = reply.getAttribute("data-reply");
      document.getElementById("reply-snippet").textContent = reply.getAttribute("data-snippet");
      document.getElementById("reply-snippet-value").value = reply.getAttribute("data-snippet");
      document.getElementById("replying").hidden = false;
      focusComposer();
      return;
    }
    if (target.id === "reply-cancel") {
      document.getElementById("reply-to").value = "";
      document.getElementById("reply-snippet-value").value = "";
      document.getElementById("replying").hidden = true;
      return;
    }
    if (target.closest(".contact-toggle") || target.closest(".contact-close")) {
      var panel = document.getElementById("contact-panel");
      if (panel) {
        panel.classList.toggle("shown", Boolean(target.closest(".contact-toggle"))
          && !panel.classList.contains("shown"));
      }
      return;
    }
    var emoji = target.closest(".emoji");
    if (emoji) {
      var text = document.getElementById("composer-text");
      if (text) {
        insertAtCaret(text, emoji.getAttribute("data-emoji"));
      }
      return;
    }
    var suggestion = target.closest(".suggestion");
    if (suggestion) {
      pickSuggestion(suggestion);
    }
    var item = target.closest("a.conversation");
    if (item) {
      document.querySelectorAll("a.conversation.active").forEach(function (other) {
        other.classList.remove("active");
      });
      item.classList.add("active");
    }
  });

  // Quick-reply suggestions under the composer: arrows move, Enter or Tab picks, Escape closes.
  function suggestionButtons() {
    var list = document.getElementById("suggestions");
    return list ? Array.prototype.slice.call(list.querySelectorAll(".suggestion")) : [];
  }
  function pickSuggestion(suggestion) {
    var area = document.getElementById("composer-text");
    area.value = suggestion.getAttribute("data-body");
    document.getElementById("suggestions").innerHTML = "";
    area.focus();
  }
  function moveSuggestion(buttons, step) {
    var at = buttons.findIndex(function (button) { return button.classList.contains("active"); });
    var next = at < 0 ? (step > 0 ? 0 : buttons.length - 1)
      : (at + step + buttons.length) % buttons.length;
    buttons.forEach(function (button, index) {
      button.classList.toggle("active", index === next);
      button.setAttribute("aria-selected", index === next ? "true" : "false");
    });
    buttons[next].scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("keydown", function (event) {
    var buttons = event.target.id === "composer-text" ? suggestionButtons() : [];
    if (!buttons.length || event.isComposing || event.altKey) {
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      moveSuggestion(buttons, event.key === "ArrowDown" ? 1 : -1);
    } else if ((event.key === "Enter" && !event.shiftKey) || event.key === "Tab") {
      event.preventDefault();
      event.stopImmediatePropagation();
      pickSuggestion(buttons.find(function (button) {
        return button.classList.contains("active");
      }) || buttons[0]);
    } else if (event.key === "Escape") {
      event.stopImmediatePropagation();
      document.getElementById("suggestions").innerHTML = "";
    }
  });

  // Enter sends, Shift+Enter starts a new line.
  document.addEventListener("keydown", function (event) {
    if (event.target.id !== "composer-text" || event.key !== "Enter" || event.shiftKey
        || event.isComposing) {
      return;
    }
    var send = document.getElementById("send");
    if (send) {
      event.preventDefault();
      event.target.form.requestSubmit(send);
    }
  });

  // Alt+↓ / Alt+↑ open the next / previous conversation of the list; Escape drops a reply-to.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && event.target.id === "composer-text") {
      var cancel = document.getElementById("reply-cancel");
      var replying = document.getElementById("replying");
      if (cancel && replying && !replying.hidden) {
        cancel.click();
      }
      return;
    }
    if (!event.altKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) {
      return;
    }
    var items = Array.prototype.slice.call(document.querySelectorAll("#inbox-list a.conversation"));
    if (!items.length) {
      return;
    }
    var at = items.findIndex(function (item) { return item.classList.contains("active"); });
    var next = event.key === "ArrowDown" ? Math.min(items.length - 1, at + 1)
      : Math.max(0, at < 0 ? 0 : at - 1);
    if (next !== at) {
      event.preventDefault();
      items[next].click();
      items[next].scrollIntoView({ block: "nearest" });
    }
  });

  // Colleagues see "… is typing"; one signal every 3 seconds at most.
  document.addEventListener("input", function (event) {
    if (event.target.id !== "composer-text" || !document.getElementById("send")) {
      return;
    }
    var now = Date.now();
    var id = chatId();
    if (!id || now - lastTypingPost < 3000) {
      return;
    }
    lastTypingPost = now;
    window.fetch("/inbox/c/" + encodeURIComponent(id) + "/typing", {
      method: "POST",
      headers: { "X-CSRF-Token": csrf() },
      credentials: "same-origin"
    });
  });

  body.addEventListener("live:typing", function (event) {
    var data = event.detail || {};
    var line = document.getElementById("typing");
    if (!line || data.conversationId !== chatId() || Number(data.userId) === me) {
      return;
    }
    line.textContent = (line.getAttribute("data-text") || "{0}").replace("{0}", function () {
      return data.name || "";
    });
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(function () { line.textContent = ""; }, 4000);
  });

  // A message from the one typing ends their "typing…".
  body.addEventListener("live:message.created", function (event) {
    var line = document.getElementById("typing");
    if (line && event.detail && event.detail.conversationId === chatId()) {
      line.textContent = "";
    }
  });

  // The chosen file's name stands in the attach button (as text: file names are the
  // customer's or anyone's).
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.id !== "composer-file") {
      return;
    }
    var label = document.getElementById("attach-name");
    var file = input.files && input.files[0];
    if (label) {
      label.textContent = file ? file.name : label.getAttribute("data-empty");
      label.parentNode.classList.toggle("chosen", Boolean(file));
    }
  });

  document.addEventListener("DOMContentLoaded", toBottom);
  if (document.readyState !== "loading") {
    toBottom();
  }
})();
