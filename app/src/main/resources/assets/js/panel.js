// Panel behaviour that htmx attributes do not cover. No inline scripts: the CSP forbids them.
(function () {
  "use strict";

  // Destructive actions ask first: <form data-confirm="Tem certeza?">.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // An open menu closes on a click elsewhere or on Escape.
  function closeMenus(except) {
    document.querySelectorAll("details.nav-menu[open]").forEach(function (menu) {
      if (menu !== except) {
        menu.removeAttribute("open");
      }
    });
  }
  document.addEventListener("click", function (event) {
    closeMenus(event.target.closest ? event.target.closest("details.nav-menu") : null);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closeMenus(null);
    }
  });

  // The tab's title starts with how many conversations wait in one's queues, as the navigation
  // badge says, so a tab in the background still tells.
  var baseTitle = document.title;
  document.addEventListener("htmx:afterSettle", function (event) {
    var badge = document.getElementById("nav-queue");
    if (!badge || !badge.contains(event.target)) {
      return;
    }
    var waiting = parseInt(badge.textContent, 10);
    document.title = waiting > 0 ? "(" + waiting + ") " + baseTitle : baseTitle;
  });

  // A table row with data-href opens it on a click anywhere in the row (its first cell holds a
  // real link for the keyboard and screen readers).
  document.addEventListener("click", function (event) {
    var row = event.target.closest ? event.target.closest("tr[data-href]") : null;
    if (row && !event.target.closest("a, button, input, select, textarea")) {
      window.location.assign(row.getAttribute("data-href"));
    }
  });

  // htmx requests carry the page's CSRF token, read from any hidden _csrf field.
  document.addEventListener("htmx:configRequest", function (event) {
    var field = document.querySelector("input[name=_csrf]");
    if (field) {
      event.detail.headers["X-CSRF-Token"] = field.value;
    }
  });

  // A refused action (409), a file too large (413) or invalid input (422) answers the fragment
  // with the reason: show it. Set in htmx's configuration, not in an event handler, so it holds
  // even when the element that asked is gone by the time the answer comes.
  if (window.htmx) {
    window.htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "409|413|422", swap: true, error: false },
      { code: "[45]..", swap: false, error: true },
      { code: "...", swap: false }
    ];
  }

  // A notice from the server (the X-Notice header of an htmx answer): a refused action's reason
  // or a confirmation, as a toast that stays 6 s whatever a live refresh redraws meanwhile. It
  // is read from the request itself, since a refresh may have removed the element that asked
  // (htmx then has nowhere to fire its events). One sent with a redirect waits in the tab's
  // session storage for the next page.
  var NOTICE_KEY = "balcao.notice";
  function showNotice(text, kind) {
    var toasts = document.getElementById("toasts");
    if (!toasts || !text) {
      return;
    }
    var toast = document.createElement("div");
    toast.className = "toast notice-" + (kind === "refused" ? "refused" : "done");
    toast.setAttribute("role", kind === "refused" ? "alert" : "status");
    toast.textContent = text;
    toasts.appendChild(toast);
    window.setTimeout(function () { toast.remove(); }, 6000);
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    var xhr = event.detail.xhr;
    xhr.addEventListener("load", function () {
      var header = xhr.getResponseHeader("X-Notice");
      if (header) {
        try {
          noticed(JSON.parse(header));
        } catch (ignored) {
          // A malformed notice is not worth breaking the page for.
        }
      }
    });
  });
  function noticed(notice) {
    if (notice.next) {
      window.sessionStorage.setItem(NOTICE_KEY, JSON.stringify({
        text: notice.text, kind: notice.kind, at: Date.now() }));
      return;
    }
    showNotice(notice.text, notice.kind);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var stored = window.sessionStorage.getItem(NOTICE_KEY);
    window.sessionStorage.removeItem(NOTICE_KEY);
    try {
      var notice = stored ? JSON.parse(stored) : null;
      if (notice && Date.now() - notice.at < 15000) {
        showNotice(notice.text, notice.kind);
      }
    } catch (ignored) {
      // A damaged entry is dropped.
    }
  });

  // Label colours come as data attributes: the CSP allows no inline styles.
  function paintChips(root) {
    root.querySelectorAll("[data-color]").forEach(function (chip) {
      var color = chip.getAttribute("data-color");
      if (/^#[0-9a-fA-F]{6}$/.test(color)) {
        chip.style.setProperty("--chip", color);
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { paintChips(document); });
  document.addEventListener("htmx:load", function (event) { paintChips(event.detail.elt); });
})();
