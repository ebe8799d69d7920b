from django.urls import path

from . import views, views_narasi

app_name = "laporan"

LAPORAN = "laporan/<str:kode>/<int:tahun>/<slug:nama>"
NARASI = "laporan/<str:kode>/<int:tahun>/lkjip/narasi"

urlpatterns = [
    path("laporan/", views.daftar, name="daftar"),
    path("laporan/huruf/<str:nama>", views.huruf, name="huruf"),
    path(f"{LAPORAN}/", views.laporan_html, name="laporan_html"),
    path(f"{LAPORAN}.pdf", views.laporan_pdf, name="laporan_pdf"),
    path(f"{LAPORAN}.xlsx", views.laporan_xlsx, name="laporan_xlsx"),
    path(f"{NARASI}/salin-tahun-lalu/", views_narasi.narasi_salin, name="narasi_salin"),
    path(f"{NARASI}/<slug:bagian>/", views_narasi.narasi_tampil, name="narasi_tampil"),
    path(f"{NARASI}/<slug:bagian>/ubah/", views_narasi.narasi_ubah, name="narasi_ubah"),
    path(f"{NARASI}/<slug:bagian>/riwayat/", views_narasi.narasi_riwayat, name="narasi_riwayat"),
]
