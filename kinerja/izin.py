"""Who may do what with which agency's quarter (django-rules object permissions).

Roles give the kind of work (model permissions of the groups, migration 0003); these rules add
the scope: an operator reads and works only in their own agency, and only on their own bidang's
indicators when their account has one. Where a quarter is in its workflow (draft, submitted, verified) is checked by the
services, for every user, superusers included.
"""

import rules

from renstra.models import Indikator, PerangkatDaerah
from renstra.querysets import IZIN_SEMUA_OPD

from .models import DataDukung, NarasiLaporan, Pelaporan, Realisasi
from .selectors import bidang_penanggung_jawab_id


def _opd_id(obj):
    if isinstance(obj, PerangkatDaerah):
        return obj.pk
    if isinstance(obj, Pelaporan):
        return obj.opd_id
    if isinstance(obj, Realisasi):
        return obj.indikator.renstra.opd_id
    if isinstance(obj, DataDukung):
        return obj.realisasi.indikator.renstra.opd_id
    if isinstance(obj, NarasiLaporan):
        return obj.opd_id
    return obj.renstra.opd_id  # an indicator


def _indikator(obj):
    if isinstance(obj, Realisasi):
        return obj.indikator
    if isinstance(obj, DataDukung):
        return obj.realisasi.indikator
    if isinstance(obj, Indikator):
        return obj
    return None


@rules.predicate
def bidang_sendiri(user, obj):
    """A user with a bidang reads the realisations, evidence and history of their bidang's
    indicators only; the agency's own objects (its submissions) stay readable."""
    if user.bidang_id is None:
        return True
    indikator = _indikator(obj)
    return indikator is None or bidang_penanggung_jawab_id(indikator) == user.bidang_id


@rules.predicate
def melihat_semua_opd(user):
    return user.has_perm(IZIN_SEMUA_OPD)


@rules.predicate
def anggota_opd(user, obj):
    return obj is not None and bool(user.opd_id) and user.opd_id == _opd_id(obj)


@rules.predicate
def operator(user):
    return user.has_perm("kinerja.change_realisasi")


@rules.predicate
def unit_sendiri(user, pelaporan):
    """A bidang operator of an agency that reports per bidang acts only on their bidang's
    submission; elsewhere the agency's submission holds their rows too."""
    if pelaporan is None or user.bidang_id is None or not pelaporan.opd.pelaporan_per_bidang:
        return True
    return pelaporan.bidang_id == user.bidang_id


@rules.predicate
def verifikator(user):
    return user.has_perm("kinerja.verifikasi_pelaporan")


@rules.predicate
def pembuka(user):
    return user.has_perm("kinerja.buka_kembali_pelaporan")


@rules.predicate
def penulis_narasi(user):
    return user.has_perm("kinerja.change_narasilaporan")


rules.add_perm("kinerja.lihat_opd", melihat_semua_opd | (anggota_opd & bidang_sendiri))
rules.add_perm("kinerja.isi_pelaporan", operator & anggota_opd & unit_sendiri)
rules.add_perm("kinerja.putuskan_pelaporan", verifikator)
rules.add_perm("kinerja.buka_pelaporan", pembuka)
# The LKjIP's prose is the agency's: its operators write it (any bidang), Admin for any agency.
rules.add_perm("kinerja.tulis_narasi", penulis_narasi & (melihat_semua_opd | anggota_opd))
