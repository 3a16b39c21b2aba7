// A page of a document that the server will not preview (a file too long, too large or
// broken: it answers 422) replaces the document's pages with the plain message, so the
// officer is not left with broken images. Without script the images' text says which page
// each is, and the download link stays.
(function () {
  "use strict";
  document.addEventListener(
    "error",
    function (event) {
      var image = event.target;
      if (!(image instanceof HTMLImageElement)) return;
      var pages = image.closest(".document-pages");
      var section = pages && pages.closest(".document");
      if (!section) return;
      var message = document.createElement("p");
      message.className = "preview-refused";
      message.textContent = section.getAttribute("data-refused");
      pages.replaceWith(message);
    },
    true
  );
})();
