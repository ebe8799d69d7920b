"""Indicators measured once a year (Indikator.frekuensi "tahunan"): the year's value is kept with
TW IV, asked on the entry page only in TW IV, and before it neither asked, counted as missing nor
averaged into a quarter."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinerja import importers, rules, services
from kinerja.models import Pelaporan, Realisasi
from kinerja.selectors import isian_triwulan, kinerja_tahunan, skala_laporan
from renstra.models import Indikator
from renstra.tests.factories import IndikatorFactory, RenstraFactory, SubKegiatanFactory, TargetFactory

from .factories import PelaporanFactory, RealisasiFactory, operator
from .halaman import isian_awal, n
from .seed_xlsx import tulis_xlsx

pytestmark = pytest.mark.django_db
D = Decimal
TAHUNAN = Indikator.Frekuensi.TAHUNAN
IKM = "Indeks Kepuasan Masyarakat terhadap layanan rehabilitasi sosial"


@pytest.fixture
def unit(settings, tmp_path, time_machine):
    """An agency with one quarterly indicator (target 12 people) and one annual one (an index
    surveyed once a year, target 80) under one sub kegiatan; December 2024."""
    settings.MEDIA_ROOT = tmp_path
    time_machine.move_to("2024-12-20 10:00 +07:00", tick=False)
    renstra = RenstraFactory()
    sub = SubKegiatanFactory(kegiatan__program__renstra=renstra)
    triwulanan = IndikatorFactory(sub_kegiatan=sub, uraian="Jumlah Orang yang Mendapatkan Pelayanan", satuan="Orang")
    TargetFactory(indikator=triwulanan, nilai=D(12))
    tahunan = IndikatorFactory(
        sub_kegiatan=sub,
        uraian=IKM,
        satuan="Indeks",
        frekuensi=TAHUNAN,
        cara_tahunan=Indikator.CaraTahunan.AKHIR_PERIODE,
    )
    TargetFactory(indikator=tahunan, nilai=D(80))
    return renstra.opd, triwulanan, tahunan, operator(opd=renstra.opd)


# --- the rule ---------------------------------------------------------------------------------


def test_diukur_pada_is_every_quarter_for_quarterly_and_only_the_fourth_for_annual():
    assert [rules.diukur_pada(False, tw) for tw in range(1, 5)] == [True] * 4
    assert [rules.diukur_pada(True, tw) for tw in range(1, 5)] == [False, False, False, True]


def test_annual_value_is_the_fourth_quarter_row_and_earlier_quarters_are_measured_yearly(unit):
    opd, triwulanan, tahunan, _ = unit
    RealisasiFactory(indikator=tahunan, tahun=2024, triwulan=4, nilai=D("84"))
    RealisasiFactory(indikator=triwulanan, tahun=2024, triwulan=1, nilai=D(3))
    RealisasiFactory(indikator=triwulanan, tahun=2024, triwulan=4, nilai=D(3))

    kinerja = kinerja_tahunan(opd, 2024, skala=skala_laporan("evaluasi_triwulan"))
    k = kinerja.untuk(tahunan)

    assert k.tahunan and k.nilai_tahunan == D(84)
    assert k.hasil.nilai == D(105)  # 84 of 80
    assert k.nilai_triwulan == [None, None, None, D(84)]
    assert [c.alasan for c in k.capaian_triwulan[:3]] == [rules.Alasan.DIUKUR_TAHUNAN] * 3
    assert [c.alasan for c in k.capaian_sampai[:3]] == [rules.Alasan.DIUKUR_TAHUNAN] * 3
    assert k.capaian_triwulan[3].nilai == D(105) and k.capaian_sampai[3].nilai == D(105)
    assert not kinerja.untuk(triwulanan).tahunan


def test_an_annual_indicator_ignores_rows_of_earlier_quarters_and_their_quarterly_targets(unit):
    """Rows kept from when it was measured quarterly are not its value, nor a TW II target."""
    opd, _, tahunan, _ = unit
    Realisasi.objects.bulk_create([Realisasi(indikator=tahunan, tahun=2024, triwulan=2, nilai=D(50))])
    TargetFactory(indikator=tahunan, nilai=D(40), triwulan=4)

    k = kinerja_tahunan(opd, 2024, skala=skala_laporan("evaluasi_triwulan")).untuk(tahunan)

    assert k.nilai_triwulan == [None] * 4 and k.nilai_tahunan is None
    assert k.hasil.alasan == rules.Alasan.REALISASI_KOSONG
    RealisasiFactory(indikator=tahunan, tahun=2024, triwulan=4, nilai=D(60))
    k = kinerja_tahunan(opd, 2024, skala=skala_laporan("evaluasi_triwulan")).untuk(tahunan)
    assert k.capaian_triwulan[3].nilai == D(75)  # 60 of the year's 80, not of a TW IV target


def test_annual_indicator_does_not_count_in_the_means_of_earlier_quarters(unit):
    opd, triwulanan, tahunan, _ = unit
    RealisasiFactory(indikator=triwulanan, tahun=2024, triwulan=2, nilai=D(6))
    kinerja = kinerja_tahunan(opd, 2024, skala=skala_laporan("evaluasi_triwulan"))

    capaian_tw2 = [kinerja.untuk(i).capaian_sampai[1].nilai for i in (triwulanan, tahunan)]

    assert rules.rata_rata_capaian(capaian_tw2) == D(50)  # 6 of 12, the annual one left out


def test_a_realisation_of_an_annual_indicator_before_tw_iv_is_refused_naming_it(unit):
    _, _, tahunan, _ = unit
    with pytest.raises(ValidationError) as galat:
        Realisasi(indikator=tahunan, tahun=2024, triwulan=2, nilai=D(70)).full_clean()
    assert f'Indikator "{IKM}" diukur tahunan' in str(galat.value)
    assert "Triwulan II" in str(galat.value)
    Realisasi(indikator=tahunan, tahun=2024, triwulan=4, nilai=D(70)).full_clean()


# --- the entry page ---------------------------------------------------------------------------


def _url(tw):
    return reverse("kinerja:isian", args=[2024, tw])


def test_in_tw_ii_the_annual_indicator_is_shown_but_not_asked_nor_counted(client, unit):
    _opd, triwulanan, tahunan, op = unit
    client.force_login(op)
    respons = client.get(_url(2))
    html = respons.content.decode()
    halaman = respons.context["halaman"]

    assert "Diukur tahunan, diisi pada Triwulan IV sebagai realisasi tahunan 2024" in html
    assert f'name="{n(tahunan)}"' not in html and f'name="{n(triwulanan)}"' in html
    assert halaman.jumlah == 1 and [u.indikator for u in halaman.belum_terisi] == [triwulanan]


def test_submitting_tw_ii_does_not_need_the_annual_indicator(client, unit):
    opd, triwulanan, _tahunan, op = unit
    RealisasiFactory(indikator=triwulanan, tahun=2024, triwulan=2, nilai=D(6))
    client.force_login(op)
    client.post(reverse("kinerja:ajukan", args=[2024, 2]))
    assert Pelaporan.objects.get(opd=opd, tahun=2024, triwulan=2).status == Pelaporan.Status.DIAJUKAN


def test_submitting_tw_iv_needs_the_annual_indicator(unit):
    opd, triwulanan, tahunan, _op = unit
    RealisasiFactory(indikator=triwulanan, tahun=2024, triwulan=4, nilai=D(6))
    pelaporan = PelaporanFactory(opd=opd, tahun=2024, triwulan=4)
    assert services.belum_lengkap(pelaporan, [triwulanan, tahunan]) == [tahunan]


def test_a_tw_ii_value_sent_for_an_annual_indicator_is_refused_naming_it(client, unit):
    _opd, triwulanan, tahunan, op = unit
    client.force_login(op)
    data = isian_awal(client.get(_url(2)))
    data |= {n(triwulanan): "6", n(tahunan): "70", f"r{tahunan.pk}-versi": "0", f"r{tahunan.pk}-asal": ""}

    respons = client.post(_url(2), data)

    assert respons.status_code == 400
    assert f"Indikator &quot;{IKM}&quot; diukur tahunan" in respons.content.decode()
    assert not Realisasi.objects.exists()


def test_in_tw_iv_the_annual_indicator_is_asked_as_the_years_realisation_and_saved_with_tw_iv(client, unit):
    _opd, _triwulanan, tahunan, op = unit
    client.force_login(op)
    respons = client.get(_url(4))
    html = respons.content.decode()
    assert "Realisasi tahunan 2024" in html and f'aria-label="Realisasi tahunan 2024: {IKM}"' in html
    assert respons.context["halaman"].jumlah == 2

    data = isian_awal(respons) | {n(tahunan): "84,5"}
    respons = client.post(_url(4), data, follow=True)

    assert "Tersimpan: 1 realisasi indikator" in respons.content.decode()
    assert Realisasi.objects.get(indikator=tahunan).triwulan == 4
    k = {b.indikator: b.kinerja for b in respons.context["halaman"].baris}[tahunan]
    assert k.nilai_tahunan == D("84.5")


def test_the_entry_page_builds_annual_rows_for_the_review_as_well(unit):
    opd, _, tahunan, _ = unit
    halaman = isian_triwulan(opd, 2024, 3)
    baris = {b.indikator: b for b in halaman.baris}[tahunan]
    assert not baris.diukur and baris.label_isian == "Realisasi tahunan 2024"


def test_the_indicator_history_names_an_annual_realisation_as_the_years(client, unit):
    _opd, _, tahunan, op = unit
    client.force_login(op)
    client.post(_url(4), isian_awal(client.get(_url(4))) | {n(tahunan): "84"})

    html = client.get(reverse("kinerja:riwayat", args=[tahunan.pk])).content.decode()

    assert "Realisasi tahunan 2024" in html and "Realisasi 2024 triwulan 4" not in html


# --- the quarterly evaluation import ------------------------------------------------------------


def _evaluasi(tw1, tw2, tw4):
    """A quarterly evaluation table of one sub kegiatan with one indicator (Indeks, target 80)."""
    return [
        ["EVALUASI KINERJA BIDANG REHABILITASI SOSIAL"],
        ["TAHUN 2024"],
        ["No", "Kodrek", "Program/Kegiatan", "Indikator", "Satuan", "Target"]
        + [x for q in range(1, 5) for x in (f"TW {q}", "")],
        ["", "", "", "", "", ""] + ["Realisasi", "%"] * 4,
        ["", "", "<b>PROGRAM REHABILITASI SOSIAL</b>"],
        ["A", "1.06.04.2.01", "Kegiatan : Rehabilitasi Sosial Dasar"],
        [
            "1",
            "1.06.04.2.01.0001",
            "Sub Kegiatan : Penyediaan Permakanan",
            IKM,
            "Indeks",
            "80",
            tw1,
            "",
            tw2,
            "",
            "",
            "",
            tw4,
            "",
        ],
    ]


def test_the_quarterly_evaluation_import_refuses_a_tw_ii_value_of_an_annual_indicator(tmp_path, db):
    opd = RenstraFactory(tahun_awal=2023).opd
    berkas = tulis_xlsx(tmp_path / "a.xlsx", {"E": _evaluasi("", "", "84")})
    assert importers.jalankan("evaluasi-triwulan", berkas, opd=opd, tahun=2024, simpan=True).disimpan
    Indikator.objects.filter(uraian=IKM).update(frekuensi=TAHUNAN)

    berkas = tulis_xlsx(tmp_path / "b.xlsx", {"E": _evaluasi("", "70", "84")})
    hasil = importers.jalankan("evaluasi-triwulan", berkas, opd=opd, tahun=2024, simpan=True)

    assert not hasil.disimpan
    assert [(m.baris, m.pesan) for m in hasil.galat] == [
        (
            7,
            f'Indikator "{IKM}" diukur tahunan: realisasinya diisi sekali setahun sebagai realisasi tahunan 2024 '
            "pada Triwulan IV, bukan pada Triwulan II.",
        )
    ]
    assert list(Realisasi.objects.values_list("triwulan", "nilai")) == [(4, D(84))]
