// WCAG 2.1.1 (Keyboard): at 40em and narrower a table wider than the screen scrolls inside
// its own box (portique.css, "Reflow"). A keyboard can scroll a box only once the box can take
// focus, and a table of plain text has nothing else that can. Each table that overflows is
// made focusable (one Tab stop, then the arrow keys scroll it) and stops being so when it
// fits again: no extra Tab stop on a wide screen. The same holds for a ".table-scroll" box,
// which scrolls a wide table at any width. Each box is watched for changes of size,
// not only the window: a table in a closed <details> has no width until it is opened.
// Without JavaScript the table still scrolls by touch, mouse and trackpad.
(function () {
  "use strict";

  function fit(box) {
    var overflows = box.scrollWidth > box.clientWidth + 1;
    if (overflows && !box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("data-scroll-focus", "");
    } else if (!overflows && box.hasAttribute("data-scroll-focus")) {
      box.removeAttribute("tabindex");
      box.removeAttribute("data-scroll-focus");
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var boxes = document.querySelectorAll("table, .table-scroll");
    if ("ResizeObserver" in window) {
      var observer = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) { fit(entry.target); });
      });
      boxes.forEach(function (box) { observer.observe(box); });
    } else {
      boxes.forEach(fit);
      window.addEventListener("resize", function () { boxes.forEach(fit); });
    }
  });
})();
