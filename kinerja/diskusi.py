"""The discussion of a submission and the follow-up of its recommendations (issue 22, parts 3
and 5): writing a note, answering a recommendation in the next quarter, and the reads of the
entry and review pages.

Who may write what: the operators of the unit (the same rule as its entry page,
"kinerja.isi_pelaporan") write notes and answer; the verifikator and the admin (whoever may
decide on submissions, "kinerja.putuskan_pelaporan") also write findings (temuan) and
recommendations (rekomendasi). A decision's note (keputusan) is written only by the workflow
(services.kembalikan_pelaporan, and services.verifikasi_pelaporan with a note). Notes can be written whatever the
quarter's status: they change no figure. A recommendation's follow-up is answered only while the
next quarter's entry can still be edited (the entry page's lock rule, services.kunci_untuk_diisi).
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kinerja import rules

from . import services
from .audit import catat_setelah_commit
from .models import CatatanDiskusi, Pelaporan, TindakLanjut
from .selectors import indikator_pelaporan
from .versi import kunci_pelaporan

Jenis = CatatanDiskusi.Jenis
JENIS_OPERATOR = (Jenis.CATATAN,)
JENIS_VERIFIKATOR = (Jenis.CATATAN, Jenis.TEMUAN, Jenis.REKOMENDASI)
PANJANG_MAKS = 4000  # as the reviewer's decision note (forms.CatatanForm.BATAS)


def triwulan_berikut(tahun, triwulan):
    """The quarter after (TW I of the next year after TW IV)."""
    return (tahun + 1, 1) if triwulan == 4 else (tahun, triwulan + 1)


def _sebagai_verifikator(user, pelaporan):
    """True when `user` writes as the Bappeda's reviewer, False as the unit's operator;
    PermissionDenied for everyone else."""
    if user.has_perm("kinerja.putuskan_pelaporan", pelaporan):
        return True
    if user.has_perm("kinerja.isi_pelaporan", pelaporan):
        return False
    raise PermissionDenied("Anda tidak dapat menulis catatan pada pelaporan perangkat daerah atau bidang ini.")


def _periksa_isi(isi):
    isi = (isi or "").replace("\r\n", "\n").strip()
    if not isi:
        raise ValidationError({"isi": "Isi catatan: tulis catatan Anda terlebih dahulu."})
    if len(isi) > PANJANG_MAKS:
        raise ValidationError(
            {
                "isi": f"Isi catatan terlalu panjang: {rules.format_angka(len(isi), 0)} karakter; paling banyak "
                f"{rules.format_angka(PANJANG_MAKS, 0)} karakter."
            }
        )
    return isi


def _periksa_indikator(pelaporan, indikator):
    if indikator is None:
        return
    milik_unit = {i.pk for i in indikator_pelaporan(pelaporan.opd, pelaporan.tahun, pelaporan.bidang)}
    if indikator.pk not in milik_unit:
        raise ValidationError(
            {"indikator": f'Indikator: "{indikator}" bukan indikator {pelaporan.bidang or pelaporan.opd} tahun ini.'}
        )


@transaction.atomic
def tulis_catatan(user, pelaporan, isi, jenis=Jenis.CATATAN, indikator=None, menjawab=None):
    """Write a note on a submission (`menjawab`: the note it answers, of the same submission).
    A recommendation becomes the next quarter's `TindakLanjut` in the same transaction. A unit
    without a submission row yet gets its draft row."""
    dari_verifikator = _sebagai_verifikator(user, pelaporan)
    if jenis not in Jenis.values:
        raise ValidationError({"jenis": "Jenis catatan tidak dikenal."})
    if jenis == Jenis.KEPUTUSAN:
        raise ValidationError(
            {"jenis": "Jenis catatan: catatan keputusan ditulis saat memverifikasi atau mengembalikan pelaporan."}
        )
    if jenis not in (JENIS_VERIFIKATOR if dari_verifikator else JENIS_OPERATOR):
        raise PermissionDenied("Hanya verifikator yang dapat menulis temuan atau rekomendasi.")
    isi = _periksa_isi(isi)
    if menjawab is not None and (pelaporan.pk is None or menjawab.pelaporan_id != pelaporan.pk):
        raise ValidationError({"menjawab": "Catatan yang dijawab bukan catatan pelaporan ini."})
    _periksa_indikator(pelaporan, indikator)
    if pelaporan.pk is None:
        pelaporan = kunci_pelaporan(pelaporan.opd, pelaporan.bidang, pelaporan.tahun, pelaporan.triwulan, user)
    catatan = CatatanDiskusi.objects.create(
        pelaporan=pelaporan,
        indikator=indikator,
        menjawab=menjawab,
        jenis=jenis,
        isi=isi,
        penulis=user,
        dari_verifikator=dari_verifikator,
    )
    if jenis == Jenis.REKOMENDASI:
        tahun, triwulan = triwulan_berikut(pelaporan.tahun, pelaporan.triwulan)
        TindakLanjut.objects.create(
            rekomendasi=catatan, opd=pelaporan.opd, bidang=pelaporan.bidang, tahun=tahun, triwulan=triwulan
        )
    catat_setelah_commit(
        "diskusi.ditulis",
        **services.kolom_pelaporan(user, pelaporan, jenis=jenis, menjawab=getattr(menjawab, "pk", None)),
    )
    return catatan


@transaction.atomic
def jawab_tindak_lanjut(user, tindak_lanjut, status, catatan):
    """The agency's answer to a recommendation, in the entry of the quarter after it: only its
    unit's operators, only while that quarter can still be edited. A note is required unless
    the status is "belum" (then it may say why)."""
    if status not in TindakLanjut.Status.values:
        raise ValidationError({"status": "Status tindak lanjut tidak dikenal."})
    catatan = (catatan or "").replace("\r\n", "\n").strip()
    if status != TindakLanjut.Status.BELUM and not catatan:
        raise ValidationError(
            {"catatan": "Catatan tindak lanjut: tulis apa yang sudah dilakukan untuk menindaklanjuti rekomendasi ini."}
        )
    if len(catatan) > PANJANG_MAKS:
        raise ValidationError(
            {"catatan": f"Catatan tindak lanjut terlalu panjang: paling banyak {PANJANG_MAKS} karakter."}
        )
    pelaporan = services.pelaporan_unit(
        tindak_lanjut.opd, tindak_lanjut.bidang, tindak_lanjut.tahun, tindak_lanjut.triwulan
    )
    pelaporan = services.kunci_untuk_diisi(user, pelaporan)
    tindak_lanjut = TindakLanjut.objects.select_for_update().get(pk=tindak_lanjut.pk)
    tindak_lanjut.status, tindak_lanjut.catatan = status, catatan
    tindak_lanjut.dijawab_oleh, tindak_lanjut.dijawab_pada = user, timezone.now()
    tindak_lanjut.full_clean()
    tindak_lanjut.save()
    catat_setelah_commit(
        "tindak_lanjut.dijawab",
        **services.kolom_pelaporan(user, pelaporan, tindak_lanjut=tindak_lanjut.pk, status=status),
    )
    return tindak_lanjut


# --- reads ----------------------------------------------------------------------------------


def catatan_belum_dijawab(pelaporan):
    """The verifikator's notes of a submission that nobody has answered yet, oldest first: its
    notes, findings and recommendations, and the note of its current return (see `Diskusi`)."""
    if pelaporan.pk is None:
        return CatatanDiskusi.objects.none()
    semua = CatatanDiskusi.objects.filter(pelaporan=pelaporan)
    ditanya = Q(jenis__in=JENIS_VERIFIKATOR)
    if kembali := _pengembalian_ini(pelaporan, semua.filter(jenis=Jenis.KEPUTUSAN)):
        ditanya |= Q(pk=kembali.pk)
    return (
        semua.filter(ditanya, dari_verifikator=True, jawaban__isnull=True)
        .select_related("penulis", "indikator")
        .order_by("dibuat_pada", "pk")
    )


def _tindak_lanjut():
    return TindakLanjut.objects.select_related(
        "rekomendasi__penulis", "rekomendasi__indikator", "rekomendasi__pelaporan", "dijawab_oleh"
    ).order_by("rekomendasi__dibuat_pada", "pk")


def tindak_lanjut_untuk(opd, bidang, tahun, triwulan):
    """The follow-up items a unit answers in a quarter: the previous quarter's recommendations."""
    return _tindak_lanjut().filter(opd=opd, bidang=bidang, tahun=tahun, triwulan=triwulan)


def tindak_lanjut_dari(pelaporan):
    """The follow-up items of a submission's recommendations (answered in the quarter after it)."""
    return _tindak_lanjut().filter(rekomendasi__pelaporan=pelaporan)


def _pengembalian_ini(pelaporan, catatan):
    """The note of the quarter's current return among `catatan` (time order), or None."""
    if pelaporan.status != Pelaporan.Status.DIKEMBALIKAN:
        return None
    kembali = [c for c in catatan if c.jenis == Jenis.KEPUTUSAN and c.keputusan == Pelaporan.Status.DIKEMBALIKAN]
    return kembali[-1] if kembali else None


@dataclass
class Diskusi:
    """What the entry and review pages show of a submission's discussion: every note in time
    order (each with `dijawab`), the verifikator's unanswered notes, and the follow-up items the
    unit answers in this quarter.

    A decision's note waits for an answer only while it is the quarter's current return
    (`pengembalian`, shown in the return's banner); a verification's note, or an earlier return's,
    asks nothing more. The pages show a decision's text once, with its step (the banner, the
    review page's history), not again in the discussion."""

    pelaporan: Pelaporan
    catatan: list
    tindak_lanjut: list
    belum_dijawab: list = field(init=False)
    pengembalian: CatatanDiskusi | None = field(init=False)
    pilihan_status = TindakLanjut.Status.choices

    def __post_init__(self):
        dijawab = {c.menjawab_id for c in self.catatan if c.menjawab_id}
        for c in self.catatan:
            c.dijawab = c.pk in dijawab
        kembali = _pengembalian_ini(self.pelaporan, self.catatan)
        self.pengembalian = kembali if kembali and not kembali.dijawab else None
        self.belum_dijawab = [
            c
            for c in self.catatan
            if c.dari_verifikator and not c.dijawab and (c.jenis != Jenis.KEPUTUSAN or c is self.pengembalian)
        ]

    @property
    def belum_dijawab_lain(self):
        """The unanswered notes but the current return's (which its banner shows)."""
        return [c for c in self.belum_dijawab if c is not self.pengembalian]


def diskusi_pelaporan(pelaporan):
    """A submission's discussion for its pages, in two queries (none for a unit without a row:
    its follow-up items still count)."""
    catatan = []
    if pelaporan.pk is not None:
        catatan = list(
            CatatanDiskusi.objects.filter(pelaporan=pelaporan).select_related(
                "penulis", "indikator", "menjawab", "tindak_lanjut__dijawab_oleh"
            )
        )
    tindak_lanjut = list(
        tindak_lanjut_untuk(pelaporan.opd_id, pelaporan.bidang_id, pelaporan.tahun, pelaporan.triwulan)
    )
    return Diskusi(pelaporan=pelaporan, catatan=catatan, tindak_lanjut=tindak_lanjut)
