// The entry page: ask before leaving it with typing that is not saved yet, and keep the Save
// button from sending the page twice on a slow connection.
(function () {
  "use strict";
  const form = document.getElementById("form-isian");
  if (!form) {
    return;
  }
  let belumDisimpan = false;
  form.addEventListener("input", function (event) {
    if (event.target.form === form) {
      belumDisimpan = true;
    }
  });
  form.addEventListener("submit", function () {
    belumDisimpan = false;
    const tombol = document.getElementById("tombol-simpan");
    if (tombol) {
      tombol.disabled = true;
      tombol.textContent = "Menyimpan…";
    }
  });
  window.addEventListener("beforeunload", function (event) {
    if (belumDisimpan) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  window.addEventListener("pageshow", function () {
    const tombol = document.getElementById("tombol-simpan");
    if (tombol) {
      tombol.disabled = false;
      tombol.textContent = "Simpan";
    }
  });
})();
