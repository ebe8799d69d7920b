"""`python manage.py impor FORMAT BERKAS --opd KODE --tahun YYYY [--dry-run] [--jumlah rincian|total]`:
the importers of the admin page, for batch runs. Prints the preview; exits 1 when the file has
errors. A printed total that disagrees with the sum of its parts is a question the page asks
(kinerja.importers.keputusan); here `--jumlah` answers every such question at once, and without
it a file raising one writes nothing."""

from django.core.management.base import BaseCommand, CommandError

from kinerja import importers
from kinerja.importers import keputusan
from kinerja.importers.hasil import BATAS_BARIS_DIABAIKAN, LABEL_STATUS_BARIS
from renstra.models import PerangkatDaerah


class Command(BaseCommand):
    help = (
        "Mengimpor buku kerja XLSX (Matriks Renstra, evaluasi kinerja triwulan, realisasi anggaran, Renstra "
        "lengkap) untuk satu perangkat daerah dan tahun; Renstra lengkap membuat perangkat daerahnya bila belum ada. "
        "Semua atau tidak sama sekali: bila ada satu galat, tidak ada yang disimpan."
    )

    def add_arguments(self, parser):
        parser.add_argument("format", choices=list(importers.FORMAT), help="Bentuk tabel dalam berkas.")
        parser.add_argument("berkas", help="Berkas .xlsx.")
        parser.add_argument("--opd", required=True, help="Kode perangkat daerah, mis. DSPPPA-BATUBARA.")
        parser.add_argument(
            "--tahun",
            type=int,
            help="Tahun yang diimpor, mis. 2025 (tidak perlu untuk format renstra: buku kerjanya memuat periodenya).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Hanya periksa dan tampilkan pratinjau.")
        parser.add_argument(
            "--jumlah",
            choices=list(keputusan.PILIHAN),
            help="Bila jumlah tercetak sebuah program atau kegiatan berbeda dari jumlah rinciannya: "
            "rincian = rincian benar, jumlah tercetak salah (catatan data diselesaikan sebagai salah cetak); "
            "total = jumlah tercetak benar, salah satu rinciannya salah (catatan data tetap terbuka). "
            "Berlaku untuk semua baris seperti itu; tanpa pilihan ini berkas seperti itu tidak disimpan.",
        )

    def tulis_akun_baris(self, hasil):
        """Every row read and what became of it: the count per status, then each row not imported
        with its reason (kinerja.importers.hasil.Hasil.akun_baris)."""
        jumlah = hasil.jumlah_akun()
        if not jumlah:
            return
        urutan = [s for s in LABEL_STATUS_BARIS if jumlah.get(s)]
        rincian = ", ".join(f"{jumlah[s]} {LABEL_STATUS_BARIS[s]}" for s in urutan)
        self.stdout.write(f"{hasil.baris_dibaca} baris dibaca: {rincian}.")
        lain = hasil.rentang_tidak_diimpor()
        for a in lain[:BATAS_BARIS_DIABAIKAN]:
            self.stdout.write(f"  lembar {a.lembar} baris {a.baris}: {a.label_status} — {a.alasan}")
        if len(lain) > BATAS_BARIS_DIABAIKAN:
            self.stdout.write(f"  … dan {len(lain) - BATAS_BARIS_DIABAIKAN} kelompok baris lagi.")

    def handle(self, *args, format, berkas, opd, tahun, dry_run=False, jumlah=None, **options):
        modul = importers.FORMAT[format]
        dari_berkas = getattr(modul, "TAHUN_DARI_BERKAS", False)
        if tahun is None and not dari_berkas:
            raise CommandError(f"--tahun wajib untuk format {format}.")
        perangkat = PerangkatDaerah.objects.filter(kode=opd).first()
        if perangkat is None:
            if not dari_berkas:
                raise CommandError(f'Perangkat daerah dengan kode "{opd}" tidak ditemukan.')
            perangkat = PerangkatDaerah(kode=opd)  # created from the workbook's sheet Perangkat Daerah
        try:
            hasil = importers.jalankan(
                format,
                berkas,
                opd=perangkat,
                tahun=tahun,
                simpan=not dry_run,
                keputusan=None if dry_run else (jumlah or {}),
            )
        except FileNotFoundError as e:
            raise CommandError(f"Berkas {berkas} tidak ditemukan.") from e
        waktu = f"tahun {tahun}" if tahun else "periode dari berkas"
        nama = perangkat.nama or f"{perangkat.kode} (baru)"
        self.stdout.write(f"{modul.JUDUL} — {nama} — {waktu}: {hasil.baris} baris data dibaca.")
        if hasil.jumlah:
            self.stdout.write(f"{'':24}{'dibuat':>10}{'diubah':>10}{'tetap':>10}")
            for model, dibuat, diubah, tetap in hasil.baris_jumlah():
                self.stdout.write(f"{model:24}{dibuat:>10}{diubah:>10}{tetap:>10}")
        self.tulis_akun_baris(hasil)
        for masalah in hasil.masalah:
            (self.stdout if masalah.peringatan else self.stderr).write(str(masalah))
        pertanyaan = hasil.pertanyaan_jumlah()
        petunjuk = (
            f"Jumlah tercetak berbeda dari jumlah rinciannya di {keputusan.sebut_semua(pertanyaan)}: pilih mana "
            f"yang benar dengan --jumlah rincian ({keputusan.PILIHAN['rincian'].lower()}) atau --jumlah total "
            f"({keputusan.PILIHAN['total'].lower()})."
        )
        if not hasil.sah:
            pesan = f"{len(hasil.galat)} galat; tidak ada yang disimpan."
            if pertanyaan and not dry_run and not jumlah:
                pesan = f"{pesan} {petunjuk}"
            raise CommandError(pesan, returncode=1)
        if pertanyaan and dry_run:
            self.stdout.write(f"Untuk menyimpan: {petunjuk}")
        elif pertanyaan:
            self.stdout.write(
                f"Jumlah tercetak yang berbeda dari rinciannya ({len(pertanyaan)} baris): "
                f"{keputusan.PILIHAN[jumlah].lower()}; disimpan sebagai catatan data."
            )
        if hasil.disimpan:
            self.stdout.write(self.style.SUCCESS("Disimpan." if hasil.ada_perubahan else "Tidak ada perubahan."))
        else:
            self.stdout.write("Pratinjau saja (--dry-run): tidak ada yang disimpan.")
