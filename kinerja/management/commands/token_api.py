"""`python manage.py token_api USERNAME`: make a new API token for a consumer account and print
it (README "API baca (JSON)"). The account's token before it stops working."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rest_framework.authtoken.models import Token

from kinerja.audit import catat_setelah_commit


class Command(BaseCommand):
    help = (
        "Membuat token API baru untuk akun USERNAME dan mencetaknya. Token lama akun itu (bila ada) tidak "
        "berlaku lagi. Token melihat perangkat daerah yang sama dengan akunnya."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="Nama pengguna akun konsumen API.")

    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Pengguna {username!r} tidak ada.") from None
        if not user.is_active:
            raise CommandError(f"Pengguna {username!r} tidak aktif: aktifkan dulu akunnya di admin.")
        with transaction.atomic():
            Token.objects.filter(user=user).delete()
            token = Token.objects.create(user=user)
            catat_setelah_commit("api.token_dibuat", pengguna=username)
        self.stdout.write(token.key)
