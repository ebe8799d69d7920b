"""Writes of the measurement domain: saving a quarter's entries, and the submission workflow.

Every function checks what it may do before writing anything, writes in one transaction, and
saves rows one by one so that the audit history records each change with its user (and, for the
workflow, the reason).
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kinerja import rules
from renstra.models import Indikator, Renstra, Tingkat

from .audit import catat_setelah_commit, nama_pengguna
from .models import DataDukung, Pelaporan, Realisasi, RealisasiAnggaran
from .periode import sudah_lewat

DAPAT_DIUBAH = (Pelaporan.Status.DRAFT, Pelaporan.Status.DIKEMBALIKAN)


@dataclass
class Bentrok:
    """A row someone else saved after the page was opened: both values, and who saved theirs."""

    label: str
    nilai_anda: str
    nilai_tersimpan: str
    diubah_oleh: object
    diubah_pada: object


class Konflik(Exception):
    def __init__(self, bentrok):
        self.bentrok = bentrok
        super().__init__(f"{len(bentrok)} baris telah diubah orang lain.")


@dataclass
class IsianBaris:
    """One indicator's entry as typed (cleaned: value, components, level, narrative), with the
    version the page showed. A formula indicator keeps its components; its value is computed
    when read."""

    indikator: Indikator
    data: dict
    versi: int
    diubah: bool


@dataclass
class IsianAnggaran:
    sub_kegiatan: object
    nilai: int | None
    versi: int
    diubah: bool


@dataclass
class HasilSimpan:
    realisasi: int = 0
    anggaran: int = 0
    baris: list = field(default_factory=list)


def pelaporan_unit(opd, bidang, tahun, triwulan):
    """The submission of an agency (or one of its bidang) for a quarter; unsaved when it has none."""
    return Pelaporan.objects.filter(opd=opd, bidang=bidang, tahun=tahun, triwulan=triwulan).first() or Pelaporan(
        opd=opd, bidang=bidang, tahun=tahun, triwulan=triwulan
    )


def periksa_dapat_diisi(user, pelaporan):
    """403 unless `user` may write this submission's rows and it is still a draft or returned."""
    if not user.has_perm("kinerja.isi_pelaporan", pelaporan):
        raise PermissionDenied("Anda tidak dapat mengisi realisasi perangkat daerah atau bidang ini.")
    if pelaporan.status not in DAPAT_DIUBAH:
        raise PermissionDenied(
            f"Triwulan ini berstatus {pelaporan.get_status_display().lower()}; isiannya tidak dapat diubah lagi."
        )


def _catat(obj, user, alasan=None):
    obj._history_user = user
    if alasan:
        obj._change_reason = alasan


def _teks(nama_tingkat=None, pembilang=None, penyebut=None, nilai=None):
    """A realisation as a conflict message shows it: the level, the components, or the value."""
    if nama_tingkat:
        return nama_tingkat
    if pembilang is not None:
        return f"{rules.format_angka(pembilang, None)} / {rules.format_angka(penyebut, None)}"
    return rules.format_angka(nilai, None) or "(kosong)"


def _teks_realisasi(r):
    if r is None:
        return "(kosong)"
    return _teks(r.tingkat.nama if r.tingkat_id else None, r.pembilang, r.penyebut, r.nilai)


def _teks_isian(baris):
    d = baris.data
    tingkat = Tingkat.objects.get(pk=d["tingkat"]).nama if d.get("tingkat") else None
    return _teks(tingkat, d.get("pembilang"), d.get("penyebut"), d.get("nilai"))


@transaction.atomic
def simpan_isian(*, user, pelaporan, baris, anggaran, boleh_diubah):
    """Save the rows of a quarter that the operator changed, all or nothing.

    `baris` and `anggaran` are the validated rows of the page; `boleh_diubah` is the set of
    indicator ids this user may write (their agency, their bidang). A changed row that someone
    else saved after the page was opened raises `Konflik` and nothing is written.
    """
    periksa_dapat_diisi(user, pelaporan)
    tahun, triwulan = pelaporan.tahun, pelaporan.triwulan
    diubah = [b for b in baris if b.diubah]
    liar = [b.indikator for b in diubah if b.indikator.pk not in boleh_diubah]
    if liar:
        raise PermissionDenied(f'Indikator "{liar[0]}" bukan bagian isian Anda.')
    lama = {
        r.indikator_id: r
        for r in Realisasi.objects.select_for_update(of=("self",))
        .filter(indikator__in=[b.indikator for b in diubah], tahun=tahun, triwulan=triwulan)
        .select_related("tingkat", "diubah_oleh")
    }
    anggaran_diubah = [a for a in anggaran if a.diubah]
    anggaran_lama = {
        r.sub_kegiatan_id: r
        for r in RealisasiAnggaran.objects.select_for_update(of=("self",))
        .filter(sub_kegiatan__in=[a.sub_kegiatan for a in anggaran_diubah], tahun=tahun, triwulan=triwulan)
        .select_related("diubah_oleh")
    }
    bentrok = [
        Bentrok(str(b.indikator), _teks_isian(b), _teks_realisasi(r), r and r.diubah_oleh, r and r.diubah_pada)
        for b in diubah
        if _disimpan_orang_lain(b.versi, r := lama.get(b.indikator.pk))
    ]
    bentrok += [
        Bentrok(
            f"Realisasi keuangan {a.sub_kegiatan.kode}",
            rules.format_rupiah(a.nilai) or "(kosong)",
            rules.format_rupiah(r.nilai) if r else "(kosong)",
            r and r.diubah_oleh,
            r and r.diubah_pada,
        )
        for a in anggaran_diubah
        if _disimpan_orang_lain(a.versi, r := anggaran_lama.get(a.sub_kegiatan.pk))
    ]
    if bentrok:
        raise Konflik(bentrok)

    _pasang_renstra([b.indikator for b in diubah], [a.sub_kegiatan.kegiatan.program for a in anggaran_diubah])
    terlambat = sudah_lewat(tahun, triwulan, pelaporan)
    hasil = HasilSimpan()
    realisasi_baru = anggaran_baru = anggaran_dihapus = 0
    for b in diubah:
        r = lama.get(b.indikator.pk)
        if r is None and not any(v not in (None, "") for v in b.data.values()):
            continue
        realisasi_baru += r is None
        r = r or Realisasi(tahun=tahun, triwulan=triwulan, versi=0)
        r.indikator = b.indikator  # the page's, with its Renstra: the model's clean() reads it
        r.nilai = b.data.get("nilai")
        r.pembilang, r.penyebut = b.data.get("pembilang"), b.data.get("penyebut")
        r.tingkat_id = int(b.data["tingkat"]) if b.data.get("tingkat") else None
        for nama in Realisasi.NARASI:
            setattr(r, nama, b.data.get(nama) or "")
        r.versi += 1
        r.diubah_oleh, r.terlambat = user, terlambat
        _simpan(r, user, dari_isian=True)
        hasil.realisasi += 1
        hasil.baris.append(r)
    for a in anggaran_diubah:
        r = anggaran_lama.get(a.sub_kegiatan.pk)
        if r is None and a.nilai is None:
            continue
        anggaran_baru += r is None
        r = r or RealisasiAnggaran(tahun=tahun, triwulan=triwulan, versi=0)
        r.sub_kegiatan = a.sub_kegiatan
        if a.nilai is None:
            _catat(r, user)
            r.delete()
            anggaran_dihapus += 1
        else:
            r.nilai = a.nilai
            r.versi += 1
            r.diubah_oleh, r.terlambat = user, terlambat
            _simpan(r, user, dari_isian=True)
        hasil.anggaran += 1
    if (hasil.realisasi or hasil.anggaran) and pelaporan.pk is None:
        _simpan(pelaporan, user)
    if hasil.realisasi or hasil.anggaran:
        catat_setelah_commit(
            "realisasi.disimpan",
            **_kolom_pelaporan(user, pelaporan),
            realisasi_dibuat=realisasi_baru,
            realisasi_diubah=hasil.realisasi - realisasi_baru,
            anggaran_dibuat=anggaran_baru,
            anggaran_diubah=hasil.anggaran - anggaran_baru - anggaran_dihapus,
            anggaran_dihapus=anggaran_dihapus,
            terlambat=terlambat,
        )
    return hasil


def _pasang_renstra(*daftar):
    """Give every object of the lists (indicators, programs) its Renstra, read in one query: each
    row's clean() checks its year against the Renstra's period, which would otherwise be read
    once per row."""
    objek = [o for d in daftar for o in d]
    renstra = Renstra.objects.in_bulk({o.renstra_id for o in objek})
    for o in objek:
        o.renstra = renstra[o.renstra_id]


def _kolom_pelaporan(user, pelaporan, **lain):
    """The audit fields naming who acted on which unit and quarter."""
    return {
        "pengguna": nama_pengguna(user),
        "opd": pelaporan.opd.kode,
        "bidang": pelaporan.bidang.nama if pelaporan.bidang_id else None,
        "tahun": pelaporan.tahun,
        "triwulan": pelaporan.triwulan,
        **lain,
    }


def _disimpan_orang_lain(versi_halaman, tersimpan):
    """The row was saved (or removed) since the page showed version `versi_halaman` (0: no row)."""
    return (tersimpan.versi if tersimpan is not None else 0) != versi_halaman


# The foreign keys of an entry row, set from the page's objects (see _simpan).
KUNCI_ISIAN = frozenset({"indikator", "sub_kegiatan", "tingkat", "diubah_oleh"})


def _simpan(obj, user, alasan=None, dari_isian=False):
    """Validate `obj` and save it with its history reason.

    `dari_isian`: a row of the entry page. Its values come from the page's validated forms, its
    indicator or sub kegiatan and its tingkat from the page's own objects and choices, its quarter
    from the URL, and it is one row per indicator, locked and version-checked by simpan_isian. So
    the model's clean() runs, but the foreign keys are not looked up again and the constraints are
    left to the database, which enforces them anyway. With the Renstra read once for all rows
    (_pasang_renstra), a 115-row save went from 1,970 queries to 269: a row's write and its
    history.
    """
    try:
        if dari_isian:
            obj.full_clean(exclude=KUNCI_ISIAN, validate_constraints=False)
        else:
            obj.full_clean()
    except ValidationError as e:
        raise ValidationError(f"{obj}: {'; '.join(e.messages)}") from e
    _catat(obj, user, alasan)
    obj.save()


def belum_lengkap(pelaporan, indikator):
    """The indicators of `indikator` with neither a value nor an explanation in keterangan for the
    submission's quarter (indicators under a sub kegiatan cut by refocusing are not asked)."""
    ditanya = [i for i in indikator if not i.dipotong_refocusing]
    terisi = {
        r.indikator_id
        for r in Realisasi.objects.filter(indikator__in=ditanya, tahun=pelaporan.tahun, triwulan=pelaporan.triwulan)
        if r.terisi
    }
    return [i for i in ditanya if i.pk not in terisi]


@transaction.atomic
def ajukan_pelaporan(*, user, pelaporan, indikator):
    """Submit a quarter: only when every indicator of the submission (`indikator`) has a value or
    an explanation in keterangan."""
    periksa_dapat_diisi(user, pelaporan)
    kurang = belum_lengkap(pelaporan, indikator)
    if kurang:
        daftar = "; ".join(f'"{i}"' for i in kurang[:5]) + (
            f" dan {len(kurang) - 5} lainnya" if len(kurang) > 5 else ""
        )
        raise ValidationError(
            f"Belum dapat diajukan: {len(kurang)} indikator belum berisi realisasi atau keterangan: {daftar}."
        )
    sekarang = timezone.now()
    pelaporan.status = Pelaporan.Status.DIAJUKAN
    pelaporan.diajukan_pada, pelaporan.diajukan_oleh = sekarang, user
    pelaporan.terlambat = sudah_lewat(pelaporan.tahun, pelaporan.triwulan, pelaporan, sekarang)
    _simpan(pelaporan, user, "Diajukan" + (" (terlambat)" if pelaporan.terlambat else ""))
    catat_setelah_commit("pelaporan.diajukan", **_kolom_pelaporan(user, pelaporan, terlambat=pelaporan.terlambat))
    return pelaporan


def _putuskan(user, pelaporan):
    if not user.has_perm("kinerja.putuskan_pelaporan", pelaporan):
        raise PermissionDenied("Hanya verifikator yang dapat memverifikasi atau mengembalikan pelaporan.")
    if pelaporan.status != Pelaporan.Status.DIAJUKAN:
        raise PermissionDenied("Hanya pelaporan yang sedang diajukan yang dapat diputuskan.")


@transaction.atomic
def verifikasi_pelaporan(*, user, pelaporan, catatan=""):
    _putuskan(user, pelaporan)
    pelaporan.status = Pelaporan.Status.DIVERIFIKASI
    pelaporan.diverifikasi_pada, pelaporan.diverifikasi_oleh = timezone.now(), user
    pelaporan.catatan = catatan
    _simpan(pelaporan, user, "Diverifikasi")
    catat_setelah_commit(
        "pelaporan.diverifikasi", **_kolom_pelaporan(user, pelaporan, panjang_catatan=len(catatan or ""))
    )
    return pelaporan


@transaction.atomic
def kembalikan_pelaporan(*, user, pelaporan, catatan):
    _putuskan(user, pelaporan)
    if not (catatan or "").strip():
        raise ValidationError("Tulis catatan untuk operator: apa yang perlu diperbaiki.")
    pelaporan.status = Pelaporan.Status.DIKEMBALIKAN
    pelaporan.catatan = catatan.strip()
    _simpan(pelaporan, user, "Dikembalikan")
    catat_setelah_commit(
        "pelaporan.dikembalikan", **_kolom_pelaporan(user, pelaporan, panjang_catatan=len(pelaporan.catatan))
    )
    return pelaporan


@transaction.atomic
def buka_kembali_pelaporan(*, user, pelaporan, alasan):
    """An admin reopens a submitted or verified quarter for editing; the reason is kept in the history."""
    if not user.has_perm("kinerja.buka_pelaporan", pelaporan):
        raise PermissionDenied("Hanya admin yang dapat membuka kembali pelaporan.")
    if pelaporan.status not in (Pelaporan.Status.DIAJUKAN, Pelaporan.Status.DIVERIFIKASI):
        raise PermissionDenied("Pelaporan ini belum diajukan; tidak ada yang perlu dibuka kembali.")
    if not (alasan or "").strip():
        raise ValidationError("Tulis alasan membuka kembali.")
    pelaporan.status = Pelaporan.Status.DRAFT
    pelaporan.catatan = f"Dibuka kembali oleh admin: {alasan.strip()}"
    _simpan(pelaporan, user, f"Dibuka kembali: {alasan.strip()}")
    catat_setelah_commit(
        "pelaporan.dibuka_kembali", **_kolom_pelaporan(user, pelaporan, panjang_alasan=len(alasan.strip()))
    )
    return pelaporan


@transaction.atomic
def unggah_data_dukung(*, user, pelaporan, indikator, berkas):
    """Attach an evidence file to an indicator's realisation of the quarter. Without one, an
    empty realisation is created to hold it, at version 0 ("no value saved"), so that saving the
    value typed on the same page is not taken for someone else's save."""
    periksa_dapat_diisi(user, pelaporan)
    realisasi, _ = Realisasi.objects.get_or_create(
        indikator=indikator,
        tahun=pelaporan.tahun,
        triwulan=pelaporan.triwulan,
        defaults={"diubah_oleh": user, "versi": 0},
    )
    if pelaporan.pk is None:
        _simpan(pelaporan, user)
    return DataDukung.objects.create(
        realisasi=realisasi,
        berkas=berkas,
        nama_asli=berkas.name[:255],
        ukuran=berkas.size,
        tipe=getattr(berkas, "content_type", "") or "",
        diunggah_oleh=user,
    )


@transaction.atomic
def hapus_data_dukung(*, user, pelaporan, data_dukung):
    periksa_dapat_diisi(user, pelaporan)
    data_dukung.berkas.delete(save=False)
    data_dukung.delete()
