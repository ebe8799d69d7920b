"""The discussion of a submission and the follow-up of its recommendations (kinerja/diskusi.py):
who may write what, the recommendation's follow-up in the next quarter, the decision notes of the
workflow, and the entry and review pages that show them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja import diskusi, services
from kinerja.models import CatatanDiskusi, Pelaporan, TindakLanjut
from renstra.tests.factories import BidangFactory, IndikatorFactory, PerangkatDaerahFactory, SubKegiatanFactory

from .factories import PelaporanFactory, RealisasiFactory, admin, operator, verifikator

pytestmark = pytest.mark.django_db

Jenis = CatatanDiskusi.Jenis
S = Pelaporan.Status


@pytest.fixture
def tw4(dinas):
    """Agency A's TW IV 2024, submitted."""
    return PelaporanFactory(opd=dinas.opd, tahun=2024, triwulan=4, status=S.DIAJUKAN, diajukan_oleh=dinas.operator)


@pytest.fixture
def sari():
    return verifikator(first_name="Sari")


def _rekomendasi(pelaporan, penulis, isi="Perbaiki pendataan penerima layanan."):
    return diskusi.tulis_catatan(penulis, pelaporan, isi, jenis=Jenis.REKOMENDASI)


# --- who may write what ---------------------------------------------------------------------


def test_the_units_operator_writes_a_note_on_its_quarter_as_operator(dinas, tw4):
    catatan = diskusi.tulis_catatan(dinas.operator, tw4, "  Data TW IV menyusul.  ", indikator=dinas.darurat)

    catatan.refresh_from_db()
    assert (catatan.pelaporan, catatan.penulis, catatan.jenis) == (tw4, dinas.operator, Jenis.CATATAN)
    assert (catatan.isi, catatan.indikator, catatan.dari_verifikator) == ("Data TW IV menyusul.", dinas.darurat, False)


def test_a_note_on_a_quarter_without_a_submission_row_creates_its_draft(dinas):
    pelaporan = services.pelaporan_unit(dinas.opd, None, 2024, 3)
    assert pelaporan.pk is None

    catatan = diskusi.tulis_catatan(dinas.operator, pelaporan, "Ada pertanyaan tentang target.")

    assert catatan.pelaporan.status == S.DRAFT
    assert (catatan.pelaporan.opd, catatan.pelaporan.tahun, catatan.pelaporan.triwulan) == (dinas.opd, 2024, 3)


def test_an_operator_of_another_agency_is_refused(tw4):
    with pytest.raises(PermissionDenied, match="tidak dapat menulis catatan"):
        diskusi.tulis_catatan(operator(), tw4, "Bukan urusan saya.")
    assert not CatatanDiskusi.objects.exists()


def test_an_operator_of_another_bidang_is_refused_when_the_agency_reports_per_bidang():
    opd = PerangkatDaerahFactory(pelaporan_per_bidang=True)
    rehsos, linjamsos = BidangFactory(opd=opd), BidangFactory(opd=opd)
    pelaporan = PelaporanFactory(opd=opd, bidang=rehsos, tahun=2024, triwulan=4)

    with pytest.raises(PermissionDenied):
        diskusi.tulis_catatan(operator(opd=opd, bidang=linjamsos), pelaporan, "Catatan bidang lain.")
    diskusi.tulis_catatan(operator(opd=opd, bidang=rehsos), pelaporan, "Catatan bidang sendiri.")
    assert list(CatatanDiskusi.objects.values_list("isi", flat=True)) == ["Catatan bidang sendiri."]


@pytest.mark.parametrize("jenis", [Jenis.CATATAN, Jenis.TEMUAN, Jenis.REKOMENDASI])
@pytest.mark.parametrize("peran", [verifikator, admin], ids=["verifikator", "admin"])
def test_reviewers_write_notes_findings_and_recommendations(tw4, jenis, peran):
    catatan = diskusi.tulis_catatan(peran(), tw4, "Capaian belum didukung data.", jenis=jenis)
    assert (catatan.jenis, catatan.dari_verifikator) == (jenis, True)


@pytest.mark.parametrize("jenis", [Jenis.TEMUAN, Jenis.REKOMENDASI])
def test_an_operator_cannot_write_a_finding_or_a_recommendation(dinas, tw4, jenis):
    with pytest.raises(PermissionDenied, match="Hanya verifikator yang dapat menulis temuan atau rekomendasi"):
        diskusi.tulis_catatan(dinas.operator, tw4, "Temuan saya sendiri.", jenis=jenis)
    assert not CatatanDiskusi.objects.exists()


def test_nobody_writes_a_decision_note_by_hand(tw4, sari):
    with pytest.raises(ValidationError) as e:
        diskusi.tulis_catatan(sari, tw4, "Diverifikasi.", jenis=Jenis.KEPUTUSAN)
    assert list(e.value.error_dict) == ["jenis"]


@pytest.mark.parametrize("isi", ["", "   \r\n  ", None])
def test_an_empty_note_is_refused_naming_the_field(dinas, tw4, isi):
    with pytest.raises(ValidationError) as e:
        diskusi.tulis_catatan(dinas.operator, tw4, isi)
    assert list(e.value.error_dict) == ["isi"]
    assert "Isi catatan" in e.value.messages[0]


def test_an_answer_must_be_a_note_of_the_same_submission(dinas, tw4, sari):
    tw3 = PelaporanFactory(opd=dinas.opd, tahun=2024, triwulan=3)
    lain = diskusi.tulis_catatan(sari, tw3, "Catatan triwulan III.")
    with pytest.raises(ValidationError) as e:
        diskusi.tulis_catatan(dinas.operator, tw4, "Jawaban salah tempat.", menjawab=lain)
    assert list(e.value.error_dict) == ["menjawab"]

    ini = diskusi.tulis_catatan(sari, tw4, "Lengkapi keterangan.")
    jawaban = diskusi.tulis_catatan(dinas.operator, tw4, "Sudah dilengkapi.", menjawab=ini)
    assert list(ini.jawaban.all()) == [jawaban]


def test_an_indicator_of_another_unit_is_refused(dinas, tw4, sari):
    lain = IndikatorFactory()  # another agency's
    with pytest.raises(ValidationError) as e:
        diskusi.tulis_catatan(sari, tw4, "Tentang indikator lain.", indikator=lain)
    assert list(e.value.error_dict) == ["indikator"]
    assert not CatatanDiskusi.objects.exists()


def test_an_indicator_of_another_bidang_is_refused_when_the_agency_reports_per_bidang(sari):
    opd = PerangkatDaerahFactory(pelaporan_per_bidang=True)
    rehsos, linjamsos = BidangFactory(opd=opd), BidangFactory(opd=opd)
    sub_rehsos = SubKegiatanFactory(kegiatan__program__renstra__opd=opd, bidang=rehsos)
    sub_linjamsos = SubKegiatanFactory(kegiatan=sub_rehsos.kegiatan, bidang=linjamsos)
    milik, bukan = IndikatorFactory(sub_kegiatan=sub_rehsos), IndikatorFactory(sub_kegiatan=sub_linjamsos)
    pelaporan = PelaporanFactory(opd=opd, bidang=rehsos, tahun=2024, triwulan=4)

    with pytest.raises(ValidationError):
        diskusi.tulis_catatan(sari, pelaporan, "Indikator bidang lain.", indikator=bukan)
    assert diskusi.tulis_catatan(sari, pelaporan, "Indikator bidang ini.", indikator=milik).indikator == milik


# --- recommendations and their follow-up ------------------------------------------------------


@pytest.mark.parametrize(("triwulan", "berikut"), [(4, (2025, 1)), (2, (2024, 3))], ids=["TW IV", "TW II"])
def test_a_recommendation_creates_one_follow_up_for_the_next_quarter(dinas, sari, triwulan, berikut):
    pelaporan = PelaporanFactory(opd=dinas.opd, tahun=2024, triwulan=triwulan)
    rekomendasi = _rekomendasi(pelaporan, sari)
    diskusi.tulis_catatan(sari, pelaporan, "Hanya catatan.")
    diskusi.tulis_catatan(sari, pelaporan, "Hanya temuan.", jenis=Jenis.TEMUAN)

    tindak_lanjut = TindakLanjut.objects.get()
    assert tindak_lanjut.rekomendasi == rekomendasi
    assert (tindak_lanjut.opd, tindak_lanjut.bidang, (tindak_lanjut.tahun, tindak_lanjut.triwulan)) == (
        dinas.opd,
        None,
        berikut,
    )
    assert tindak_lanjut.status == TindakLanjut.Status.BELUM
    assert list(diskusi.tindak_lanjut_untuk(dinas.opd, None, *berikut)) == [tindak_lanjut]
    assert list(diskusi.tindak_lanjut_dari(pelaporan)) == [tindak_lanjut]


def test_a_follow_up_is_answered_in_the_next_quarters_entry_and_refused_once_it_is_submitted(dinas, tw4, sari):
    tindak_lanjut = TindakLanjut.objects.get(rekomendasi=_rekomendasi(tw4, sari))

    diskusi.jawab_tindak_lanjut(dinas.operator, tindak_lanjut, "proses", "Pendataan ulang berjalan di 3 kecamatan.")
    tindak_lanjut.refresh_from_db()
    assert (tindak_lanjut.status, tindak_lanjut.dijawab_oleh) == ("proses", dinas.operator)
    assert tindak_lanjut.catatan == "Pendataan ulang berjalan di 3 kecamatan."
    assert tindak_lanjut.dijawab_pada is not None

    Pelaporan.objects.filter(opd=dinas.opd, tahun=2025, triwulan=1).update(status=S.DIAJUKAN)
    with pytest.raises(ValidationError, match="Triwulan I 2025 sudah diajukan"):
        diskusi.jawab_tindak_lanjut(dinas.operator, tindak_lanjut, "selesai", "Sudah selesai.")
    tindak_lanjut.refresh_from_db()
    assert tindak_lanjut.status == "proses"


def test_a_follow_up_needs_a_note_unless_it_is_not_yet_done(dinas, tw4, sari):
    tindak_lanjut = TindakLanjut.objects.get(rekomendasi=_rekomendasi(tw4, sari))
    for status in ("selesai", "proses"):
        with pytest.raises(ValidationError) as e:
            diskusi.jawab_tindak_lanjut(dinas.operator, tindak_lanjut, status, "  ")
        assert list(e.value.error_dict) == ["catatan"]
    diskusi.jawab_tindak_lanjut(dinas.operator, tindak_lanjut, "belum", "")
    tindak_lanjut.refresh_from_db()
    assert (tindak_lanjut.status, tindak_lanjut.dijawab_oleh) == ("belum", dinas.operator)


@pytest.mark.parametrize("siapa", ["verifikator", "operator lain"])
def test_only_the_units_operators_answer_a_follow_up(dinas, tw4, sari, siapa):
    tindak_lanjut = TindakLanjut.objects.get(rekomendasi=_rekomendasi(tw4, sari))
    with pytest.raises(PermissionDenied):
        diskusi.jawab_tindak_lanjut(sari if siapa == "verifikator" else operator(), tindak_lanjut, "selesai", "Ya.")
    tindak_lanjut.refresh_from_db()
    assert tindak_lanjut.dijawab_oleh is None


# --- the workflow's decisions are notes too --------------------------------------------------


def test_returning_with_a_note_writes_a_decision_note_in_the_same_step(dinas, tw4, sari):
    services.kembalikan_pelaporan(user=sari, pelaporan=tw4, catatan=" Lampirkan daftar penerima. ")

    catatan = CatatanDiskusi.objects.get()
    assert (catatan.pelaporan, catatan.jenis, catatan.keputusan) == (tw4, Jenis.KEPUTUSAN, S.DIKEMBALIKAN)
    assert (catatan.isi, catatan.penulis, catatan.dari_verifikator) == ("Lampirkan daftar penerima.", sari, True)


def test_verifying_writes_a_decision_note_only_with_a_note(dinas, sari):
    tanpa = PelaporanFactory(opd=dinas.opd, tahun=2024, triwulan=3, status=S.DIAJUKAN)
    services.verifikasi_pelaporan(user=sari, pelaporan=tanpa)
    assert not CatatanDiskusi.objects.exists()

    dengan = PelaporanFactory(opd=dinas.opd, tahun=2024, triwulan=4, status=S.DIAJUKAN)
    services.verifikasi_pelaporan(user=sari, pelaporan=dengan, catatan="Sesuai dengan LKjIP.")
    catatan = CatatanDiskusi.objects.get()
    assert (catatan.pelaporan, catatan.keputusan, catatan.isi) == (dengan, S.DIVERIFIKASI, "Sesuai dengan LKjIP.")


def test_a_refused_return_writes_no_note(tw4, dinas):
    with pytest.raises(PermissionDenied):
        services.kembalikan_pelaporan(user=dinas.operator, pelaporan=tw4, catatan="Saya kembalikan sendiri.")
    assert not CatatanDiskusi.objects.exists()


def test_the_unanswered_list_shrinks_when_a_note_is_answered(dinas, tw4, sari):
    pertama = diskusi.tulis_catatan(sari, tw4, "Lengkapi keterangan indikator APE.", indikator=dinas.ape)
    kedua = diskusi.tulis_catatan(sari, tw4, "Data dukung kurang.", jenis=Jenis.TEMUAN)
    diskusi.tulis_catatan(dinas.operator, tw4, "Catatan operator tidak perlu dijawab.")
    services.kembalikan_pelaporan(user=sari, pelaporan=tw4, catatan="Perbaiki dulu.")
    tw4.refresh_from_db()
    kembali = CatatanDiskusi.objects.get(jenis=Jenis.KEPUTUSAN)

    assert list(diskusi.catatan_belum_dijawab(tw4)) == [pertama, kedua, kembali]
    assert diskusi.diskusi_pelaporan(tw4).belum_dijawab == [pertama, kedua, kembali]

    diskusi.tulis_catatan(dinas.operator, tw4, "Sudah dilengkapi.", menjawab=pertama)
    diskusi.tulis_catatan(dinas.operator, tw4, "Sudah diperbaiki.", menjawab=kembali)

    assert list(diskusi.catatan_belum_dijawab(tw4)) == [kedua]
    halaman = diskusi.diskusi_pelaporan(tw4)
    assert halaman.belum_dijawab == [kedua] and halaman.pengembalian is None


def test_a_verifications_note_asks_for_no_answer(dinas, tw4, sari):
    services.verifikasi_pelaporan(user=sari, pelaporan=tw4, catatan="Sesuai.")
    tw4.refresh_from_db()
    assert list(diskusi.catatan_belum_dijawab(tw4)) == []
    assert diskusi.diskusi_pelaporan(tw4).belum_dijawab == []


# --- the pages --------------------------------------------------------------------------------


def _tinjau_url(dinas, tahun=2024, triwulan=4):
    return reverse("kinerja:tinjau", args=[dinas.opd.kode, tahun, triwulan])


def test_the_entry_page_shows_the_unanswered_notes_with_an_answer_form_and_the_whole_discussion(
    client, dinas, tw4, sari
):
    pertanyaan = diskusi.tulis_catatan(sari, tw4, "Mengapa realisasi APE kosong?", indikator=dinas.ape)
    dijawab = diskusi.tulis_catatan(sari, tw4, "Target sudah benar?")
    diskusi.tulis_catatan(dinas.operator, tw4, "Ya, sesuai PK.", menjawab=dijawab)

    client.force_login(dinas.operator)
    respons = client.get(dinas.url)
    html = respons.content.decode()

    assert respons.context["diskusi"].belum_dijawab == [pertanyaan]
    awal, _, sisa = html.partition('id="diskusi"')
    assert "Catatan verifikator yang belum dijawab (1)" in awal
    assert "Mengapa realisasi APE kosong?" in awal and dinas.ape.uraian in awal
    assert f'name="menjawab" value="{pertanyaan.pk}"' in awal
    assert "Target sudah benar?" not in awal
    assert "Target sudah benar?" in sisa and "Ya, sesuai PK." in sisa
    assert reverse("kinerja:diskusi_isian", args=[2024, 4]) in html


def test_the_entry_page_of_the_next_quarter_asks_for_the_follow_up(client, dinas, tw4, sari):
    _rekomendasi(tw4, sari, "Mutakhirkan DTKS setiap bulan.")
    tindak_lanjut = TindakLanjut.objects.get()

    client.force_login(dinas.operator)
    html = client.get(reverse("kinerja:isian", args=[2025, 1])).content.decode()

    assert "Tindak lanjut rekomendasi triwulan lalu (1)" in html
    assert "Mutakhirkan DTKS setiap bulan." in html
    assert f'action="{reverse("kinerja:tindak_lanjut", args=[tindak_lanjut.pk])}"' in html
    assert "Tindak lanjut rekomendasi" not in client.get(dinas.url).content.decode()  # not in TW IV itself


def test_the_review_page_shows_the_discussion_and_the_follow_up_answers(client, dinas, sari):
    tw3 = PelaporanFactory(opd=dinas.opd, tahun=2024, triwulan=3, status=S.DIVERIFIKASI)
    tindak_lanjut = TindakLanjut.objects.get(rekomendasi=_rekomendasi(tw3, sari, "Perbaiki rumus PMKS."))
    diskusi.jawab_tindak_lanjut(dinas.operator, tindak_lanjut, "selesai", "Rumus sudah diperbaiki.")
    tw4 = Pelaporan.objects.get(opd=dinas.opd, tahun=2024, triwulan=4)
    diskusi.tulis_catatan(dinas.operator, tw4, "Realisasi rumus dari data Desember.", indikator=dinas.rumus)

    client.force_login(sari)
    html = client.get(_tinjau_url(dinas)).content.decode()

    assert "Tindak lanjut rekomendasi triwulan lalu (1)" in html
    assert "Perbaiki rumus PMKS." in html and "Tindak lanjut: Selesai" in html and "Rumus sudah diperbaiki." in html
    assert "Diskusi (1 catatan)" in html
    assert "Realisasi rumus dari data Desember." in html and dinas.rumus.uraian in html
    assert '<option value="rekomendasi">Rekomendasi</option>' in html

    html_tw3 = client.get(_tinjau_url(dinas, triwulan=3)).content.decode()
    assert "Tindak lanjut pada triwulan IV 2024: <strong>Selesai</strong>" in html_tw3


def test_the_operator_posts_a_note_and_an_answer_and_is_sent_back(client, dinas, tw4, sari):
    pertanyaan = diskusi.tulis_catatan(sari, tw4, "Data dukung mana?")
    client.force_login(dinas.operator)
    url = reverse("kinerja:diskusi_isian", args=[2024, 4])

    respons = client.post(url, {"isi": "Sudah diunggah.", "menjawab": pertanyaan.pk})
    assert respons.status_code == 302 and respons.url == f"{dinas.url}#diskusi"
    assert pertanyaan.jawaban.get().isi == "Sudah diunggah."

    html = client.post(url, {"isi": "  "}, follow=True).content.decode()
    assert "Catatan tidak disimpan. Isi catatan: tulis catatan Anda terlebih dahulu." in html
    assert client.post(url, {"isi": "Temuan.", "jenis": "temuan"}).status_code == 403
    assert CatatanDiskusi.objects.count() == 2


def test_the_reviewer_posts_a_recommendation_and_is_sent_back(client, dinas, tw4, sari):
    client.force_login(sari)
    url = reverse("kinerja:diskusi_tinjau", args=[dinas.opd.kode, 2024, 4])

    respons = client.post(url, {"isi": "Perkuat koordinasi.", "jenis": "rekomendasi", "indikator": dinas.darurat.pk})
    assert respons.status_code == 302 and respons.url == f"{_tinjau_url(dinas)}#diskusi"
    catatan = CatatanDiskusi.objects.get()
    assert (catatan.jenis, catatan.indikator, catatan.penulis) == (Jenis.REKOMENDASI, dinas.darurat, sari)
    assert (catatan.tindak_lanjut.tahun, catatan.tindak_lanjut.triwulan) == (2025, 1)

    html = client.post(url, {"isi": "Lain.", "indikator": IndikatorFactory().pk}, follow=True).content.decode()
    assert "Catatan tidak disimpan. Indikator:" in html
    client.force_login(dinas.operator)
    assert client.post(url, {"isi": "Dari operator."}).status_code == 403
    assert CatatanDiskusi.objects.count() == 1


def test_the_operator_answers_a_follow_up_through_its_own_form(client, dinas, tw4, sari):
    tindak_lanjut = TindakLanjut.objects.get(rekomendasi=_rekomendasi(tw4, sari))
    url = reverse("kinerja:tindak_lanjut", args=[tindak_lanjut.pk])
    client.force_login(dinas.operator)

    html = client.post(url, {"status": "selesai", "catatan": ""}, follow=True).content.decode()
    assert "Tindak lanjut tidak disimpan. Catatan tindak lanjut: tulis apa yang sudah dilakukan" in html
    respons = client.post(url, {"status": "selesai", "catatan": "Rapat koordinasi 5 Januari."})
    assert respons.status_code == 302
    assert respons.url == reverse("kinerja:isian", args=[2025, 1]) + "#tindak-lanjut"
    tindak_lanjut.refresh_from_db()
    assert (tindak_lanjut.status, tindak_lanjut.catatan) == ("selesai", "Rapat koordinasi 5 Januari.")

    client.force_login(operator())
    assert client.post(url, {"status": "belum"}).status_code == 404
    client.force_login(sari)
    assert client.post(url, {"status": "belum"}).status_code == 403


def test_a_realisation_is_not_needed_to_discuss(client, dinas, tw4):
    """Notes change no figure: the entry's rows stay as they were."""
    RealisasiFactory(indikator=dinas.darurat, tahun=2024, triwulan=4, nilai=12)
    client.force_login(dinas.operator)
    client.post(reverse("kinerja:diskusi_isian", args=[2024, 4]), {"isi": "Catatan."})
    tw4.refresh_from_db()
    assert tw4.status == S.DIAJUKAN and CatatanDiskusi.objects.count() == 1
