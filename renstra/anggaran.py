"""The budget line of a kegiatan of the nomenclature before 2021 (Permendagri 13/2006 and its
successors up to Permendagri 90/2019): such a kegiatan has no sub kegiatan, yet Pagu and
RealisasiAnggaran hang on a sub kegiatan. Its budget is kept on ONE hidden sub kegiatan
(`SubKegiatan.mewakili_kegiatan`, kode "", the kegiatan's uraian) that no page shows as a row;
the kegiatan's row shows its sums as usual. Every importer and form that brings a budget for such
a kegiatan goes through these functions, so that there is never a second carrier.
"""

from .models import SubKegiatan


def pembawa_anggaran(kegiatan):
    """The stored carrier of `kegiatan`'s budget, or None (a kegiatan not yet saved has none)."""
    if kegiatan.pk is None:
        return None
    return SubKegiatan.objects.filter(kegiatan=kegiatan, mewakili_kegiatan=True).order_by("pk").first()


def pembawa_anggaran_baru(kegiatan):
    """An unsaved carrier for `kegiatan` (for importers that validate everything before writing)."""
    return SubKegiatan(
        kegiatan=kegiatan,
        kode="",
        uraian=kegiatan.uraian,
        mewakili_kegiatan=True,
        tahun_mulai=kegiatan.tahun_mulai,
        tahun_selesai=kegiatan.tahun_selesai,
    )


def dapatkan_pembawa_anggaran(kegiatan):
    """The carrier of `kegiatan`'s budget, created (and saved) when it has none yet.

    Refused for a kegiatan that has real sub kegiatan: its budget is theirs, summed.
    """
    ada = pembawa_anggaran(kegiatan)
    if ada is not None:
        return ada
    if SubKegiatan.objects.filter(kegiatan=kegiatan, mewakili_kegiatan=False).exists():
        raise ValueError(
            f'Kegiatan "{kegiatan.uraian}" mempunyai sub kegiatan; pagunya adalah jumlah pagu sub kegiatannya.'
        )
    pembawa = pembawa_anggaran_baru(kegiatan)
    pembawa.full_clean()
    pembawa.save()
    return pembawa
