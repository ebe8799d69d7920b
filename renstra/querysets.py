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
