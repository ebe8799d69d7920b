"""The entry page of a large unit, split into parts (tujuan/sasaran, then one per program) that
are shown and saved on their own; rows a browser does not send are left as stored; a save over
the form limits is refused with an Indonesian page that leads back to the typing."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.models import Realisasi, RealisasiAnggaran
from kinerja.sintetis import buat_opd_sintetis
from renstra.models import Indikator, Program, SubKegiatan

from .factories import RealisasiFactory, operator
from .halaman import a, buka, isian_awal, n

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def terbagi(settings):
    """An agency of 10 indicators (1 of its sasaran, one per program, one per sub kegiatan) in
    three programs of two sub kegiatan each, split at 5 rows; 2026 has no realisation yet."""
    settings.KINERJA_ISIAN_BARIS_PER_HALAMAN = 5
    opd = buat_opd_sintetis("BAGI", "Dinas Sosial Terbagi", seed=2, program=3, kegiatan=1, sub_kegiatan=2)
    SubKegiatan.objects.filter(kegiatan__program__renstra__opd=opd).update(refocusing=False)
    program = list(Program.objects.filter(renstra__opd=opd).order_by("kode"))
    indikator = Indikator.objects.filter(renstra__opd=opd)
    return SimpleNamespace(
        opd=opd,
        operator=operator(opd=opd),
        url=reverse("kinerja:isian", args=[2026, 1]),
        program=program,
        sasaran=indikator.get(sasaran__isnull=False),
        # Each program's indicators: its own, then its sub kegiatan's by code.
        per_program=[
            [
                indikator.get(program=p),
                *indikator.filter(sub_kegiatan__kegiatan__program=p).order_by("sub_kegiatan__kode"),
            ]
            for p in program
        ],
        sub=[list(SubKegiatan.objects.filter(kegiatan__program=p).order_by("kode")) for p in program],
    )


def _buka(client, terbagi, **kueri):
    client.force_login(terbagi.operator)
    respons = client.get(terbagi.url, kueri)
    assert respons.status_code == 200
    return respons


def _isi(indikator, nilai=5, **lain):
    return RealisasiFactory(indikator=indikator, tahun=2026, triwulan=1, nilai=nilai, **lain)


# --- which part, which rows --------------------------------------------------------------


def test_a_large_unit_is_split_into_tujuan_sasaran_and_one_part_per_program(client, terbagi):
    respons = _buka(client, terbagi)
    halaman = respons.context["halaman"]
    assert [(b.kunci, b.kode, b.judul, b.terisi, b.jumlah) for b in halaman.bagian] == [
        ("sasaran", "", "Indikator tujuan dan sasaran", 0, 1),
        *((str(p.pk), p.kode, p.uraian, 0, 3) for p in terbagi.program),
    ]
    assert halaman.bagian_ini.kunci == "sasaran"  # the first part with rows still empty
    assert [b.indikator for b in halaman.baris] == [terbagi.sasaran]
    assert halaman.anggaran == []
    html = respons.content.decode()
    assert 'aria-label="Bagian isian"' in html
    assert '<a href="?bagian=sasaran" aria-current="page">' in html
    assert f'<a href="?bagian={terbagi.program[2].pk}">' in html
    assert f"{terbagi.program[2].kode}</span>" in html
    assert f'action="{terbagi.url}?bagian=sasaran"' in html


def test_a_part_holds_its_programs_own_kegiatan_and_sub_kegiatan_rows_and_spending(client, terbagi):
    program = terbagi.program[1]
    halaman = _buka(client, terbagi, bagian=program.pk).context["halaman"]
    assert halaman.bagian_ini.kunci == str(program.pk)
    assert [b.indikator for b in halaman.baris] == terbagi.per_program[1]
    assert [x.sub_kegiatan for x in halaman.anggaran] == terbagi.sub[1]
    assert [blok.simpul for blok in halaman.program] == [program]
    assert halaman.strategis == []


def test_the_default_part_is_the_first_with_rows_still_empty_and_counts_cover_the_unit(client, terbagi):
    _isi(terbagi.sasaran)
    _isi(terbagi.per_program[0][0])
    _isi(terbagi.per_program[0][1], nilai=None, keterangan="Kegiatan dibatalkan.")  # explained: reported
    _isi(terbagi.per_program[0][2])
    _isi(terbagi.per_program[1][0], nilai=None)  # a row without value or explanation is not reported
    respons = _buka(client, terbagi)
    halaman = respons.context["halaman"]
    assert halaman.bagian_ini.kunci == str(terbagi.program[1].pk)
    assert [(b.terisi, b.jumlah) for b in halaman.bagian] == [(1, 1), (3, 3), (0, 3), (0, 3)]
    assert (halaman.terisi, halaman.jumlah) == (4, 10)
    html = respons.content.decode()
    assert "Terisi</span> 4 dari 10 indikator" in html
    # The rows not reported link to their part, or within the page for the part shown.
    lain = terbagi.per_program[2][1]
    assert f'<a href="?bagian={terbagi.program[2].pk}#baris-{lain.pk}">{lain.uraian}</a>' in html
    ini = terbagi.per_program[1][0]
    assert f'<a href="#baris-{ini.pk}">{ini.uraian}</a>' in html

    for i in [terbagi.sasaran, *(i for daftar in terbagi.per_program for i in daftar)]:
        Realisasi.objects.update_or_create(indikator=i, tahun=2026, triwulan=1, defaults={"nilai": D(1)})
    assert _buka(client, terbagi).context["halaman"].bagian_ini.kunci == "sasaran"  # all reported: the first


def test_a_unit_within_the_limit_is_one_page_as_before(client, terbagi, settings):
    settings.KINERJA_ISIAN_BARIS_PER_HALAMAN = 10
    respons = _buka(client, terbagi, bagian="sasaran")
    halaman = respons.context["halaman"]
    assert halaman.bagian == [] and halaman.bagian_ini is None
    assert len(halaman.baris) == 10 and len(halaman.anggaran) == 6
    html = respons.content.decode()
    assert 'aria-label="Bagian isian"' not in html
    assert f'action="{terbagi.url}"' in html


def test_an_unknown_part_is_not_found(client, terbagi):
    client.force_login(terbagi.operator)
    assert client.get(terbagi.url, {"bagian": "999999"}).status_code == 404
    assert client.post(f"{terbagi.url}?bagian=999999", {}).status_code == 404


def test_a_part_page_costs_a_fixed_number_of_queries_whatever_the_unit(client, settings, django_assert_max_num_queries):
    """One query more than a one-page unit (22, test_isian): the unit's counts."""
    settings.KINERJA_ISIAN_BARIS_PER_HALAMAN = 20
    kecil = buat_opd_sintetis("KECIL", "Dinas Sosial Kecil", seed=2, program=2, kegiatan=2, sub_kegiatan=5)
    besar = buat_opd_sintetis("BESAR", "Dinas Sosial Besar", seed=2, program=10, kegiatan=5, sub_kegiatan=8,
                              indikator_tambahan=189)  # fmt: skip
    url = reverse("kinerja:isian", args=[2025, 3])
    for opd, jumlah in ((kecil, 23), (besar, 600)):
        client.force_login(operator(opd=opd))
        program = Program.objects.filter(renstra__opd=opd).order_by("kode").last()
        with django_assert_max_num_queries(23):
            respons = client.get(url, {"bagian": program.pk})
        halaman = respons.context["halaman"]
        assert halaman.jumlah + sum(i.dipotong_refocusing for i in Indikator.objects.filter(renstra__opd=opd)) == (
            jumlah
        )
        assert {b.indikator.pk for b in halaman.baris} == {
            u.indikator.pk for u in halaman.unit if u.bagian == str(program.pk)
        }


# --- saving a part ------------------------------------------------------------------------


def test_saving_a_part_leaves_the_other_parts_untouched(client, terbagi):
    lain = terbagi.per_program[2][1]
    _isi(lain, nilai=7, keterangan="Tersimpan sebelumnya.")
    anggaran_lain = RealisasiAnggaran.objects.create(sub_kegiatan=terbagi.sub[2][0], tahun=2026, triwulan=1, nilai=9)
    program = terbagi.program[0]
    data = isian_awal(_buka(client, terbagi, bagian=program.pk))
    data |= {n(terbagi.per_program[0][1]): "12", a(terbagi.sub[0][0]): "1.000.000"}
    # Fields of another part's rows, forged or from an old page, are not the part's: ignored.
    data |= {f"r{lain.pk}-versi": "1", f"r{lain.pk}-asal": "", n(lain): "", n(lain, "keterangan"): ""}
    data |= {f"a{terbagi.sub[2][0].pk}-versi": "1", f"a{terbagi.sub[2][0].pk}-asal": "", a(terbagi.sub[2][0]): ""}

    respons = client.post(f"{terbagi.url}?bagian={program.pk}", data)

    assert respons.status_code == 302
    assert respons.url == f"{terbagi.url}?bagian={program.pk}"
    assert Realisasi.objects.get(indikator=terbagi.per_program[0][1], tahun=2026, triwulan=1).nilai == 12
    assert RealisasiAnggaran.objects.get(sub_kegiatan=terbagi.sub[0][0], tahun=2026).nilai == 1_000_000
    r = Realisasi.objects.get(indikator=lain, tahun=2026, triwulan=1)
    assert (r.nilai, r.keterangan, r.versi) == (7, "Tersimpan sebelumnya.", 1)
    assert RealisasiAnggaran.objects.get(pk=anggaran_lain.pk).versi == anggaran_lain.versi
    assert RealisasiAnggaran.objects.get(pk=anggaran_lain.pk).nilai == 9
    assert Realisasi.objects.filter(tahun=2026).count() == 2


def test_preview_upload_and_removal_find_a_row_of_any_part(client, terbagi):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(terbagi.operator)
    baris = terbagi.per_program[2][2]  # on the last part, not the default one
    html = client.post(reverse("kinerja:pratinjau", args=[2026, 1, baris.pk]), {n(baris): "3"}).content.decode()
    assert f'<td id="sd-{baris.pk}" class="angka" hx-swap-oob="true">3</td>' in html
    berkas = SimpleUploadedFile("daftar.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    respons = client.post(reverse("kinerja:unggah", args=[2026, 1, baris.pk]), {"berkas": berkas})
    assert respons.url == f"{terbagi.url}?bagian={terbagi.program[2].pk}#baris-{baris.pk}"
    data_dukung = Realisasi.objects.get(indikator=baris, tahun=2026).data_dukung.get()
    respons = client.post(reverse("kinerja:hapus_data_dukung", args=[data_dukung.pk]))
    assert respons.url == f"{terbagi.url}?bagian={terbagi.program[2].pk}#baris-{baris.pk}"
    assert not Realisasi.objects.get(indikator=baris, tahun=2026).data_dukung.exists()


# --- rows not sent ------------------------------------------------------------------------


def _baris(data, prefix):
    return {k: v for k, v in data.items() if k.startswith(f"{prefix}-")}


def test_rows_a_browser_does_not_send_are_left_as_stored_and_not_checked(client, dinas):
    """With JavaScript the browser sends only the changed rows (static/js/isian.js)."""
    RealisasiFactory(indikator=dinas.rumus, tahun=2024, triwulan=4, nilai=None, pembilang=8126, penyebut=8324,
                     keterangan="Data Dukcapil.")  # fmt: skip
    semua = buka(client, dinas)
    data = _baris(semua, f"r{dinas.darurat.pk}") | {n(dinas.darurat): "1.2,5"}

    respons = client.post(dinas.url, data)

    assert respons.status_code == 400
    assert [baris.indikator for baris, _ in respons.context["galat"]] == [dinas.darurat]
    html = respons.content.decode()
    assert 'value="1.2,5"' in html
    assert 'value="8.126"' in html and "Data Dukcapil." in html  # not sent: shown as stored
    assert f'data-baris="r{dinas.darurat.pk}" data-belum-tersimpan' in html
    assert f'data-baris="r{dinas.rumus.pk}" hx-params' in html

    data[n(dinas.darurat)] = "12"
    respons = client.post(dinas.url, data, follow=True)
    assert "Tersimpan: 1 realisasi indikator dan 0 realisasi keuangan." in respons.content.decode()
    r = Realisasi.objects.get(indikator=dinas.rumus)
    assert (r.pembilang, r.penyebut, r.keterangan, r.versi) == (8126, 8324, "Data Dukcapil.", 1)
    assert Realisasi.objects.get(indikator=dinas.darurat).nilai == 12


def test_a_save_that_sends_no_row_changes_nothing(client, dinas):
    RealisasiFactory(indikator=dinas.darurat, tahun=2024, triwulan=4, nilai=D(7))
    client.force_login(dinas.operator)
    respons = client.post(dinas.url, {}, follow=True)
    assert "Tidak ada yang berubah." in respons.content.decode()
    assert Realisasi.objects.get(indikator=dinas.darurat).nilai == 7
    assert Realisasi.history.count() == 1


def test_rows_shown_again_after_a_refused_save_are_marked_to_be_sent_again(client, dinas):
    """The page shows the typed values as its own: the browser must send them again even when
    they are not touched since, or they would never be saved."""
    data = buka(client, dinas) | {n(dinas.darurat): "12", a(dinas.sub): "5.000", n(dinas.rumus, "pembilang"): "3"}
    html = client.post(dinas.url, data).content.decode()
    for prefix in (f"r{dinas.darurat.pk}", f"a{dinas.sub.pk}", f"r{dinas.rumus.pk}"):
        assert f'data-baris="{prefix}" data-belum-tersimpan' in html
    assert f'data-baris="r{dinas.ape.pk}" hx-params' in html  # sent unchanged: equal to the store


# --- a save over the form limits -----------------------------------------------------------


def _klien_csrf(user, url):
    """A client whose CSRF check runs as in a browser: it reads the form before any view."""
    klien = Client(enforce_csrf_checks=True)
    klien.force_login(user)
    klien.get(url)
    return klien, klien.cookies["csrftoken"].value


def test_a_save_with_more_fields_than_the_limit_gets_an_indonesian_page_back_to_the_part(client, terbagi, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    program = terbagi.program[1]
    url = f"{terbagi.url}?bagian={program.pk}"
    klien, token = _klien_csrf(terbagi.operator, url)
    data = {"csrfmiddlewaretoken": token, **{f"r{i}-keterangan": "Catatan" for i in range(20)}}

    respons = klien.post(url, data)

    assert respons.status_code == 413
    html = respons.content.decode()
    assert "Isian belum tersimpan: kiriman terlalu besar" in html
    assert "Tidak ada yang disimpan." in html
    assert "lebih dari 10 kolom isian sekaligus" in html
    assert "masih disimpan di peramban ini" in html
    assert f'<a class="tombol" href="{url}">Kembali ke halaman isian</a>' in html
    assert not Realisasi.objects.filter(tahun=2026).exists()


def test_a_save_larger_than_the_limit_gets_the_same_page(client, dinas, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    klien, token = _klien_csrf(dinas.operator, dinas.url)
    data = buka(client, dinas) | {"csrfmiddlewaretoken": token, n(dinas.darurat, "permasalahan"): "x" * 1_100_000}
    respons = klien.post(dinas.url, data)
    assert respons.status_code == 413
    html = respons.content.decode()
    assert "lebih dari 1 MB sekaligus" in html
    assert f'href="{dinas.url}">Kembali ke halaman isian</a>' in html
    assert not Realisasi.objects.exists()


def test_other_bad_requests_get_an_indonesian_page(client, dinas, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    url = reverse("kinerja:ajukan", args=[2024, 4])
    klien, token = _klien_csrf(dinas.operator, dinas.url)
    respons = klien.post(url, {"csrfmiddlewaretoken": token, **{f"x{i}": "1" for i in range(20)}})
    assert respons.status_code == 400
    html = respons.content.decode()
    assert "Permintaan tidak dapat diproses" in html
    assert "tidak ada yang disimpan atau diubah" in html


def test_a_conflict_on_a_row_sent_alone_keeps_it_and_shows_the_others_as_stored(client, dinas):
    lain = Client()
    halaman_rina = buka(client, dinas)
    halaman_budi = buka(lain, dinas, operator(opd=dinas.opd, first_name="Budi"))
    budi = {n(dinas.darurat): "10", n(dinas.rumus, "keterangan"): "Menunggu data Dukcapil."}
    assert lain.post(dinas.url, halaman_budi | budi).status_code == 302

    respons = client.post(dinas.url, _baris(halaman_rina, f"r{dinas.darurat.pk}") | {n(dinas.darurat): "11"})

    assert respons.status_code == 409
    html = respons.content.decode()
    assert 'value="11"' in html and "Menunggu data Dukcapil." in html
    assert f'data-baris="r{dinas.darurat.pk}" data-belum-tersimpan' in html
    assert f'data-baris="r{dinas.rumus.pk}" hx-params' in html  # Budi's, as stored: not sent again
    data = _baris(isian_awal(respons), f"r{dinas.darurat.pk}")
    assert client.post(dinas.url, data).status_code == 302
    assert Realisasi.objects.get(indikator=dinas.darurat).nilai == 11
    assert Realisasi.objects.get(indikator=dinas.rumus).keterangan == "Menunggu data Dukcapil."
