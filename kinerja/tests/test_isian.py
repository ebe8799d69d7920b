"""The quarterly entry page: saving Indonesian numbers, all or nothing, two people on one
quarter, and the live preview. Numbers are the Belitung LKjIP 2024's (seed 003)."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja import services
from kinerja.models import Realisasi, RealisasiAnggaran
from renstra.tests.factories import IndikatorFactory, TargetFactory

from .factories import RealisasiFactory, operator
from .halaman import a, buka, isian_awal, n

pytestmark = pytest.mark.django_db
D = Decimal
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def test_operator_saves_indonesian_numbers_and_sees_capaian_predikat_and_serapan(client, dinas):
    """Tabel 3.17: 8.126 of 8.324 PMKS = 97,62% → 98,82 of 98,79; Layanan Kedaruratan spent
    Rp 36.116.500 of 36.350.862 = 99,36%."""
    data = buka(client, dinas)
    data |= {
        n(dinas.darurat): "12",
        n(dinas.rumus, "pembilang"): "8.126",
        n(dinas.rumus, "penyebut"): "8.324",
        n(dinas.ape, "tingkat"): str(dinas.tingkat["Pratama"].pk),
        a(dinas.sub): "36.116.500",
    }
    respons = client.post(dinas.url, data, follow=True)

    assert "Tersimpan: 3 realisasi indikator dan 1 realisasi keuangan." in respons.content.decode()
    rumus = Realisasi.objects.get(indikator=dinas.rumus, tahun=2024, triwulan=4)
    assert (rumus.pembilang, rumus.penyebut, rumus.nilai) == (D(8126), D(8324), None)
    assert rumus.diubah_oleh == dinas.operator and rumus.versi == 1 and not rumus.terlambat
    assert RealisasiAnggaran.objects.get(sub_kegiatan=dinas.sub).nilai == 36_116_500
    halaman = respons.context["halaman"]
    per_indikator = {b.indikator: b.kinerja for b in halaman.baris}
    assert per_indikator[dinas.rumus].hasil.nilai.quantize(D("0.01")) == D("98.82")
    assert per_indikator[dinas.ape].hasil.nilai == 100
    assert halaman.anggaran[0].serapan.quantize(D("0.01")) == D("99.36")
    html = respons.content.decode()
    for tertulis in ("97,62", "98,82%", "99,36%", "Rp 36.116.500", 'value="8.126"'):
        assert tertulis in html


def test_a_row_with_an_error_keeps_everything_typed_and_nothing_is_saved(client, dinas):
    data = buka(client, dinas)
    data |= {
        n(dinas.darurat): "12",
        n(dinas.rumus, "pembilang"): "8.126",
        n(dinas.rumus, "penyebut"): "",
        a(dinas.sub): "36.116.500",
    }
    respons = client.post(dinas.url, data)

    assert respons.status_code == 400
    html = respons.content.decode()
    assert "Belum tersimpan: 1 baris perlu diperbaiki" in html
    assert f"Indikator “{dinas.rumus}”" in html
    assert "Jumlah PMKS: Isi pembilang dan penyebut bersama-sama." in html
    for diketik in ('value="12"', 'value="8.126"', 'value="36.116.500"'):
        assert diketik in html
    assert not Realisasi.objects.exists()
    assert not RealisasiAnggaran.objects.exists()
    # The figures follow what was typed, as the live preview showed them.
    halaman = respons.context["halaman"]
    darurat = next(b for b in halaman.baris if b.indikator == dinas.darurat)
    assert (darurat.kinerja.nilai_tahunan, darurat.kinerja.hasil.nilai) == (12, 100)
    assert halaman.anggaran[0].serapan.quantize(D("0.01")) == D("99.36")
    assert f'<td id="capaian-{dinas.darurat.pk}" class="angka">100,00%</td>' in html
    assert f'<td id="capaian-{dinas.rumus.pk}" class="angka">–</td>' in html


@pytest.mark.parametrize(
    ("diketik", "pesan"),
    [
        ("1.2,5", '"1.2,5" bukan angka'),
        ("0,12345", "Paling banyak 4 angka di belakang koma."),
        ("123.456.789.012", "Angka terlalu besar: paling banyak 11 digit sebelum koma."),
    ],
)
def test_every_error_names_the_indicator_and_the_field(client, dinas, diketik, pesan):
    data = buka(client, dinas) | {n(dinas.darurat): diketik}
    html = client.post(dinas.url, data).content.decode()
    assert f"Indikator “{dinas.darurat}”</a> — Realisasi: {pesan}" in html.replace("&quot;", '"')


def test_rupiah_are_whole_and_formula_components_may_be_rupiah(client, dinas):
    """The ARG of PUG divides rupiah: 527.091.670.494 / 1.194.818.506.736 (seed 003)."""
    data = buka(client, dinas) | {a(dinas.sub): "36.116.500,50"}
    assert "Rupiah ditulis tanpa sen, mis. 5.419.900." in client.post(dinas.url, data).content.decode()
    data |= {
        a(dinas.sub): "",
        n(dinas.rumus, "pembilang"): "527.091.670.494",
        n(dinas.rumus, "penyebut"): "1.194.818.506.736",
    }
    assert client.post(dinas.url, data).status_code == 302
    r = Realisasi.objects.get(indikator=dinas.rumus)
    assert (r.pembilang, r.penyebut) == (D(527_091_670_494), D(1_194_818_506_736))


def test_a_save_that_fails_in_the_database_halfway_writes_nothing(client, dinas, monkeypatch):
    data = buka(client, dinas) | {n(dinas.darurat): "12", n(dinas.rumus, "pembilang"): "1",
                                  n(dinas.rumus, "penyebut"): "2", a(dinas.sub): "1.000"}  # fmt: skip
    asli, simpanan = services._simpan, []

    def gagal_di_baris_kedua(obj, user, alasan=None, **lain):
        if simpanan:
            raise services.ValidationError(f"{obj}: disk penuh")
        asli(obj, user, alasan, **lain)
        simpanan.append(obj)

    monkeypatch.setattr(services, "_simpan", gagal_di_baris_kedua)
    respons = client.post(dinas.url, data)

    assert respons.status_code == 400
    assert "disk penuh" in respons.content.decode()
    assert len(simpanan) == 1  # the first row was written, then rolled back
    assert not Realisasi.objects.exists()
    assert not Realisasi.history.exists()
    assert not RealisasiAnggaran.objects.exists()
    assert 'value="1.000"' in respons.content.decode()


def test_unchanged_rows_are_not_written_again(client, dinas):
    RealisasiFactory(indikator=dinas.darurat, tahun=2024, triwulan=4, nilai=D(7))
    data = buka(client, dinas)
    assert data[n(dinas.darurat)] == "7"
    respons = client.post(dinas.url, data, follow=True)
    assert "Tidak ada yang berubah." in respons.content.decode()
    assert Realisasi.history.filter(indikator_id=dinas.darurat.pk).count() == 1


def test_a_value_typed_over_an_imported_dash_is_no_longer_printed_as_dash(client, dinas):
    anak = IndikatorFactory(sub_kegiatan=dinas.sub, uraian="Jumlah anak terlantar yang dilayani", satuan="Orang")
    TargetFactory(indikator=anak, nilai=D(10))
    RealisasiFactory(indikator=dinas.darurat, tahun=2024, triwulan=4, nilai=D(0), tertulis_strip=True)
    RealisasiFactory(indikator=anak, tahun=2024, triwulan=4, nilai=D(0), tertulis_strip=True)
    data = buka(client, dinas)
    data[n(dinas.darurat)] = "5"
    data[n(anak)] = "0"  # typed again as it was: the workbook's "-" stays

    client.post(dinas.url, data, follow=True)

    assert Realisasi.objects.get(indikator=dinas.darurat, triwulan=4).tertulis_strip is False
    assert Realisasi.objects.get(indikator=anak, triwulan=4).tertulis_strip is True


# --- two people, one quarter ----------------------------------------------------------------


def test_a_concurrent_save_is_refused_naming_the_row_and_showing_both_values(client, dinas, django_user_model):
    from django.test import Client

    rekan = operator(opd=dinas.opd, first_name="Budi")
    lain = Client()
    halaman_rina = buka(client, dinas)
    halaman_budi = buka(lain, dinas, rekan)

    assert lain.post(dinas.url, halaman_budi | {n(dinas.darurat): "10"}).status_code == 302
    respons = client.post(dinas.url, halaman_rina | {n(dinas.darurat): "11", a(dinas.sub): "5.000"})

    assert respons.status_code == 409
    bentrok = respons.context["bentrok"]
    assert [(b.label, b.nilai_anda, b.nilai_tersimpan, b.diubah_oleh) for b in bentrok] == [
        (str(dinas.darurat), "11", "10", rekan)
    ]
    html = respons.content.decode()
    assert "1 baris telah diubah orang lain" in html
    assert f"<td>{dinas.darurat}</td><td>11</td><td>10</td><td>{rekan}" in html
    assert Realisasi.objects.get(indikator=dinas.darurat).nilai == 10
    assert not RealisasiAnggaran.objects.exists()  # the rest of the page is not saved either
    assert 'value="11"' in html and 'value="5.000"' in html

    # Saving the shown page once more keeps Rina's values, knowingly.
    assert client.post(dinas.url, isian_awal(respons)).status_code == 302
    r = Realisasi.objects.get(indikator=dinas.darurat)
    assert (r.nilai, r.versi, r.diubah_oleh) == (D(11), 2, dinas.operator)
    assert RealisasiAnggaran.objects.get().nilai == 5000


def test_saves_of_different_rows_by_two_people_do_not_conflict(client, dinas):
    from django.test import Client

    lain = Client()
    halaman_rina, halaman_budi = buka(client, dinas), buka(lain, dinas, operator(opd=dinas.opd))
    assert lain.post(dinas.url, halaman_budi | {n(dinas.darurat): "10"}).status_code == 302
    assert client.post(dinas.url, halaman_rina | {a(dinas.sub): "5.000"}).status_code == 302
    assert Realisasi.objects.get().nilai == 10
    assert RealisasiAnggaran.objects.get().nilai == 5000


def test_uploading_evidence_before_saving_the_typed_value_is_not_a_conflict(client, dinas):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = buka(client, dinas)
    berkas = SimpleUploadedFile("daftar-penerima.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    url_unggah = reverse("kinerja:unggah", args=[2024, 4, dinas.darurat.pk])
    assert client.post(url_unggah, {"berkas": berkas}, headers={"HX-Request": "true"}).status_code == 200
    assert Realisasi.objects.get(indikator=dinas.darurat).versi == 0
    assert client.post(dinas.url, data | {n(dinas.darurat): "12"}).status_code == 302
    r = Realisasi.objects.get(indikator=dinas.darurat)
    assert (r.nilai, r.versi, r.data_dukung.count()) == (D(12), 1, 1)


# --- live preview ---------------------------------------------------------------------------


def test_preview_computes_the_row_as_typed_without_saving(client, dinas):
    client.force_login(dinas.operator)
    url = reverse("kinerja:pratinjau", args=[2024, 4, dinas.rumus.pk])
    html = client.post(url, {n(dinas.rumus, "pembilang"): "8.126", n(dinas.rumus, "penyebut"): "8.324"}).content
    html = html.decode()
    assert f'<td id="sd-{dinas.rumus.pk}" class="angka" hx-swap-oob="true">97,62</td>' in html
    assert f'<td id="capaian-{dinas.rumus.pk}" class="angka" hx-swap-oob="true">98,82%</td>' in html
    assert "Sangat baik" in html
    assert not Realisasi.objects.exists()


def test_preview_of_a_wrong_number_explains_it_next_to_the_input(client, dinas):
    client.force_login(dinas.operator)
    url = reverse("kinerja:pratinjau", args=[2024, 4, dinas.darurat.pk])
    html = client.post(url, {n(dinas.darurat): "1.2,5"}).content.decode().replace("&quot;", '"')
    assert f'id="galat-{dinas.darurat.pk}"' in html
    assert '"1.2,5" bukan angka' in html
    assert f'<td id="capaian-{dinas.darurat.pk}" class="angka" hx-swap-oob="true">–</td>' in html


# --- what the page shows --------------------------------------------------------------------


def test_earlier_quarters_and_the_value_so_far_are_shown(client, dinas):
    for tw, nilai in ((1, 3), (2, 4), (3, 2)):
        RealisasiFactory(indikator=dinas.darurat, tahun=2024, triwulan=tw, nilai=D(nilai))
    client.force_login(dinas.operator)
    respons = client.post(
        reverse("kinerja:pratinjau", args=[2024, 4, dinas.darurat.pk]), {n(dinas.darurat): "3"}
    ).content.decode()
    assert f'<td id="sd-{dinas.darurat.pk}" class="angka" hx-swap-oob="true">12</td>' in respons
    html = client.get(dinas.url).content.decode()
    assert '<th scope="col" class="angka">TW III</th>' in html
    assert html.count('<td class="angka">3</td>') >= 1 and '<td class="angka">4</td>' in html


def test_entry_page_defaults_to_the_quarter_being_reported(client, dinas, time_machine):
    time_machine.move_to(datetime.datetime(2025, 1, 10, 9, 0, tzinfo=WIB), tick=False)
    client.force_login(dinas.operator)
    assert client.get(reverse("kinerja:isian_sekarang")).url == "/realisasi/2024/tw-4/"
    time_machine.move_to(datetime.datetime(2025, 1, 16, 9, 0, tzinfo=WIB), tick=False)
    client.force_login(dinas.operator)  # six days later the session has expired
    assert client.get(reverse("kinerja:isian_sekarang")).url == "/realisasi/2025/tw-1/"
    assert client.get(reverse("kinerja:isian_sekarang"), {"tahun": "2026", "triwulan": "2"}).url == (
        "/realisasi/2026/tw-2/"
    )


def test_predikat_colours_are_a_stylesheet_with_readable_text(client):
    css = client.get(reverse("kinerja:gaya_predikat")).content.decode()
    assert '.predikat[data-warna="#' in css
    assert "color: #ffffff" in css or "color: #000000" in css


# --- cost -----------------------------------------------------------------------------------


def _jumlah_query_halaman(client, opd, tahun, triwulan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(operator(opd=opd))
    with CaptureQueriesContext(connection) as q:
        respons = client.get(reverse("kinerja:isian", args=[tahun, triwulan]))
    assert respons.status_code == 200
    return len(q), respons


def test_the_entry_page_costs_a_fixed_number_of_queries_with_300_indicators(client, settings):
    from kinerja.sintetis import buat_opd_sintetis

    settings.KINERJA_ISIAN_BARIS_PER_HALAMAN = 1000  # one page of every row (test_isian_bagian: parts)
    kecil = buat_opd_sintetis("KECIL", "Dinas Sosial Kecil", seed=2, program=1, kegiatan=1, sub_kegiatan=2)
    besar = buat_opd_sintetis("BESAR", "Dinas Sosial Besar", seed=2, program=5, kegiatan=6, sub_kegiatan=10)
    q_kecil, _ = _jumlah_query_halaman(client, kecil, 2025, 3)
    q_besar, respons = _jumlah_query_halaman(client, besar, 2025, 3)
    halaman = respons.context["halaman"]
    assert len(halaman.baris) == 1 + 5 + 300
    assert len(halaman.anggaran) == 300
    # 3 of them renew the session (SESSION_SAVE_EVERY_REQUEST); 1 reads the quarter's follow-up items (the
    # discussion's notes are a second one once the unit has a submission row: kinerja/diskusi.py)
    assert q_kecil == q_besar == 22


# --- history --------------------------------------------------------------------------------


def test_an_indicators_history_tells_who_changed_what_from_which_value(client, dinas):
    from django.test import Client

    data = buka(client, dinas)
    client.post(dinas.url, data | {n(dinas.darurat): "10", n(dinas.darurat, "keterangan"): "Data Januari."})
    lain = Client()
    budi = operator(opd=dinas.opd, first_name="Budi")
    lain.post(dinas.url, buka(lain, dinas, budi) | {n(dinas.darurat): "12"})

    respons = client.get(reverse("kinerja:riwayat", args=[dinas.darurat.pk]))
    peristiwa = respons.context["peristiwa"]
    realisasi = [p for p in peristiwa if p.objek == "Realisasi 2024 triwulan 4"]
    assert [(p.pengguna, p.aksi) for p in realisasi] == [(budi, "mengubah"), (dinas.operator, "mengisi")]
    assert [(c.field, c.lama, c.baru) for c in realisasi[0].perubahan] == [("nilai", "10", "12")]
    assert ("keterangan", "–", "Data Januari.") in [(c.field, c.lama, c.baru) for c in realisasi[1].perubahan]
    assert any(p.objek == "Target Renstra 2024" for p in peristiwa)
    html = respons.content.decode()
    assert "<del>10</del> → <ins>12</ins>" in html and "Budi" in html


def test_a_bidang_operator_sees_and_saves_only_their_bidangs_rows(client, dinas):
    from renstra.tests.factories import BidangFactory, IndikatorFactory, SubKegiatanFactory

    rehsos = BidangFactory(opd=dinas.opd, nama="Rehabilitasi Sosial")
    dinas.sub.kegiatan.bidang = rehsos
    dinas.sub.kegiatan.save()
    lain = IndikatorFactory(sub_kegiatan=SubKegiatanFactory(kegiatan__program=dinas.sub.kegiatan.program))
    petugas = operator(opd=dinas.opd, bidang=rehsos)
    client.force_login(petugas)
    respons = client.get(dinas.url)
    assert {b.indikator for b in respons.context["halaman"].baris} == {dinas.darurat, dinas.rumus, dinas.ape}
    assert "hanya indikator Rehabilitasi Sosial" in respons.content.decode()

    data = isian_awal(respons) | {n(dinas.darurat): "12", n(lain): "99"}
    assert client.post(dinas.url, data).status_code == 302
    assert list(Realisasi.objects.values_list("indikator_id", flat=True)) == [dinas.darurat.pk]


def test_evidence_uploads_and_removals_are_in_the_history(client, dinas, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(dinas.operator)
    berkas = SimpleUploadedFile("daftar-penerima.pdf", b"%PDF-1.4\n%%EOF\n")
    client.post(reverse("kinerja:unggah", args=[2024, 4, dinas.darurat.pk]), {"berkas": berkas})
    data_dukung = Realisasi.objects.get(indikator=dinas.darurat).data_dukung.get()
    assert data_dukung.berkas.storage.exists(data_dukung.berkas.name)
    with django_capture_on_commit_callbacks(execute=True):  # the file goes once the removal commits
        client.post(reverse("kinerja:hapus_data_dukung", args=[data_dukung.pk]))
    assert not data_dukung.berkas.storage.exists(data_dukung.berkas.name)

    peristiwa = client.get(reverse("kinerja:riwayat", args=[dinas.darurat.pk])).context["peristiwa"]
    assert [(p.aksi, p.objek, p.pengguna) for p in peristiwa if "data dukung" in p.objek] == [
        ("menghapus", "Realisasi 2024 triwulan 4: data dukung “daftar-penerima.pdf”", dinas.operator),
        ("mengunggah", "Realisasi 2024 triwulan 4: data dukung “daftar-penerima.pdf”", dinas.operator),
    ]
    assert not any(p.objek == "Realisasi 2024 triwulan 4" for p in peristiwa)  # the empty holder row


def test_the_save_service_refuses_rows_outside_the_users_page(dinas):
    from kinerja.models import Pelaporan
    from renstra.tests.factories import IndikatorFactory

    lain = IndikatorFactory()
    baris = [services.IsianBaris(indikator=lain, data={"nilai": D(5)}, versi=0, diubah=True)]
    pelaporan = Pelaporan(opd=dinas.opd, tahun=2024, triwulan=4)
    with pytest.raises(services.PermissionDenied, match="bukan bagian isian Anda"):
        services.simpan_isian(
            user=dinas.operator, pelaporan=pelaporan, baris=baris, anggaran=[], boleh_diubah={dinas.darurat.pk}
        )
    assert not Realisasi.objects.exists()


def test_the_year_list_holds_every_renstra_year_and_this_one(client, dinas):
    from renstra.tests.factories import RenstraFactory

    RenstraFactory(opd=dinas.opd, tahun_awal=2019, tahun_akhir=2023)
    client.force_login(dinas.operator)
    assert client.get(dinas.url).context["pilihan_tahun"] == list(range(2019, 2027))
    assert client.get(reverse("kinerja:isian", args=[2030, 1])).context["pilihan_tahun"] == [
        *range(2019, 2027),
        2030,
    ]


def test_saving_again_after_a_conflict_keeps_the_other_persons_rows_you_did_not_touch(client, dinas):
    from django.test import Client

    lain = Client()
    halaman_rina = buka(client, dinas)
    halaman_budi = buka(lain, dinas, operator(opd=dinas.opd, first_name="Budi"))
    budi = {n(dinas.darurat): "10", a(dinas.sub): "7.000", n(dinas.rumus, "keterangan"): "Menunggu data Dukcapil."}
    assert lain.post(dinas.url, halaman_budi | budi).status_code == 302

    respons = client.post(dinas.url, halaman_rina | {n(dinas.darurat): "11"})
    assert respons.status_code == 409
    html = respons.content.decode()
    assert 'value="7.000"' in html and "Menunggu data Dukcapil." in html  # Budi's rows, as stored now

    assert client.post(dinas.url, isian_awal(respons)).status_code == 302
    assert Realisasi.objects.get(indikator=dinas.darurat).nilai == 11
    assert Realisasi.objects.get(indikator=dinas.rumus).keterangan == "Menunggu data Dukcapil."
    assert RealisasiAnggaran.objects.get().nilai == 7000


def test_narrative_sent_back_with_browser_line_breaks_is_not_a_change(client, dinas):
    RealisasiFactory(indikator=dinas.darurat, tahun=2024, triwulan=4, nilai=D(7),
                     permasalahan="Data Januari belum masuk.\nMenunggu laporan kecamatan. ")  # fmt: skip
    data = buka(client, dinas)
    data[n(dinas.darurat, "permasalahan")] = "Data Januari belum masuk.\r\nMenunggu laporan kecamatan."
    assert "Tidak ada yang berubah." in client.post(dinas.url, data, follow=True).content.decode()
    data[n(dinas.darurat, "permasalahan")] = "Data Januari sudah masuk.\r\nSelesai.  "
    client.post(dinas.url, data)
    assert Realisasi.objects.get(indikator=dinas.darurat).permasalahan == "Data Januari sudah masuk.\nSelesai."


def test_a_new_row_saved_by_someone_else_in_the_same_instant_is_refused_not_a_crash(client, dinas, monkeypatch):
    data = buka(client, dinas) | {n(dinas.darurat): "12", a(dinas.sub): "1.000"}
    asli = services._simpan

    def bersamaan(obj, user, alasan=None, **lain):
        if isinstance(obj, Realisasi) and obj.pk is None:  # the other insert lands between check and save
            Realisasi.objects.create(indikator=obj.indikator, tahun=obj.tahun, triwulan=obj.triwulan, nilai=9)
        asli(obj, user, alasan, **lain)

    monkeypatch.setattr(services, "_simpan", bersamaan)
    monkeypatch.setattr(Realisasi, "validate_unique", lambda self, exclude=None: None)
    monkeypatch.setattr(Realisasi, "validate_constraints", lambda self, exclude=None: None)
    respons = client.post(dinas.url, data)
    assert respons.status_code == 409
    assert "pada saat yang sama" in respons.content.decode()
    assert not RealisasiAnggaran.objects.exists()
    assert 'value="12"' in respons.content.decode()


def _jumlah_query_simpan(client, opd, tahun, triwulan):
    """Queries of saving `opd`'s quarter with every indicator and sub kegiatan changed, and the
    number of rows it then holds."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .halaman import isian_awal

    client.force_login(operator(opd=opd))
    url = reverse("kinerja:isian", args=[tahun, triwulan])
    respons = client.get(url)
    halaman = respons.context["halaman"]
    data = isian_awal(respons)
    for b in halaman.baris:
        if n(b.indikator) in data:
            data[n(b.indikator)] = "7"
    for x in halaman.anggaran:
        data[a(x.sub_kegiatan)] = "1.000"
    with CaptureQueriesContext(connection) as q:
        respons = client.post(url, data)
    assert respons.status_code == 302
    baris = Realisasi.objects.filter(indikator__renstra__opd=opd, tahun=tahun, triwulan=triwulan).count()
    baris += RealisasiAnggaran.objects.filter(
        sub_kegiatan__kegiatan__program__renstra__opd=opd, tahun=tahun, triwulan=triwulan
    ).count()
    return len(q), baris


def test_saving_a_quarter_costs_two_queries_a_row_its_write_and_its_history(client):
    from kinerja.sintetis import buat_opd_sintetis

    kecil = buat_opd_sintetis("KECIL", "Dinas Sosial Kecil", seed=2, program=1, kegiatan=1, sub_kegiatan=2)
    besar = buat_opd_sintetis("BESAR", "Dinas Sosial Besar", seed=2, program=2, kegiatan=3, sub_kegiatan=4)
    q_kecil, baris_kecil = _jumlah_query_simpan(client, kecil, 2025, 4)
    q_besar, baris_besar = _jumlah_query_simpan(client, besar, 2025, 4)
    assert baris_besar - baris_kecil > 20
    assert (q_besar - q_kecil) / (baris_besar - baris_kecil) == 2
    assert q_kecil == 43
