/* Warns a signed-in person before the idle timeout and lets them stay signed in.
   Loaded with the page's CSP nonce; without JavaScript the server still signs the
   person out after the idle time and says so on the sign-in page. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch || !window.HTMLDialogElement) { return; }
  var data = script.dataset;
  var warningSeconds = parseInt(data.warningSeconds, 10);
  var timer = null;
  var endTimer = null;
  var dialog = null;

  function csrfToken() {
    var input = document.querySelector("#sign-out-form input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function schedule(secondsLeft) {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, Math.max(0, secondsLeft - warningSeconds) * 1000);
  }

  function expire() { window.location.reload(); }

  function check() {
    fetch(data.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (!status.authenticated) { expire(); return; }
        // Another tab may have kept the session alive.
        if (status.seconds_left > warningSeconds + 5) { schedule(status.seconds_left); return; }
        warn(status.seconds_left);
      })
      .catch(function () { warn(warningSeconds); });
  }

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "idle-dialog";
    dialog.setAttribute("aria-labelledby", "idle-dialog-title");
    dialog.setAttribute("aria-describedby", "idle-dialog-text");
    var title = document.createElement("h2");
    title.id = "idle-dialog-title";
    title.textContent = data.title;
    var text = document.createElement("p");
    text.id = "idle-dialog-text";
    text.textContent = data.text;
    var stay = document.createElement("button");
    stay.type = "button";
    stay.className = "button";
    stay.textContent = data.stay;
    stay.addEventListener("click", keepAlive);
    var leave = document.createElement("button");
    leave.type = "button";
    leave.className = "button button-secondary";
    leave.textContent = data.signOut;
    leave.addEventListener("click", function () { document.getElementById("sign-out-form").submit(); });
    var actions = document.createElement("div");
    actions.className = "button-group";
    actions.appendChild(stay);
    actions.appendChild(leave);
    dialog.appendChild(title);
    dialog.appendChild(text);
    dialog.appendChild(actions);
    // Escape closes the dialog: that is activity too.
    dialog.addEventListener("cancel", function (event) { event.preventDefault(); keepAlive(); });
    document.body.appendChild(dialog);
  }

  function warn(secondsLeft) {
    if (!dialog) { build(); }
    if (!dialog.open) { dialog.showModal(); }
    window.clearTimeout(endTimer);
    endTimer = window.setTimeout(expire, (secondsLeft + 1) * 1000);
  }

  function keepAlive() {
    fetch(data.keepaliveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" }
    })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (!status.authenticated) { expire(); return; }
        window.clearTimeout(endTimer);
        if (dialog && dialog.open) { dialog.close(); }
        schedule(status.seconds_left);
      })
      .catch(expire);
  }

  schedule(parseInt(data.idleSeconds, 10));
})();
