"""`python manage.py laporan NAMA --opd KODE --tahun YYYY [--triwulan N | --semester 1] [--bidang NAMA]
--format pdf|xlsx|html --output FILE`: any report as a file, for batch runs. A region's report
(`berita-acara-wilayah`) takes no --opd: it lists every agency."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from kinerja import rules
from laporan.builders import LAPORAN
from laporan.builders.berita_acara import KODE_WILAYAH, build_berita_acara_wilayah
from laporan.renderers.html import render_dokumen
from laporan.renderers.pdf import PdfTidakTersedia, render_pdf
from laporan.renderers.xlsx import render_xlsx
from renstra.models import PerangkatDaerah

RENDER = {
    "pdf": render_pdf,
    "xlsx": render_xlsx,
    "html": lambda laporan: render_dokumen(laporan).encode("utf-8"),
}


# The reports of the whole region, built from every agency: name → builder(agencies, year, quarter).
WILAYAH = {KODE_WILAYAH: build_berita_acara_wilayah}


def _tanggal(teks):
    try:
        return date.fromisoformat(teks)
    except ValueError:
        raise CommandError(f"Tanggal {teks!r} tidak sah; tulis TTTT-BB-HH, mis. 2025-01-07.") from None


class Command(BaseCommand):
    help = "Membuat satu laporan sebagai berkas PDF, XLSX atau HTML."

    def add_arguments(self, parser):
        parser.add_argument("nama", choices=sorted([*LAPORAN, *WILAYAH]), help="Jenis laporan.")
        parser.add_argument(
            "--opd", help="Kode perangkat daerah, mis. DSPPPA-BELITUNG (wajib, kecuali untuk laporan wilayah)."
        )
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4])
        parser.add_argument(
            "--semester", type=int, choices=[1], help="Laporan s.d. semester I (angka triwulan II), bila didukung."
        )
        parser.add_argument("--bidang", help="Nama bidang (untuk laporan per bidang).")
        parser.add_argument("--tanggal", type=_tanggal, help="Tanggal tanda tangan (TTTT-BB-HH); bawaan hari ini.")
        parser.add_argument("--format", choices=sorted(RENDER), required=True)
        parser.add_argument("--output", required=True, help="Berkas keluaran.")

    def handle(self, *args, nama, opd, tahun, triwulan, semester, bidang, tanggal, format, output, **options):
        if nama in WILAYAH:
            if semester:
                raise CommandError(f"Laporan {nama} tidak dibuat per semester.")
            if opd or bidang:
                raise CommandError(f"Laporan {nama} memuat semua perangkat daerah: jangan isi --opd atau --bidang.")
            semua = PerangkatDaerah.objects.order_by("nama")
            self._tulis(WILAYAH[nama](semua, tahun, triwulan or 4, tanggal=tanggal), format, output, f"{nama} {tahun}")
            return
        if not opd:
            raise CommandError(f"Laporan {nama} dibuat untuk satu perangkat daerah: isi --opd KODE.")
        jenis = LAPORAN[nama]
        try:
            perangkat = PerangkatDaerah.objects.get(kode=opd)
        except PerangkatDaerah.DoesNotExist:
            raise CommandError(f"Perangkat daerah dengan kode {opd!r} tidak ada.") from None
        unit = None
        if bidang:
            if not jenis.per_bidang:
                raise CommandError(f"Laporan {nama} tidak dibuat per bidang.")
            unit = perangkat.bidang.filter(nama__iexact=bidang).first()
            if unit is None:
                ada = ", ".join(perangkat.bidang.values_list("nama", flat=True)) or "tidak ada"
                raise CommandError(f"Bidang {bidang!r} tidak ada di {perangkat.kode}. Bidang yang ada: {ada}.")
        if triwulan and not jenis.per_triwulan:
            raise CommandError(f"Laporan {nama} tidak dibuat per triwulan.")
        pilihan = {}
        if semester:
            if not jenis.per_semester:
                raise CommandError(f"Laporan {nama} tidak dibuat per semester.")
            if triwulan:
                raise CommandError("Pilih --triwulan atau --semester, tidak keduanya.")
            pilihan["semester"] = semester
        laporan = jenis.build(perangkat, tahun, triwulan=triwulan, bidang=unit, tanggal=tanggal, **pilihan)
        self._tulis(laporan, format, output, f"{jenis.judul} {perangkat.kode} {tahun}")

    def _tulis(self, laporan, format, output, nama):
        try:
            isi = RENDER[format](laporan)
        except PdfTidakTersedia as galat:
            raise CommandError(str(galat)) from None
        with open(output, "wb") as berkas:
            berkas.write(isi)
        self.stderr.write(f"{nama} ditulis ke {output} ({rules.format_angka(len(isi), 0)} bita).")
