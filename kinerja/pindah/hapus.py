"""Removing an agency's data: before an archive replaces it (`impor_opd --ganti`), or the whole
agency. Realisations, submissions and narratives protect the plan they belong to from being
deleted by accident, so they go first, in order; files (evidence, uploaded workbooks) leave the
disk only once the transaction commits."""

from django.core.files.storage import default_storage
from django.db import transaction

from kinerja.models import Impor, NarasiLaporan, Pelaporan, Realisasi, RealisasiAnggaran, User
from renstra.models import Bidang, Renstra

from .format import PindahGagal


def _hapus_berkas_setelah_commit(nama_berkas):
    def hapus():
        for nama in nama_berkas:
            if nama:
                default_storage.delete(nama)

    transaction.on_commit(hapus)


@transaction.atomic
def hapus_isi_opd(opd):
    """Delete every Renstra (with its tree, indicators, targets, pagu), realisation, evidence file,
    spending, submission and LKjIP narrative of `opd`, and its bidang. The agency itself, its
    user accounts (who lose their bidang) and its uploaded workbooks stay.

    The agency's submissions are locked first, as every writer of a quarter does
    (kinerja/versi.py): a save under way finishes before its rows are replaced, a later one waits
    and then finds the agency replaced. Evidence files leave with their rows (kinerja/berkas.py)."""
    list(Pelaporan.objects.select_for_update().filter(opd=opd).values_list("pk", flat=True))
    NarasiLaporan.objects.filter(opd=opd).delete()
    Pelaporan.objects.filter(opd=opd).delete()
    Realisasi.objects.filter(indikator__renstra__opd=opd).delete()
    RealisasiAnggaran.objects.filter(sub_kegiatan__kegiatan__program__renstra__opd=opd).delete()
    Renstra.objects.filter(opd=opd).delete()
    Bidang.objects.filter(opd=opd).delete()


@transaction.atomic
def hapus_opd(opd):
    """Delete the agency with everything it holds; refused while user accounts belong to it."""
    pengguna = list(User.objects.filter(opd=opd).values_list("username", flat=True))
    if pengguna:
        raise PindahGagal(
            f"{opd.kode} masih mempunyai {len(pengguna)} akun pengguna ({', '.join(pengguna[:5])}); "
            "pindahkan atau hapus akun itu dulu."
        )
    berkas_impor = list(Impor.objects.filter(opd=opd).values_list("berkas", flat=True))
    hapus_isi_opd(opd)
    opd.delete()
    _hapus_berkas_setelah_commit(berkas_impor)
