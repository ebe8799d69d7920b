"""In the admin an Admin who is not a superuser gives no more than they hold: no superuser status,
no direct permissions, only groups whose permissions they hold themselves, access to the admin
site only with the Admin role; accounts holding more (superusers, members of a stronger group)
cannot be opened, changed, given a password or deleted; groups are changed by superusers only.
Every path is tried with crafted POSTs, not only what the forms show."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from kinerja import demo
from kinerja.models import Peran, User

from .factories import UserFactory, admin, operator

pytestmark = pytest.mark.django_db

SANDI_BARU = "Sandi-Baru-Yang-Panjang-93"


class _IsianForm(HTMLParser):
    """What a browser would submit from the form with id `form_id`: {name: [values]}."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.data = {}
        self._di_form = False
        self._select = None
        self._textarea = None

    def _tambah(self, nama, nilai):
        self.data.setdefault(nama, []).append(nilai)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._di_form = a.get("id") == self.form_id
        if not self._di_form or "disabled" in a:
            return
        if tag == "input" and a.get("name"):
            jenis = a.get("type", "text")
            if jenis in ("submit", "button", "file", "image", "reset"):
                return
            if jenis in ("checkbox", "radio"):
                if "checked" in a:
                    self._tambah(a["name"], a.get("value") or "on")
                return
            self._tambah(a["name"], a.get("value") or "")
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self._tambah(self._select, a.get("value") or "")
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self._tambah(self._textarea, "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._di_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._di_form and self._textarea:
            self.data[self._textarea][-1] += data


def isian_form(respons, form_id="user_form"):
    pengurai = _IsianForm(form_id)
    pengurai.feed(respons.content.decode())
    return pengurai.data


def grup(peran):
    return Group.objects.get(name=peran.value)


def izin(*kode):
    """Permissions by "app_label.codename"."""
    hasil = []
    for k in kode:
        app, codename = k.split(".")
        hasil.append(Permission.objects.get(content_type__app_label=app, codename=codename))
    return hasil


@pytest.fixture
def pengelola():
    """A group a superuser made with more than the Admin role holds: it changes groups."""
    g = Group.objects.create(name="Pengelola")
    g.permissions.set([*grup(Peran.ADMIN).permissions.all(), *izin("auth.change_group", "auth.add_group")])
    return g


@pytest.fixture
def si_admin():
    return admin(username="admin_dinas")


@pytest.fixture
def klien(client, si_admin):
    client.force_login(si_admin)
    return client


@pytest.fixture
def superuser():
    return UserFactory(username="akar", is_superuser=True, is_staff=True)


def url_ubah(user):
    return reverse("admin:kinerja_user_change", args=[user.pk])


def url_sandi(user):
    return reverse("admin:auth_user_password_change", args=[user.pk])


def kirim_ubah(klien, user, **ubah):
    """GET the change form of `user`, then POST what the browser would, with `ubah` over it."""
    data = isian_form(klien.get(url_ubah(user))) | ubah
    return klien.post(url_ubah(user), data)


# --- what the forms offer ----------------------------------------------------------------


def test_admin_sees_no_superuser_status_nor_direct_permissions_on_own_account(klien, si_admin):
    respons = klien.get(url_ubah(si_admin))

    assert respons.status_code == 200
    field = set(respons.context["adminform"].form.fields)
    assert {"is_superuser", "user_permissions"}.isdisjoint(field)
    assert {"is_active", "is_staff", "groups"} <= field


def test_admin_is_offered_only_groups_within_own_permissions(klien, pengelola):
    for url in (reverse("admin:kinerja_user_add"), url_ubah(operator())):
        form = klien.get(url).context["adminform"].form
        assert {g.name for g in form.fields["groups"].queryset} == {"Operator", "Verifikator", "Admin"}, url


def test_a_superuser_still_sees_and_grants_superuser_status(client, superuser):
    client.force_login(superuser)
    lain = operator()

    assert "is_superuser" in client.get(url_ubah(lain)).context["adminform"].form.fields
    kirim_ubah(client, lain, is_superuser="on")

    lain.refresh_from_db()
    assert lain.is_superuser


# --- crafted POSTs on the change form -----------------------------------------------------


def test_admin_cannot_grant_superuser_to_self(klien, si_admin):
    axes = [p.pk for p in Permission.objects.filter(content_type__app_label="axes")]

    respons = kirim_ubah(klien, si_admin, is_superuser="on", user_permissions=axes)

    assert respons.status_code == 302
    si_admin.refresh_from_db()
    assert not si_admin.is_superuser
    assert not si_admin.user_permissions.exists()
    assert klien.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403


def test_admin_cannot_grant_superuser_or_direct_permissions_to_another_account(klien):
    lain = admin()
    ubah_grup = [p.pk for p in izin("auth.change_group", "auth.add_group")]

    kirim_ubah(klien, lain, is_superuser="on", user_permissions=ubah_grup)

    lain.refresh_from_db()
    assert not lain.is_superuser
    assert not lain.user_permissions.exists()


def test_admin_cannot_put_an_account_into_a_group_above_own_permissions(klien, si_admin, pengelola):
    for user in (si_admin, operator()):
        respons = kirim_ubah(klien, user, groups=[str(pengelola.pk)])

        assert respons.status_code == 200
        assert "groups" in respons.context["adminform"].form.errors
        assert not user.groups.filter(pk=pengelola.pk).exists()


def test_admin_may_move_an_account_between_the_three_roles(klien):
    lain = operator()

    respons = kirim_ubah(klien, lain, groups=[str(grup(Peran.VERIFIKATOR).pk)])

    assert respons.status_code == 302
    assert [g.name for g in lain.groups.all()] == ["Verifikator"]


def test_staff_access_is_refused_to_an_account_without_the_admin_role(klien):
    lain = operator()

    respons = kirim_ubah(klien, lain, is_staff="on")

    assert respons.status_code == 200
    assert "hanya untuk peran Admin" in str(respons.context["adminform"].form.non_field_errors())
    lain.refresh_from_db()
    assert not lain.is_staff


def test_staff_access_is_granted_together_with_the_admin_role(klien):
    lain = operator()

    kirim_ubah(klien, lain, is_staff="on", groups=[str(grup(Peran.ADMIN).pk)])

    lain.refresh_from_db()
    assert lain.is_staff
    assert lain.peran == Peran.ADMIN


def test_an_admin_saving_own_account_unchanged_keeps_role_and_staff_access(klien, si_admin):
    assert kirim_ubah(klien, si_admin).status_code == 302

    si_admin.refresh_from_db()
    assert si_admin.is_staff and si_admin.peran == Peran.ADMIN and not si_admin.is_superuser


# --- crafted POSTs on the add form --------------------------------------------------------


def test_admin_cannot_create_a_superuser_nor_give_direct_permissions_or_staff_access(klien):
    axes = [p.pk for p in Permission.objects.filter(content_type__app_label="axes")]
    data = {
        "username": "baru",
        "usable_password": "true",
        "password1": SANDI_BARU,
        "password2": SANDI_BARU,
        "groups": [str(grup(Peran.OPERATOR).pk)],
        "is_superuser": "on",
        "is_staff": "on",
        "user_permissions": axes,
    }

    respons = klien.post(reverse("admin:kinerja_user_add"), data)

    assert respons.status_code == 302
    baru = User.objects.get(username="baru")
    assert not baru.is_superuser and not baru.is_staff
    assert not baru.user_permissions.exists()
    assert [g.name for g in baru.groups.all()] == ["Operator"]


def test_admin_cannot_create_an_account_in_a_group_above_own_permissions(klien, pengelola):
    data = {
        "username": "baru",
        "usable_password": "true",
        "password1": SANDI_BARU,
        "password2": SANDI_BARU,
        "groups": [str(pengelola.pk)],
    }

    respons = klien.post(reverse("admin:kinerja_user_add"), data)

    assert respons.status_code == 200
    assert "groups" in respons.context["adminform"].form.errors
    assert not User.objects.filter(username="baru").exists()


# --- accounts holding more than the Admin ------------------------------------------------


@pytest.fixture(params=["superuser", "anggota grup lebih kuat", "izin langsung"])
def lebih_kuat(request, pengelola):
    """An account holding more than the Admin role: a superuser, a member of a stronger group, or
    a user given a permission directly by a superuser."""
    if request.param == "superuser":
        return UserFactory(is_superuser=True, is_staff=True)
    user = admin()
    if request.param == "anggota grup lebih kuat":
        user.groups.add(pengelola)
    else:
        user.user_permissions.add(*izin("auth.change_group"))
    return user


def test_admin_cannot_open_or_change_an_account_holding_more(klien, lebih_kuat):
    assert klien.get(url_ubah(lebih_kuat)).status_code == 302
    data = {"username": "diambil", "is_active": "on", "date_joined_0": "01/01/2024", "date_joined_1": "00:00:00"}

    klien.post(url_ubah(lebih_kuat), data)

    lebih_kuat.refresh_from_db()
    assert lebih_kuat.username != "diambil"
    assert lebih_kuat not in klien.get(reverse("admin:kinerja_user_changelist")).context["cl"].result_list


def test_admin_cannot_set_the_password_of_an_account_holding_more(klien, lebih_kuat):
    respons = klien.post(
        url_sandi(lebih_kuat), {"usable_password": "true", "password1": SANDI_BARU, "password2": SANDI_BARU}
    )

    assert respons.status_code == 404
    lebih_kuat.refresh_from_db()
    assert not lebih_kuat.check_password(SANDI_BARU)


def test_admin_may_set_the_password_of_an_operator(klien):
    lain = operator()

    klien.post(url_sandi(lain), {"usable_password": "true", "password1": SANDI_BARU, "password2": SANDI_BARU})

    lain.refresh_from_db()
    assert lain.check_password(SANDI_BARU)


def test_admin_cannot_delete_an_account_holding_more(klien, lebih_kuat):
    klien.post(reverse("admin:kinerja_user_delete", args=[lebih_kuat.pk]), {"post": "yes"})

    assert User.objects.filter(pk=lebih_kuat.pk).exists()


def test_admin_cannot_delete_an_account_holding_more_with_the_bulk_action(klien, lebih_kuat):
    lain = operator()

    klien.post(
        reverse("admin:kinerja_user_changelist"),
        {"action": "delete_selected", "_selected_action": [lebih_kuat.pk, lain.pk], "post": "yes"},
    )

    assert User.objects.filter(pk=lebih_kuat.pk).exists()
    assert not User.objects.filter(pk=lain.pk).exists()


def test_the_user_list_has_no_action_but_delete_selected(klien):
    """An action added later runs on the same scoped queryset; this one is tested above."""
    daftar = klien.get(reverse("admin:kinerja_user_changelist"))
    aksi = [nama for nama, _ in daftar.context["action_form"].fields["action"].choices if nama]
    assert aksi == ["delete_selected"]


# --- groups ------------------------------------------------------------------------------


def test_admin_cannot_change_groups_even_when_given_permissions_on_them(klien, si_admin):
    """Were the Admin role given permissions on groups, it could add any permission to itself."""
    peran_admin = grup(Peran.ADMIN)
    peran_admin.permissions.add(*izin("auth.add_group", "auth.change_group", "auth.delete_group"))
    semua = [str(p.pk) for p in Permission.objects.all()]
    url = reverse("admin:auth_group_change", args=[peran_admin.pk])

    respons = klien.post(url, {"name": "Admin", "permissions": semua})

    assert respons.status_code == 403
    assert klien.post(reverse("admin:auth_group_add"), {"name": "Baru", "permissions": semua}).status_code == 403
    assert klien.post(reverse("admin:auth_group_delete", args=[peran_admin.pk]), {"post": "yes"}).status_code == 403
    assert not Group.objects.filter(name="Baru").exists()
    assert not si_admin.has_perm("axes.change_accessattempt")
    assert klien.get(url).status_code == 200  # still readable


def test_a_superuser_still_changes_groups(client, superuser):
    client.force_login(superuser)
    g = Group.objects.create(name="Uji")
    p = izin("kinerja.view_pelaporan")[0]

    client.post(reverse("admin:auth_group_change", args=[g.pk]), {"name": "Uji", "permissions": [p.pk]})

    assert list(g.permissions.all()) == [p]


# --- the demo accounts -------------------------------------------------------------------


def test_the_demo_accounts_keep_to_the_rules_and_save_unchanged(client, settings):
    """Only the demo admin has staff access, with the Admin role and no superuser status; each
    demo account it may manage saves unchanged through the admin's form."""
    settings.DEBUG = True
    dibuat, _ = demo.buat_akun_demo()
    akun = User.objects.filter(username__in=dibuat)
    assert [(u.username, u.is_staff, u.is_superuser) for u in akun if u.is_staff or u.is_superuser] == [
        ("admin", True, False)
    ]
    client.force_login(akun.get(username="admin"))

    for user in akun:
        assert kirim_ubah(client, user).status_code == 302, user.username
        user.refresh_from_db()
        assert user.is_staff == (user.peran == Peran.ADMIN)
