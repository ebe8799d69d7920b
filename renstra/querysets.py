"""Querysets that know who may see what: an operator sees the agency they belong to, a user
with the permission `renstra.lihat_semua_opd` (Verifikator, Admin) every agency, anyone else
nothing. Views fetch objects through these, so another agency's id is a 404 by construction."""

from django.db import models

IZIN_SEMUA_OPD = "renstra.lihat_semua_opd"


def filter_opd_pengguna(queryset, user, jalur_opd):
    """Restrict `queryset` to the agencies `user` may see; `jalur_opd` is the lookup to the agency."""
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.has_perm(IZIN_SEMUA_OPD):
        return queryset
    if getattr(user, "opd_id", None):
        return queryset.filter(**{jalur_opd: user.opd_id})
    return queryset.none()


class PerangkatDaerahQuerySet(models.QuerySet):
    def for_user(self, user):
        return filter_opd_pengguna(self, user, "pk")


class RenstraQuerySet(models.QuerySet):
    def for_user(self, user):
        return filter_opd_pengguna(self, user, "opd")

    def berlaku_pada(self, tahun):
        """Active Renstra whose period covers `tahun`."""
        return self.filter(aktif=True, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)


class BerlakuQuerySet(models.QuerySet):
    """Programs, kegiatan and sub kegiatan: the years each is in force (nomenclature changes
    between years, Kepmendagri 050-5889/2021 and its yearly updates)."""

    JALUR_INDUK = ()  # lookups to the ancestors, which must be in force too

    def berlaku_pada(self, tahun):
        """The nodes in force in `tahun` whose ancestors are in force too: what that year's
        reports, PK and entry page list."""
        from renstra.models.rencana import berlaku_pada

        saring = berlaku_pada(tahun)
        for jalur in self.JALUR_INDUK:
            saring &= berlaku_pada(tahun, jalur)
        return self.filter(saring)


class ProgramQuerySet(BerlakuQuerySet):
    pass


class KegiatanQuerySet(BerlakuQuerySet):
    JALUR_INDUK = ("program__",)


class SubKegiatanQuerySet(BerlakuQuerySet):
    JALUR_INDUK = ("kegiatan__", "kegiatan__program__")

    def tampil(self):
        """The sub kegiatan shown as rows: without the hidden row that carries the budget of a
        kegiatan of the nomenclature before 2021 (`mewakili_kegiatan`), whose money is shown on
        the kegiatan's own row. Sums of money go over every row, this one included."""
        return self.filter(mewakili_kegiatan=False)

    def anggaran_kegiatan(self):
        """Only the hidden rows carrying an old-nomenclature kegiatan's budget."""
        return self.filter(mewakili_kegiatan=True)
