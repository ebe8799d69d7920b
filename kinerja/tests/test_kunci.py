"""Two writers of one quarter follow one another (kinerja/versi.py): every writer takes the
submission's row lock first and checks the status under it, and every write of a realisation
follows the one version rule, whoever writes it.

The tests with threads use two database connections at once and run on PostgreSQL (where the
locks are row locks); SQLite serialises whole writing transactions instead, which the sequential
tests below cover on both."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, transaction

from kinerja import importers, services
from kinerja.models import Pelaporan, Realisasi
from kinerja.versi import Konflik
from renstra.tests.factories import PerangkatDaerahFactory, RenstraFactory

from .factories import RealisasiFactory, admin, operator, verifikator
from .seed_xlsx import baris_evaluasi_dua_bidang, perbaiki_evaluasi, tulis_xlsx

D = Decimal
DIAJUKAN, DIVERIFIKASI, DIKEMBALIKAN = "diajukan", "diverifikasi", "dikembalikan"
hanya_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks of two connections: PostgreSQL"
)


def _baris(indikator, nilai, versi=0, **narasi):
    data = {"nilai": D(nilai), "rencana_aksi": "", "permasalahan": "", "tindak_lanjut": "", "keterangan": ""}
    return services.IsianBaris(indikator=indikator, data=data | narasi, versi=versi, diubah=True)


def _simpan(dinas, user=None, nilai="5", versi=0, pelaporan=None):
    return services.simpan_isian(
        user=user or dinas.operator,
        pelaporan=pelaporan or services.pelaporan_unit(dinas.opd, None, 2024, 4),
        baris=[_baris(dinas.darurat, nilai, versi)],
        anggaran=[],
        boleh_diubah={dinas.darurat.pk, dinas.rumus.pk, dinas.ape.pk},
    )


def _lengkapi(dinas):
    RealisasiFactory(indikator=dinas.rumus, tahun=2024, triwulan=4, nilai=None, pembilang=8126, penyebut=8324)
    RealisasiFactory(indikator=dinas.ape, tahun=2024, triwulan=4, nilai=None, keterangan="Belum dinilai.")


def _ajukan(dinas, pelaporan=None):
    return services.ajukan_pelaporan(
        user=dinas.operator,
        pelaporan=pelaporan or services.pelaporan_unit(dinas.opd, None, 2024, 4),
        indikator=[dinas.darurat, dinas.rumus, dinas.ape],
    )


# --- sequential: the status is read under the lock, not from the page -------------------------


@pytest.mark.django_db
def test_a_save_that_began_before_the_submission_is_refused_after_it(dinas):
    _lengkapi(dinas)
    _simpan(dinas, nilai="12")
    dibuka = services.pelaporan_unit(dinas.opd, None, 2024, 4)  # the page was opened: a draft
    _ajukan(dinas)

    with pytest.raises(services.StatusBerubah, match="Triwulan IV 2024 sudah diajukan oleh Rina pada 20 Desember"):
        _simpan(dinas, nilai="99", versi=1, pelaporan=dibuka)

    assert Realisasi.objects.get(indikator=dinas.darurat).nilai == 12


@pytest.mark.django_db
def test_a_decision_on_a_stale_page_is_refused_naming_the_first_decision(dinas):
    _lengkapi(dinas)
    _simpan(dinas, nilai="12")
    _ajukan(dinas)
    dibuka = services.pelaporan_unit(dinas.opd, None, 2024, 4)
    services.verifikasi_pelaporan(user=verifikator(first_name="Sari"), pelaporan=dibuka)

    with pytest.raises(services.StatusBerubah, match="sudah berstatus diverifikasi oleh Sari"):
        services.kembalikan_pelaporan(user=verifikator(), pelaporan=dibuka, catatan="Lengkapi data dukung.")
    assert Pelaporan.objects.get().status == DIVERIFIKASI
    assert Pelaporan.history.filter(history_change_reason="Dikembalikan").count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("tahun", [2023, 2030, 2100])
def test_a_year_outside_the_renstra_cannot_be_submitted(client, dinas, tahun):
    client.force_login(dinas.operator)
    respons = client.post(f"/realisasi/{tahun}/tw-1/ajukan/", follow=True)
    assert f"Tahun {tahun} tidak termasuk periode Renstra" in respons.content.decode()
    assert not Pelaporan.objects.filter(tahun=tahun).exists()


@pytest.mark.django_db
def test_a_reopened_quarter_no_longer_shows_who_submitted_and_verified_it(client, dinas):
    _lengkapi(dinas)
    _simpan(dinas, nilai="12")
    _ajukan(dinas)
    services.verifikasi_pelaporan(user=verifikator(first_name="Sari"), pelaporan=Pelaporan.objects.get())
    pengurus = admin(first_name="Andi")
    services.buka_kembali_pelaporan(user=pengurus, pelaporan=Pelaporan.objects.get(), alasan="Salah ketik.")

    client.force_login(pengurus)
    html = client.get("/verifikasi/DSPPPA-UJI/2024/tw-4/").content.decode()
    assert "Diverifikasi</span>" not in html
    assert "oleh Sari" not in html
    p = Pelaporan.objects.get()
    assert (p.status, p.diajukan_oleh, p.diverifikasi_oleh, p.diverifikasi_pada) == ("draft", None, None, None)
    lama = p.history.filter(history_change_reason="Diverifikasi").get()
    assert lama.diverifikasi_oleh.first_name == "Sari"  # what it was stays in the history


# --- sequential: the version rule of an import ----------------------------------------------


@pytest.fixture
def purwakarta(tmp_path):
    """An agency whose 2024 quarters came in from the fixed seed evaluation workbook, and the
    workbook with one realisation changed (TW I of Penyediaan Permakanan, 58 → 59)."""
    opd = RenstraFactory(opd=PerangkatDaerahFactory(nama="Dinas Sosial Kabupaten Purwakarta"), tahun_awal=2023).opd
    baris = perbaiki_evaluasi(baris_evaluasi_dua_bidang())
    hasil = importers.jalankan(
        "evaluasi-triwulan", tulis_xlsx(tmp_path / "a.xlsx", {"E": baris}), opd=opd, tahun=2024, simpan=True
    )
    assert hasil.disimpan
    baris[23][6] = "59"
    berkas = tulis_xlsx(tmp_path / "b.xlsx", {"E": baris})
    realisasi = Realisasi.objects.get(indikator__sub_kegiatan__kode="1.06.04.2.01.0001", triwulan=1)
    return opd, berkas, realisasi


def _simpan_operator(user, realisasi, nilai):
    return services.simpan_isian(
        user=user,
        pelaporan=services.pelaporan_unit(realisasi.indikator.renstra.opd, None, 2024, 1),
        baris=[_baris(realisasi.indikator, nilai, versi=realisasi.versi)],
        anggaran=[],
        boleh_diubah={realisasi.indikator_id},
    )


@pytest.mark.django_db
def test_a_row_saved_after_the_preview_stops_the_import_naming_the_row_and_who_saved_it(purwakarta):
    opd, berkas, realisasi = purwakarta
    pratinjau = importers.jalankan("evaluasi-triwulan", berkas, opd=opd, tahun=2024)
    assert pratinjau.sah and pratinjau.jumlah["Realisasi"]["diubah"] == 1
    _simpan_operator(operator(opd=opd, first_name="Rina"), realisasi, "60")

    hasil = importers.jalankan(
        "evaluasi-triwulan", berkas, opd=opd, tahun=2024, simpan=True, versi_pratinjau=pratinjau.versi
    )

    assert not hasil.disimpan
    (masalah,) = hasil.galat
    assert "telah diubah oleh Rina pada" in masalah.pesan and "sejak pratinjau berkas ini dibuat" in masalah.pesan
    assert (masalah.lembar, masalah.baris) == ("E", 24)
    realisasi.refresh_from_db()
    assert (realisasi.nilai, realisasi.versi) == (60, 2)


@pytest.mark.django_db
def test_an_import_approved_unchanged_since_its_preview_writes_and_raises_the_version_once(purwakarta):
    opd, berkas, realisasi = purwakarta
    pratinjau = importers.jalankan("evaluasi-triwulan", berkas, opd=opd, tahun=2024)

    hasil = importers.jalankan(
        "evaluasi-triwulan", berkas, opd=opd, tahun=2024, simpan=True, versi_pratinjau=pratinjau.versi
    )

    assert hasil.disimpan
    realisasi.refresh_from_db()
    assert (realisasi.nilai, realisasi.versi) == (59, 2)
    assert sorted(h.versi for h in realisasi.history.all()) == [1, 2]


@pytest.mark.django_db
def test_an_operator_saving_from_a_page_opened_before_the_import_gets_a_conflict(purwakarta):
    opd, berkas, realisasi = purwakarta
    dibuka = Realisasi.objects.get(pk=realisasi.pk)  # the version the operator's page shows
    assert importers.jalankan("evaluasi-triwulan", berkas, opd=opd, tahun=2024, simpan=True).disimpan

    with pytest.raises(Konflik) as e:
        _simpan_operator(operator(opd=opd), dibuka, "61")
    (bentrok,) = e.value.bentrok
    assert (bentrok.nilai_anda, bentrok.nilai_tersimpan) == ("61", "59")


# --- two connections (PostgreSQL) ----------------------------------------------------------


class _Thread(threading.Thread):
    """Runs `fungsi` on its own database connection; keeps its result or its exception."""

    def __init__(self, fungsi):
        super().__init__(daemon=True)
        self.fungsi, self.hasil, self.galat = fungsi, None, None

    def run(self):
        try:
            self.hasil = self.fungsi()
        except BaseException as e:  # the test reads it
            self.galat = e
        finally:
            connection.close()


def _tahan(fungsi_kunci):
    """A thread holding the lock `fungsi_kunci()` takes until `lepas` is set."""
    terkunci, lepas = threading.Event(), threading.Event()

    def tahan():
        with transaction.atomic():
            fungsi_kunci()
            terkunci.set()
            assert lepas.wait(30)

    t = _Thread(tahan)
    t.start()
    assert terkunci.wait(30)
    return t, lepas


def _menunggu(penulis):
    """True when `penulis` (a started thread) is still blocked half a second later."""
    penulis.join(0.5)
    return penulis.is_alive()


def _kunci_baris_pelaporan(dinas):
    return lambda: Pelaporan.objects.select_for_update().get(opd=dinas.opd, tahun=2024, triwulan=4)


PENULIS = {
    "simpan": lambda d: _simpan(d, nilai="7", versi=1),
    "ajukan": lambda d: _ajukan(d),
    "verifikasi": lambda d: services.verifikasi_pelaporan(user=d.penilai, pelaporan=d.pelaporan),
    "kembalikan": lambda d: services.kembalikan_pelaporan(user=d.penilai, pelaporan=d.pelaporan, catatan="Cek."),
    "buka_kembali": lambda d: services.buka_kembali_pelaporan(user=d.admin, pelaporan=d.pelaporan, alasan="Ralat."),
}
STATUS_AWAL = {"simpan": "draft", "ajukan": "draft", "verifikasi": DIAJUKAN, "kembalikan": DIAJUKAN}


@hanya_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("nama", list(PENULIS))
def test_every_writer_of_a_quarter_waits_for_the_submissions_row_lock(dinas, nama):
    _lengkapi(dinas)
    _simpan(dinas, nilai="12")
    status = STATUS_AWAL.get(nama, DIVERIFIKASI)
    Pelaporan.objects.filter(opd=dinas.opd).update(status=status)
    dinas.pelaporan = services.pelaporan_unit(dinas.opd, None, 2024, 4)
    dinas.penilai, dinas.admin = verifikator(), admin()
    pemegang, lepas = _tahan(_kunci_baris_pelaporan(dinas))

    penulis = _Thread(lambda: PENULIS[nama](dinas))
    penulis.start()
    try:
        assert _menunggu(penulis), f"{nama} did not wait for the submission's lock"
    finally:
        lepas.set()
        pemegang.join(30)
        penulis.join(30)
    assert penulis.galat is None, penulis.galat


@hanya_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_save_waiting_for_a_submission_in_progress_is_refused_once_it_is_submitted(dinas, monkeypatch):
    _lengkapi(dinas)
    _simpan(dinas, nilai="12")
    dibuka = services.pelaporan_unit(dinas.opd, None, 2024, 4)
    di_tengah, lanjut = threading.Event(), threading.Event()
    asli = services.belum_lengkap

    def pelan(*args):  # the submission, holding its lock, pauses before it writes
        di_tengah.set()
        assert lanjut.wait(30)
        return asli(*args)

    monkeypatch.setattr(services, "belum_lengkap", pelan)
    pengaju = _Thread(lambda: _ajukan(dinas))
    pengaju.start()
    assert di_tengah.wait(30)
    penyimpan = _Thread(lambda: _simpan(dinas, nilai="99", versi=1, pelaporan=dibuka))
    penyimpan.start()
    try:
        assert _menunggu(penyimpan)
    finally:
        lanjut.set()
        pengaju.join(30)
        penyimpan.join(30)

    assert pengaju.galat is None
    assert isinstance(penyimpan.galat, services.StatusBerubah)
    assert Realisasi.objects.get(indikator=dinas.darurat).nilai == 12
    assert Pelaporan.objects.get().status == DIAJUKAN


@hanya_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_of_a_verification_and_a_return_at_once_the_second_is_refused(dinas, monkeypatch):
    _lengkapi(dinas)
    _simpan(dinas, nilai="12")
    _ajukan(dinas)
    dibuka = services.pelaporan_unit(dinas.opd, None, 2024, 4)
    di_tengah, lanjut = threading.Event(), threading.Event()
    asli = services._simpan

    def pelan(obj, *args, **kwargs):
        if isinstance(obj, Pelaporan) and obj.status == DIVERIFIKASI:
            di_tengah.set()
            assert lanjut.wait(30)
        return asli(obj, *args, **kwargs)

    monkeypatch.setattr(services, "_simpan", pelan)
    pertama = _Thread(lambda: services.verifikasi_pelaporan(user=verifikator(first_name="Sari"), pelaporan=dibuka))
    pertama.start()
    assert di_tengah.wait(30)
    kedua = _Thread(lambda: services.kembalikan_pelaporan(user=verifikator(), pelaporan=dibuka, catatan="Kurang."))
    kedua.start()
    try:
        assert _menunggu(kedua)
    finally:
        lanjut.set()
        pertama.join(30)
        kedua.join(30)

    assert pertama.galat is None
    assert isinstance(kedua.galat, services.StatusBerubah)
    assert "sudah berstatus diverifikasi oleh Sari" in str(kedua.galat)
    assert Pelaporan.objects.get().status == DIVERIFIKASI


@hanya_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_operator_saving_while_an_import_writes_gets_a_conflict_and_no_version_repeats(purwakarta, monkeypatch):
    from kinerja.importers.selaras import Penyelaras

    opd, berkas, realisasi = purwakarta
    dibuka = Realisasi.objects.get(pk=realisasi.pk)
    di_tengah, lanjut = threading.Event(), threading.Event()
    asli = Penyelaras.tulis

    def pelan(self, urutan):  # the import has read every row and is about to write
        di_tengah.set()
        assert lanjut.wait(30)
        return asli(self, urutan)

    monkeypatch.setattr(Penyelaras, "tulis", pelan)
    pengimpor = _Thread(lambda: importers.jalankan("evaluasi-triwulan", berkas, opd=opd, tahun=2024, simpan=True))
    pengimpor.start()
    assert di_tengah.wait(30)
    penyimpan = _Thread(lambda: _simpan_operator(operator(opd=opd), dibuka, "61"))
    penyimpan.start()
    try:
        assert _menunggu(penyimpan), penyimpan.galat
    finally:
        lanjut.set()
        pengimpor.join(60)
        penyimpan.join(30)

    assert pengimpor.galat is None and pengimpor.hasil.disimpan
    assert isinstance(penyimpan.galat, Konflik)
    realisasi.refresh_from_db()
    assert (realisasi.nilai, realisasi.versi) == (59, 2)
    versi = [h.versi for h in realisasi.history.all()]
    assert sorted(versi) == sorted(set(versi)) == [1, 2]


# --- the admin and its flat imports follow the same rule ------------------------------------


def _isian_form_admin(respons):
    """The POST data of an admin change page as its browser would send it untouched."""
    data = {}
    form = respons.context["adminform"].form
    for nama in form.fields:
        nilai = form[nama].value()
        data[nama] = "" if nilai is None else nilai
    for inline in respons.context["inline_admin_formsets"]:
        for nama, nilai in inline.formset.management_form.initial.items():
            data[f"{inline.formset.prefix}-{nama}"] = nilai
    return data


@pytest.mark.django_db
def test_an_edit_in_the_admin_raises_the_version_and_an_older_entry_page_gets_a_conflict(client, dinas):
    _simpan(dinas, nilai="12")
    dibuka = Realisasi.objects.get(indikator=dinas.darurat)  # the operator's page shows version 1
    pengurus = admin(first_name="Andi")
    client.force_login(pengurus)
    url = f"/admin/kinerja/realisasi/{dibuka.pk}/change/"
    data = _isian_form_admin(client.get(url))

    respons = client.post(url, data | {"nilai": "13"})

    assert respons.status_code == 302
    r = Realisasi.objects.get(pk=dibuka.pk)
    assert (r.nilai, r.versi, r.diubah_oleh) == (13, 2, pengurus)
    assert r.history.first().history_user == pengurus
    with pytest.raises(Konflik) as e:
        _simpan(dinas, nilai="14", versi=dibuka.versi)
    assert e.value.bentrok[0].diubah_oleh == pengurus


@pytest.mark.django_db
def test_an_admin_form_opened_before_an_operators_save_refuses_to_overwrite_it(client, dinas):
    _simpan(dinas, nilai="12")
    client.force_login(admin())
    url = f"/admin/kinerja/realisasi/{Realisasi.objects.get().pk}/change/"
    data = _isian_form_admin(client.get(url))
    _simpan(dinas, nilai="15", versi=1)  # the operator saves meanwhile

    respons = client.post(url, data | {"nilai": "13"})

    assert respons.status_code == 200  # the form again, with the reason
    assert "telah diubah oleh Rina pada 20 Desember 2024 pukul 10.00 (versi 2) sejak halaman ini dibuka" in (
        respons.content.decode()
    )
    assert (Realisasi.objects.get().nilai, Realisasi.objects.get().versi) == (15, 2)


@pytest.mark.django_db
def test_a_flat_import_of_an_export_refuses_rows_saved_since_the_export(dinas):
    from kinerja.resources import RealisasiResource

    _simpan(dinas, nilai="12")
    ekspor = RealisasiResource().export()
    _simpan(dinas, nilai="15", versi=1)  # an operator saves after the export
    kolom = ekspor.headers.index("Nilai")
    baris = list(ekspor[0])
    baris[kolom] = "13"
    ekspor[0] = tuple(baris)

    hasil = RealisasiResource().import_data(ekspor, user=admin())

    assert hasil.has_validation_errors()
    (pesan,) = [m for row in hasil.invalid_rows for m in row.error.messages]
    assert "telah diubah oleh Rina" in pesan and "sejak berkas ini diekspor (versi 1)" in pesan
    assert (Realisasi.objects.get().nilai, Realisasi.objects.get().versi) == (15, 2)


@pytest.mark.django_db
def test_a_flat_import_writes_one_version_more_with_its_author(dinas):
    from kinerja.resources import RealisasiResource

    _simpan(dinas, nilai="12")
    ekspor = RealisasiResource().export()
    baris = list(ekspor[0])
    baris[ekspor.headers.index("Nilai")] = "13"
    ekspor[0] = tuple(baris)
    pengurus = admin()

    hasil = RealisasiResource().import_data(ekspor, user=pengurus)

    assert not hasil.has_errors() and not hasil.has_validation_errors()
    r = Realisasi.objects.get()
    assert (r.nilai, r.versi, r.diubah_oleh) == (13, 2, pengurus)
    assert sorted(h.versi for h in r.history.all()) == [1, 2]
