// The entry page:
// - ask before leaving it with typing that is not saved yet, and keep the Save button from
//   sending the page twice on a slow connection;
// - send only the rows that changed: a row whose inputs all hold the values the page showed is
//   disabled on submit, so the browser leaves it out and the server leaves it as stored (a large
//   page would otherwise exceed the server's limit on fields). Rows the server marks
//   data-belum-tersimpan (shown again after a refused save) are always sent;
// - keep a draft of the typing in sessionStorage (key: the form's data-draf), per row with the
//   fingerprint (asal) the row was shown with. On load, the typing of rows whose fingerprint is
//   unchanged is put back where it differs from the page (after a save refused as too large, a
//   reload or a click away); rows saved since, by anyone, have a new fingerprint and their draft
//   is dropped. Without JavaScript the page works as a plain form.
(function () {
  "use strict";
  const form = document.getElementById("form-isian");
  if (!form) {
    return;
  }
  const KOLOM = /^([ra]\d+)-(.+)$/;
  const TETAP = ["versi", "asal"]; // sent with a row, never typed
  const kunciDraf = form.dataset.draf;
  let belumDisimpan = false;
  let diketik = false;
  let dipulihkan = []; // [{el, semula}] put back from the draft, for "Buang pulihan"

  function kolom(el) {
    const cocok = KOLOM.exec(el.name || "");
    return cocok ? { prefix: cocok[1], nama: cocok[2] } : null;
  }

  function elemenBaris(prefix) {
    return form.querySelectorAll('[name^="' + prefix + '-"]');
  }

  function semuaBaris() {
    const baris = new Map();
    for (const el of form.elements) {
      const k = kolom(el);
      if (k) {
        if (!baris.has(k.prefix)) {
          baris.set(k.prefix, []);
        }
        baris.get(k.prefix).push(el);
      }
    }
    return baris;
  }

  function nilaiAwal(el) {
    if (el.tagName === "SELECT") {
      const pilihan = Array.from(el.options).find((o) => o.defaultSelected) || el.options[0];
      return pilihan ? pilihan.value : "";
    }
    return el.defaultValue;
  }

  function rapi(teks) {
    return String(teks).replace(/\r\n/g, "\n").trim();
  }

  function berubah(el) {
    return el.value !== nilaiAwal(el);
  }

  function asal(prefix) {
    const el = form.elements.namedItem(prefix + "-asal");
    return el ? el.value : null;
  }

  // --- the draft ---------------------------------------------------------------------------

  function bacaDraf() {
    try {
      return JSON.parse(sessionStorage.getItem(kunciDraf)) || {};
    } catch (e) {
      return {};
    }
  }

  function tulisDraf(draf) {
    try {
      if (Object.keys(draf).length) {
        sessionStorage.setItem(kunciDraf, JSON.stringify(draf));
      } else {
        sessionStorage.removeItem(kunciDraf);
      }
    } catch (e) {
      // Storage full or refused: the warning before leaving the page still applies.
    }
  }

  const menunggu = new Set(); // rows typed in since the draft was last written
  let pewaktu = null;

  function catatSemua() {
    window.clearTimeout(pewaktu);
    pewaktu = null;
    if (!menunggu.size || !kunciDraf) {
      return;
    }
    const draf = bacaDraf();
    for (const prefix of menunggu) {
      const nilai = {};
      for (const el of elemenBaris(prefix)) {
        const k = kolom(el);
        if (!TETAP.includes(k.nama)) {
          nilai[k.nama] = el.value;
        }
      }
      draf[prefix] = { asal: asal(prefix), nilai: nilai };
    }
    menunggu.clear();
    tulisDraf(draf);
  }

  function catat(el) {
    const k = kolom(el);
    if (!k || el.form !== form) {
      return;
    }
    belumDisimpan = diketik = true;
    menunggu.add(k.prefix);
    window.clearTimeout(pewaktu);
    pewaktu = window.setTimeout(catatSemua, 300);
  }

  form.addEventListener("input", (event) => catat(event.target));
  form.addEventListener("change", (event) => catat(event.target));
  window.addEventListener("pagehide", catatSemua);

  function pratinjau(prefix) {
    // The server's live preview (htmx) of an indicator row, as after typing in it.
    const pemicu = document.querySelector("#baris-" + prefix.slice(1) + " [hx-post]");
    if (pemicu && window.htmx) {
      window.htmx.trigger(pemicu, "change");
    }
  }

  function pulihkan() {
    const draf = bacaDraf();
    const baris = new Set();
    let diubah = false;
    for (const [prefix, isi] of Object.entries(draf)) {
      if (!isi || asal(prefix) !== isi.asal) {
        delete draf[prefix]; // saved since (by anyone), or no longer on this page
        diubah = true;
        continue;
      }
      for (const [nama, nilai] of Object.entries(isi.nilai || {})) {
        const el = form.elements.namedItem(prefix + "-" + nama);
        if (!el || el.disabled || rapi(el.value) === rapi(nilai)) {
          continue;
        }
        dipulihkan.push({ el: el, semula: el.value });
        el.value = nilai;
        el.classList.add("dipulihkan");
        baris.add(prefix);
      }
    }
    if (diubah) {
      tulisDraf(draf);
    }
    if (!dipulihkan.length) {
      return;
    }
    belumDisimpan = true;
    const kabar = document.getElementById("pulihan");
    if (kabar) {
      document.getElementById("jumlah-pulihan").textContent = String(dipulihkan.length);
      kabar.hidden = false;
    }
    for (const el of new Set(dipulihkan.map((p) => p.el))) {
      const detail = el.closest("details");
      if (detail) {
        detail.open = true;
      }
    }
    baris.forEach((prefix) => prefix.startsWith("r") && pratinjau(prefix));
  }

  function buangPulihan() {
    const draf = bacaDraf();
    const baris = new Set();
    for (const p of dipulihkan) {
      p.el.value = p.semula;
      p.el.classList.remove("dipulihkan");
      const k = kolom(p.el);
      baris.add(k.prefix);
      delete draf[k.prefix];
    }
    dipulihkan = [];
    tulisDraf(draf);
    belumDisimpan = diketik;
    document.getElementById("pulihan").hidden = true;
    baris.forEach((prefix) => prefix.startsWith("r") && pratinjau(prefix));
  }

  const tombolBuang = document.getElementById("buang-pulihan");
  if (tombolBuang) {
    tombolBuang.addEventListener("click", buangPulihan);
  }

  // --- saving ------------------------------------------------------------------------------

  form.addEventListener("submit", function () {
    catatSemua();
    belumDisimpan = false;
    const selalu = new Set(
      Array.from(form.querySelectorAll("[data-belum-tersimpan]"), (el) => el.dataset.baris),
    );
    for (const [prefix, daftar] of semuaBaris()) {
      if (!selalu.has(prefix) && !daftar.some(berubah)) {
        for (const el of daftar) {
          el.disabled = true;
          el.dataset.tidakDikirim = "";
        }
      }
    }
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
    // Back to this page from the browser's history: everything usable again.
    for (const el of form.querySelectorAll("[data-tidak-dikirim]")) {
      el.disabled = false;
      delete el.dataset.tidakDikirim;
    }
    const tombol = document.getElementById("tombol-simpan");
    if (tombol) {
      tombol.disabled = false;
      tombol.textContent = "Simpan";
    }
  });

  function mulai() {
    pulihkan();
    // A refused save shows the typing again: it is unsaved typing, kept like any other.
    for (const el of form.querySelectorAll("[data-belum-tersimpan]")) {
      menunggu.add(el.dataset.baris);
      belumDisimpan = true;
    }
    catatSemua();
  }

  // After htmx has set up the page (its own DOMContentLoaded handler runs first).
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => window.setTimeout(mulai, 0));
  } else {
    window.setTimeout(mulai, 0);
  }
})();
