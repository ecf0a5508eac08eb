// The flow editor: a variable chip puts "{variable}" where the cursor is in the text last
// focused, and the text's preview follows (htmx listens to the input event).
(function () {
  "use strict";

  var chips = document.getElementById("variable-chips");
  if (!chips) {
    return;
  }
  var texts = document.getElementById("flow-texts");
  var last = null;
  texts.addEventListener("focusin", function (event) {
    if (event.target.tagName === "TEXTAREA") {
      last = event.target;
    }
  });
  chips.addEventListener("click", function (event) {
    var chip = event.target.closest("button[data-variable]");
    if (!chip) {
      return;
    }
    var field = last || texts.querySelector("textarea");
    if (!field) {
      return;
    }
    var variable = chip.getAttribute("data-variable");
    var start = field.selectionStart;
    var end = field.selectionEnd;
    field.value = field.value.slice(0, start) + variable + field.value.slice(end);
    field.focus();
    field.setSelectionRange(start + variable.length, start + variable.length);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
})();
