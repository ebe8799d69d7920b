"""Every page a demo user can reach, walked in a real browser as a new user would: following the
links of each page from the home page, for each demo role. No page may show English words,
internal field names, or an error; the dashboards of the demo agencies show their figures.

Downloads (PDF, XLSX, evidence files), the Admin site (Django's own pages) and logging out are
not followed; POST-only actions are not links."""

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest

from .conftest import simpan_gambar

PERAN = ["operator_belitung", "operator_batubara", "verifikator", "admin"]
HALAMAN_PER_PERAN = 70

# Words a Django default, a template slip or an untranslated library puts on a page; matched as
# whole words in the page's visible text (not in what users typed into inputs).
INGGRIS = re.compile(
    r"\b(the|and|None|True|False|Save|Submit|Cancel|Delete|Search|Error|Invalid|required|Loading|"
    r"Page not found|Forbidden|Bad Request|Server Error|Choose|Select|Previous|Next|Yes)\b"
)
# An internal name: snake_case words such as `tujuan_id` or `cara_tahunan`.
NAMA_INTERNAL = re.compile(r"\b[a-z]{2,}_[a-z_]{2,}\b")
# A date written any other way than "7 Desember 2026" (and a moment "… pukul 09.59"): digits with
# dashes or slashes, or a month shortened.
TANGGAL_LAIN = re.compile(
    r"\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b|\b\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Agt|Sep|Okt|Nov|Des)\b(?!\w)"
)
LEWATI = re.compile(r"^/(admin/|keluar/|static/|media/|data-dukung/|predikat\.css|laporan/huruf/)|\.(pdf|xlsx|zip)$")


def _teks_tampak(halaman):
    """The text a person reads on the page: the body's, without scripts, styles and the contents
    of inputs."""
    return halaman.evaluate(
        """() => {
            const salinan = document.body.cloneNode(true);
            salinan.querySelectorAll('script, style, noscript, textarea, select, input').forEach(e => e.remove());
            return salinan.innerText;
        }"""
    )


def _tautan(halaman, asal):
    hrefs = halaman.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    for href in hrefs:
        if not href or href.startswith(("#", "mailto:", "javascript:")):
            continue
        url, _ = urldefrag(href if "://" in href else f"{asal}{href if href.startswith('/') else '/' + href}")
        bagian = urlsplit(url)
        if f"{bagian.scheme}://{bagian.netloc}" != asal or LEWATI.search(bagian.path):
            continue
        yield url


def _jelajah(halaman, asal, batas):
    """BFS from the home page: {url: (status, text)} of up to `batas` pages."""
    dilihat, antre, hasil = set(), deque([f"{asal}/"]), {}
    while antre and len(hasil) < batas:
        url = antre.popleft()
        if url in dilihat:
            continue
        dilihat.add(url)
        respons = halaman.goto(url)
        hasil[url] = (respons.status if respons else None, _teks_tampak(halaman))
        for lanjut in _tautan(halaman, asal):
            if lanjut not in dilihat:
                antre.append(lanjut)
    return hasil


@pytest.mark.parametrize("peran", PERAN)
def test_every_page_a_demo_user_reaches_is_indonesian_and_names_nothing_internal(demo, masuk, live_server, peran):
    halaman = masuk(peran)
    hasil = _jelajah(halaman, live_server.url, HALAMAN_PER_PERAN)

    assert len(hasil) > 10, list(hasil)
    salah = []
    for url, (status, teks) in hasil.items():
        jalur = urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else "")
        if status != 200:
            salah.append(f"{jalur}: HTTP {status}")
        for m in INGGRIS.finditer(teks):
            salah.append(
                f"{jalur}: bahasa Inggris {m.group()!r} dalam …{teks[max(0, m.start() - 40) : m.end() + 40]!r}"
            )
        for m in NAMA_INTERNAL.finditer(teks):
            salah.append(f"{jalur}: nama internal {m.group()!r} dalam …{teks[max(0, m.start() - 40) : m.end() + 40]!r}")
        for m in TANGGAL_LAIN.finditer(teks):
            salah.append(f"{jalur}: tanggal {m.group()!r} dalam …{teks[max(0, m.start() - 40) : m.end() + 40]!r}")
    simpan_gambar(halaman, f"jelajah-{peran}")
    assert salah == [], f"{len(salah)} masalah di {len(hasil)} halaman:\n" + "\n".join(salah[:40])


@pytest.mark.parametrize(
    ("kode", "tahun", "berangka"),
    [
        # Belitung 2024: realisations, budgets and spending from its LKjIP; every card has a figure.
        ("DSPPPA-BELITUNG", 2024, ["Rata-rata capaian", "Pagu", "Realisasi", "Serapan"]),
        # Batu Bara: a Renstra matrix with pagu per year, nothing reported yet.
        ("DSPPPA-BATUBARA", 2026, ["Pagu"]),
    ],
)
def test_an_agency_dashboard_shows_a_figure_wherever_its_reports_have_one(
    demo, masuk, live_server, kode, tahun, berangka
):
    halaman = masuk("verifikator")
    halaman.goto(f"{live_server.url}/dasbor/{kode}/{tahun}/")

    kartu = {
        k.locator(".angka-label").inner_text(): k.locator(".angka-nilai").inner_text()
        for k in halaman.locator(".kartu.angka").all()
    }
    simpan_gambar(halaman, f"jelajah-dasbor-{kode.lower()}-{tahun}")
    kosong = [label for label, nilai in kartu.items() if nilai.strip() == "–" and label.startswith(tuple(berangka))]
    assert kartu and kosong == [], kartu


def test_a_mistyped_address_under_make_run_gets_the_indonesian_page(demo, masuk, live_server, settings):
    """`make run` serves with DEBUG on; a visitor still sees the site's own 404, not Django's list
    of every URL (kinerja/galat.py)."""
    settings.DEBUG = True
    halaman = masuk("operator_belitung")

    respons = halaman.goto(f"{live_server.url}/realisasi/tidak-ada/")

    assert respons.status == 404
    teks = _teks_tampak(halaman)
    assert "Using the URLconf" not in teks and "Page not found" not in teks
    assert "Halaman atau data yang Anda cari tidak ada" in teks, teks[:300]
    simpan_gambar(halaman, "jelajah-404-debug")
