"""`python manage.py pengingat [--sekarang "TTTT-BB-HH JJ:MM"] [--kering]`: send the reminders due
(kinerja/pengingat.py); run daily by deploy/kinerja-pengingat.timer."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kinerja import rules
from kinerja.models.pengingat import JenisPengingat
from kinerja.pengingat import kirim_pengingat, waktu_lokal


class Command(BaseCommand):
    help = (
        "Mengirim pengingat yang jatuh tempo: kepada operator sebelum batas waktu isian triwulan, pada harinya, "
        "dan selama terlambat; kepada operator triwulan yang dikembalikan dan belum diajukan lagi; dan ringkasan "
        "harian kepada verifikator. Setiap pengingat dikirim sekali saja, berapa kali pun perintah ini dijalankan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sekarang",
            metavar='"TTTT-BB-HH JJ:MM"',
            help="Waktu (zona TIME_ZONE) yang dipakai sebagai saat ini; bawaannya saat ini.",
        )
        parser.add_argument(
            "--kering", action="store_true", help="Hanya menampilkan yang akan dikirim; tidak mengirim atau mencatat."
        )

    def handle(self, *args, sekarang=None, kering=False, **options):
        try:
            saat = waktu_lokal(sekarang) if sekarang else timezone.now()
        except ValueError as e:
            raise CommandError(str(e)) from e
        hasil = kirim_pengingat(saat, kering=kering)
        if kering:
            for p in hasil.pesan:
                self.stdout.write(f"[kering] {JenisPengingat(p.jenis).label} → {p.alamat}: {p.subjek}")
        judul = "akan dikirim" if kering else "terkirim"
        rincian = ", ".join(f"{j.label.lower()} {hasil.terkirim[j.value]}" for j in JenisPengingat)
        self.stdout.write(
            f"Pengingat {rules.format_waktu(timezone.localtime(saat))}: {judul} {sum(hasil.terkirim.values())} "
            f"({rincian})."
        )
        self.stdout.write(f"Sudah terkirim sebelumnya (dilewati): {hasil.sudah}.")
        self.stdout.write(f"Pengguna tanpa alamat e-mail (dilewati): {hasil.tanpa_alamat}.")
        if hasil.gagal:
            self.stderr.write(
                f"Gagal dikirim: {hasil.gagal} (tidak dicatat; dicoba lagi pada jalan berikutnya, lihat log)."
            )
