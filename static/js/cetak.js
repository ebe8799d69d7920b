// The page of a print: once the PDF is ready (the status swapped in by htmx), download it once.
(function () {
  "use strict";
  let diunduh = false;
  function unduhBilaSiap() {
    const tautan = document.querySelector("[data-unduh-otomatis]");
    if (tautan && !diunduh) {
      diunduh = true;
      window.location.assign(tautan.href);
    }
  }
  document.addEventListener("htmx:afterSwap", unduhBilaSiap);
})();
