// WCAG 2.1.1 (Keyboard): at 40em and narrower a table wider than the screen scrolls inside
// its own box (portique.css, "Reflow"). A keyboard can scroll a box only once the box can take
// focus, and a table of plain text has nothing else that can. Each table that overflows is
// made focusable (one Tab stop, then the arrow keys scroll it) and stops being so when it
// fits again: no extra Tab stop on a wide screen. Without JavaScript the table still scrolls
// by touch, mouse and trackpad.
(function () {
  "use strict";

  function update() {
    document.querySelectorAll("table").forEach(function (table) {
      var overflows = table.scrollWidth > table.clientWidth + 1;
      if (overflows && !table.hasAttribute("tabindex")) {
        table.setAttribute("tabindex", "0");
        table.setAttribute("data-scroll-focus", "");
      } else if (!overflows && table.hasAttribute("data-scroll-focus")) {
        table.removeAttribute("tabindex");
        table.removeAttribute("data-scroll-focus");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", update);
  window.addEventListener("resize", update);
})();
