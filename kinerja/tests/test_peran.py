"""The three roles are groups created by a data migration, with the permissions DESIGN.md gives."""

import pytest
from django.contrib.auth.models import Group

from kinerja.models import Peran

from .factories import admin, operator, verifikator

pytestmark = pytest.mark.django_db


def test_the_three_roles_exist_after_migrating():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Operator", "Verifikator", "Admin"}


@pytest.mark.parametrize(
    ("buat", "boleh", "tidak_boleh"),
    [
        (
            operator,
            [
                "kinerja.add_realisasi",
                "kinerja.change_realisasi",
                "kinerja.change_realisasianggaran",
                "kinerja.add_datadukung",
                "kinerja.change_pelaporan",
                "renstra.view_target",
                "kinerja.view_historicalrealisasi",
            ],
            [
                "renstra.change_target",
                "renstra.change_pagu",
                "renstra.add_subkegiatan",
                "kinerja.delete_realisasi",
                "renstra.lihat_semua_opd",
                "kinerja.add_user",
            ],
        ),
        (
            verifikator,
            [
                "renstra.lihat_semua_opd",
                "renstra.view_indikator",
                "kinerja.view_realisasi",
                "kinerja.change_pelaporan",
                "renstra.view_historicaltarget",
            ],
            [
                "kinerja.change_realisasi",
                "kinerja.add_realisasi",
                "kinerja.change_realisasianggaran",
                "renstra.change_target",
                "renstra.change_pagu",
            ],
        ),
        (
            admin,
            [
                "renstra.lihat_semua_opd",
                "renstra.add_subkegiatan",
                "renstra.change_target",
                "renstra.delete_pagu",
                "kinerja.add_user",
                "kinerja.change_realisasi",
                "renstra.view_historicalpagu",
            ],
            ["auth.change_group", "auth.delete_group"],
        ),
    ],
    ids=["operator", "verifikator", "admin"],
)
def test_each_role_may_do_its_work_and_nothing_more(buat, boleh, tidak_boleh):
    user = buat()
    assert [p for p in boleh if not user.has_perm(p)] == []
    assert [p for p in tidak_boleh if user.has_perm(p)] == []


@pytest.mark.parametrize(
    ("buat", "peran"), [(operator, Peran.OPERATOR), (verifikator, Peran.VERIFIKATOR), (admin, Peran.ADMIN)]
)
def test_users_role_is_read_from_their_group(buat, peran):
    assert buat().peran == peran
