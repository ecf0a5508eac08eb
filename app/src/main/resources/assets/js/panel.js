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
  // with the reason: show it.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 409 || status === 413 || status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
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
