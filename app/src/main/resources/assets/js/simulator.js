// The customer phone of the WhatsApp simulator: posts what the "customer" does and polls the
// chat. Everything shown is set as text (never as HTML): it is customer-controlled content.
(function () {
  "use strict";

  var chat = document.getElementById("phone-chat");
  if (!chat) {
    return;
  }
  var settings = document.getElementById("phone-settings");
  var compose = document.getElementById("phone-compose");
  var statusLine = document.getElementById("phone-status");
  var csrf = settings.querySelector("input[name=_csrf]").value;

  function customer() {
    return settings.elements.customer.value.replace(/\D/g, "");
  }

  function send(action) {
    action.number = settings.elements.number ? settings.elements.number.value : null;
    action.customer = customer();
    action.name = settings.elements.name.value;
    return fetch("/simulator/api/phone/messages", {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf},
      body: JSON.stringify(action)
    }).then(function (response) {
      return response.json().then(function (body) {
        statusLine.textContent = response.ok ? "" : (body.message || ("HTTP " + response.status));
        refresh();
      });
    });
  }

  function bubble(entry) {
    var item = document.createElement("li");
    item.className = "bubble " + (entry.side === "customer" ? "mine" : "theirs");
    var who = document.createElement("small");
    who.textContent = entry.side === "customer" ? chat.dataset.you : chat.dataset.business;
    var text = document.createElement("p");
    text.textContent = entry.text || ("[" + entry.type + "]");
    item.appendChild(who);
    item.appendChild(text);
    (entry.buttons || []).forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = choice.title;
      button.addEventListener("click", function () {
        send({text: choice.title, buttonId: choice.id, contextId: entry.id});
      });
      item.appendChild(button);
    });
    if (entry.side === "business" && entry.status) {
      var ticks = document.createElement("small");
      ticks.className = "ticks";
      // The page carries each status word in the reader's language (data-status-read…).
      var word = chat.getAttribute("data-status-" + String(entry.status).toLowerCase());
      ticks.textContent = word || entry.status;
      item.appendChild(ticks);
    }
    return item;
  }

  function refresh() {
    if (!customer()) {
      return;
    }
    fetch("/simulator/api/phone/chat?customer=" + encodeURIComponent(customer()),
      {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (entries) {
        chat.replaceChildren.apply(chat, entries.map(bubble));
      });
  }

  compose.addEventListener("submit", function (event) {
    event.preventDefault();
    var field = compose.elements.text;
    if (!field.value.trim()) {
      return;
    }
    send({text: field.value}).then(function () { field.value = ""; });
  });
  document.getElementById("phone-picture").addEventListener("click", function () {
    send({text: compose.elements.text.value, image: true});
  });
  settings.elements.customer.addEventListener("change", refresh);
  refresh();
  window.setInterval(refresh, 1500);
})();
