"""The offline round trip of the entry page (issue 18, item 7): the quarter's workbook downloaded
from the entry page, filled offline with a spreadsheet program, and brought back through the
import preview, with the entry page's rules: its validation, its conflicts, its lock."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.importers import isian_triwulan
from kinerja.importers.hasil import Hasil
from kinerja.models import Impor, Pelaporan, Realisasi, RealisasiAnggaran
from renstra.models import Indikator
from renstra.tests.factories import BidangFactory, IndikatorFactory, SubKegiatanFactory, TargetFactory

from .factories import PelaporanFactory, RealisasiFactory, operator
from .halaman import buka, n

pytestmark = pytest.mark.django_db
D = Decimal
URL_UNDUH = reverse("kinerja:unduh_isian", args=[2024, 4])


def unduh(client, user, url=URL_UNDUH):
    client.force_login(user)
    respons = client.get(url)
    assert respons.status_code == 200, respons.content[:300]
    assert respons["Content-Type"].startswith("application/vnd.openxmlformats")
    return respons.content


def _kolom(ws):
    return {c.value: c.column for c in ws[isian_triwulan.BARIS_KEPALA] if c.value}


def baris_kunci(ws):
    """Key ("I12", "A3") → row number of the sheet Isian."""
    return {
        ws.cell(row=r, column=1).value: r
        for r in range(isian_triwulan.BARIS_KEPALA + 1, ws.max_row + 1)
        if ws.cell(row=r, column=1).value
    }


def isi(berkas, ubah):
    """Fill the workbook as an operator would: {key: {header: value}}."""
    buku = load_workbook(BytesIO(berkas))
    ws = buku["Isian"]
    kolom, baris = _kolom(ws), baris_kunci(ws)
    for kunci, nilai in ubah.items():
        for judul, v in nilai.items():
            ws.cell(row=baris[kunci], column=kolom[judul], value=v)
    keluaran = BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def unggah(client, opd, berkas, tahun=2024, nama="isian.xlsx"):
    f = SimpleUploadedFile(nama, berkas)
    respons = client.post(
        reverse("kinerja:impor_daftar"), {"format": isian_triwulan.FORMAT, "opd": opd.pk, "tahun": tahun, "berkas": f}
    )
    assert respons.status_code == 302, respons.content.decode()[:2000]
    return Impor.objects.order_by("-pk").first()


def setujui(client, impor):
    client.post(reverse("kinerja:impor_simpan", args=[impor.pk]))
    impor.refresh_from_db()
    return impor


def galat(impor):
    return list(Hasil.dari_dict(impor.hasil).galat)


def test_the_workbook_holds_the_units_rows_with_hidden_keys_and_only_the_entry_cells_unlocked(client, dinas):
    RealisasiFactory(indikator=dinas.darurat, tahun=2024, triwulan=1, nilai=D(3))
    buku = load_workbook(BytesIO(unduh(client, dinas.operator)))
    ws = buku["Isian"]
    kolom, baris = _kolom(ws), baris_kunci(ws)
    assert set(baris) == {f"I{dinas.darurat.pk}", f"I{dinas.rumus.pk}", f"I{dinas.ape.pk}", f"A{dinas.sub.pk}"}
    r = baris[f"I{dinas.darurat.pk}"]
    assert ws.cell(row=r, column=kolom["Indikator"]).value == dinas.darurat.uraian
    assert ws.cell(row=r, column=kolom["Satuan"]).value == "Orang"
    assert ws.cell(row=r, column=kolom["Target 2024"]).value == 12
    assert ws.cell(row=r, column=kolom["Realisasi TW I"]).value == 3
    assert ws.cell(row=r, column=kolom["Versi"]).value == 0
    assert ws.cell(row=baris[f"A{dinas.sub.pk}"], column=kolom["Target 2024"]).value == 36_350_862
    assert ws.cell(row=baris[f"A{dinas.sub.pk}"], column=kolom["Target 2024"]).number_format == "#,##0"
    assert ws.column_dimensions["A"].hidden and ws.protection.sheet
    assert not ws.cell(row=r, column=kolom["Realisasi"]).protection.locked
    assert ws.cell(row=r, column=kolom["Target 2024"]).protection.locked
    assert ws.cell(row=r, column=kolom["Pembilang"]).protection.locked  # not a formula indicator
    rumus = baris[f"I{dinas.rumus.pk}"]
    assert not ws.cell(row=rumus, column=kolom["Pembilang"]).protection.locked
    assert ws.cell(row=rumus, column=kolom["Realisasi"]).protection.locked
    assert buku["Kinerja"].sheet_state == "hidden" and "Petunjuk" in buku.sheetnames
    assert "Isi hanya sel berlatar kuning" in ws["D4"].value  # A to C are hidden


def test_the_entry_page_offers_the_workbook_and_the_way_back(client, dinas):
    client.force_login(dinas.operator)
    html = client.get(dinas.url).content.decode()
    assert "Unduh isian Excel (luring)" in html and URL_UNDUH in html
    assert "?format=isian-triwulan&amp;tahun=2024" in html
    daftar = client.get(reverse("kinerja:impor_daftar") + "?format=isian-triwulan&tahun=2024")
    assert daftar.status_code == 200
    form = daftar.context["form"]
    assert form.initial["format"] == "isian-triwulan" and form.initial["tahun"] == 2024
    assert list(form.fields["format"].choices) == [("isian-triwulan", "Isian triwulan (luring)")]
    assert list(form.fields["opd"].queryset) == [dinas.opd]


def test_a_round_trip_changes_exactly_the_filled_rows(client, dinas):
    berkas = isi(
        unduh(client, dinas.operator),
        {
            f"I{dinas.darurat.pk}": {"Realisasi": 5, "Permasalahan": "Cuaca buruk"},
            f"I{dinas.ape.pk}": {"Realisasi": "madya"},
            f"A{dinas.sub.pk}": {"Realisasi": 1_250_000},
        },
    )
    impor = unggah(client, dinas.opd, berkas)
    assert impor.status == Impor.Status.SIAP, galat(impor)
    jumlah = impor.hasil["jumlah"]
    assert jumlah["Realisasi"] == {"dibuat": 2, "diubah": 0, "tetap": 1}
    assert jumlah["Realisasi anggaran"]["dibuat"] == 1
    assert not Realisasi.objects.exists()  # a preview writes nothing
    assert setujui(client, impor).status == Impor.Status.SELESAI
    darurat = Realisasi.objects.get(indikator=dinas.darurat, tahun=2024, triwulan=4)
    assert darurat.nilai == 5 and darurat.permasalahan == "Cuaca buruk" and darurat.versi == 1
    assert darurat.diubah_oleh == dinas.operator
    assert darurat.history.first().history_user == dinas.operator
    assert Realisasi.objects.get(indikator=dinas.ape).tingkat == dinas.tingkat["Madya"]
    assert not Realisasi.objects.filter(indikator=dinas.rumus).exists()
    assert RealisasiAnggaran.objects.get(sub_kegiatan=dinas.sub, triwulan=4).nilai == 1_250_000


def test_the_same_file_uploaded_twice_changes_nothing_the_second_time(client, dinas):
    berkas = isi(unduh(client, dinas.operator), {f"I{dinas.darurat.pk}": {"Realisasi": 5}})
    setujui(client, unggah(client, dinas.opd, berkas))
    kedua = unggah(client, dinas.opd, berkas)
    assert kedua.status == Impor.Status.TANPA_PERUBAHAN, galat(kedua)
    assert Realisasi.objects.get(indikator=dinas.darurat).versi == 1


def test_a_row_saved_in_the_browser_after_the_download_is_a_conflict_and_nothing_is_written(client, dinas):
    berkas = isi(
        unduh(client, dinas.operator),
        {f"I{dinas.darurat.pk}": {"Realisasi": 5}, f"I{dinas.ape.pk}": {"Realisasi": "Madya"}},
    )
    data = buka(client, dinas)
    data[n(dinas.darurat)] = "7"
    assert client.post(dinas.url, data).status_code == 302
    impor = unggah(client, dinas.opd, berkas)
    assert impor.status == Impor.Status.GALAT
    (masalah,) = galat(impor)
    assert "Bentrok" in masalah.pesan and dinas.darurat.uraian in masalah.pesan
    assert "Nilai Anda 5, tersimpan 7" in masalah.pesan and "Rina" in masalah.pesan
    assert Realisasi.objects.get(indikator=dinas.darurat).nilai == 7
    assert not Realisasi.objects.filter(indikator=dinas.ape).exists()


def test_a_row_the_operator_left_alone_is_unchanged_even_when_saved_in_the_browser_since(client, dinas):
    berkas = isi(unduh(client, dinas.operator), {f"I{dinas.ape.pk}": {"Realisasi": "Madya"}})
    data = buka(client, dinas)
    data[n(dinas.darurat)] = "7"
    client.post(dinas.url, data)
    impor = setujui(client, unggah(client, dinas.opd, berkas))
    assert impor.status == Impor.Status.SELESAI, galat(impor)
    assert Realisasi.objects.get(indikator=dinas.darurat).nilai == 7


def test_a_submitted_quarter_refuses_the_whole_file(client, dinas):
    berkas = isi(unduh(client, dinas.operator), {f"I{dinas.darurat.pk}": {"Realisasi": 5}})
    PelaporanFactory(opd=dinas.opd, tahun=2024, triwulan=4, status=Pelaporan.Status.DIAJUKAN)
    impor = unggah(client, dinas.opd, berkas)
    assert impor.status == Impor.Status.GALAT
    (masalah,) = galat(impor)
    assert "Triwulan IV 2024" in masalah.pesan and "sudah berstatus diajukan" in masalah.pesan
    assert not Realisasi.objects.exists()


def test_a_quarter_submitted_between_preview_and_approval_is_refused_at_the_write(client, dinas):
    berkas = isi(unduh(client, dinas.operator), {f"I{dinas.darurat.pk}": {"Realisasi": 5}})
    impor = unggah(client, dinas.opd, berkas)
    assert impor.status == Impor.Status.SIAP
    PelaporanFactory(opd=dinas.opd, tahun=2024, triwulan=4, status=Pelaporan.Status.DIVERIFIKASI)
    assert setujui(client, impor).status == Impor.Status.GALAT
    assert "sudah berstatus diverifikasi" in galat(impor)[0].pesan
    assert not Realisasi.objects.exists()


def test_a_fraction_in_a_count_unit_is_refused_naming_the_cell(client, dinas):
    berkas = unduh(client, dinas.operator)
    ws = load_workbook(BytesIO(berkas))["Isian"]
    sel = f"{ws.cell(row=1, column=_kolom(ws)['Realisasi']).column_letter}{baris_kunci(ws)[f'I{dinas.darurat.pk}']}"
    impor = unggah(client, dinas.opd, isi(berkas, {f"I{dinas.darurat.pk}": {"Realisasi": 2.5}}))
    assert impor.status == Impor.Status.GALAT
    (masalah,) = galat(impor)
    assert masalah.pesan.startswith(f"Sel {sel}, indikator") and "2,5" in masalah.pesan
    assert not Realisasi.objects.exists()


@pytest.mark.parametrize(
    ("kolom", "nilai", "pesan"),
    [
        ("Realisasi", "Juara", "tingkatan “Juara” tidak dikenal; pilih salah satu: Pratama"),
        ("Pembilang", "12,5", "Isi pembilang dan penyebut bersama-sama."),
    ],
)
def test_levels_and_components_are_validated_as_on_the_entry_page(client, dinas, kolom, nilai, pesan):
    kunci = f"I{dinas.ape.pk}" if kolom == "Realisasi" else f"I{dinas.rumus.pk}"
    impor = unggah(client, dinas.opd, isi(unduh(client, dinas.operator), {kunci: {kolom: nilai}}))
    assert impor.status == Impor.Status.GALAT
    assert pesan in galat(impor)[0].pesan


def test_a_value_the_spreadsheet_turned_into_a_date_is_refused_naming_the_date(client, dinas):
    import datetime

    berkas = isi(unduh(client, dinas.operator), {f"I{dinas.darurat.pk}": {"Realisasi": datetime.datetime(2024, 3, 12)}})
    impor = unggah(client, dinas.opd, berkas)
    assert impor.status == Impor.Status.GALAT
    assert "12 Maret 2024" in galat(impor)[0].pesan
    assert not Realisasi.objects.exists()


def test_numbers_typed_the_indonesian_way_are_read(client, dinas):
    berkas = isi(
        unduh(client, dinas.operator),
        {
            f"I{dinas.rumus.pk}": {"Pembilang": "1.234", "Penyebut": "1.250,5"},
            f"A{dinas.sub.pk}": {"Realisasi": "2.500.000"},
        },
    )
    setujui(client, unggah(client, dinas.opd, berkas))
    r = Realisasi.objects.get(indikator=dinas.rumus)
    assert (r.pembilang, r.penyebut) == (D(1234), D("1250.5"))
    assert RealisasiAnggaran.objects.get(sub_kegiatan=dinas.sub).nilai == 2_500_000


@pytest.fixture
def dua_bidang(dinas):
    """The agency reports per bidang: the sub kegiatan of `dinas` is Bidang Linjamsos's, another
    one Bidang PPPA's."""
    opd = dinas.opd
    opd.pelaporan_per_bidang = True
    opd.save()
    linjamsos = BidangFactory(opd=opd, nama="Bidang Linjamsos")
    pppa = BidangFactory(opd=opd, nama="Bidang PPPA")
    dinas.sub.bidang = linjamsos
    dinas.sub.save()
    lain = SubKegiatanFactory(kegiatan=dinas.sub.kegiatan, bidang=pppa, uraian="Perlindungan Anak")
    anak = IndikatorFactory(sub_kegiatan=lain, uraian="Jumlah anak yang dilindungi", satuan="Anak")
    TargetFactory(indikator=anak, nilai=D(20))
    dinas.linjamsos, dinas.pppa, dinas.anak = linjamsos, pppa, anak
    dinas.operator_linjamsos = operator(opd=opd, bidang=linjamsos, first_name="Sari")
    return dinas


def test_a_bidang_operators_workbook_holds_only_their_rows_and_other_bidangs_rows_are_refused(client, dua_bidang):
    d = dua_bidang
    berkas = unduh(client, d.operator_linjamsos, URL_UNDUH + f"?unit={d.linjamsos.pk}")
    ws = load_workbook(BytesIO(berkas))["Isian"]
    kunci = set(baris_kunci(ws))
    assert f"I{d.darurat.pk}" in kunci and f"I{d.anak.pk}" not in kunci
    assert load_workbook(BytesIO(berkas))["Kinerja"]["B5"].value == d.linjamsos.pk
    # the key of a row changed to an indicator of Bidang PPPA
    buku = load_workbook(BytesIO(isi(berkas, {f"I{d.darurat.pk}": {"Realisasi": 5}})))
    ws = buku["Isian"]
    ws.cell(row=baris_kunci(ws)[f"I{d.darurat.pk}"], column=1, value=f"I{d.anak.pk}")
    keluaran = BytesIO()
    buku.save(keluaran)
    impor = unggah(client, d.opd, keluaran.getvalue())
    assert impor.status == Impor.Status.GALAT
    assert any("bukan bagian isian Bidang Linjamsos" in m.pesan for m in galat(impor))
    assert not Realisasi.objects.exists()


def test_a_bidang_operator_cannot_bring_back_another_bidangs_workbook(client, dua_bidang):
    d = dua_bidang
    pppa = operator(opd=d.opd, bidang=d.pppa)
    berkas = isi(unduh(client, pppa, URL_UNDUH + f"?unit={d.pppa.pk}"), {f"I{d.anak.pk}": {"Realisasi": 4}})
    client.force_login(d.operator_linjamsos)
    impor = unggah(client, d.opd, berkas)
    assert impor.status == Impor.Status.GALAT
    assert "Anda tidak dapat mengisi realisasi Bidang PPPA" in galat(impor)[0].pesan
    assert not Realisasi.objects.exists()


def test_an_operator_sees_and_opens_only_their_own_uploads(client, dinas):
    berkas = isi(unduh(client, dinas.operator), {f"I{dinas.darurat.pk}": {"Realisasi": 5}})
    impor = unggah(client, dinas.opd, berkas)
    client.force_login(operator(opd=dinas.opd))
    assert client.get(reverse("kinerja:impor_detail", args=[impor.pk])).status_code == 404
    assert client.post(reverse("kinerja:impor_simpan", args=[impor.pk])).status_code == 404
    from .factories import verifikator

    client.force_login(verifikator())
    assert client.get(reverse("kinerja:impor_daftar")).status_code == 403


def test_an_operator_cannot_upload_another_format(client, dinas):
    client.force_login(dinas.operator)
    f = SimpleUploadedFile("x.xlsx", b"PK\x03\x04")
    respons = client.post(
        reverse("kinerja:impor_daftar"), {"format": "matriks-renstra", "opd": dinas.opd.pk, "tahun": 2024, "berkas": f}
    )
    assert respons.status_code == 200 and not Impor.objects.exists()


def test_annual_indicators_are_asked_in_the_fourth_quarters_workbook_only(client, dinas, time_machine):
    if not hasattr(Indikator, "Frekuensi"):
        pytest.skip("annual indicators not in this tree")
    dinas.darurat.frekuensi = Indikator.Frekuensi.TAHUNAN
    dinas.darurat.save()
    ws = load_workbook(BytesIO(unduh(client, dinas.operator)))["Isian"]
    r = baris_kunci(ws)[f"I{dinas.darurat.pk}"]
    assert ws.cell(row=r, column=_kolom(ws)["Diisi untuk"]).value == "Setahun 2024 (tahunan)"
    ws2 = load_workbook(BytesIO(unduh(client, dinas.operator, reverse("kinerja:unduh_isian", args=[2024, 2]))))["Isian"]
    assert f"I{dinas.darurat.pk}" not in baris_kunci(ws2)
    assert f"I{dinas.ape.pk}" in baris_kunci(ws2)


def test_the_command_imports_the_workbook_and_checks_its_year(client, dinas, tmp_path, capsys):
    berkas = tmp_path / "isian.xlsx"
    berkas.write_bytes(isi(unduh(client, dinas.operator), {f"I{dinas.darurat.pk}": {"Realisasi": 5}}))
    with pytest.raises(CommandError):
        call_command("impor", "isian-triwulan", str(berkas), "--opd", dinas.opd.kode, "--tahun", "2025")
    assert "isian tahun 2024, bukan tahun 2025" in capsys.readouterr().err
    call_command("impor", "isian-triwulan", str(berkas), "--opd", dinas.opd.kode, "--tahun", "2024")
    assert Realisasi.objects.get(indikator=dinas.darurat).nilai == 5


def test_a_workbook_of_another_format_is_not_taken_for_an_offline_entry(client, dinas):
    from openpyxl import Workbook

    buku = Workbook()
    buku.active.append(["Kode", "Program/Kegiatan/Sub Kegiatan"])
    keluaran = BytesIO()
    buku.save(keluaran)
    client.force_login(dinas.operator)
    impor = unggah(client, dinas.opd, keluaran.getvalue())
    assert impor.status == Impor.Status.GALAT
    assert "bukan isian triwulan luring" in galat(impor)[0].pesan


def test_every_row_of_the_workbook_is_accounted_for_in_the_preview(client, dinas):
    from kinerja import importers

    berkas = isi(unduh(client, dinas.operator), {f"I{dinas.darurat.pk}": {"Realisasi": 5}})
    hasil = importers.jalankan("isian-triwulan", BytesIO(berkas), opd=dinas.opd, tahun=2024, user=dinas.operator)
    assert hasil.sah, hasil.galat
    if not hasattr(hasil, "akun_baris"):
        pytest.skip("the account of rows is not in this tree")
    status = {(a.lembar, a.baris): a.status for a in hasil.akun_baris()}
    assert "tak_terhitung" not in status.values()
    assert list(status.values()).count("diimpor") == 1
