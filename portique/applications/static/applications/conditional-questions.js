// Show a question only when the answer it depends on calls for it.
// Without this script every question is shown, each with a hint saying when it applies;
// the rules ignore the answers to questions that do not apply.
(function () {
  "use strict";

  function scopeOf(element) {
    // A repeating section's rows each hold their own answers.
    return element.closest(".row-group") || element.closest("form");
  }

  function controlling(scope, code) {
    return Array.prototype.filter.call(scope.querySelectorAll("input, select, textarea"), function (input) {
      return input.name === code || input.name.slice(-(code.length + 1)) === "-" + code;
    });
  }

  function currentValue(inputs) {
    for (var i = 0; i < inputs.length; i += 1) {
      var input = inputs[i];
      if (input.type === "radio" || input.type === "checkbox") {
        if (input.checked) { return input.value; }
      } else {
        return input.value;
      }
    }
    return "";
  }

  function update(form) {
    form.querySelectorAll("[data-when-field]").forEach(function (field) {
      var inputs = controlling(scopeOf(field), field.getAttribute("data-when-field"));
      var values = field.getAttribute("data-when-values").split(",");
      var applies = values.indexOf(currentValue(inputs)) !== -1;
      // A hidden question is also taken out of the form, so it is neither read nor sent.
      field.hidden = !applies;
      field.querySelectorAll("input, select, textarea").forEach(function (input) { input.disabled = !applies; });
    });
  }

  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector("[data-when-field]")) { return; }
    form.addEventListener("change", function () { update(form); });
    update(form);
  });
})();
