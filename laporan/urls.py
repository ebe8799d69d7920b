from django.urls import path

from . import views, views_dasbor, views_narasi

app_name = "laporan"

LAPORAN = "laporan/<str:kode>/<int:tahun>/<slug:nama>"
NARASI = "laporan/<str:kode>/<int:tahun>/lkjip/narasi"
OPD = "dasbor/<str:kode>/<int:tahun>"
SIMPUL = f"{OPD}/<slug:level>/<str:pk>"

urlpatterns = [
    path("dasbor/", views_dasbor.dasbor, name="dasbor"),
    path("dasbor/wilayah/", views_dasbor.wilayah, name="dasbor_wilayah"),
    path("dasbor/wilayah.<slug:format>", views_dasbor.wilayah_unduh, name="dasbor_wilayah_unduh"),
    path("dasbor/keterlambatan/", views_dasbor.keterlambatan, name="dasbor_keterlambatan"),
    path("dasbor/keterlambatan.<slug:format>", views_dasbor.keterlambatan_unduh, name="dasbor_keterlambatan_unduh"),
    path(f"{OPD}/", views_dasbor.opd, name="dasbor_opd"),
    path(f"{OPD}.xlsx", views_dasbor.opd_unduh, name="dasbor_opd_unduh"),
    path(f"{OPD}/indikator/<int:pk>/", views_dasbor.indikator, name="dasbor_indikator"),
    path(f"{OPD}/indikator/<int:pk>.xlsx", views_dasbor.indikator_unduh, name="dasbor_indikator_unduh"),
    path(f"{SIMPUL}/", views_dasbor.opd, name="dasbor_simpul"),
    path(f"{SIMPUL}.xlsx", views_dasbor.opd_unduh, name="dasbor_simpul_unduh"),
    path("laporan/", views.daftar, name="daftar"),
    path("laporan/huruf/<str:nama>", views.huruf, name="huruf"),
    path(f"{LAPORAN}/", views.laporan_html, name="laporan_html"),
    path(f"{LAPORAN}.pdf", views.laporan_pdf, name="laporan_pdf"),
    path(f"{LAPORAN}.xlsx", views.laporan_xlsx, name="laporan_xlsx"),
    path("laporan/berita-acara/wilayah.<slug:format>", views.berita_acara_wilayah, name="berita_acara_wilayah"),
    path("laporan/cetak/<uuid:pk>/", views.cetak, name="cetak"),
    path("laporan/cetak/<uuid:pk>/unduh/", views.cetak_unduh, name="cetak_unduh"),
    path(f"{NARASI}/salin-tahun-lalu/", views_narasi.narasi_salin, name="narasi_salin"),
    path(f"{NARASI}/<slug:bagian>/", views_narasi.narasi_tampil, name="narasi_tampil"),
    path(f"{NARASI}/<slug:bagian>/ubah/", views_narasi.narasi_ubah, name="narasi_ubah"),
    path(f"{NARASI}/<slug:bagian>/riwayat/", views_narasi.narasi_riwayat, name="narasi_riwayat"),
]
