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

  // htmx requests carry the page's CSRF token, read from any hidden _csrf field.
  document.addEventListener("htmx:configRequest", function (event) {
    var field = document.querySelector("input[name=_csrf]");
    if (field) {
      event.detail.headers["X-CSRF-Token"] = field.value;
    }
  });

  // A form re-rendered with its problems comes back as 422; htmx 2 swaps no 4xx by itself.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
