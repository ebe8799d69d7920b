"""Writes of the measurement domain: saving a quarter's entries, and the submission workflow.

Every function checks what it may do before writing anything, writes in one transaction, and
saves rows one by one so that the audit history records each change with its user (and, for the
workflow, the reason). Each takes the submission's row lock first and checks the quarter's status
under it (kinerja/versi.py), so two writers of one quarter follow one another.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from kinerja import rules
from renstra.models import Indikator, Renstra, Tingkat
from renstra.selectors import renstra_berlaku

from .audit import catat_setelah_commit, nama_pengguna
from .models import CatatanData, CatatanDiskusi, DataDukung, Pelaporan, Realisasi, RealisasiAnggaran
from .models.realisasi import pesan_bukan_triwulan_tahunan
from .periode import romawi, sudah_lewat
from .sinyal import kabarkan_perubahan
from .versi import Bentrok, Konflik, berubah_sejak, kunci_pelaporan, tandai

__all__ = ["Bentrok", "Konflik"]  # raised by simpan_isian; defined with the version rule

DAPAT_DIUBAH = (Pelaporan.Status.DRAFT, Pelaporan.Status.DIKEMBALIKAN)


class StatusBerubah(ValidationError):
    """The quarter is no longer in a state that allows the action (someone else submitted,
    verified, returned or reopened it first); nothing was written."""


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


def _periksa_pengisi(user, pelaporan):
    if not user.has_perm("kinerja.isi_pelaporan", pelaporan):
        raise PermissionDenied("Anda tidak dapat mengisi realisasi perangkat daerah atau bidang ini.")


def periksa_dapat_diisi(user, pelaporan):
    """403 unless `user` may write this submission's rows and it is still a draft or returned."""
    _periksa_pengisi(user, pelaporan)
    if pelaporan.status not in DAPAT_DIUBAH:
        raise PermissionDenied(
            f"Triwulan ini berstatus {pelaporan.get_status_display().lower()}; isiannya tidak dapat diubah lagi."
        )


def _langkah_terakhir(pelaporan):
    """Who moved the submission to its status, and when ("oleh Rina pada 3 Januari 2025 10.15")."""
    S = Pelaporan.Status
    oleh, pada = {
        S.DIAJUKAN: (pelaporan.diajukan_oleh, pelaporan.diajukan_pada),
        S.DIVERIFIKASI: (pelaporan.diverifikasi_oleh, pelaporan.diverifikasi_pada),
    }.get(pelaporan.status, (None, None))
    teks = f" oleh {oleh}" if oleh else ""
    if pada:
        lokal = timezone.localtime(pada)
        teks += f" pada {rules.format_waktu(lokal)}"
    return teks


def _periksa_masih_diisi(pelaporan):
    if pelaporan.status not in DAPAT_DIUBAH:
        raise StatusBerubah(
            f"Triwulan {romawi(pelaporan.triwulan)} {pelaporan.tahun} sudah "
            f"{pelaporan.get_status_display().lower()}{_langkah_terakhir(pelaporan)}; isiannya tidak dapat diubah "
            "lagi dan tidak ada yang disimpan. Minta verifikator mengembalikannya bila perlu diperbaiki."
        )


def kunci_untuk_diisi(user, pelaporan):
    """Lock the submission of `pelaporan`'s unit and quarter and check, under the lock, that
    `user` may still write its rows; `StatusBerubah` when it was submitted or verified meanwhile."""
    _periksa_pengisi(user, pelaporan)
    terkunci = kunci_pelaporan(pelaporan.opd, pelaporan.bidang, pelaporan.tahun, pelaporan.triwulan, user)
    _periksa_masih_diisi(terkunci)
    return terkunci


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
    tahun, triwulan = pelaporan.tahun, pelaporan.triwulan
    diubah = [b for b in baris if b.diubah]
    anggaran_diubah = [a for a in anggaran if a.diubah]
    liar = [b.indikator for b in diubah if b.indikator.pk not in boleh_diubah]
    if liar:
        raise PermissionDenied(f'Indikator "{liar[0]}" bukan bagian isian Anda.')
    for b in diubah:
        if any(v not in (None, "") for v in b.data.values()) and (
            pesan := pesan_bukan_triwulan_tahunan(b.indikator, tahun, triwulan)
        ):
            raise ValidationError(pesan)
    if not diubah and not anggaran_diubah:
        _periksa_pengisi(user, pelaporan)
        _periksa_masih_diisi(pelaporan)
        return HasilSimpan()
    pelaporan = kunci_untuk_diisi(user, pelaporan)
    lama = {
        r.indikator_id: r
        for r in Realisasi.objects.select_for_update(of=("self",))
        .filter(indikator__in=[b.indikator for b in diubah], tahun=tahun, triwulan=triwulan)
        .select_related("tingkat", "diubah_oleh")
    }
    anggaran_lama = {
        r.sub_kegiatan_id: r
        for r in RealisasiAnggaran.objects.select_for_update(of=("self",))
        .filter(sub_kegiatan__in=[a.sub_kegiatan for a in anggaran_diubah], tahun=tahun, triwulan=triwulan)
        .select_related("diubah_oleh")
    }
    bentrok = [
        Bentrok(str(b.indikator), _teks_isian(b), _teks_realisasi(r), r and r.diubah_oleh, r and r.diubah_pada)
        for b in diubah
        if berubah_sejak(b.versi, r := lama.get(b.indikator.pk))
    ]
    bentrok += [
        Bentrok(
            f"Realisasi anggaran kegiatan {a.sub_kegiatan.uraian}"
            if a.sub_kegiatan.mewakili_kegiatan
            else f"Realisasi keuangan {a.sub_kegiatan.kode_tampil}",
            rules.format_rupiah(a.nilai) or "(kosong)",
            rules.format_rupiah(r.nilai) if r else "(kosong)",
            r and r.diubah_oleh,
            r and r.diubah_pada,
        )
        for a in anggaran_diubah
        if berubah_sejak(a.versi, r := anggaran_lama.get(a.sub_kegiatan.pk))
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
        if r.nilai != b.data.get("nilai"):
            r.tertulis_strip = False  # a value typed here is no longer the workbook's "-"
        r.nilai = b.data.get("nilai")
        r.pembilang, r.penyebut = b.data.get("pembilang"), b.data.get("penyebut")
        r.tingkat_id = int(b.data["tingkat"]) if b.data.get("tingkat") else None
        for nama in Realisasi.NARASI:
            setattr(r, nama, b.data.get(nama) or "")
        tandai(r, user)
        r.terlambat = terlambat
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
            tandai(r, user)
            r.terlambat = terlambat
            _simpan(r, user, dari_isian=True)
        hasil.anggaran += 1
    if hasil.realisasi or hasil.anggaran:
        catat_setelah_commit(
            "realisasi.disimpan",
            **kolom_pelaporan(user, pelaporan),
            realisasi_dibuat=realisasi_baru,
            realisasi_diubah=hasil.realisasi - realisasi_baru,
            anggaran_dibuat=anggaran_baru,
            anggaran_diubah=hasil.anggaran - anggaran_baru - anggaran_dihapus,
            anggaran_dihapus=anggaran_dihapus,
            terlambat=terlambat,
        )
        kabarkan_perubahan(pelaporan.opd_id, tahun, triwulan)
    return hasil


def _pasang_renstra(*daftar):
    """Give every object of the lists (indicators, programs) its Renstra, read in one query: each
    row's clean() checks its year against the Renstra's period, which would otherwise be read
    once per row."""
    objek = [o for d in daftar for o in d]
    renstra = Renstra.objects.in_bulk({o.renstra_id for o in objek})
    for o in objek:
        o.renstra = renstra[o.renstra_id]


def kolom_pelaporan(user, pelaporan, **lain):
    """The audit fields naming who acted on which unit and quarter."""
    return {
        "pengguna": nama_pengguna(user),
        "opd": pelaporan.opd.kode,
        "bidang": pelaporan.bidang.nama if pelaporan.bidang_id else None,
        "tahun": pelaporan.tahun,
        "triwulan": pelaporan.triwulan,
        **lain,
    }


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
    submission's quarter (indicators under a sub kegiatan cut by refocusing are not asked, nor
    annual indicators before the quarter that closes their year)."""
    ditanya = [i for i in indikator if not i.dipotong_refocusing and rules.diukur_pada(i.tahunan, pelaporan.triwulan)]
    terisi = {
        r.indikator_id
        for r in Realisasi.objects.filter(indikator__in=ditanya, tahun=pelaporan.tahun, triwulan=pelaporan.triwulan)
        if r.terisi
    }
    return [i for i in ditanya if i.pk not in terisi]


@transaction.atomic
def ajukan_pelaporan(*, user, pelaporan, indikator):
    """Submit a quarter: only a quarter of a year the agency's Renstra covers, and only when every
    indicator of the submission (`indikator`) has a value or an explanation in keterangan."""
    pelaporan = kunci_untuk_diisi(user, pelaporan)
    if renstra_berlaku(pelaporan.opd, pelaporan.tahun) is None:
        raise ValidationError(
            f"Tahun {pelaporan.tahun} tidak termasuk periode Renstra {pelaporan.opd} yang berlaku; "
            "tidak ada triwulan yang dapat diajukan untuk tahun itu."
        )
    if not indikator:
        raise ValidationError("Unit ini tidak mempunyai indikator untuk tahun itu; tidak ada yang dapat diajukan.")
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
    pelaporan.catatan = ""  # a return's note or a reopening's reason: its step's, in the history
    pelaporan.terlambat = sudah_lewat(pelaporan.tahun, pelaporan.triwulan, pelaporan, sekarang)
    _simpan(pelaporan, user, "Diajukan" + (" (terlambat)" if pelaporan.terlambat else ""))
    catat_setelah_commit("pelaporan.diajukan", **kolom_pelaporan(user, pelaporan, terlambat=pelaporan.terlambat))
    return pelaporan


def _kunci_untuk_diputuskan(user, pelaporan):
    """Lock the submission and check, under the lock, that it still waits for a decision: of two
    reviewers deciding at once, the second is told what the first decided."""
    if not user.has_perm("kinerja.putuskan_pelaporan", pelaporan):
        raise PermissionDenied("Hanya verifikator yang dapat memverifikasi atau mengembalikan pelaporan.")
    terkunci = kunci_pelaporan(pelaporan.opd, pelaporan.bidang, pelaporan.tahun, pelaporan.triwulan, user)
    if terkunci.status != Pelaporan.Status.DIAJUKAN:
        raise StatusBerubah(
            f"Pelaporan ini sudah berstatus {terkunci.get_status_display().lower()}{_langkah_terakhir(terkunci)}; "
            "hanya pelaporan yang sedang diajukan yang dapat diputuskan. Keputusan Anda tidak disimpan."
        )
    return terkunci


def _catatan_keputusan(user, pelaporan):
    """A decision with a note is also a note of the submission's discussion (kinerja/diskusi.py),
    of kind keputusan with the status it gave."""
    if pelaporan.catatan:
        CatatanDiskusi.objects.create(
            pelaporan=pelaporan,
            jenis=CatatanDiskusi.Jenis.KEPUTUSAN,
            keputusan=pelaporan.status,
            isi=pelaporan.catatan,
            penulis=user,
            dari_verifikator=True,
        )


@transaction.atomic
def verifikasi_pelaporan(*, user, pelaporan, catatan=""):
    """Verify a submitted quarter. `catatan` is the verifier's own note (may be empty): a note
    of an earlier return was the return's, and submitting again cleared it."""
    pelaporan = _kunci_untuk_diputuskan(user, pelaporan)
    pelaporan.status = Pelaporan.Status.DIVERIFIKASI
    pelaporan.diverifikasi_pada, pelaporan.diverifikasi_oleh = timezone.now(), user
    pelaporan.catatan = (catatan or "").strip()
    _simpan(pelaporan, user, "Diverifikasi")
    _catatan_keputusan(user, pelaporan)
    catat_setelah_commit(
        "pelaporan.diverifikasi", **kolom_pelaporan(user, pelaporan, panjang_catatan=len(pelaporan.catatan))
    )
    return pelaporan


@transaction.atomic
def kembalikan_pelaporan(*, user, pelaporan, catatan):
    """Return a submitted quarter to the operator with a note of what to correct; the note
    stays the quarter's until it is submitted again."""
    if not (catatan or "").strip():
        raise ValidationError("Tulis catatan untuk operator: apa yang perlu diperbaiki.")
    pelaporan = _kunci_untuk_diputuskan(user, pelaporan)
    pelaporan.status = Pelaporan.Status.DIKEMBALIKAN
    pelaporan.catatan = catatan.strip()
    _simpan(pelaporan, user, "Dikembalikan")
    _catatan_keputusan(user, pelaporan)
    catat_setelah_commit(
        "pelaporan.dikembalikan", **kolom_pelaporan(user, pelaporan, panjang_catatan=len(pelaporan.catatan))
    )
    return pelaporan


@transaction.atomic
def buka_kembali_pelaporan(*, user, pelaporan, alasan):
    """An admin reopens a submitted or verified quarter for editing; the reason is kept in the
    history. The quarter is a draft again: who submitted and verified it (and whether that was
    late, and the verifier's note) belongs to the history now, not to its current state; its note
    is the reason alone, until it is submitted again."""
    if not user.has_perm("kinerja.buka_pelaporan", pelaporan):
        raise PermissionDenied("Hanya admin yang dapat membuka kembali pelaporan.")
    if not (alasan or "").strip():
        raise ValidationError("Tulis alasan membuka kembali.")
    pelaporan = kunci_pelaporan(pelaporan.opd, pelaporan.bidang, pelaporan.tahun, pelaporan.triwulan, user)
    if pelaporan.status not in (Pelaporan.Status.DIAJUKAN, Pelaporan.Status.DIVERIFIKASI):
        raise StatusBerubah(
            f"Pelaporan ini berstatus {pelaporan.get_status_display().lower()}; tidak ada yang perlu dibuka kembali."
        )
    pelaporan.status = Pelaporan.Status.DRAFT
    pelaporan.catatan = alasan.strip()
    pelaporan.diajukan_pada = pelaporan.diajukan_oleh = None
    pelaporan.diverifikasi_pada = pelaporan.diverifikasi_oleh = None
    pelaporan.terlambat = False
    _simpan(pelaporan, user, f"Dibuka kembali: {alasan.strip()}")
    catat_setelah_commit(
        "pelaporan.dibuka_kembali", **kolom_pelaporan(user, pelaporan, panjang_alasan=len(alasan.strip()))
    )
    return pelaporan


def _periksa_batas_data_dukung(realisasi, opd, berkas):
    """Refuse an evidence file beyond KINERJA_DATA_DUKUNG_PER_BARIS files of one indicator's
    quarter, or beyond KINERJA_DATA_DUKUNG_OPD_MB megabytes of one agency's files of a year."""
    batas_baris = settings.KINERJA_DATA_DUKUNG_PER_BARIS
    ada = realisasi.data_dukung.count()
    if ada >= batas_baris:
        raise ValidationError(
            f"Indikator ini sudah mempunyai {ada} data dukung untuk triwulan ini; paling banyak {batas_baris}. "
            "Hapus berkas yang tidak diperlukan, atau gabungkan beberapa berkas menjadi satu PDF."
        )
    batas_mb = settings.KINERJA_DATA_DUKUNG_OPD_MB
    terpakai = (
        DataDukung.objects.filter(realisasi__indikator__renstra__opd=opd, realisasi__tahun=realisasi.tahun).aggregate(
            n=Sum("ukuran")
        )["n"]
        or 0
    )
    if terpakai + berkas.size > batas_mb * 1024 * 1024:
        mb = rules.format_angka(Decimal(terpakai) / 1024 / 1024, 1)
        raise ValidationError(
            f"Data dukung {opd} tahun {realisasi.tahun} sudah {mb} MB; dengan berkas ini melampaui batas "
            f"{rules.format_angka(batas_mb, 0)} MB setahun. Hapus berkas yang tidak diperlukan atau hubungi admin."
        )


@transaction.atomic
def unggah_data_dukung(*, user, pelaporan, indikator, berkas):
    """Attach an evidence file to an indicator's realisation of the quarter. Without one, an
    empty realisation is created to hold it, at version 0 ("no value saved"), so that saving the
    value typed on the same page is not taken for someone else's save. The realisation's row is
    locked while its files are counted (see _periksa_batas_data_dukung)."""
    pelaporan = kunci_untuk_diisi(user, pelaporan)
    Realisasi.objects.get_or_create(
        indikator=indikator,
        tahun=pelaporan.tahun,
        triwulan=pelaporan.triwulan,
        defaults={"diubah_oleh": user, "versi": 0},
    )
    realisasi = Realisasi.objects.select_for_update(of=("self",)).get(
        indikator=indikator, tahun=pelaporan.tahun, triwulan=pelaporan.triwulan
    )
    _periksa_batas_data_dukung(realisasi, pelaporan.opd, berkas)
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
    kunci_untuk_diisi(user, pelaporan)
    data_dukung.delete()  # its file goes once this commits (kinerja/berkas.py)


def selesaikan_catatan(catatan, status, penyelesaian, user):
    """Resolve a data note: accept the computed value, say the data was corrected, or mark the
    printed value as wrong, with a note; the history records who did so and when."""
    if status == CatatanData.Status.TERBUKA:
        raise ValidationError({"status": "Pilih cara penyelesaian catatan."})
    if not (penyelesaian or "").strip():
        raise ValidationError({"penyelesaian": "Tulis alasan penyelesaian catatan ini."})
    catatan.status = status
    catatan.penyelesaian = penyelesaian.strip()
    catatan.diselesaikan_oleh = user
    catatan.diselesaikan_pada = timezone.now()
    catatan._change_reason = f"Diselesaikan: {CatatanData.Status(status).label}"
    catatan.save()
    return catatan
