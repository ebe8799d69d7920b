"""What an admin sees before approving an import, in a real browser: each value that changes with
its old and new value, each new object by name, the bidang a title names written another way
(read as the existing one) or with a typo (a new bidang, reported next to the existing one), and
in the list what became of each upload (superseded, nothing to change). The story of DSPPPA
Belitung's evaluation workbook, after which a second, near-duplicate bidang appeared in the
report filters."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from playwright.sync_api import expect

from kinerja import rules
from kinerja.selectors import URUTAN_TARGET
from kinerja.tests.seed_xlsx import baris_matriks_renstra, tulis_xlsx
from renstra.models import Bidang, Indikator, Kegiatan, PerangkatDaerah

from .conftest import simpan_gambar

BELITUNG = "DSPPPA-BELITUNG"
BATU_BARA = "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Batu Bara"
KEPALA = [
    [
        "No",
        "Kodrek",
        "Program/Kegiatan",
        "Indikator",
        "Satuan",
        "Target",
        "TW 1",
        "",
        "TW 2",
        "",
        "TW 3",
        "",
        "TW 4",
        "",
    ],
    ["", "", "", "", "", "", "Realisasi", "%", "Realisasi", "%", "Realisasi", "%", "Realisasi", "%"],
]


def _indikator(kode):
    """An indicator of a Belitung sub kegiatan (2024–2026), its 2024 target in force and realisations."""
    ind = Indikator.objects.get(sub_kegiatan__kode=kode, renstra__opd__kode=BELITUNG, renstra__tahun_awal=2024)
    target = sorted(ind.target.filter(tahun=2024, triwulan=None), key=lambda t: URUTAN_TARGET.index(t.jenis))[0]
    realisasi = {r.triwulan: r.nilai for r in ind.realisasi.filter(tahun=2024)}
    return ind, target.nilai, realisasi


def _angka(d):
    return "-" if d is None else rules.format_angka(d, desimal=None)


def _jenis(halaman, nama):
    """The named changes of one kind of data on the preview page."""
    judul = halaman.locator("summary strong").filter(has_text=re.compile(f"^{nama}$"))
    return halaman.locator("details.rincian-jenis").filter(has=judul)


def evaluasi_belitung(path):
    """Two bidang tables: the first titled as the agency's bidang but with a stop at the end, one
    realisation changed (TW II of Penjangkauan Anak-Anak Terlantar) and a new sub kegiatan; the
    second titled with a typo ("Pemberdayan"), with a new sub kegiatan."""
    anak, target_anak, tw = _indikator("1.06.05.2.01.0001")
    assert tw[2] == 7
    kegiatan = Kegiatan.objects.get(kode="1.06.02.2.03", program__renstra=anak.renstra).uraian
    baris_anak = [_angka(tw.get(t)) if t != 2 else "9" for t in (1, 2, 3, 4)]
    return tulis_xlsx(
        path,
        {
            "Evaluasi": [
                ["EVALUASI KINERJA BIDANG REHABILITASI DAN PERLINDUNGAN JAMINAN SOSIAL."],
                ["TAHUN 2024"],
                *KEPALA,
                ["", "", "<b>PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL</b>"],
                ["A", "1.06.05.2.01", "Kegiatan : Pemeliharaan Anak-Anak Terlantar"],
                ["1", "1.06.05.2.01.0001", "Sub Kegiatan : Penjangkauan Anak-Anak Terlantar", anak.uraian, anak.satuan,
                 _angka(target_anak), baris_anak[0], "", baris_anak[1], "", baris_anak[2], "", baris_anak[3], ""],
                ["2", "1.06.05.2.01.0003", "Sub Kegiatan : Pemantauan Anak-Anak Terlantar",
                 "Jumlah anak terlantar yang terpantau", "Orang", "20", "4", "", "6"],
                [],
                ["BIDANG : PEMBERDAYAN SOSIAL DAN PENANGANAN FAKIR MISKIN"],
                *KEPALA,
                ["", "", "<b>PROGRAM PEMBERDAYAAN SOSIAL</b>"],
                ["A", "1.06.02.2.03", f"Kegiatan : {kegiatan}"],
                ["1", "1.06.02.2.03.0001", "Sub Kegiatan : Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat",
                 "Jumlah Pekerja Sosial Masyarakat yang meningkat kapasitasnya", "Orang", "30", "10", "", "30"],
            ]
        },
    )  # fmt: skip


def _ke_atas(halaman, unsur):
    """Scroll a part of the page to the top of the screen, for a screenshot of what follows it."""
    unsur.evaluate("u => u.scrollIntoView({block: 'start'})")


def _unggah(halaman, url, format, opd, tahun, berkas):
    halaman.goto(f"{url}/impor/")
    halaman.get_by_label("Format tabel").select_option(format)
    halaman.get_by_label("Perangkat daerah").select_option(label=opd)
    halaman.get_by_label("Tahun").fill(str(tahun))
    halaman.get_by_label("Berkas .xlsx").set_input_files(str(berkas))
    halaman.get_by_role("button", name="Periksa berkas").click()
    halaman.wait_for_load_state()


@pytest.fixture
def belitung(demo, tmp_path):
    """The agency's name and its workbook, read from the demo before the browser opens."""
    return PerangkatDaerah.objects.get(kode=BELITUNG).nama, evaluasi_belitung(tmp_path / "evaluasi-belitung-2024.xlsx")


def _baca(fungsi):
    """An ORM read while the browser is open, in a thread of its own whose connection is closed
    after (as e2e/test_isian_besar.py does): one opened inside Playwright's event loop would
    outlive the test database."""

    def jalan():
        try:
            return fungsi()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(1) as pelaksana:
        return pelaksana.submit(jalan).result()


def test_the_preview_shows_each_change_and_the_bidang_it_would_duplicate(belitung, masuk, live_server, tmp_path):
    opd, berkas = belitung
    halaman = masuk("admin")

    _unggah(halaman, live_server.url, "evaluasi-triwulan", opd, 2024, berkas)

    expect(halaman.get_by_text("Berkas dapat diimpor.")).to_be_visible()
    # each change with its old and new value, in the kind it belongs to
    realisasi = _jenis(halaman, "Realisasi")
    expect(realisasi.locator("summary")).to_contain_text("1 akan diubah")
    baris = realisasi.locator("tr").filter(has_text='Realisasi TW II "Jumlah anak-anak terlantar')
    expect(baris).to_contain_text("(1.06.05.2.01.0001)")
    expect(baris.locator("td.nilai-lama")).to_have_text("7")
    expect(baris.locator("td.nilai-baru")).to_have_text("9")
    # each new object by name
    sub = _jenis(halaman, "Sub kegiatan")
    expect(sub).to_contain_text("1.06.05.2.01.0003 Pemantauan Anak-Anak Terlantar")
    bidang = _jenis(halaman, "Bidang")
    expect(bidang).to_contain_text("Bidang Pemberdayan Sosial dan Penanganan Fakir Miskin")
    # the title with a stop is the existing bidang; the one with a typo is said to be close to one
    masalah = halaman.locator("table.tabel-masalah")
    expect(masalah).to_contain_text(
        'Bidang "REHABILITASI DAN PERLINDUNGAN JAMINAN SOSIAL." pada berkas dibaca sebagai bidang yang ada '
        '"Bidang Rehabilitasi dan Perlindungan Jaminan Sosial"'
    )
    expect(masalah).to_contain_text(
        'Bidang baru "Bidang Pemberdayan Sosial dan Penanganan Fakir Miskin" mirip bidang yang ada '
        '"Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin"'
    )
    expect(halaman.get_by_role("button", name="Setujui dan impor")).to_be_visible()
    _ke_atas(halaman, halaman.get_by_role("heading", name="Galat dan peringatan"))
    simpan_gambar(halaman, "impor-pratinjau")
    simpan_gambar(halaman, "impor-pratinjau-penuh", penuh=True)

    # a second check of the same file, approved: the first preview is superseded
    pertama = halaman.url
    _unggah(halaman, live_server.url, "evaluasi-triwulan", opd, 2024, berkas)
    halaman.get_by_role("button", name="Setujui dan impor").click()
    expect(halaman.get_by_text("Sudah diimpor")).to_be_visible()
    expect(halaman.get_by_role("heading", name="Yang disimpan")).to_be_visible()
    # the one with the typo, as the preview said
    assert _baca(lambda: Bidang.objects.filter(opd__kode=BELITUNG).count()) == 6

    halaman.goto(pertama)
    expect(halaman.get_by_text("Usang: sudah ada impor yang lebih baru.")).to_be_visible()
    expect(halaman.get_by_role("button", name="Setujui dan impor")).to_have_count(0)
    expect(halaman.get_by_role("button", name="Periksa berkas ini lagi")).to_be_visible()
    simpan_gambar(halaman, "impor-usang")

    # the same file once more: nothing to change
    _unggah(halaman, live_server.url, "evaluasi-triwulan", opd, 2024, berkas)
    expect(halaman.get_by_text("Tidak ada yang berubah.")).to_be_visible()
    expect(halaman.get_by_role("button", name="Setujui dan impor")).to_have_count(0)

    # the raw Batu Bara matrix: refused, row by row (README: impor-galat.png)
    mentah = tulis_xlsx(tmp_path / "matriks-batubara.xlsx", {"Tabel 4.1": baris_matriks_renstra()})
    _unggah(halaman, live_server.url, "matriks-renstra", BATU_BARA, 2025, mentah)
    expect(halaman.get_by_text(re.compile(r"Berkas belum dapat diimpor: \d+ galat\."))).to_be_visible()
    simpan_gambar(halaman, "impor-galat")

    halaman.goto(f"{live_server.url}/impor/")
    daftar = halaman.locator("table.tabel tbody tr")
    expect(daftar).to_have_count(4)
    expect(daftar.nth(0)).to_contain_text("Ada galat")
    expect(daftar.nth(1)).to_contain_text("Tidak ada perubahan")
    expect(daftar.nth(2)).to_contain_text("Sudah diimpor")
    expect(daftar.nth(3)).to_contain_text("Usang: sudah ada impor yang lebih baru")
    _ke_atas(halaman, halaman.get_by_role("heading", name="Templat"))
    simpan_gambar(halaman, "impor")
