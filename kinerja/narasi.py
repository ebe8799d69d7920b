"""The LKjIP's narrative sections: reading an agency's year, saving a section (checked, one
transaction, with its history row and optimistic concurrency), and starting a year from the text
of the year before."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from renstra.models import Indikator

from .models import NarasiLaporan
from .models.narasi import PER_INDIKATOR


def kunci_narasi(bagian, indikator_id=None):
    """How a section is found in `narasi_tahun`: ("faktor_pendorong", 12) or ("kata_pengantar", None)."""
    return (str(bagian), indikator_id)


def narasi_tahun(opd, tahun):
    """{(bagian, indikator id or None): NarasiLaporan} of an agency's year, in one query."""
    return {
        kunci_narasi(n.bagian, n.indikator_id): n
        for n in NarasiLaporan.objects.filter(opd=opd, tahun=tahun).select_related("diubah_oleh")
    }


def rapikan(teks):
    """The text as stored: browser line breaks made plain, blanks around it dropped."""
    return (teks or "").replace("\r\n", "\n").replace("\r", "\n").strip()


class NarasiBentrok(Exception):
    """Someone saved the section after the form was opened: nothing was written."""

    def __init__(self, narasi):
        self.narasi = narasi
        oleh = narasi.diubah_oleh or "pengguna lain"
        super().__init__(f"Bagian ini baru saja diubah oleh {oleh}; teks Anda belum disimpan.")


def periksa_penulis(user, opd):
    if not user.has_perm("kinerja.tulis_narasi", opd):
        raise PermissionDenied("Anda tidak dapat menulis narasi laporan perangkat daerah ini.")


def _periksa_bagian(opd, tahun, bagian, indikator):
    if bagian not in NarasiLaporan.Bagian.values:
        raise ValidationError({"bagian": "Bagian narasi tidak dikenal."})
    if bagian in PER_INDIKATOR and indikator is None:
        raise ValidationError({"indikator": "Bagian ini ditulis per indikator: pilih indikatornya."})
    if bagian not in PER_INDIKATOR and indikator is not None:
        raise ValidationError({"indikator": "Bagian ini ditulis untuk seluruh perangkat daerah, bukan per indikator."})


@dataclass
class HasilSimpanNarasi:
    narasi: NarasiLaporan
    berubah: bool


@transaction.atomic
def simpan_narasi(*, user, opd, tahun, bagian, teks, versi, indikator=None):
    """Save one section. `versi` is the version the form showed (0 for a section not written
    yet); when someone saved it since, `NarasiBentrok` is raised and nothing is written. Text
    that did not change writes nothing."""
    periksa_penulis(user, opd)
    _periksa_bagian(opd, tahun, bagian, indikator)
    narasi = (  # lock the section's row only: PostgreSQL does not lock the outer-joined user
        NarasiLaporan.objects.select_for_update(of=("self",))
        .select_related("diubah_oleh")
        .filter(opd=opd, tahun=tahun, bagian=bagian, indikator=indikator)
        .first()
    )
    stored = narasi.versi if narasi else 0
    if versi != stored:
        raise NarasiBentrok(narasi) if narasi else ValidationError("Bagian ini sudah dihapus; muat ulang halaman.")
    teks = rapikan(teks)
    if narasi is not None and narasi.teks == teks:
        return HasilSimpanNarasi(narasi, berubah=False)
    if narasi is None:
        narasi = NarasiLaporan(opd=opd, tahun=tahun, bagian=bagian, indikator=indikator)
    else:
        narasi.versi += 1
    narasi.teks = teks
    narasi.diubah_oleh = user
    narasi.full_clean()
    narasi._history_user = user
    narasi.save()
    return HasilSimpanNarasi(narasi, berubah=True)


@dataclass
class HasilSalin:
    disalin: int = 0
    dilewati: int = 0  # sections already written this year, or whose indicator has no successor


def _penerus(indikator_lalu, tahun):
    """The indicator of `tahun` that continues an indicator of the year before: itself when its
    Renstra still covers `tahun`, else the indicator of a later Renstra naming it as pendahulu."""
    if indikator_lalu.renstra.mencakup(tahun):
        return indikator_lalu
    return next((i for i in indikator_lalu.penerus.all() if i.renstra.mencakup(tahun) and i.renstra.aktif), None)


@transaction.atomic
def salin_narasi_tahun_lalu(*, user, opd, tahun):
    """Start `tahun` from the text of the year before: each section written last year and still
    empty this year is copied (per-indicator sections to the same indicator, or to its successor
    in a new Renstra). Nothing already written is overwritten."""
    periksa_penulis(user, opd)
    sekarang = narasi_tahun(opd, tahun)
    lalu = NarasiLaporan.objects.filter(opd=opd, tahun=tahun - 1).select_related("indikator__renstra")
    lalu = lalu.prefetch_related("indikator__penerus__renstra")
    hasil = HasilSalin()
    for n in lalu:
        if not n.teks:
            continue
        indikator = _penerus(n.indikator, tahun) if n.indikator_id else None
        if n.indikator_id and indikator is None:
            hasil.dilewati += 1
            continue
        ada = sekarang.get(kunci_narasi(n.bagian, indikator.pk if indikator else None))
        if ada is not None and ada.teks:
            hasil.dilewati += 1
            continue
        baru = ada or NarasiLaporan(opd=opd, tahun=tahun, bagian=n.bagian, indikator=indikator)
        if ada is not None:
            baru.versi += 1
        baru.teks = n.teks
        baru.diubah_oleh = user
        baru.full_clean()
        baru._history_user = user
        baru._change_reason = f"Disalin dari narasi tahun {tahun - 1}"
        baru.save()
        hasil.disalin += 1
    return hasil


def indikator_narasi(opd, tahun, pk):
    """The indicator a per-indicator section may be written for: one of the agency's Renstra in
    force in `tahun` (None otherwise)."""
    return (
        Indikator.objects.filter(pk=pk, renstra__opd=opd, renstra__aktif=True)
        .filter(renstra__tahun_awal__lte=tahun, renstra__tahun_akhir__gte=tahun)
        .select_related("renstra")
        .first()
    )
